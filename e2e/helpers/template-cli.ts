/**
 * `node --import tsx e2e/helpers/template-cli.ts DIR`: seeds the demo once into DIR for a run of
 * several browser test files (called by scripts/test.mjs --e2e; see buildTemplate).
 */
import { buildTemplate } from './server.js';

const dir = process.argv[2];
if (!dir) {
  process.stderr.write('usage : template-cli.ts DOSSIER\n');
  process.exit(2);
}
const t0 = Date.now();
await buildTemplate(dir);
process.stdout.write(`Données de démonstration préparées une fois pour les tests navigateur en ${((Date.now() - t0) / 1000).toFixed(1)} s (${dir})\n`);
