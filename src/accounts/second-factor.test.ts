import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { createTestApp, createUser, userByEmail, TEST_PASSWORD, type TestApp, type TestClient } from '../platform/testing/harness.js';
import { auditLog } from '../platform/audit/audit.schema.js';
import { recoveryCodes } from '../platform/auth/auth.schema.js';
import { totpCode, openSecret } from '../platform/auth/totp.js';
import { titleOf } from './test-helpers.js';

let now = new Date('2026-09-15T10:00:00Z');
let t: TestApp;
before(async () => { t = await createTestApp({ now: () => now }); });
after(async () => { await t.close(); });

/** Enrols through the pages; returns the secret read on the page and the recovery codes shown. */
async function enrol(c: TestClient): Promise<{ secret: string; codes: string[] }> {
  const page = await (await c.get('/compte/double-authentification')).text();
  const secret = page.match(/id="cle-totp">([A-Z2-7 ]+)</)![1]!.replace(/ /g, '');
  const res = await c.post('/compte/double-authentification', { code: totpCode(secret, now) });
  assert.equal(res.status, 200);
  const codes = [...(await res.text()).matchAll(/<li>([A-Z2-7]{5}-[A-Z2-7]{5})<\/li>/g)].map((m) => m[1]!);
  return { secret, codes };
}

/** Moves the clock to the next 30-second step (the enrolment code's step is already used). */
function nextStep(): void {
  now = new Date(now.getTime() + 30_000);
}

test('activation : QR code en SVG, clé en clair, mauvais code refusé, puis 10 codes de secours', async () => {
  const u = await createUser(t.deps, { email: 'totp@exemple.fr' });
  const c = t.client();
  await c.loginAs(u.id, { secondFactor: false });
  const page = await c.get('/compte/double-authentification');
  assert.equal(page.status, 200);
  const html = await page.text();
  assert.match(html, /<div class="lg-qr[^"]*" role="img" aria-label="[^"]+"><svg/);
  assert.doesNotMatch(html, /<script>/);
  const secret = html.match(/id="cle-totp">([A-Z2-7 ]+)</)![1]!.replace(/ /g, '');
  assert.equal((await c.get('/compte/double-authentification')).status, 200);
  const again = await (await c.get('/compte/double-authentification')).text();
  assert.match(again, new RegExp(secret.slice(0, 4)), 'recharger garde le même secret');

  const wrong = await c.post('/compte/double-authentification', { code: '000000' === totpCode(secret, now) ? '111111' : '000000' });
  assert.equal(wrong.status, 422);
  assert.match(titleOf(await wrong.text()), /^Erreur : /);

  const ok = await c.post('/compte/double-authentification', { code: totpCode(secret, now) });
  assert.equal(ok.status, 200);
  const codes = [...(await ok.text()).matchAll(/<li>([A-Z2-7]{5}-[A-Z2-7]{5})<\/li>/g)].map((m) => m[1]!);
  assert.equal(codes.length, 10);
  const user = (await userByEmail(t.deps, 'totp@exemple.fr'))!;
  assert.ok(user.totpEnabledAt);
  assert.equal(user.totpPending, null);
  assert.ok(!user.totpSecret!.includes(secret), 'le secret est chiffré');
  assert.equal(openSecret(user.totpSecret!, t.deps.config.appSecret), secret);
  const stored = await t.deps.database.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, u.id));
  assert.equal(stored.length, 10);
  assert.ok(stored.every((s) => !codes.some((code) => s.codeHash.includes(code.replace('-', '')))));
  const enabled = await t.deps.database.db.select().from(auditLog).where(eq(auditLog.action, 'account.totp_enabled'));
  assert.ok(enabled.some((e) => e.objectId === u.id));
  assert.equal((await c.get('/compte/double-authentification')).headers.get('location'), '/compte');
});

test('connexion avec TOTP : pas de session avant le code, puis code accepté', async () => {
  const u = await createUser(t.deps, { email: 'deux-etapes@exemple.fr' });
  const setup = t.client();
  await setup.loginAs(u.id);
  const { secret } = await enrol(setup);

  const c = t.client();
  const step1 = await c.post('/connexion?retour=%2Fcompte', { email: 'deux-etapes@exemple.fr', password: TEST_PASSWORD });
  assert.equal(step1.status, 303);
  assert.equal(step1.headers.get('location'), '/connexion/code?retour=%2Fcompte');
  assert.equal(c.cookies.get('gen_session'), undefined);
  assert.equal((await c.get('/compte')).status, 303, 'pas encore connecté');

  const bad = await c.post('/connexion/code?retour=%2Fcompte', { code: '12345' });
  assert.equal(bad.status, 422);
  assert.match(await bad.text(), /Ce code est incorrect/);

  nextStep();
  const ok = await c.post('/connexion/code?retour=%2Fcompte', { code: totpCode(secret, now) });
  assert.equal(ok.status, 303);
  assert.equal(ok.headers.get('location'), '/compte');
  assert.ok(c.cookies.get('gen_session'));
  assert.equal(c.cookies.get('gen_login'), undefined);
  const account = await (await c.get('/compte')).text();
  assert.match(account, /Activée/);
  assert.match(account, /Générer de nouveaux codes de secours/);
});

test('un code de secours permet une connexion, une seule fois', async () => {
  const u = await createUser(t.deps, { email: 'secours@exemple.fr' });
  const setup = t.client();
  await setup.loginAs(u.id);
  const { codes } = await enrol(setup);

  const c = t.client();
  await c.post('/connexion', { email: 'secours@exemple.fr', password: TEST_PASSWORD });
  const ok = await c.post('/connexion/code', { code: codes[0]!.toLowerCase() });
  assert.equal(ok.status, 303);
  assert.ok(c.cookies.get('gen_session'));
  const used = await t.deps.database.db.select().from(auditLog).where(eq(auditLog.action, 'account.recovery_code_used'));
  assert.ok(used.some((e) => e.objectId === u.id));

  const d = t.client();
  await d.post('/connexion', { email: 'secours@exemple.fr', password: TEST_PASSWORD });
  const reused = await d.post('/connexion/code', { code: codes[0]! });
  assert.equal(reused.status, 422);
  assert.equal(d.cookies.get('gen_session'), undefined);
  assert.equal((await d.post('/connexion/code', { code: codes[1]! })).status, 303);
});

test('les codes faux répétés bloquent l’étape du code ; sans mot de passe, pas d’étape du code', async () => {
  const u = await createUser(t.deps, { email: 'devine@exemple.fr' });
  const setup = t.client();
  await setup.loginAs(u.id);
  const { secret } = await enrol(setup);
  const c = t.client();
  await c.post('/connexion', { email: 'devine@exemple.fr', password: TEST_PASSWORD });
  const good = totpCode(secret, now);
  const wrongCode = good === '999999' ? '999998' : '999999';
  for (let i = 0; i < 5; i++) assert.equal((await c.post('/connexion/code', { code: wrongCode })).status, 422);
  assert.equal((await c.post('/connexion/code', { code: good })).status, 429);

  const stranger = t.client();
  const res = await stranger.post('/connexion/code', { code: good });
  assert.equal(res.status, 303);
  assert.match(res.headers.get('location')!, /^\/connexion/);
  const forged = t.client();
  forged.cookies.set('gen_login', `${u.id}.${now.getTime() + 60_000}.signature-inventee`);
  assert.equal((await forged.get('/connexion/code')).headers.get('location'), '/connexion');
});

test('régénérer les codes de secours rend les anciens inutilisables', async () => {
  const u = await createUser(t.deps, { email: 'regen@exemple.fr' });
  const c = t.client();
  await c.loginAs(u.id);
  const { codes } = await enrol(c);
  const res = await c.post('/compte/codes-de-secours');
  assert.equal(res.status, 200);
  const fresh = [...(await res.text()).matchAll(/<li>([A-Z2-7]{5}-[A-Z2-7]{5})<\/li>/g)].map((m) => m[1]!);
  assert.equal(fresh.length, 10);
  const d = t.client();
  await d.post('/connexion', { email: 'regen@exemple.fr', password: TEST_PASSWORD });
  assert.equal((await d.post('/connexion/code', { code: codes[2]! })).status, 422);
  assert.equal((await d.post('/connexion/code', { code: fresh[0]! })).status, 303);
  const without = t.client();
  await without.loginAs((await createUser(t.deps)).id);
  assert.equal((await without.post('/compte/codes-de-secours')).status, 403);
});

test('une session ouverte sans second facteur passe par l’étape du code, puis est marquée vérifiée', async () => {
  const u = await createUser(t.deps, { email: 'session-partielle@exemple.fr' });
  const setup = t.client();
  await setup.loginAs(u.id);
  const { secret } = await enrol(setup);
  const c = t.client();
  await c.loginAs(u.id, { secondFactor: false });
  const res = await c.get('/compte/double-authentification');
  assert.equal(res.headers.get('location'), '/connexion/code?retour=%2Fcompte');
  assert.equal((await c.get('/connexion/code?retour=%2Fcompte')).status, 200);
  assert.equal((await c.post('/compte/codes-de-secours')).status, 403);
  nextStep();
  const ok = await c.post('/connexion/code?retour=%2Fcompte', { code: totpCode(secret, now) });
  assert.equal(ok.headers.get('location'), '/compte');
  assert.equal((await c.post('/compte/codes-de-secours')).status, 200);
});

test('un code TOTP déjà accepté est refusé dans sa fenêtre, et compte comme un essai manqué', async () => {
  const u = await createUser(t.deps, { email: 'rejeu@exemple.fr' });
  const setup = t.client();
  await setup.loginAs(u.id);
  const { secret } = await enrol(setup);

  // The enrolment code itself cannot open a session.
  const early = t.client();
  await early.post('/connexion', { email: 'rejeu@exemple.fr', password: TEST_PASSWORD });
  const enrolCode = await early.post('/connexion/code', { code: totpCode(secret, now) });
  assert.equal(enrolCode.status, 422);
  assert.match(await enrolCode.text(), /Ce code a déjà été utilisé\. Attendez que votre application affiche un nouveau code/);

  nextStep();
  const code = totpCode(secret, now);
  const first = t.client();
  await first.post('/connexion', { email: 'rejeu@exemple.fr', password: TEST_PASSWORD });
  assert.equal((await first.post('/connexion/code', { code })).status, 303);
  assert.ok(first.cookies.get('gen_session'));

  // Someone who saw the code over the shoulder, 20 then 50 seconds later (still inside the drift window).
  const thief = t.client();
  await thief.post('/connexion', { email: 'rejeu@exemple.fr', password: TEST_PASSWORD });
  for (const later of [20_000, 30_000]) {
    now = new Date(now.getTime() + later);
    const replay = await thief.post('/connexion/code', { code });
    assert.equal(replay.status, 422);
    assert.match(titleOf(await replay.text()), /^Erreur : /);
    assert.equal(thief.cookies.get('gen_session'), undefined);
  }
  // The previous step's code is older than the accepted one: refused too.
  const older = totpCode(secret, new Date(now.getTime() - 60_000));
  if (older !== code) assert.equal((await thief.post('/connexion/code', { code: older })).status, 422);

  const replays = await t.deps.database.db.select().from(auditLog).where(eq(auditLog.action, 'account.login_failed'));
  assert.ok(replays.filter((e) => e.objectId === u.id && (e.meta as { reason?: string } | null)?.reason === 'replay').length >= 3);

  // Counted in the rate limit: after five failures in all, even a fresh code is refused.
  nextStep();
  const fresh = totpCode(secret, now);
  for (let i = 0; i < 2; i++) assert.equal((await thief.post('/connexion/code', { code })).status, 422);
  assert.equal((await thief.post('/connexion/code', { code: fresh })).status, 429);
  assert.equal(thief.cookies.get('gen_session'), undefined);
});

// On PostgreSQL (npm run test:pg) the two transactions really overlap: without the conditional
// update in claimTotpStep both would pass (checked by hand). PGlite runs them one after the other.
test('deux envois simultanés du même code : un seul ouvre une session', async () => {
  const u = await createUser(t.deps, { email: 'simultane@exemple.fr' });
  const setup = t.client();
  await setup.loginAs(u.id);
  const { secret } = await enrol(setup);
  nextStep();
  const code = totpCode(secret, now);
  const a = t.client();
  const b = t.client();
  await a.post('/connexion', { email: 'simultane@exemple.fr', password: TEST_PASSWORD });
  await b.post('/connexion', { email: 'simultane@exemple.fr', password: TEST_PASSWORD });
  const results = await Promise.all([a.post('/connexion/code', { code }), b.post('/connexion/code', { code })]);
  assert.deepEqual(results.map((r) => r.status).sort(), [303, 422]);
  assert.equal([a, b].filter((c) => c.cookies.get('gen_session')).length, 1);
  const logins = await t.deps.database.db.select().from(auditLog).where(eq(auditLog.action, 'account.login'));
  assert.equal(logins.filter((e) => e.objectId === u.id).length, 1);
  // The next step's code still works.
  nextStep();
  const c = t.client();
  await c.post('/connexion', { email: 'simultane@exemple.fr', password: TEST_PASSWORD });
  assert.equal((await c.post('/connexion/code', { code: totpCode(secret, now) })).status, 303);
});
