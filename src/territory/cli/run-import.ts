/**
 * Shared body of the import commands: read the arguments and the file, open the platform
 * database, import in one transaction, print counts (or every error) in French.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../platform/config.js';
import { configuredDb } from '../../platform/db/index.js';
import { IMPORTERS } from '../commands/import-geography.js';
import { decodeText } from '../import/csv.js';
import { formatIssues } from '../import/import-report.js';
import type { GeographyKind } from '../territory.js';

const WARNINGS_SHOWN = 10;

/** Runs one import command from `process.argv`; returns the process exit code. */
export async function runImportCli(kind: GeographyKind, argv: string[], example: string): Promise<number> {
  const [file, version, validFrom, validTo, ...rest] = argv;
  if (!file || !version || !validFrom || rest.length > 0) {
    process.stderr.write(
      `Usage : ${path.basename(process.argv[1] ?? `import-${kind}.ts`)} FICHIER VERSION DEBUT_VALIDITE [FIN_VALIDITE]\n` +
        `Exemple : ${example}\n` +
        'Les dates sont au format AAAA-MM-JJ. Une version existante du même nom est remplacée en entier.\n',
    );
    return 2;
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    process.stderr.write(`Impossible de lire ${file} : ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
    return 1;
  }
  const config = loadConfig();
  const database = await configuredDb(config).open();
  try {
    const started = Date.now();
    const outcome = await IMPORTERS[kind](database.db, {
      text: decodeText(bytes),
      version,
      validFrom,
      validTo: validTo ?? null,
      source: path.basename(file),
    });
    if (outcome.warnings.length > 0) {
      process.stdout.write(`${outcome.warnings.length} avertissement(s) :\n${formatIssues(outcome.warnings.slice(0, WARNINGS_SHOWN))}\n`);
      if (outcome.warnings.length > WARNINGS_SHOWN) process.stdout.write(`  … et ${outcome.warnings.length - WARNINGS_SHOWN} autre(s).\n`);
    }
    if (!outcome.ok) {
      process.stderr.write(`Import refusé, rien n'a été enregistré. ${outcome.errors.length} erreur(s) :\n${formatIssues(outcome.errors)}\n`);
      return 1;
    }
    const v = outcome.version;
    const counts = Object.entries(outcome.counts).map(([k, n]) => `${k} : ${n}`).join(', ');
    process.stdout.write(
      `Version ${v.name} importée en ${((Date.now() - started) / 1000).toFixed(1)} s ` +
        `(en vigueur du ${v.validFrom}${v.validTo ? ` au ${v.validTo}` : ', sans date de fin'}).\n${counts}\n`,
    );
    return 0;
  } finally {
    await database.close();
  }
}
