import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { openTestDatabase } from '../testing/database.js';
import { openDb, type Database } from '../db/index.js';
import { recordAudit } from './audit.store.js';
import { verifyDatabase } from './verify-cli.js';

const run = promisify(execFile);

async function withEntries(d: Database, n: number): Promise<number[]> {
  await d.db.transaction(async (tx) => {
    for (let i = 0; i < n; i++) await recordAudit(tx, { id: null, label: 'test' }, { action: 'essai.action', objectType: 'objet', objectId: String(i), after: { i } });
  });
  return (await d.raw.query<{ id: number }>('select id::int as id from audit_log order by id')).rows.map((r) => r.id);
}

async function tamper(d: Database, sql: string, params: unknown[]): Promise<void> {
  await d.raw.query('alter table audit_log disable trigger audit_log_no_update');
  await d.raw.query(sql, params);
  await d.raw.query('alter table audit_log enable trigger audit_log_no_update');
}

test('un journal intact est déclaré intègre (code 0)', async () => {
  const d = await openTestDatabase();
  try {
    await withEntries(d, 4);
    const res = await verifyDatabase(d);
    assert.equal(res.code, 0);
    assert.match(res.text, /intègre : 4 entrée\(s\) vérifiée\(s\)/);
  } finally { await d.close(); }
});

test('une entrée modifiée en contournant le déclencheur est détectée à son identifiant (code 1)', async () => {
  const d = await openTestDatabase();
  try {
    const ids = await withEntries(d, 4);
    await tamper(d, `update audit_log set object_id = 'falsifie' where id = $1`, [ids[2]]);
    const res = await verifyDatabase(d);
    assert.equal(res.code, 1);
    assert.match(res.text, new RegExp(`ALTÉRÉ à l’entrée n° ${ids[2]} : le contenu de l’entrée a été modifié`));
  } finally { await d.close(); }
});

test('une entrée supprimée rompt la chaîne à l’entrée suivante (code 1)', async () => {
  const d = await openTestDatabase();
  try {
    const ids = await withEntries(d, 4);
    await tamper(d, 'delete from audit_log where id = $1', [ids[1]]);
    const res = await verifyDatabase(d);
    assert.equal(res.code, 1);
    assert.match(res.text, new RegExp(`entrée n° ${ids[2]} : le lien avec l’entrée précédente est rompu`));
  } finally { await d.close(); }
});

test('la commande npm run audit:verify ouvre DATA_DIR/pglite, écrit en français et sort en 1 si le journal est altéré', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'label-gen-verify-'));
  const env = { ...process.env, DATA_DIR: dir, DATABASE_URL: '', NODE_ENV: 'test', APP_SECRET: 'test-secret-test-secret-test-secret-0123' };
  const cli = ['--import', 'tsx', path.resolve('src/platform/audit/verify-cli.ts')];
  try {
    // Start the data directory from the migrated test snapshot when there is one (PGlite), to skip migrating.
    const seed = await openTestDatabase();
    const snapshot = seed.kind === 'pglite' ? await seed.dump?.() : undefined;
    await seed.close();
    const d = await openDb({ dataDir: path.join(dir, 'pglite'), loadDataDir: snapshot, migrate: !snapshot });
    const ids = await withEntries(d, 3);
    await d.close();
    const ok = await run(process.execPath, cli, { env });
    assert.match(ok.stdout, /Journal d’audit intègre : 3 entrée/);

    const d2 = await openDb({ dataDir: path.join(dir, 'pglite'), migrate: false });
    await tamper(d2, `update audit_log set action = 'autre' where id = $1`, [ids[0]]);
    await d2.close();
    await assert.rejects(run(process.execPath, cli, { env }), (e: { code: number; stdout: string }) => {
      assert.equal(e.code, 1);
      assert.match(e.stdout, new RegExp(`ALTÉRÉ à l’entrée n° ${ids[0]}`));
      return true;
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
