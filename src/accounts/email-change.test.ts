import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { createTestApp, createUser, userByEmail, TEST_PASSWORD, type TestApp } from '../platform/testing/harness.js';
import { auditLog } from '../platform/audit/audit.schema.js';
import { mailsTo, lastLink, titleOf } from './test-helpers.js';

let now = new Date('2026-10-05T09:00:00Z');
let t: TestApp;
before(async () => { t = await createTestApp({ now: () => now }); });
after(async () => { await t.close(); });

test('changer d’adresse : lien envoyé à la nouvelle adresse, ancienne prévenue, connexion avec la nouvelle', async () => {
  const u = await createUser(t.deps, { email: 'ancienne@exemple.fr', fullName: 'Aline Ancienne' });
  const c = t.client();
  await c.loginAs(u.id);
  const account = await (await c.get('/compte')).text();
  assert.match(account, /href="\/compte\/adresse-electronique"/);
  const form = await c.get('/compte/adresse-electronique');
  assert.equal(form.status, 200);
  assert.match(await form.text(), /ancienne@exemple\.fr/);

  const res = await c.post('/compte/adresse-electronique', { newEmail: ' Nouvelle@Exemple.fr ', currentPassword: TEST_PASSWORD });
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), '/compte');
  // Nothing changes before the link is used.
  assert.equal((await userByEmail(t.deps, 'ancienne@exemple.fr'))?.id, u.id);
  const pending = await (await c.get('/compte')).text();
  assert.match(pending, /Un lien de confirmation vient d’être envoyé à nouvelle@exemple\.fr/);
  assert.match(pending, /Changement vers <strong>nouvelle@exemple\.fr<\/strong> en attente/);
  const [sent] = await mailsTo(t, 'nouvelle@exemple.fr');
  assert.equal(sent?.subject, 'Confirmez votre nouvelle adresse électronique');
  assert.match(sent!.text, /Bonjour Aline Ancienne,/);
  const path = await lastLink(t, 'nouvelle@exemple.fr', '/compte/adresse-electronique/confirmer/');

  // Opening the link (a mail scanner would) changes nothing; the button does, in another browser.
  const other = t.client();
  const page = await other.get(path);
  assert.equal(page.status, 200);
  assert.match(await page.text(), /nouvelle@exemple\.fr/);
  assert.equal((await userByEmail(t.deps, 'ancienne@exemple.fr'))?.id, u.id);
  const done = await other.post(path);
  assert.equal(done.status, 303);
  assert.equal(done.headers.get('location'), '/connexion');

  assert.equal(await userByEmail(t.deps, 'ancienne@exemple.fr'), null);
  assert.equal((await userByEmail(t.deps, 'nouvelle@exemple.fr'))?.id, u.id);
  const [notice] = await mailsTo(t, 'ancienne@exemple.fr');
  assert.equal(notice?.subject, 'L’adresse électronique de votre compte a été modifiée');
  assert.match(notice!.text, /est désormais nouvelle@exemple\.fr/);
  const audit = await t.deps.database.db.select().from(auditLog).where(eq(auditLog.objectId, u.id));
  const changed = audit.find((e) => e.action === 'account.email_changed');
  assert.deepEqual(changed?.before, { email: 'ancienne@exemple.fr' });
  assert.deepEqual(changed?.after, { email: 'nouvelle@exemple.fr' });
  assert.ok(audit.some((e) => e.action === 'account.email_change_requested'));

  // The open session shows the new address at once; the link works only once; login with the new address.
  assert.match(await (await c.get('/compte')).text(), /<dd>nouvelle@exemple\.fr<\/dd>/);
  assert.equal((await other.post(path)).status, 410);
  const login = t.client();
  assert.equal((await login.post('/connexion', { email: 'ancienne@exemple.fr', password: TEST_PASSWORD })).status, 422);
  const ok = await login.post('/connexion', { email: 'nouvelle@exemple.fr', password: TEST_PASSWORD });
  assert.equal(ok.status, 303);
  assert.equal(ok.headers.get('location'), '/');
});

test('demande refusée : champs vides, mauvais mot de passe, même adresse ; valeurs gardées', async () => {
  const u = await createUser(t.deps, { email: 'refus@exemple.fr' });
  const c = t.client();
  await c.loginAs(u.id);
  const empty = await c.post('/compte/adresse-electronique', { newEmail: '', currentPassword: '' });
  assert.equal(empty.status, 422);
  const html = await empty.text();
  assert.match(titleOf(html), /^Erreur : /);
  assert.match(html, /Renseignez une adresse électronique\./);
  assert.match(html, /Renseignez votre mot de passe actuel\./);

  const wrong = await c.post('/compte/adresse-electronique', { newEmail: 'ailleurs@exemple.fr', currentPassword: 'pas-le-bon-mot-de-passe' });
  assert.equal(wrong.status, 422);
  const wrongHtml = await wrong.text();
  assert.match(wrongHtml, /Le mot de passe actuel est incorrect\./);
  assert.match(wrongHtml, /value="ailleurs@exemple\.fr"/);

  const same = await c.post('/compte/adresse-electronique', { newEmail: 'REFUS@exemple.fr', currentPassword: TEST_PASSWORD });
  assert.equal(same.status, 422);
  assert.match(await same.text(), /C’est déjà l’adresse de votre compte/);
  assert.equal((await mailsTo(t, 'ailleurs@exemple.fr')).length, 0);
});

test('une adresse déjà prise : même réponse, son titulaire est prévenu, rien ne change', async () => {
  await createUser(t.deps, { email: 'prise@exemple.fr' });
  const u = await createUser(t.deps, { email: 'curieux@exemple.fr' });
  const c = t.client();
  await c.loginAs(u.id);
  const res = await c.post('/compte/adresse-electronique', { newEmail: 'prise@exemple.fr', currentPassword: TEST_PASSWORD });
  assert.equal(res.status, 303);
  assert.match(await (await c.get('/compte')).text(), /vient d’être envoyé à prise@exemple\.fr/);
  const [mail] = await mailsTo(t, 'prise@exemple.fr');
  assert.equal(mail?.subject, 'Demande de changement d’adresse électronique');
  assert.doesNotMatch(mail!.text, /adresse-electronique\/confirmer/);
  assert.equal((await userByEmail(t.deps, 'curieux@exemple.fr'))?.id, u.id);
});

test('liens : une nouvelle demande annule la précédente, un lien expire après 24 h, un lien inconnu donne 404', async () => {
  const u = await createUser(t.deps, { email: 'hesitant@exemple.fr' });
  const c = t.client();
  await c.loginAs(u.id);
  await c.post('/compte/adresse-electronique', { newEmail: 'premiere@exemple.fr', currentPassword: TEST_PASSWORD });
  const first = await lastLink(t, 'premiere@exemple.fr', '/compte/adresse-electronique/confirmer/');
  await c.post('/compte/adresse-electronique', { newEmail: 'seconde@exemple.fr', currentPassword: TEST_PASSWORD });
  const second = await lastLink(t, 'seconde@exemple.fr', '/compte/adresse-electronique/confirmer/');
  assert.equal((await c.get(first)).status, 410, 'le premier lien ne marche plus');
  assert.equal((await c.post(first)).status, 410);

  const saved = now;
  now = new Date(now.getTime() + 24 * 3600_000 + 1000);
  const expired = await c.get(second);
  assert.equal(expired.status, 410);
  assert.match(await expired.text(), /Ce lien a expiré/);
  now = saved;
  assert.equal((await c.get('/compte/adresse-electronique/confirmer/inexistant')).status, 404);
  assert.equal((await c.post('/compte/adresse-electronique/confirmer/inexistant')).status, 404);

  // Signed in, confirming goes back to the account page.
  const done = await c.post(second);
  assert.equal(done.headers.get('location'), '/compte');
  assert.equal((await userByEmail(t.deps, 'seconde@exemple.fr'))?.id, u.id);
});

test('si l’adresse est prise entre la demande et le lien, le changement est refusé', async () => {
  const u = await createUser(t.deps, { email: 'lent@exemple.fr' });
  const c = t.client();
  await c.loginAs(u.id);
  await c.post('/compte/adresse-electronique', { newEmail: 'convoitee@exemple.fr', currentPassword: TEST_PASSWORD });
  const path = await lastLink(t, 'convoitee@exemple.fr', '/compte/adresse-electronique/confirmer/');
  await createUser(t.deps, { email: 'convoitee@exemple.fr' });
  const res = await c.post(path);
  assert.equal(res.status, 410);
  assert.match(await res.text(), /désormais utilisée par un autre compte/);
  assert.equal((await userByEmail(t.deps, 'lent@exemple.fr'))?.id, u.id);
});

test('au plus trois demandes par heure', async () => {
  const u = await createUser(t.deps, { email: 'insistant@exemple.fr' });
  const c = t.client();
  await c.loginAs(u.id);
  for (let i = 1; i <= 3; i++) {
    assert.equal((await c.post('/compte/adresse-electronique', { newEmail: `essai${i}@exemple.fr`, currentPassword: TEST_PASSWORD })).status, 303);
  }
  const fourth = await c.post('/compte/adresse-electronique', { newEmail: 'essai4@exemple.fr', currentPassword: TEST_PASSWORD });
  assert.equal(fourth.status, 422);
  assert.match(await fourth.text(), /déjà fait 3 demandes/);
  assert.equal((await mailsTo(t, 'essai4@exemple.fr')).length, 0);
});
