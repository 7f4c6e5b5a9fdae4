import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { createTestApp, createUser, createOrganisation, userByEmail, TEST_PASSWORD, type TestApp } from '../platform/testing/harness.js';
import { auditLog } from '../platform/audit/audit.schema.js';
import { oneTimeTokens } from '../platform/auth/auth.schema.js';
import { countSessions } from '../platform/auth/session.store.js';
import { lastLink, mailsTo, titleOf } from './test-helpers.js';

let now = new Date('2026-06-10T14:00:00Z');
let t: TestApp;
before(async () => { t = await createTestApp({ now: () => now }); });
after(async () => { await t.close(); });

const NEW = 'nouvelle phrase de passe solide';

test('mot de passe oublié : même réponse que le compte existe ou non', async () => {
  await createUser(t.deps, { email: 'oubli@exemple.fr' });
  const a = await t.client().post('/mot-de-passe-oublie', { email: 'oubli@exemple.fr' });
  const b = await t.client().post('/mot-de-passe-oublie', { email: 'absent@exemple.fr' });
  assert.equal(a.status, 303);
  assert.equal(a.headers.get('location'), b.headers.get('location'));
  assert.equal((await mailsTo(t, 'oubli@exemple.fr')).length, 1);
  assert.equal((await mailsTo(t, 'absent@exemple.fr')).length, 0);
  const bad = await t.client().post('/mot-de-passe-oublie', { email: 'pas-une-adresse' });
  assert.equal(bad.status, 422);
  assert.match(titleOf(await bad.text()), /^Erreur : /);
});

test('réinitialisation : nouveau mot de passe, toutes les sessions fermées, lien à usage unique', async () => {
  const u = await createUser(t.deps, { email: 'reinit@exemple.fr' });
  const elsewhere = t.client();
  await elsewhere.loginAs(u.id);
  const c = t.client();
  await c.post('/mot-de-passe-oublie', { email: 'reinit@exemple.fr' });
  const path = await lastLink(t, 'reinit@exemple.fr', '/mot-de-passe/reinitialiser/');
  const [row] = await t.deps.database.db.select().from(oneTimeTokens).where(eq(oneTimeTokens.userId, u.id));
  assert.equal(row!.expiresAt.getTime() - row!.createdAt.getTime(), 3600_000);

  const form = await c.get(path);
  assert.equal(form.status, 200);
  assert.match(await form.text(), /reinit@exemple\.fr/);
  const weak = await c.post(path, { password: 'reinit@exemple.fr-123', passwordConfirm: 'reinit@exemple.fr-123' });
  assert.equal(weak.status, 422);
  assert.match(await weak.text(), /ne doit pas contenir votre adresse/);

  const ok = await c.post(path, { password: NEW, passwordConfirm: NEW });
  assert.equal(ok.status, 303);
  assert.equal(ok.headers.get('location'), '/connexion');
  assert.equal(await countSessions(t.deps.database.db, u.id), 0);
  assert.equal((await elsewhere.get('/compte')).status, 303);

  const reused = await c.get(path);
  assert.equal(reused.status, 410);
  assert.match(await reused.text(), /déjà été utilisé/);
  assert.equal((await c.post(path, { password: 'encore une autre phrase', passwordConfirm: 'encore une autre phrase' })).status, 410);

  assert.equal((await t.client().post('/connexion', { email: 'reinit@exemple.fr', password: TEST_PASSWORD })).status, 422);
  assert.equal((await t.client().post('/connexion', { email: 'reinit@exemple.fr', password: NEW })).status, 303);
  const actions = (await t.deps.database.db.select().from(auditLog).where(eq(auditLog.objectId, u.id))).map((a) => a.action);
  assert.ok(actions.includes('account.password_reset_requested'));
  assert.ok(actions.includes('account.password_reset_done'));
});

test('un lien de réinitialisation expire au bout d’une heure', async () => {
  await createUser(t.deps, { email: 'tardif@exemple.fr' });
  await t.client().post('/mot-de-passe-oublie', { email: 'tardif@exemple.fr' });
  const path = await lastLink(t, 'tardif@exemple.fr', '/mot-de-passe/reinitialiser/');
  now = new Date(now.getTime() + 61 * 60_000);
  const res = await t.client().post(path, { password: NEW, passwordConfirm: NEW });
  assert.equal(res.status, 410);
  const html = await res.text();
  assert.match(html, /Ce lien a expiré/);
  assert.match(html, /href="\/mot-de-passe-oublie"/);
  assert.equal((await t.client().get('/mot-de-passe/reinitialiser/inconnu')).status, 404);
});

test('changer de mot de passe exige l’actuel et ferme les autres sessions', async () => {
  const u = await createUser(t.deps, { email: 'change@exemple.fr' });
  const other = t.client();
  await other.loginAs(u.id);
  const c = t.client();
  await c.post('/connexion', { email: 'change@exemple.fr', password: TEST_PASSWORD });
  assert.equal(await countSessions(t.deps.database.db, u.id), 2);

  const wrong = await c.post('/compte/mot-de-passe', { currentPassword: 'pas le bon', password: NEW, passwordConfirm: NEW });
  assert.equal(wrong.status, 422);
  assert.match(await wrong.text(), /mot de passe actuel est incorrect/);
  const short = await c.post('/compte/mot-de-passe', { currentPassword: TEST_PASSWORD, password: 'court', passwordConfirm: 'court' });
  assert.equal(short.status, 422);

  const ok = await c.post('/compte/mot-de-passe', { currentPassword: TEST_PASSWORD, password: NEW, passwordConfirm: NEW });
  assert.equal(ok.status, 303);
  assert.equal(ok.headers.get('location'), '/compte');
  assert.equal((await c.get('/compte')).status, 200);
  assert.equal((await other.get('/compte')).status, 303);
  assert.equal(await countSessions(t.deps.database.db, u.id), 1);
  const user = await userByEmail(t.deps, 'change@exemple.fr');
  assert.notEqual(user!.passwordHash, u.passwordHash);
  assert.ok((await mailsTo(t, 'change@exemple.fr')).some((m) => m.subject === 'Votre mot de passe a été modifié'));
  const changed = await t.deps.database.db.select().from(auditLog).where(eq(auditLog.action, 'account.password_changed'));
  assert.ok(changed.some((a) => a.objectId === u.id));
});

test('la page du compte montre l’identité, les organismes et l’état de la double authentification', async () => {
  const u = await createUser(t.deps, { fullName: 'Aïcha Compte' });
  const c = t.client();
  await c.loginAs(u.id);
  const html = await (await c.get('/compte')).text();
  assert.match(html, /Aïcha Compte/);
  assert.match(html, /Non activée/);
  assert.match(html, /href="\/compte\/double-authentification"/);
  assert.match(html, /Vous n’êtes membre d’aucun organisme/);
  assert.equal((html.match(/<h1/g) ?? []).length, 1);
  await createOrganisation(t.deps, { name: 'Atelier Numérique du Lot', admins: [u.id] });
  assert.match(await (await c.get('/compte')).text(), /Atelier Numérique du Lot — administrateur/);
  assert.equal((await t.client().get('/compte')).status, 303);
});
