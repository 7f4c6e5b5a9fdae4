/**
 * `npm run audit:verify`: checks the hash chain of the audit log on the configured database
 * (DATABASE_URL, else DATA_DIR/pglite, as the server opens it). Exit 0 if intact, 1 if broken,
 * 2 if the check could not run.
 */
import { pathToFileURL } from 'node:url';
import { loadConfig, ConfigError } from '../config.js';
import { configuredDb, type Database } from '../db/index.js';
import { verifyChain } from './audit.store.js';
import type { ChainCheck } from './audit.js';

/** The French report of a verification, and the exit code it implies. */
export function describeCheck(check: ChainCheck): { code: 0 | 1; text: string } {
  if (check.ok) return { code: 0, text: `Journal d’audit intègre : ${check.count} entrée(s) vérifiée(s), aucune modification détectée.` };
  return {
    code: 1,
    text: `Journal d’audit ALTÉRÉ à l’entrée n° ${check.brokenAt} : ${check.reason}.\n${check.count} entrée(s) vérifiée(s) avant la rupture. Conservez une copie de la base et prévenez le responsable de la sécurité.`,
  };
}

/** Verifies the chain of an open database. */
export async function verifyDatabase(database: Database): Promise<{ code: 0 | 1; text: string }> {
  return describeCheck(await verifyChain(database.db));
}

async function main(): Promise<number> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      return 2;
    }
    throw e;
  }
  const { where } = configuredDb(config);
  const database = await configuredDb(config).open();
  try {
    const { code, text } = await verifyDatabase(database);
    process.stdout.write(`Base vérifiée : ${where}\n${text}\n`);
    return code;
  } finally {
    await database.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then((code) => process.exit(code), (e: unknown) => {
    process.stderr.write(`Vérification impossible : ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(2);
  });
}
