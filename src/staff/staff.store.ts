/** Queries of the staff area on users and their staff roles (the only file of the domain with queries). */
import { and, asc, desc, eq, ilike, isNull, ne, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/index.js';
import { users, staffRoles } from '../platform/auth/auth.schema.js';
import { isStaffRole, type StaffRoleName } from '../platform/auth/roles.js';

/** A user as the admin pages show them. */
export interface StaffUserRow {
  id: string;
  email: string;
  fullName: string;
  createdAt: Date;
  totpEnabledAt: Date | null;
  disabledAt: Date | null;
  roles: StaffRoleName[];
}

const rolesOf = sql<string | null>`(select string_agg(sr.role::text, ',' order by sr.role) from staff_roles sr where sr.user_id = ${users.id})`;

const columns = {
  id: users.id, email: users.email, fullName: users.fullName, createdAt: users.createdAt,
  totpEnabledAt: users.totpEnabledAt, disabledAt: users.disabledAt, roles: rolesOf,
};

function toRow(r: { roles: string | null } & Omit<StaffUserRow, 'roles'>): StaffUserRow {
  return { ...r, roles: (r.roles ?? '').split(',').filter(isStaffRole) };
}

/** A page of users matching a search on email or name, staff first then by email. */
export async function searchUsers(db: DbOrTx, q: string, page: number, size = 25): Promise<{ rows: StaffUserRow[]; total: number }> {
  const term = q.trim().replace(/[\\%_]/g, (ch) => `\\${ch}`);
  const cond = term ? or(ilike(users.email, `%${term}%`), ilike(users.fullName, `%${term}%`)) : undefined;
  const rows = await db.select(columns).from(users).where(cond)
    .orderBy(desc(sql`${rolesOf} is not null`), asc(users.email)).limit(size).offset((page - 1) * size);
  const [c] = await db.select({ n: sql<number>`count(*)::int` }).from(users).where(cond);
  return { rows: rows.map(toRow), total: c?.n ?? 0 };
}

/** One user with their staff roles, or null. */
export async function getStaffUser(db: DbOrTx, id: string): Promise<StaffUserRow | null> {
  const [r] = await db.select(columns).from(users).where(eq(users.id, id));
  return r ? toRow(r) : null;
}

/** Serialises changes of staff roles, so two admins cannot revoke each other at the same time. */
export async function lockStaffRoles(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(515151)`);
}

/** Number of enabled admins other than this user. */
export async function countOtherActiveAdmins(db: DbOrTx, userId: string): Promise<number> {
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(staffRoles)
    .innerJoin(users, eq(users.id, staffRoles.userId))
    .where(and(eq(staffRoles.role, 'admin'), ne(staffRoles.userId, userId), isNull(users.disabledAt)));
  return r?.n ?? 0;
}

/** Grants a role (no-op if held). */
export async function insertStaffRole(tx: DbOrTx, userId: string, role: StaffRoleName, grantedBy: string, now: Date): Promise<void> {
  await tx.insert(staffRoles).values({ userId, role, grantedBy, grantedAt: now }).onConflictDoNothing();
}

/** Revokes a role. */
export async function deleteStaffRole(tx: DbOrTx, userId: string, role: StaffRoleName): Promise<void> {
  await tx.delete(staffRoles).where(and(eq(staffRoles.userId, userId), eq(staffRoles.role, role)));
}

/** Disables (date) or enables (null) an account. */
export async function setUserDisabled(tx: DbOrTx, userId: string, at: Date | null): Promise<void> {
  await tx.update(users).set({ disabledAt: at }).where(eq(users.id, userId));
}
