/** Command line: imports the RNCP table (rncp_info CSV, `;`-separated, gzip accepted). Usage: npm run rncp:import -- FICHIER */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../platform/config.js';
import { configuredDb } from '../../platform/db/index.js';
import { importRncp } from '../commands/import-rncp.js';

async function main(argv: string[]): Promise<number> {
  const [file, ...rest] = argv;
  if (!file || rest.length > 0) {
    process.stderr.write('Usage : npm run rncp:import -- FICHIER\nExemple : npm run rncp:import -- assets/rncp/rncp_info_extrait.csv\nLe fichier remplace en entier la table RNCP importée ; au moindre défaut, rien n’est enregistré.\n');
    return 2;
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    process.stderr.write(`Impossible de lire ${file} : ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
    return 1;
  }
  const database = await configuredDb(loadConfig()).open();
  try {
    const r = await importRncp(database.db, bytes, path.basename(file), new Date());
    if (!r.ok) {
      process.stderr.write(`Import refusé, rien n’a été enregistré :\n${r.errors.map((e) => `  - ${e}`).join('\n')}\n`);
      return 1;
    }
    process.stdout.write(`${r.rows} certifications RNCP importées depuis ${path.basename(file)}.\n`);
    return 0;
  } finally {
    await database.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
