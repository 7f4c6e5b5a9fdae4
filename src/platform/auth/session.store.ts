/** Sessions stored in the database: created at login, rotated, expired, revoked. */
import { and, eq, gt, lt, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/index.js';
import { sessions, users } from './auth.schema.js';
import { newToken, sha256 } from './tokens.js';
import type { Actor } from '../http/context.js';
import type { StaffRoleName } from './roles.js';

/** Creates a session; returns the cookie token (only its hash is stored). */
export async function createSession(
  db: DbOrTx,
  input: { userId: string; ttlHours: number; now: Date; ip?: string; userAgent?: string; secondFactor?: boolean },
): Promise<string> {
  const token = newToken();
  await db.insert(sessions).values({
    id: sha256(token),
    userId: input.userId,
    createdAt: input.now,
    lastSeenAt: input.now,
    expiresAt: new Date(input.now.getTime() + input.ttlHours * 3600_000),
    ip: input.ip ?? null,
    userAgent: input.userAgent?.slice(0, 300) ?? null,
    secondFactorAt: input.secondFactor ? input.now : null,
  });
  return token;
}

/** A JSON column read back: drivers hand json either parsed or as text. */
function json<T>(v: unknown, fallback: T): T {
  if (typeof v === 'string') return JSON.parse(v) as T;
  return (v ?? fallback) as T;
}

/** The actor query, prepared once per database handle (building and planning it on every request costs more than running it). */
const prepared = new WeakMap<object, ReturnType<typeof buildActorQuery>>();

function buildActorQuery(db: DbOrTx) {
  return db
    .select({
      currentOrgId: sessions.currentOrgId,
      secondFactorAt: sessions.secondFactorAt,
      lastSeenAt: sessions.lastSeenAt,
      userId: users.id,
      email: users.email,
      fullName: users.fullName,
      totpEnabledAt: users.totpEnabledAt,
      disabledAt: users.disabledAt,
      roles: sql<unknown>`(select coalesce(json_agg(sr.role::text order by sr.role), '[]'::json) from staff_roles sr where sr.user_id = ${users.id})`,
      memberships: sql<unknown>`(select coalesce(json_agg(json_build_object('organisationId', m.organisation_id, 'role', m.role, 'organisationName', o.name) order by o.name, o.id), '[]'::json)
        from memberships m join organisations o on o.id = m.organisation_id where m.user_id = ${users.id})`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sql.placeholder('id')), gt(sessions.expiresAt, sql.placeholder('now'))))
    .prepare('load_actor');
}

function actorQuery(db: DbOrTx): ReturnType<typeof buildActorQuery> {
  let q = prepared.get(db);
  if (!q) { q = buildActorQuery(db); prepared.set(db, q); }
  return q;
}

/**
 * Loads the actor behind a cookie token, or null if the session is unknown, expired or the user
 * disabled. One query per signed-in request: the session, its user, the staff roles and the
 * memberships (ordered by organisation name) come back in one row. Nothing is cached, so a
 * revoked session, a disabled account or a removed role takes effect at the very next request.
 */
export async function loadActor(db: DbOrTx, token: string, now: Date, ttlHours: number): Promise<Actor | null> {
  const id = sha256(token);
  const [row] = await actorQuery(db).execute({ id, now });
  if (!row || row.disabledAt) return null;
  const roles = json<StaffRoleName[]>(row.roles, []);
  const ms = json<Actor['memberships']>(row.memberships, []);
  // Sliding expiry, written at most every five minutes to spare the database.
  if (now.getTime() - row.lastSeenAt.getTime() > 5 * 60_000) {
    await db.update(sessions)
      .set({ lastSeenAt: now, expiresAt: new Date(now.getTime() + ttlHours * 3600_000) })
      .where(eq(sessions.id, id));
  }
  const current = ms.find((m) => m.organisationId === row.currentOrgId)?.organisationId ?? ms[0]?.organisationId ?? null;
  return {
    userId: row.userId,
    email: row.email,
    fullName: row.fullName,
    sessionId: id,
    staffRoles: roles,
    secondFactor: !!row.secondFactorAt,
    totpEnabled: !!row.totpEnabledAt,
    memberships: ms,
    currentOrgId: current,
  };
}

/** Revokes one session (logout). */
export async function destroySession(db: DbOrTx, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Revokes every session of a user, except one if given (password change keeps the current one). */
export async function destroyUserSessions(db: DbOrTx, userId: string, exceptSessionId?: string): Promise<void> {
  await db.delete(sessions).where(
    exceptSessionId ? and(eq(sessions.userId, userId), ne(sessions.id, exceptSessionId)) : eq(sessions.userId, userId),
  );
}

/** Marks the second factor as checked for this session. */
export async function markSecondFactor(db: DbOrTx, sessionId: string, now: Date): Promise<void> {
  await db.update(sessions).set({ secondFactorAt: now }).where(eq(sessions.id, sessionId));
}

/** Sets the organisation the user acts for in this session. */
export async function setCurrentOrganisation(db: DbOrTx, sessionId: string, orgId: string): Promise<void> {
  await db.update(sessions).set({ currentOrgId: orgId }).where(eq(sessions.id, sessionId));
}

/** Deletes expired sessions (scheduled job). */
export async function purgeExpiredSessions(db: DbOrTx, now: Date): Promise<number> {
  const res = await db.delete(sessions).where(lt(sessions.expiresAt, now)).returning({ id: sessions.id });
  return res.length;
}

/** Count of live sessions of a user (used by tests and the account page). */
export async function countSessions(db: DbOrTx, userId: string): Promise<number> {
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(sessions).where(eq(sessions.userId, userId));
  return r?.n ?? 0;
}
