import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openTestDatabase } from '../testing/database.js';
import type { Database } from '../db/index.js';
import { recordAudit, verifyChain, listAudit, objectHistory, SYSTEM } from './audit.store.js';

let d: Database;
before(async () => { d = await openTestDatabase(); });
after(async () => { await d.close(); });

test('les entrées écrites en base forment une chaîne vérifiable', async () => {
  for (let i = 0; i < 5; i++) {
    await d.db.transaction((tx) => recordAudit(tx, { id: null, label: 'test', ip: '192.0.2.1' }, {
      action: 'objet.modifie', objectType: 'objet', objectId: `o${i % 2}`, before: { v: i }, after: { v: i + 1, texte: 'élève « é »' },
    }));
  }
  assert.deepEqual(await verifyChain(d.db), { ok: true, count: 5 });
  const page = await listAudit(d.db, { objectId: 'o1' }, 1);
  assert.equal(page.total, 2);
  assert.equal((await objectHistory(d.db, 'objet', 'o0')).length, 3);
});

test('la base refuse de modifier ou supprimer une entrée du journal', async () => {
  await d.db.transaction((tx) => recordAudit(tx, SYSTEM, { action: 'x', objectType: 'y', objectId: 'z' }));
  await assert.rejects(d.raw.query(`update audit_log set action = 'falsifie'`), /ajout seul/);
  await assert.rejects(d.raw.query('delete from audit_log'), /ajout seul/);
});

test('une falsification faite en contournant la base est détectée par la vérification', async () => {
  await d.raw.query('alter table audit_log disable trigger audit_log_no_update');
  const { rows } = await d.raw.query<{ id: number }>("select min(id)::int as id from audit_log");
  const row = rows[0];
  await d.raw.query(`update audit_log set after = '{"v": 999}'::jsonb where id = $1`, [row!.id + 1]);
  await d.raw.query('alter table audit_log enable trigger audit_log_no_update');
  const res = await verifyChain(d.db);
  assert.equal(res.ok, false);
  assert.equal((res as { brokenAt: number }).brokenAt, row!.id + 1);
});
