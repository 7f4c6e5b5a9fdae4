import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, createUser, userByEmail, type TestApp } from '../platform/testing/harness.js';
import { auditLog } from '../platform/audit/audit.schema.js';
import { oneTimeTokens } from '../platform/auth/auth.schema.js';
import { eq } from 'drizzle-orm';
import { lastLink, mailsTo, titleOf } from './test-helpers.js';

let t: TestApp;
before(async () => { t = await createTestApp(); });
after(async () => { await t.close(); });

const GOOD = 'cheval agrafe batterie correcte';

test('inscription : courriel de confirmation, lien, puis connexion possible', async () => {
  const c = t.client();
  assert.equal((await c.get('/inscription')).status, 200);
  const res = await c.post('/inscription', { fullName: 'Camille Martin', email: 'Camille.Martin@Exemple.fr', password: GOOD, passwordConfirm: GOOD });
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), '/inscription/envoyee');
  assert.match(await (await c.get('/inscription/envoyee')).text(), /Vérifiez votre boîte de réception/);

  const user = await userByEmail(t.deps, 'camille.martin@exemple.fr');
  assert.ok(user && !user.emailConfirmedAt);
  assert.match(user.passwordHash, /^\$argon2id\$/);
  const [token] = await t.deps.database.db.select().from(oneTimeTokens).where(eq(oneTimeTokens.userId, user.id));
  assert.equal(token!.expiresAt.getTime() - token!.createdAt.getTime(), 24 * 3600_000);

  // Before confirmation the right password only explains what is missing.
  const early = await c.post('/connexion', { email: 'camille.martin@exemple.fr', password: GOOD });
  assert.equal(early.status, 403);
  assert.match(await early.text(), /inscription\/renvoyer/);

  const path = await lastLink(t, 'camille.martin@exemple.fr', '/inscription/confirmer/');
  assert.ok(!path.includes(token!.id), 'seule l’empreinte du jeton est stockée');
  const page = await c.get(path);
  assert.equal(page.status, 200);
  assert.match(await page.text(), /Confirmer mon adresse/);
  assert.ok(!(await userByEmail(t.deps, 'camille.martin@exemple.fr'))!.emailConfirmedAt, 'un simple GET ne confirme rien');
  const confirmed = await c.post(path);
  assert.equal(confirmed.status, 303);
  assert.equal(confirmed.headers.get('location'), '/connexion');
  assert.ok((await userByEmail(t.deps, 'camille.martin@exemple.fr'))!.emailConfirmedAt);

  const again = await c.post(path);
  assert.equal(again.status, 410);
  assert.match(await again.text(), /déjà été utilisé/);

  const login = await c.post('/connexion', { email: 'camille.martin@exemple.fr', password: GOOD });
  assert.equal(login.status, 303);
  assert.equal((await c.get('/compte')).status, 200);

  const actions = (await t.deps.database.db.select().from(auditLog)).map((a) => a.action);
  for (const a of ['account.created', 'account.email_confirmed', 'account.login']) assert.ok(actions.includes(a), a);
});

test('une adresse déjà inscrite reçoit la même réponse, et son titulaire un avertissement', async () => {
  const existing = await createUser(t.deps, { email: 'deja@exemple.fr' });
  const a = await t.client().post('/inscription', { fullName: 'Intrus', email: 'DEJA@exemple.fr', password: GOOD, passwordConfirm: GOOD });
  const b = await t.client().post('/inscription', { fullName: 'Nouveau', email: 'nouveau-venu@exemple.fr', password: GOOD, passwordConfirm: GOOD });
  assert.equal(a.status, b.status);
  assert.equal(a.headers.get('location'), b.headers.get('location'));
  const mails = await mailsTo(t, 'deja@exemple.fr');
  assert.equal(mails.length, 1);
  assert.equal(mails[0]!.subject, 'Tentative de création de compte');
  assert.match(mails[0]!.text, /\/mot-de-passe-oublie/);
  const after = await userByEmail(t.deps, 'deja@exemple.fr');
  assert.equal(after!.fullName, existing.fullName);
  assert.equal(after!.passwordHash, existing.passwordHash);
});

test('mot de passe trop court, courant ou différent : erreurs, valeurs gardées, mots de passe vidés', async () => {
  const c = t.client();
  for (const [password, confirm, message] of [
    ['court', 'court', /au moins 12 caractères/],
    ['motdepasse123', 'motdepasse123', /trop courant/],
    ['azertyuiop123', 'azertyuiop123', /trop courant/],
    [GOOD, `${GOOD}!`, /ne sont pas identiques/],
  ] as const) {
    const res = await c.post('/inscription', { fullName: 'Dominique <Test>', email: 'dominique@exemple.fr', password, passwordConfirm: confirm });
    assert.equal(res.status, 422);
    const html = await res.text();
    assert.match(titleOf(html), /^Erreur : /);
    assert.match(html, message);
    assert.match(html, /id="resume-erreurs"/);
    assert.match(html, /value="Dominique &lt;Test&gt;"/);
    assert.match(html, /value="dominique@exemple.fr"/);
    assert.doesNotMatch(html, new RegExp(`value="${password}"`));
    assert.match(html, /aria-describedby="password-aide password-erreur"|aria-describedby="passwordConfirm-erreur"/);
  }
  assert.equal(await userByEmail(t.deps, 'dominique@exemple.fr'), null);
});

test('un lien de confirmation expiré ou inconnu donne un message clair et un moyen d’en recevoir un autre', async () => {
  let now = new Date('2026-03-02T09:00:00Z');
  const t2 = await createTestApp({ now: () => now });
  try {
    const c = t2.client();
    await c.post('/inscription', { fullName: 'Léa Lent', email: 'lea@exemple.fr', password: GOOD, passwordConfirm: GOOD });
    const path = await lastLink(t2, 'lea@exemple.fr', '/inscription/confirmer/');
    now = new Date('2026-03-03T09:00:01Z');
    const res = await c.get(path);
    assert.equal(res.status, 410);
    const html = await res.text();
    assert.match(html, /Ce lien a expiré/);
    assert.match(html, /href="\/inscription\/renvoyer"/);
    const unknown = await c.get('/inscription/confirmer/nimportequoi');
    assert.equal(unknown.status, 404);
    assert.match(await unknown.text(), /n’est pas valide/);

    const resend = await c.post('/inscription/renvoyer', { email: 'lea@exemple.fr' });
    assert.equal(resend.headers.get('location'), '/inscription/envoyee');
    const fresh = await lastLink(t2, 'lea@exemple.fr', '/inscription/confirmer/');
    assert.notEqual(fresh, path);
    assert.equal((await c.post(fresh)).status, 303);
    const unknownResend = await c.post('/inscription/renvoyer', { email: 'personne@exemple.fr' });
    assert.equal(unknownResend.headers.get('location'), '/inscription/envoyee');
  } finally {
    await t2.close();
  }
});
