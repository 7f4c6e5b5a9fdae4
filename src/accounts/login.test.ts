import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { createTestApp, createUser, TEST_PASSWORD, type TestApp } from '../platform/testing/harness.js';
import { auditLog } from '../platform/audit/audit.schema.js';
import { loginAttempts, users, staffRoles } from '../platform/auth/auth.schema.js';
import { countSessions } from '../platform/auth/session.store.js';
import { decide, staff } from '../platform/http/access.js';
import { titleOf } from './test-helpers.js';

let t: TestApp;
before(async () => { t = await createTestApp(); });
after(async () => { await t.close(); });

test('mauvais mot de passe et adresse inconnue : le même message générique', async () => {
  const u = await createUser(t.deps, { email: 'ines@exemple.fr' });
  const wrong = await t.client({ ip: '198.51.100.1' }).post('/connexion', { email: 'ines@exemple.fr', password: 'pas le bon mot de passe' });
  const unknown = await t.client({ ip: '198.51.100.1' }).post('/connexion', { email: 'inconnu@exemple.fr', password: 'pas le bon mot de passe' });
  assert.equal(wrong.status, 422);
  assert.equal(unknown.status, 422);
  const [a, b] = [await wrong.text(), await unknown.text()];
  assert.match(a, /Adresse électronique ou mot de passe incorrect\./);
  assert.match(b, /Adresse électronique ou mot de passe incorrect\./);
  assert.match(titleOf(a), /^Erreur : /);
  assert.equal(a.replace(/ines@exemple\.fr|[0-9a-zA-Z_-]{43}/g, ''), b.replace(/inconnu@exemple\.fr|[0-9a-zA-Z_-]{43}/g, ''));
  const failed = await t.deps.database.db.select().from(auditLog).where(eq(auditLog.action, 'account.login_failed'));
  assert.deepEqual(failed.map((f) => f.objectId).sort(), [u.id, 'inconnu'].sort());
  assert.ok(failed.every((f) => !JSON.stringify(f).includes('@exemple.fr')), 'aucune adresse en clair dans le journal');
  const attempts = await t.deps.database.db.select().from(loginAttempts);
  assert.ok(attempts.every((x) => !x.emailHash.includes('@')));
});

test('limite par compte : après 5 échecs, même le bon mot de passe est refusé (429) sans dire si le compte existe', async () => {
  await createUser(t.deps, { email: 'bloquee@exemple.fr' });
  for (let i = 0; i < 5; i++) {
    assert.equal((await t.client({ ip: `203.0.113.${i + 1}` }).post('/connexion', { email: 'bloquee@exemple.fr', password: 'mauvais mot de passe' })).status, 422);
  }
  const blocked = await t.client({ ip: '203.0.113.50' }).post('/connexion', { email: 'bloquee@exemple.fr', password: TEST_PASSWORD });
  assert.equal(blocked.status, 429);
  assert.ok(Number(blocked.headers.get('retry-after')) > 0);
  const html = await blocked.text();
  assert.match(html, /Trop de tentatives de connexion/);
  for (let i = 0; i < 5; i++) await t.client({ ip: `203.0.113.${i + 1}` }).post('/connexion', { email: 'fantome@exemple.fr', password: 'mauvais mot de passe' });
  const ghost = await t.client({ ip: '203.0.113.51' }).post('/connexion', { email: 'fantome@exemple.fr', password: TEST_PASSWORD });
  assert.equal(ghost.status, 429);
  assert.equal((await ghost.text()).replace(/[0-9a-zA-Z_-]{43}/g, ''), html.replace(/[0-9a-zA-Z_-]{43}/g, ''));
});

test('la fenêtre passée, le compte est de nouveau accessible', async () => {
  let now = new Date('2026-05-04T08:00:00Z');
  const t2 = await createTestApp({ now: () => now });
  try {
    await createUser(t2.deps, { email: 'patiente@exemple.fr' });
    for (let i = 0; i < 5; i++) await t2.client().post('/connexion', { email: 'patiente@exemple.fr', password: 'mauvais mot de passe' });
    assert.equal((await t2.client().post('/connexion', { email: 'patiente@exemple.fr', password: TEST_PASSWORD })).status, 429);
    now = new Date('2026-05-04T08:16:00Z');
    assert.equal((await t2.client().post('/connexion', { email: 'patiente@exemple.fr', password: TEST_PASSWORD })).status, 303);
  } finally {
    await t2.close();
  }
});

test('limite par adresse IP : 30 échecs depuis une adresse la bloquent, pas les autres', async () => {
  await createUser(t.deps, { email: 'victime-ip@exemple.fr' });
  const attacker = t.client({ ip: '192.0.2.66' });
  for (let i = 0; i < 30; i++) await attacker.post('/connexion', { email: `essai${i}@exemple.fr`, password: 'mauvais mot de passe' });
  assert.equal((await attacker.post('/connexion', { email: 'victime-ip@exemple.fr', password: TEST_PASSWORD })).status, 429);
  assert.equal((await t.client({ ip: '192.0.2.67' }).post('/connexion', { email: 'victime-ip@exemple.fr', password: TEST_PASSWORD })).status, 303);
});

test('la connexion remplace la session du navigateur par une nouvelle', async () => {
  const u = await createUser(t.deps);
  const c = t.client();
  await c.loginAs(u.id);
  const before = c.cookies.get('gen_session');
  const res = await c.post('/connexion?retour=%2Fcompte', { email: u.email, password: TEST_PASSWORD });
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), '/compte');
  const afterLogin = c.cookies.get('gen_session');
  assert.ok(afterLogin && afterLogin !== before);
  assert.equal(await countSessions(t.deps.database.db, u.id), 1);
  const old = t.client();
  old.cookies.set('gen_session', before!);
  assert.equal((await old.get('/compte')).status, 303);
});

test('la déconnexion révoque la session : l’ancien cookie ne fonctionne plus', async () => {
  const u = await createUser(t.deps);
  const c = t.client();
  await c.post('/connexion', { email: u.email, password: TEST_PASSWORD });
  const cookie = c.cookies.get('gen_session')!;
  assert.equal((await c.get('/compte')).status, 200);
  const out = await c.post('/deconnexion');
  assert.equal(out.status, 303);
  assert.equal(c.cookies.get('gen_session'), undefined);
  const replay = t.client();
  replay.cookies.set('gen_session', cookie);
  const res = await replay.get('/compte');
  assert.equal(res.status, 303);
  assert.match(res.headers.get('location')!, /^\/connexion/);
  assert.equal(await countSessions(t.deps.database.db, u.id), 0);
  const logout = await t.deps.database.db.select().from(auditLog).where(eq(auditLog.action, 'account.logout'));
  assert.ok(logout.some((l) => l.objectId === u.id));
});

test('le retour après connexion refuse les adresses externes', async () => {
  const u = await createUser(t.deps);
  for (const retour of ['https://evil.example/', '//evil.example', '/\\evil.example', '/..//evil.example']) {
    const res = await t.client().post(`/connexion?retour=${encodeURIComponent(retour)}`, { email: u.email, password: TEST_PASSWORD });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/', retour);
  }
  const page = await t.client().get(`/connexion?retour=${encodeURIComponent('//evil.example')}`);
  assert.doesNotMatch(await page.text(), /evil/);
  const anonymous = await t.client().get('/compte/mot-de-passe');
  assert.equal(anonymous.headers.get('location'), '/connexion?retour=%2Fcompte%2Fmot-de-passe');
});

test('cookie de session sécurisé quand BASE_URL est en https', async () => {
  const t2 = await createTestApp({ env: { BASE_URL: 'https://label.example.gouv.fr' } });
  try {
    const u = await createUser(t2.deps);
    const res = await t2.client().post('/connexion', { email: u.email, password: TEST_PASSWORD });
    assert.equal(res.status, 303);
    const cookie = res.headers.getSetCookie().find((s) => s.startsWith('__Host-gen_session='));
    assert.ok(cookie, 'cookie __Host-gen_session posé');
    assert.match(cookie!, /; Path=\//);
    assert.match(cookie!, /; Secure/);
    assert.match(cookie!, /; HttpOnly/);
    assert.match(cookie!, /; SameSite=Lax/);
    assert.doesNotMatch(cookie!, /Domain=/);
  } finally {
    await t2.close();
  }
});

test('un agent sans double authentification est envoyé vers l’enrôlement', async () => {
  const agent = await createUser(t.deps, { staff: ['instructor'] });
  const actor = { userId: agent.id, email: agent.email, fullName: agent.fullName, sessionId: 's', staffRoles: ['instructor' as const], secondFactor: false, totpEnabled: false, memberships: [], currentOrgId: null };
  assert.deepEqual(decide(staff('instructor'), actor, {}), { ok: false, reason: 'second_factor' });
  assert.deepEqual(decide(staff('instructor'), { ...actor, secondFactor: true, totpEnabled: true }, {}), { ok: true });

  // The factory enrols staff in TOTP; this agent has not enrolled yet.
  const [fresh] = await t.deps.database.db.insert(users)
    .values({ email: 'agent-neuf@exemple.fr', fullName: 'Agent Neuf', passwordHash: agent.passwordHash, emailConfirmedAt: new Date() }).returning();
  await t.deps.database.db.insert(staffRoles).values({ userId: fresh!.id, role: 'admin' });
  const c = t.client();
  const res = await c.post('/connexion?retour=%2Fgestion', { email: 'agent-neuf@exemple.fr', password: TEST_PASSWORD });
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), '/compte/double-authentification?retour=%2Fgestion');
  const page = await c.get('/compte/double-authentification?retour=%2Fgestion');
  assert.equal(page.status, 200);
  const html = await page.text();
  assert.match(html, /double authentification est obligatoire/);
  assert.match(html, /<svg/);
});
