#!/usr/bin/env node
/**
 * The `npm test` entry. Plain Node (no TypeScript needed to start it).
 *
 *   node scripts/test.mjs                 type-check, then every src/**\/*.test.ts(x) on PGlite
 *   node scripts/test.mjs --no-typecheck  tests only
 *   node scripts/test.mjs --e2e           browser tests (e2e/**\/*.test.ts), one file at a time
 *   node scripts/test.mjs --pg            tests only, on a throwaway PostgreSQL 15 started and
 *                                         stopped here (scripts/pg-throwaway.sh; installs it if needed)
 *   node scripts/test.mjs FILE...         only these test files (no type-check)
 *   --all                                 on PostgreSQL, also the files that open no database
 *
 * With TEST_DATABASE_URL=postgres://... the same tests run against PostgreSQL (one database per
 * test, cloned from a migrated template: see src/platform/testing/database.ts).
 *
 * Node 20's test runner does not expand globs, so the files are listed here. The runner's own
 * summary (spec reporter: "ℹ tests / ℹ pass / ℹ fail") is printed, then one plain closing line
 * "LABEL: N passed, N failed, N skipped". Exit code: non-zero on a type error or a failed test,
 * and also when no test file was found.
 */
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith('--')));
const files = args.filter((a) => !a.startsWith('--'));
const e2e = flags.has('--e2e');
const pgFlag = flags.has('--pg');
const typecheck = !flags.has('--no-typecheck') && !e2e && !pgFlag && files.length === 0;
const concurrency = e2e ? 1 : Number(process.env.TEST_CONCURRENCY ?? 2);

// --pg: a throwaway cluster for this run only, stopped whatever happens.
let stopPg = () => {};
if (pgFlag && !process.env.TEST_DATABASE_URL) {
  const dir = `/tmp/label-gen-test-pg-${process.pid}`;
  const port = String(56000 + (process.pid % 1000));
  const script = path.join(ROOT, 'scripts/pg-throwaway.sh');
  const url = execFileSync('bash', [script, 'start', port, dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
  process.env.TEST_DATABASE_URL = url;
  process.env.POSTGIS_URL ??= url;
  stopPg = () => {
    try { execFileSync('bash', [script, 'stop', dir], { stdio: 'inherit' }); } catch { /* already stopped */ }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  process.on('exit', () => stopPg());
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(130));
}
const label = e2e ? 'e2e' : process.env.TEST_DATABASE_URL ? 'postgresql' : 'pglite';

/** Test files under a folder, sorted, skipping node_modules and dot folders. */
function findTests(dir) {
  const out = [];
  const walk = (d) => {
    let entries;
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.test\.tsx?$/.test(e.name)) out.push(path.relative(ROOT, p));
    }
  };
  walk(path.join(ROOT, dir));
  return out.sort();
}

/** Runs a command, mirroring its output; resolves with its exit code and what it printed. */
function run(cmd, cmdArgs, opts = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, cmdArgs, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...opts.env } });
    let text = '';
    child.stdout.on('data', (b) => { text += b; process.stdout.write(b); });
    child.stderr.on('data', (b) => { text += b; process.stderr.write(b); });
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), text }));
  });
}

function seconds(t0) {
  return `${((Date.now() - t0) / 1000).toFixed(1)} s`;
}

let failed = false;

if (typecheck) {
  const t0 = Date.now();
  process.stdout.write('── Vérification des types (tsc --noEmit) ──\n');
  const tsc = path.join(ROOT, 'node_modules/typescript/bin/tsc');
  const r = await run(process.execPath, [tsc, '--noEmit', '-p', '.']);
  if (r.code !== 0) {
    process.stdout.write(`Vérification des types : ÉCHEC (${seconds(t0)})\n`);
    failed = true;
  } else {
    process.stdout.write(`Vérification des types : OK (${seconds(t0)})\n`);
  }
}

/**
 * Whether a test file opens a database: it, or a test helper it imports (files named *test-helpers*,
 * *fixtures* or under platform/testing/), calls createTestApp or openTestDatabase, or reads
 * POSTGIS_URL or TEST_DATABASE_URL. On PostgreSQL
 * only those run again: the others (pure rules) already ran on PGlite and hold no SQL.
 */
function usesDatabase(file, seen = new Set()) {
  if (seen.has(file)) return false;
  seen.add(file);
  let text;
  try {
    text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  } catch {
    return false;
  }
  if (/\b(createTestApp|openTestDatabase|POSTGIS_URL|TEST_DATABASE_URL)\b/.test(text)) return true;
  for (const m of text.matchAll(/from\s+'(\.{1,2}\/[^']+)'/g)) {
    const target = path.relative(ROOT, path.resolve(path.dirname(path.join(ROOT, file)), m[1])).replace(/\.js$/, '');
    if (!/test-helpers|fixtures|platform\/testing\//.test(target)) continue;
    const found = ['.ts', '.tsx'].map((ext) => target + ext).find((f) => fs.existsSync(path.join(ROOT, f)));
    if (found && usesDatabase(found, seen)) return true;
  }
  return false;
}

let list = files.length ? files : e2e ? findTests('e2e') : findTests('src');
// The PostGIS comparisons need a PostgreSQL with PostGIS: they run in the PostgreSQL pass (npm run
// test:pg, and CI), not on PGlite, where they would only be skipped.
if (!files.length && !e2e && !process.env.POSTGIS_URL) {
  const postgis = list.filter((f) => /\bPOSTGIS_URL\b/.test(fs.readFileSync(path.join(ROOT, f), 'utf8')));
  if (postgis.length) {
    list = list.filter((f) => !postgis.includes(f));
    process.stdout.write(`Sans POSTGIS_URL : ${postgis.join(', ')} tourne(nt) dans la passe PostgreSQL (npm run test:pg).\n`);
  }
}
if (!files.length && !e2e && process.env.TEST_DATABASE_URL && !flags.has('--all')) {
  const all = list.length;
  list = list.filter((f) => usesDatabase(f));
  process.stdout.write(`PostgreSQL : ${list.length} fichiers de test sur ${all} ouvrent une base (les autres, sans SQL, ont tourné sur PGlite ; --all pour tout relancer)\n`);
}
if (list.length === 0) {
  process.stdout.write(`Aucun fichier de test trouvé (${e2e ? 'e2e/' : 'src/'}).\n`);
  process.exit(1);
}

// Browser tests: seed the demo once into a template data directory; each file's server starts
// from a copy of it (e2e/helpers/server.ts) instead of seeding again (≈ 1 min a file).
const testEnv = { FORCE_COLOR: process.env.FORCE_COLOR ?? '0' };
let templateDir = null;
if (e2e && list.length > 1 && !process.env.E2E_TEMPLATE_DIR) {
  templateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'label-gen-e2e-template-'));
  process.on('exit', () => fs.rmSync(templateDir, { recursive: true, force: true }));
  const r = await run(process.execPath, ['--import', 'tsx', 'e2e/helpers/template-cli.ts', templateDir]);
  if (r.code !== 0) {
    process.stdout.write('Préparation des données de démonstration : ÉCHEC (chaque fichier les préparera lui-même)\n');
  } else {
    testEnv.E2E_TEMPLATE_DIR = templateDir;
  }
}

const t0 = Date.now();
process.stdout.write(`── Tests ${label} : ${list.length} fichiers, ${concurrency} à la fois ──\n`);
const nodeArgs = [
  '--import', 'tsx',
  '--test',
  `--test-concurrency=${concurrency}`,
  // One hung file must not eat CI's budget. On Node 20 this limit applies to each test FILE as a
  // whole (10 min, 15 min for a browser file); --test-force-exit ends a file that leaves a handle open.
  `--test-timeout=${Number(process.env.TEST_TIMEOUT_MS ?? (e2e ? 900_000 : 600_000))}`,
  '--test-force-exit',
  '--test-reporter=spec',
  ...list,
];
const r = await run(process.execPath, nodeArgs, { env: testEnv });

// Read the runner's own closing counts (spec reporter: "ℹ pass 12").
const count = (name) => {
  const m = [...r.text.matchAll(new RegExp(`^\\S*\\s*${name} (\\d+)\\s*$`, 'gm'))].pop();
  return m ? Number(m[1]) : null;
};
const pass = count('pass');
const fail = count('fail');
const skipped = (count('skipped') ?? 0) + (count('todo') ?? 0);
const cancelled = count('cancelled') ?? 0;
if (r.code !== 0 || pass === null || (fail ?? 0) > 0 || cancelled > 0) failed = true;
// A file that timed out or crashed is not always counted in "fail": count it at least once.
const failures = Math.max((fail ?? 0) + cancelled, r.code !== 0 ? 1 : 0);
process.stdout.write(`Tests ${label} terminés en ${seconds(t0)}\n`);
process.stdout.write(`${label}: ${pass ?? 0} passed, ${failures} failed, ${skipped} skipped\n`);
if (pass === 0 && (fail ?? 0) === 0) {
  process.stdout.write('Aucun test n’a été exécuté.\n');
  failed = true;
}
process.exit(failed ? 1 : 0);
