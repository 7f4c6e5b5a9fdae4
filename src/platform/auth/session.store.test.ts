import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { createTestApp, createUser, createOrganisation, type TestApp } from '../testing/harness.js';
import { createSession, destroySession, destroyUserSessions, loadActor, markSecondFactor, setCurrentOrganisation } from './session.store.js';
import { sessions, staffRoles, users } from './auth.schema.js';
import { memberships } from '../../organisations/organisations.schema.js';
import { sha256 } from './tokens.js';
import type { Db } from '../db/index.js';

let now = new Date('2026-11-23T10:00:00Z');
let t: TestApp;
before(async () => { t = await createTestApp({ now: () => now }); });
after(async () => { await t.close(); });

/** The database wrapped so that every select, update, insert, delete and execute call is counted. */
function counting(db: Db): { db: Db; calls: string[] } {
  const calls: string[] = [];
  const proxy = new Proxy(db, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver);
      if (typeof v === 'function' && ['select', 'update', 'insert', 'delete', 'execute'].includes(String(prop))) {
        return (...args: unknown[]) => { calls.push(String(prop)); return (v as (...a: unknown[]) => unknown).apply(target, args); };
      }
      return v;
    },
  });
  return { db: proxy, calls };
}

test('la session, les rôles et les organismes se chargent en une seule requête', async () => {
  const db = t.deps.database.db;
  const u = await createUser(t.deps, { email: 'charge@exemple.fr', fullName: 'Inès Charge', staff: ['admin', 'instructor'] });
  const zeta = await createOrganisation(t.deps, { name: 'Zeta Formation', members: [u.id] });
  const alpha = await createOrganisation(t.deps, { name: 'Alpha Numérique', admins: [u.id] });
  const token = await createSession(db, { userId: u.id, ttlHours: 12, now });
  await markSecondFactor(db, sha256(token), now);

  const { db: counted, calls } = counting(db);
  const actor = await loadActor(counted, token, now, 12);
  assert.deepEqual(calls, ['select'], 'une seule requête, sans écriture (session vue il y a moins de 5 minutes)');
  assert.ok(actor);
  assert.equal(actor.userId, u.id);
  assert.equal(actor.email, 'charge@exemple.fr');
  assert.equal(actor.fullName, 'Inès Charge');
  assert.equal(actor.sessionId, sha256(token));
  assert.deepEqual([...actor.staffRoles].sort(), ['admin', 'instructor']);
  assert.equal(actor.secondFactor, true);
  assert.equal(actor.totpEnabled, true);
  assert.deepEqual(actor.memberships, [
    { organisationId: alpha.id, role: 'admin', organisationName: 'Alpha Numérique' },
    { organisationId: zeta.id, role: 'member', organisationName: 'Zeta Formation' },
  ], 'organismes triés par nom');
  assert.equal(actor.currentOrgId, alpha.id, 'par défaut le premier organisme');

  await setCurrentOrganisation(db, sha256(token), zeta.id);
  assert.equal((await loadActor(db, token, now, 12))?.currentOrgId, zeta.id);
});

test('un compte sans rôle ni organisme se charge aussi, sans second facteur', async () => {
  const u = await createUser(t.deps);
  const token = await createSession(t.deps.database.db, { userId: u.id, ttlHours: 12, now });
  const actor = await loadActor(t.deps.database.db, token, now, 12);
  assert.ok(actor);
  assert.deepEqual(actor.staffRoles, []);
  assert.deepEqual(actor.memberships, []);
  assert.equal(actor.currentOrgId, null);
  assert.equal(actor.secondFactor, false);
  assert.equal(actor.totpEnabled, false);
});

test('révocation, désactivation, rôle ou adhésion retirés : effet à la requête suivante', async () => {
  const db = t.deps.database.db;
  const u = await createUser(t.deps, { staff: ['admin', 'committee'] });
  const org = await createOrganisation(t.deps, { members: [u.id] });
  const a = await createSession(db, { userId: u.id, ttlHours: 12, now });
  const b = await createSession(db, { userId: u.id, ttlHours: 12, now });
  assert.ok(await loadActor(db, a, now, 12));

  await db.delete(staffRoles).where(and(eq(staffRoles.userId, u.id), eq(staffRoles.role, 'admin')));
  assert.deepEqual((await loadActor(db, a, now, 12))?.staffRoles, ['committee']);
  await db.delete(memberships).where(and(eq(memberships.userId, u.id), eq(memberships.organisationId, org.id)));
  assert.deepEqual((await loadActor(db, a, now, 12))?.memberships, []);

  await destroySession(db, sha256(a));
  assert.equal(await loadActor(db, a, now, 12), null, 'déconnexion');
  assert.ok(await loadActor(db, b, now, 12));
  await db.update(users).set({ disabledAt: now }).where(eq(users.id, u.id));
  assert.equal(await loadActor(db, b, now, 12), null, 'compte désactivé');
  await db.update(users).set({ disabledAt: null }).where(eq(users.id, u.id));
  await destroyUserSessions(db, u.id);
  assert.equal(await loadActor(db, b, now, 12), null, 'toutes les sessions fermées');
});

test('expiration glissante : écrite au plus toutes les 5 minutes, session expirée refusée', async () => {
  const db = t.deps.database.db;
  const u = await createUser(t.deps);
  const token = await createSession(db, { userId: u.id, ttlHours: 1, now });
  const later = new Date(now.getTime() + 10 * 60_000);
  const { db: counted, calls } = counting(db);
  assert.ok(await loadActor(counted, token, later, 1));
  assert.deepEqual(calls, ['select', 'update']);
  const [row] = await db.select().from(sessions).where(eq(sessions.id, sha256(token)));
  assert.equal(row!.expiresAt.getTime(), later.getTime() + 3600_000);
  assert.equal(await loadActor(db, token, new Date(later.getTime() + 3600_000 + 1), 1), null);
});
