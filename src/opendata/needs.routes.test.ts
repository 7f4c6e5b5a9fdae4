import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { createTestApp, createUser, type TestApp } from '../platform/testing/harness.js';
import { createPendingLabel, setLabelState } from '../labels/labels.fixtures.js';
import { auditLog } from '../platform/audit/audit.schema.js';
import { regionalNeeds } from '../calls/calls.schema.js';
import { setVersionTtl } from '../catalogue/catalogue.index.js';

let t: TestApp;
let label: Awaited<ReturnType<typeof createPendingLabel>>;

before(async () => {
  t = await createTestApp({ now: () => new Date('2026-06-01T10:00:00Z') });
  // These tests write straight to the database, as another process would: no version kept (PostgreSQL).
  setVersionTtl(t.deps, 0);
  label = await createPendingLabel(t.deps, { orgName: 'Simplon Montreuil' });
  await setLabelState(t.deps, label.label.id, { status: 'active', validFrom: '2026-01-15', validUntil: '2029-01-14' });
});
after(() => t.close());

test('besoins régionaux : liste des régions et page de l’Île-de-France avec la formation de Montreuil', async () => {
  const c = t.client();
  const list = await c.get('/besoins-regionaux');
  assert.equal(list.status, 200);
  const html = await list.text();
  assert.match(html, /href="\/besoins-regionaux\/11">Île-de-France<\/a>/);
  assert.match(html, /href="\/besoins-regionaux\/53">Bretagne<\/a>/);
  assert.doesNotMatch(html, /\/gestion\/besoins-regionaux/, 'pas de lien d’administration pour le public');
  const idf = await (await c.get('/besoins-regionaux/11')).text();
  assert.equal(idf.match(/<h1/g)?.length, 1);
  const dev = idf.match(/Développeur \(full-stack[^<]*<\/h2>(.*?)<\/section>/s)![1]!;
  assert.match(dev, new RegExp(`href="/formations/${label.label.number}"`), 'Développeur web et web mobile répond à « Développeur »');
  const cm = idf.match(/Community manager<\/h2>(.*?)<\/section>/s)![1]!;
  assert.match(cm, /Aucune formation labellisée de la région/);
  const bzh = await (await c.get('/besoins-regionaux/53')).text();
  assert.doesNotMatch(bzh, new RegExp(label.label.number), 'la formation de Montreuil n’est pas en Bretagne');
  assert.equal((await c.get('/besoins-regionaux/99')).status, 404);
});

test('l’administration modifie les métiers d’une région : motif obligatoire (422, saisie gardée), puis audit', async () => {
  const admin = await createUser(t.deps, { staff: ['admin'], fullName: 'Ada Admin' });
  const c = t.client();
  await c.loginAs(admin.id);
  assert.equal((await c.get('/gestion/besoins-regionaux')).status, 200);
  assert.match(await (await c.get('/besoins-regionaux')).text(), /href="\/gestion\/besoins-regionaux"/, 'lien d’administration depuis la page publique');
  const form = await c.get('/gestion/besoins-regionaux/53');
  assert.match(await form.text(), /Technicien télécom/);
  const bad = await c.post('/gestion/besoins-regionaux/53', { metiers: 'Développeur\nData analyst', motif: '' });
  assert.equal(bad.status, 422);
  const badHtml = await bad.text();
  assert.match(badHtml, /<title>Erreur : /);
  assert.match(badHtml, /Motivez la modification/);
  assert.match(badHtml, />Développeur\nData analyst<\/textarea>/);
  const ok = await c.post('/gestion/besoins-regionaux/53', { metiers: 'Développeur\nData analyst\n\nDéveloppeur', motif: 'Étude de l’observatoire régional 2026.' });
  assert.equal(ok.status, 303);
  assert.equal(ok.headers.get('location'), '/besoins-regionaux/53');
  const db = t.deps.database.db;
  const [row] = await db.select().from(regionalNeeds).where(eq(regionalNeeds.regionCode, '53'));
  assert.deepEqual(row!.jobs, ['Développeur', 'Data analyst']);
  const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, 'opendata.regional_needs_updated'));
  assert.equal(audit!.actorId, admin.id);
  assert.deepEqual((audit!.meta as { motivation: string }).motivation, 'Étude de l’observatoire régional 2026.');
  assert.deepEqual((audit!.after as { jobs: string[] }).jobs, ['Développeur', 'Data analyst']);
  assert.match(await (await c.get('/besoins-regionaux/53')).text(), /Data analyst<\/h2>/);
});

test('un membre du personnel non administrateur ne modifie pas les besoins', async () => {
  const instructor = await createUser(t.deps, { staff: ['instructor'] });
  const c = t.client();
  await c.loginAs(instructor.id);
  const res = await c.post('/gestion/besoins-regionaux/53', { metiers: 'Pirate', motif: 'Tentative non autorisée.' });
  assert.ok([403, 404].includes(res.status), `statut ${res.status}`);
  const [row] = await t.deps.database.db.select().from(regionalNeeds).where(eq(regionalNeeds.regionCode, '53'));
  assert.ok(!row!.jobs.includes('Pirate'));
});
