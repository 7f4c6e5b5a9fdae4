import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { createTestApp, createUser, userByEmail, TEST_PASSWORD, type TestApp, type TestClient } from '../platform/testing/harness.js';
import { auditLog } from '../platform/audit/audit.schema.js';
import { recoveryCodes, staffRoles } from '../platform/auth/auth.schema.js';
import { countSessions } from '../platform/auth/session.store.js';
import { totpCode } from '../platform/auth/totp.js';
import { mailsTo, titleOf } from './test-helpers.js';

let now = new Date('2026-10-12T08:00:00Z');
let t: TestApp;
before(async () => { t = await createTestApp({ now: () => now }); });
after(async () => { await t.close(); });

/** Enrols through the pages; returns the secret. */
async function enrol(c: TestClient): Promise<string> {
  const page = await (await c.get('/compte/double-authentification')).text();
  const secret = page.match(/id="cle-totp">([A-Z2-7 ]+)</)![1]!.replace(/ /g, '');
  assert.equal((await c.post('/compte/double-authentification', { code: totpCode(secret, now) })).status, 200);
  return secret;
}

test('un administrateur réinitialise le second facteur d’un agent : sessions fermées, courriel, audit, nouvelle activation', async () => {
  const admin = await createUser(t.deps, { staff: ['admin'], fullName: 'Adèle Admin' });
  const agent = await createUser(t.deps, { email: 'agent-perdu@exemple.fr', fullName: 'Paul Perdu' });
  const setup = t.client();
  await setup.loginAs(agent.id);
  await enrol(setup);
  await t.deps.database.db.insert(staffRoles).values({ userId: agent.id, role: 'instructor' });
  const agentSession = t.client();
  await agentSession.loginAs(agent.id);
  assert.equal((await agentSession.get('/gestion')).status, 200);

  const a = t.client();
  await a.loginAs(admin.id);
  const detail = await (await a.get(`/gestion/utilisateurs/${agent.id}`)).text();
  assert.match(detail, new RegExp(`href="/gestion/utilisateurs/${agent.id}/double-authentification"`), 'la fiche de l’agent mène à la réinitialisation');
  const page = await a.get(`/gestion/utilisateurs/${agent.id}/double-authentification`);
  assert.equal(page.status, 200);
  const html = await page.text();
  assert.match(html, /<h1>Réinitialiser la double authentification de Paul Perdu<\/h1>/);
  assert.match(html, /Codes de secours restants<\/th><td>10</);

  const missing = await a.post(`/gestion/utilisateurs/${agent.id}/double-authentification`, { motivation: '  ' });
  assert.equal(missing.status, 422);
  assert.match(titleOf(await missing.text()), /^Erreur : /);
  assert.ok((await userByEmail(t.deps, 'agent-perdu@exemple.fr'))?.totpEnabledAt, 'rien n’a changé sans motivation');

  const res = await a.post(`/gestion/utilisateurs/${agent.id}/double-authentification`, { motivation: 'Téléphone perdu, identité vérifiée par appel.' });
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), `/gestion/utilisateurs/${agent.id}`);

  const after = (await userByEmail(t.deps, 'agent-perdu@exemple.fr'))!;
  assert.equal(after.totpEnabledAt, null);
  assert.equal(after.totpSecret, null);
  assert.equal(after.totpLastStep, null);
  assert.equal((await t.deps.database.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, agent.id))).length, 0);
  assert.equal(await countSessions(t.deps.database.db, agent.id), 0);
  assert.equal((await agentSession.get('/gestion')).status, 303, 'la session ouverte est fermée tout de suite');

  const [entry] = await t.deps.database.db.select().from(auditLog).where(eq(auditLog.action, 'user.totp_reset'));
  assert.equal(entry?.objectId, agent.id);
  assert.equal(entry?.actorId, admin.id);
  assert.deepEqual(entry?.meta, { motivation: 'Téléphone perdu, identité vérifiée par appel.', sessionsRevoked: true });
  const [mail] = await mailsTo(t, 'agent-perdu@exemple.fr');
  assert.equal(mail?.subject, 'Votre double authentification a été réinitialisée');

  // Next login: password only, then the mandatory enrolment of staff.
  const back = t.client();
  const login = await back.post('/connexion', { email: 'agent-perdu@exemple.fr', password: TEST_PASSWORD });
  assert.equal(login.status, 303);
  assert.equal(login.headers.get('location'), '/compte/double-authentification');
  assert.equal((await back.get('/gestion')).status, 303);
  now = new Date(now.getTime() + 60_000);
  const fresh = await enrol(back);
  assert.ok(fresh);
  assert.equal((await back.get('/gestion')).status, 200);
});

test('réinitialisation refusée : son propre compte, compte sans second facteur, compte inconnu, non-administrateur', async () => {
  const admin = await createUser(t.deps, { staff: ['admin'] });
  const plain = await createUser(t.deps);
  const a = t.client();
  await a.loginAs(admin.id);

  const self = await a.get(`/gestion/utilisateurs/${admin.id}/double-authentification`);
  assert.equal(self.status, 200);
  assert.match(await self.text(), /Vous ne pouvez pas réinitialiser votre propre double authentification/);
  const selfPost = await a.post(`/gestion/utilisateurs/${admin.id}/double-authentification`, { motivation: 'Essai' });
  assert.equal(selfPost.status, 422);
  assert.ok((await userByEmail(t.deps, admin.email))?.totpEnabledAt);

  const none = await a.post(`/gestion/utilisateurs/${plain.id}/double-authentification`, { motivation: 'Essai' });
  assert.equal(none.status, 422);
  assert.match(await none.text(), /pas de double authentification à réinitialiser/);

  assert.equal((await a.get('/gestion/utilisateurs/00000000-0000-4000-8000-000000000000/double-authentification')).status, 404);
  assert.equal((await a.get('/gestion/utilisateurs/pas-un-uuid/double-authentification')).status, 404);

  const instructor = await createUser(t.deps, { staff: ['instructor'] });
  const i = t.client();
  await i.loginAs(instructor.id);
  assert.equal((await i.post(`/gestion/utilisateurs/${admin.id}/double-authentification`, { motivation: 'Essai' })).status, 403);
  const resets = await t.deps.database.db.select().from(auditLog).where(eq(auditLog.action, 'user.totp_reset'));
  assert.ok(!resets.some((e) => e.objectId === admin.id || e.objectId === plain.id));
});
