/**
 * Runs every benchmark script of bench/ (each top-level *.ts file but this one), one after the
 * other, each in its own process so they cannot disturb one another. Each prints its own JSON.
 *
 *   npm run bench                 all of them
 *   npm run bench -- http         only those whose file name contains "http"
 *   npm run bench -- http -- --seconds 2    extra arguments after a second "--" go to every script
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const sep = argv.indexOf('--');
const filters = sep >= 0 ? argv.slice(0, sep) : argv;
const extra = sep >= 0 ? argv.slice(sep + 1) : [];

const scripts = fs.readdirSync(HERE)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.endsWith('.test.ts') && !f.endsWith('.d.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();

if (scripts.length === 0) {
  process.stderr.write(`Aucun benchmark ne correspond à : ${filters.join(' ')}\n`);
  process.exit(2);
}

let failed = 0;
for (const f of scripts) {
  process.stderr.write(`── bench/${f} ──\n`);
  const t0 = Date.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(HERE, f), ...extra], { stdio: 'inherit' });
  const s = ((Date.now() - t0) / 1000).toFixed(1);
  if (r.status !== 0) {
    failed++;
    process.stderr.write(`bench/${f} a échoué (code ${r.status ?? r.signal}) en ${s} s\n`);
  } else {
    process.stderr.write(`bench/${f} terminé en ${s} s\n`);
  }
}
process.exit(failed ? 1 : 0);
