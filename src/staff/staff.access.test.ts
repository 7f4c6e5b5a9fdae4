import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, createUser, type TestApp } from '../platform/testing/harness.js';
import { EXPECTED } from '../access-expectations.js';
import { seedCall2021 } from '../calls/seed.js';

let t: TestApp;
const someId = '00000000-0000-4000-8000-000000000000';
before(async () => {
  t = await createTestApp();
  await t.deps.database.db.transaction((tx) => seedCall2021(tx));
});
after(async () => { await t.close(); });

const staffRoutes = () => t.router.entries.filter((e) => e.path === '/gestion' || e.path.startsWith('/gestion/utilisateurs')
  || e.path.startsWith('/gestion/journal') || e.path.startsWith('/gestion/courriels') || e.path.startsWith('/gestion/appels'));
const concrete = (p: string) => p.replace(/:[A-Za-z]+/g, someId);
const call = (client: ReturnType<TestApp['client']>, method: string, path: string) =>
  (method === 'GET' ? client.get(concrete(path)) : client.post(concrete(path), {}));

test('chaque route de l’espace GEN figure dans la table des accès attendus', () => {
  assert.ok(staffRoutes().length >= 14);
  for (const e of staffRoutes()) assert.ok(EXPECTED[`${e.method} ${e.path}`], `${e.method} ${e.path} absente de access-expectations`);
});

test('une personne non connectée est renvoyée vers la connexion', async () => {
  for (const e of staffRoutes()) {
    const res = await call(t.client(), e.method, e.path);
    assert.equal(res.status, 303, `${e.method} ${e.path}`);
    assert.match(res.headers.get('location') ?? '', /^\/connexion/);
  }
});

test('une personne connectée sans rôle GEN reçoit 403', async () => {
  const client = t.client();
  await client.loginAs((await createUser(t.deps)).id);
  for (const e of staffRoutes()) {
    const res = await call(client, e.method, e.path);
    assert.equal(res.status, 403, `${e.method} ${e.path}`);
    assert.match(await res.text(), /Accès refusé/);
  }
});

test('un membre de l’équipe sans le bon rôle reçoit 403', async () => {
  for (const role of ['instructor', 'monitoring', 'committee'] as const) {
    const client = t.client();
    await client.loginAs((await createUser(t.deps, { staff: [role] })).id);
    for (const e of staffRoutes().filter((x) => x.path !== '/gestion')) {
      const res = await call(client, e.method, e.path);
      assert.equal(res.status, 403, `${role} ${e.method} ${e.path}`);
    }
    assert.equal((await client.get('/gestion')).status, 200, role);
  }
});

test('un membre de l’équipe sans second facteur vérifié est envoyé vers la double authentification', async () => {
  const client = t.client();
  await client.loginAs((await createUser(t.deps, { staff: ['admin'] })).id, { secondFactor: false });
  for (const e of staffRoutes()) {
    const res = await call(client, e.method, e.path);
    assert.equal(res.status, 303, `${e.method} ${e.path}`);
    assert.equal(res.headers.get('location'), '/compte/double-authentification');
  }
});

test('un identifiant mal formé ou inconnu répond 404 à un administrateur', async () => {
  const client = t.client();
  await client.loginAs((await createUser(t.deps, { staff: ['admin'] })).id);
  for (const p of ['/gestion/utilisateurs/pas-un-uuid', `/gestion/utilisateurs/${someId}`, '/gestion/courriels/123', `/gestion/courriels/${someId}`, '/gestion/appels/xyz', `/gestion/appels/${someId}`]) {
    assert.equal((await client.get(p)).status, 404, p);
  }
  assert.equal((await client.post('/gestion/utilisateurs/abc/roles', { motivation: 'x' })).status, 404);
});

test('le tableau de bord ne montre que ce que les rôles permettent, et ne lie qu’à des pages existantes', async () => {
  const admin = t.client();
  await admin.loginAs((await createUser(t.deps, { staff: ['admin'] })).id);
  const html = await (await admin.get('/gestion')).text();
  for (const href of ['/gestion/utilisateurs', '/gestion/journal', '/gestion/courriels', '/gestion/appels']) assert.match(html, new RegExp(`href="${href}"`));
  assert.doesNotMatch(html, /Candidatures à instruire/);
  assert.equal((html.match(/<h1/g) ?? []).length, 1);

  const instructor = t.client();
  await instructor.loginAs((await createUser(t.deps, { staff: ['instructor'] })).id);
  const ihtml = await (await instructor.get('/gestion')).text();
  assert.match(ihtml, /Candidatures à instruire/);
  assert.doesNotMatch(ihtml, /Journal d’audit|Utilisateurs et rôles|Courriels envoyés/);
  const links = [...ihtml.matchAll(/href="(\/gestion\/[^"]+)"/g)].map((m) => m[1]!);
  for (const l of links) assert.ok(t.router.entries.some((e) => e.method === 'GET' && e.path === l), `lien vers une page inexistante : ${l}`);
});
