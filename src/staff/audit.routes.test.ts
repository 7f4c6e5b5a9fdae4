import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, createUser, type TestApp, type TestClient } from '../platform/testing/harness.js';
import { recordAudit } from '../platform/audit/audit.store.js';

let t: TestApp;
let client: TestClient;
const bob = { id: null, label: 'Bob Robert <bob@exemple.fr>' };
before(async () => {
  t = await createTestApp();
  const admin = await createUser(t.deps, { staff: ['admin'] });
  client = t.client();
  await client.loginAs(admin.id);
  const db = t.deps.database.db;
  await db.transaction(async (tx) => {
    await recordAudit(tx, bob, { action: 'call.rules_updated', objectType: 'call', objectId: 'appel-a', before: { minHours: 400 }, after: { minHours: 420 } }, new Date('2021-06-10T10:00:00Z'));
    await recordAudit(tx, bob, { action: 'staff.role_granted', objectType: 'user', objectId: 'u-1', after: { roles: ['instructor'] } }, new Date('2021-07-31T21:30:00Z'));
    await recordAudit(tx, { id: null, label: 'système' }, { action: 'staff.role_revoked', objectType: 'user', objectId: 'u-2', before: { roles: ['admin'] }, after: { roles: [] } }, new Date('2021-08-01T08:00:00Z'));
  });
});
after(async () => { await t.close(); });

const rowsOf = (html: string) => [...html.matchAll(/<code>([a-z._]+)<\/code>/g)].map((m) => m[1]);

test('le journal se filtre par préfixe d’action, type et identifiant d’objet, auteur', async () => {
  assert.deepEqual(rowsOf(await (await client.get('/gestion/journal?action=staff.')).text()), ['staff.role_revoked', 'staff.role_granted']);
  assert.deepEqual(rowsOf(await (await client.get('/gestion/journal?objectType=call')).text()), ['call.rules_updated']);
  assert.deepEqual(rowsOf(await (await client.get('/gestion/journal?objectId=u-2')).text()), ['staff.role_revoked']);
  assert.deepEqual(rowsOf(await (await client.get('/gestion/journal?actor=bob&action=staff')).text()), ['staff.role_granted']);
});

test('les dates se saisissent en JJ/MM/AAAA ou AAAA-MM-JJ, jour de Paris inclus', async () => {
  // 31/07/2021 21:30 UTC is 23:30 in Paris: still the 31st.
  assert.deepEqual(rowsOf(await (await client.get('/gestion/journal?from=31/07/2021&to=31/07/2021')).text()), ['staff.role_granted']);
  assert.deepEqual(rowsOf(await (await client.get('/gestion/journal?from=2021-08-01')).text()), ['staff.role_revoked']);
  assert.deepEqual(rowsOf(await (await client.get('/gestion/journal?to=01%2F07%2F2021&action=call')).text()), ['call.rules_updated']);
});

test('une date mal saisie donne une erreur en français, avec la valeur gardée', async () => {
  const res = await client.get('/gestion/journal?from=31/02/2021&to=hier');
  assert.equal(res.status, 422);
  const html = await res.text();
  assert.match(html, /<title>Erreur : /);
  assert.match(html, /href="#from">La date de début doit être une date réelle au format JJ\/MM\/AAAA/);
  assert.match(html, /href="#to">La date de fin/);
  assert.match(html, /value="31\/02\/2021"/);
});

test('chaque entrée montre l’avant et l’après en JSON lisible, échappé', async () => {
  const html = await (await client.get('/gestion/journal?objectType=call')).text();
  assert.match(html, /<pre class="lg-json">\{\n {2}&quot;minHours&quot;: 400\n\}<\/pre>/);
  assert.match(html, /&quot;minHours&quot;: 420/);
  assert.match(html, /<caption>Entrées du journal : 1/);
});

test('le journal se pagine', async () => {
  await t.deps.database.db.transaction(async (tx) => {
    for (let i = 0; i < 30; i++) await recordAudit(tx, bob, { action: 'bulk.entry', objectType: 'bulk', objectId: String(i) });
  });
  const p1 = await (await client.get('/gestion/journal?action=bulk')).text();
  assert.equal(rowsOf(p1).length, 25);
  assert.match(p1, /Page 1 sur 2/);
  assert.match(p1, /href="\/gestion\/journal\?action=bulk&amp;page=2"/);
  const p2 = await (await client.get('/gestion/journal?action=bulk&page=2')).text();
  assert.equal(rowsOf(p2).length, 5);
});

test('la vérification d’intégrité signale un journal intact puis une falsification à son identifiant', async () => {
  let html = await (await client.get('/gestion/journal/integrite')).text();
  assert.match(html, /Journal intègre/);
  const raw = t.deps.database.raw;
  const { rows } = await raw.query<{ id: number }>(`select id::int as id from audit_log where action = 'staff.role_granted'`);
  await raw.query('alter table audit_log disable trigger audit_log_no_update');
  await raw.query(`update audit_log set after = '{"roles": ["admin"]}'::jsonb where id = $1`, [rows[0]!.id]);
  await raw.query('alter table audit_log enable trigger audit_log_no_update');
  html = await (await client.get('/gestion/journal/integrite')).text();
  assert.match(html, new RegExp(`Journal altéré à l’entrée n° ${rows[0]!.id}`));
  assert.match(html, /le contenu de l’entrée a été modifié/);
});
