/** The only file of the accounts domain that queries the database. */
import { and, count, desc, eq, gt, gte, isNull, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/index.js';
import { users, oneTimeTokens, loginAttempts, recoveryCodes, staffRoles, emailChanges } from '../platform/auth/auth.schema.js';
import type { StaffRoleName } from '../platform/auth/roles.js';
import { newToken, sha256 } from '../platform/auth/tokens.js';

/** A user row. */
export type UserRow = typeof users.$inferSelect;
/** Purpose of a one-time link. */
export type TokenPurpose = 'email_confirmation' | 'password_reset';

/** The user with this email (case-insensitive), or null. */
export async function findUserByEmail(db: DbOrTx, email: string): Promise<UserRow | null> {
  const [u] = await db.select().from(users).where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`);
  return u ?? null;
}

/** The user with this id, or null. */
export async function findUserById(db: DbOrTx, id: string): Promise<UserRow | null> {
  const [u] = await db.select().from(users).where(eq(users.id, id));
  return u ?? null;
}

/** Inserts an unconfirmed user; null when the email is already taken (even by a concurrent sign-up). */
export async function insertUser(tx: DbOrTx, v: { email: string; fullName: string; passwordHash: string; now: Date }): Promise<UserRow | null> {
  const [u] = await tx.insert(users)
    .values({ email: v.email, fullName: v.fullName, passwordHash: v.passwordHash, passwordChangedAt: v.now, createdAt: v.now })
    .onConflictDoNothing()
    .returning();
  return u ?? null;
}

/** Marks the email as confirmed (keeps the first date). */
export async function markEmailConfirmed(tx: DbOrTx, userId: string, now: Date): Promise<void> {
  await tx.update(users).set({ emailConfirmedAt: now }).where(and(eq(users.id, userId), isNull(users.emailConfirmedAt)));
}

/** Replaces the password hash. */
export async function updatePassword(tx: DbOrTx, userId: string, passwordHash: string, now: Date): Promise<void> {
  await tx.update(users).set({ passwordHash, passwordChangedAt: now }).where(eq(users.id, userId));
}

/** Creates a one-time link token; returns the token (only its sha256 is stored). */
export async function createOneTimeToken(tx: DbOrTx, userId: string, purpose: TokenPurpose, now: Date, ttlMs: number): Promise<string> {
  const token = newToken();
  await tx.insert(oneTimeTokens).values({ id: sha256(token), userId, purpose, createdAt: now, expiresAt: new Date(now.getTime() + ttlMs) });
  return token;
}

/** The token row behind a link, for this purpose, or null. */
export async function findOneTimeToken(db: DbOrTx, token: string, purpose: TokenPurpose) {
  if (token.length > 100) return null;
  const [row] = await db.select().from(oneTimeTokens).where(and(eq(oneTimeTokens.id, sha256(token)), eq(oneTimeTokens.purpose, purpose)));
  return row ?? null;
}

/** Uses a token once: false if it was used or expired meanwhile (the update is the guard). */
export async function consumeOneTimeToken(tx: DbOrTx, tokenId: string, now: Date): Promise<boolean> {
  const res = await tx.update(oneTimeTokens).set({ usedAt: now })
    .where(and(eq(oneTimeTokens.id, tokenId), isNull(oneTimeTokens.usedAt), gt(oneTimeTokens.expiresAt, now)))
    .returning({ id: oneTimeTokens.id });
  return res.length === 1;
}

/** Voids every unused token of a purpose (a new password makes older reset links useless). */
export async function voidTokens(tx: DbOrTx, userId: string, purpose: TokenPurpose, now: Date): Promise<void> {
  await tx.update(oneTimeTokens).set({ usedAt: now })
    .where(and(eq(oneTimeTokens.userId, userId), eq(oneTimeTokens.purpose, purpose), isNull(oneTimeTokens.usedAt)));
}

/** How many links of a purpose were issued to a user since an instant. */
export async function countTokensSince(db: DbOrTx, userId: string, purpose: TokenPurpose, since: Date): Promise<number> {
  const [r] = await db.select({ n: count() }).from(oneTimeTokens)
    .where(and(eq(oneTimeTokens.userId, userId), eq(oneTimeTokens.purpose, purpose), gte(oneTimeTokens.createdAt, since)));
  return r?.n ?? 0;
}

/** Records one login attempt under a hashed key. */
export async function recordAttempt(tx: DbOrTx, v: { key: string; ip: string; success: boolean; at: Date }): Promise<void> {
  await tx.insert(loginAttempts).values({ emailHash: v.key, ip: v.ip, success: v.success, at: v.at });
}

/** Failures of a key since an instant, not counting those before its last success. */
export async function keyFailuresSince(db: DbOrTx, key: string, since: Date): Promise<number> {
  const [last] = await db.select({ id: loginAttempts.id }).from(loginAttempts)
    .where(and(eq(loginAttempts.emailHash, key), eq(loginAttempts.success, true), gte(loginAttempts.at, since)))
    .orderBy(desc(loginAttempts.id)).limit(1);
  const [r] = await db.select({ n: count() }).from(loginAttempts)
    .where(and(eq(loginAttempts.emailHash, key), eq(loginAttempts.success, false), gte(loginAttempts.at, since), gt(loginAttempts.id, last?.id ?? 0)));
  return r?.n ?? 0;
}

/** Failures from an address since an instant. */
export async function ipFailuresSince(db: DbOrTx, ip: string, since: Date): Promise<number> {
  const [r] = await db.select({ n: count() }).from(loginAttempts)
    .where(and(eq(loginAttempts.ip, ip), eq(loginAttempts.success, false), gte(loginAttempts.at, since)));
  return r?.n ?? 0;
}

/** Deletes attempts older than an instant (scheduled job). */
export async function purgeAttempts(db: DbOrTx, before: Date): Promise<void> {
  await db.delete(loginAttempts).where(lt(loginAttempts.at, before));
}

/** Stores the sealed secret of an enrolment waiting for its first code. */
export async function setPendingTotp(tx: DbOrTx, userId: string, sealed: string): Promise<void> {
  await tx.update(users).set({ totpPending: sealed }).where(eq(users.id, userId));
}

/** Turns the pending secret into the active one; the enrolment code's step counts as used. */
export async function enableTotp(tx: DbOrTx, userId: string, sealed: string, now: Date, step: number): Promise<void> {
  await tx.update(users).set({ totpSecret: sealed, totpPending: null, totpEnabledAt: now, totpLastStep: step }).where(eq(users.id, userId));
}

/**
 * Records `step` as the last accepted TOTP step, only if it is later than the one stored: false
 * when a code of this step (or a later one) was already accepted. The conditional update is the
 * guard, so of two concurrent submissions of one code only one can win (the second waits for the
 * first's row lock, then finds the condition false).
 */
export async function claimTotpStep(tx: DbOrTx, userId: string, step: number): Promise<boolean> {
  const res = await tx.update(users).set({ totpLastStep: step })
    .where(and(eq(users.id, userId), sql`(${users.totpLastStep} is null or ${users.totpLastStep} < ${step})`))
    .returning({ id: users.id });
  return res.length === 1;
}

/** Forgets the second factor (secret, pending enrolment, last step, recovery codes): the next login enrols again. */
export async function clearTotp(tx: DbOrTx, userId: string): Promise<void> {
  await tx.update(users).set({ totpSecret: null, totpPending: null, totpEnabledAt: null, totpLastStep: null }).where(eq(users.id, userId));
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
}

/** Replaces every recovery code of a user by these hashes. */
export async function replaceRecoveryCodes(tx: DbOrTx, userId: string, hashes: string[]): Promise<void> {
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  if (hashes.length) await tx.insert(recoveryCodes).values(hashes.map((codeHash) => ({ userId, codeHash })));
}

/** Uses one recovery code: false if unknown or already used. */
export async function useRecoveryCode(tx: DbOrTx, userId: string, codeHash: string, now: Date): Promise<boolean> {
  const res = await tx.update(recoveryCodes).set({ usedAt: now })
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, codeHash), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id });
  return res.length === 1;
}

/** Recovery codes still unused. */
export async function countUnusedRecoveryCodes(db: DbOrTx, userId: string): Promise<number> {
  const [r] = await db.select({ n: count() }).from(recoveryCodes).where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return r?.n ?? 0;
}

/** The staff roles of a user. */
export async function staffRolesOf(db: DbOrTx, userId: string): Promise<StaffRoleName[]> {
  const rows = await db.select({ role: staffRoles.role }).from(staffRoles).where(eq(staffRoles.userId, userId));
  return rows.map((r) => r.role);
}

/** A pending or past change of email address. */
export type EmailChangeRow = typeof emailChanges.$inferSelect;

/** Records a requested change of address; returns the token to mail (only its sha256 is stored). Older requests stop working. */
export async function createEmailChange(tx: DbOrTx, v: { userId: string; newEmail: string; now: Date; ttlMs: number }): Promise<string> {
  await voidEmailChanges(tx, v.userId, v.now);
  const token = newToken();
  await tx.insert(emailChanges).values({
    id: sha256(token), userId: v.userId, newEmail: v.newEmail, createdAt: v.now, expiresAt: new Date(v.now.getTime() + v.ttlMs),
  });
  return token;
}

/** The change of address behind a link, or null. */
export async function findEmailChange(db: DbOrTx, token: string): Promise<EmailChangeRow | null> {
  if (token.length > 100) return null;
  const [row] = await db.select().from(emailChanges).where(eq(emailChanges.id, sha256(token)));
  return row ?? null;
}

/** Uses a change-of-address link once: false if it was used or expired meanwhile. */
export async function consumeEmailChange(tx: DbOrTx, id: string, now: Date): Promise<boolean> {
  const res = await tx.update(emailChanges).set({ usedAt: now })
    .where(and(eq(emailChanges.id, id), isNull(emailChanges.usedAt), gt(emailChanges.expiresAt, now)))
    .returning({ id: emailChanges.id });
  return res.length === 1;
}

/** Voids every unused change-of-address link of a user. */
export async function voidEmailChanges(tx: DbOrTx, userId: string, now: Date): Promise<void> {
  await tx.update(emailChanges).set({ usedAt: now }).where(and(eq(emailChanges.userId, userId), isNull(emailChanges.usedAt)));
}

/** How many changes of address a user asked for since an instant. */
export async function countEmailChangesSince(db: DbOrTx, userId: string, since: Date): Promise<number> {
  const [r] = await db.select({ n: count() }).from(emailChanges).where(and(eq(emailChanges.userId, userId), gte(emailChanges.createdAt, since)));
  return r?.n ?? 0;
}

/** The change of address still waiting for its link, if any (shown on the account page). */
export async function pendingEmailChange(db: DbOrTx, userId: string, now: Date): Promise<EmailChangeRow | null> {
  const [row] = await db.select().from(emailChanges)
    .where(and(eq(emailChanges.userId, userId), isNull(emailChanges.usedAt), gt(emailChanges.expiresAt, now)))
    .orderBy(desc(emailChanges.createdAt)).limit(1);
  return row ?? null;
}

/**
 * Replaces the address of a user (and counts it as confirmed: the link proved it); false when
 * another account holds that address by now (the unique index on lower(email) is the last guard).
 */
export async function updateEmail(tx: DbOrTx, userId: string, newEmail: string, now: Date): Promise<boolean> {
  const taken = await findUserByEmail(tx, newEmail);
  if (taken && taken.id !== userId) return false;
  await tx.update(users).set({ email: newEmail, emailConfirmedAt: sql`coalesce(${users.emailConfirmedAt}, ${now.toISOString()}::timestamptz)` }).where(eq(users.id, userId));
  return true;
}

/** What the account page shows beyond the actor, in one query: second factor date, recovery codes left, pending change of address. */
export async function accountOverview(db: DbOrTx, userId: string, now: Date): Promise<{ totpEnabledAt: Date | null; recoveryCodesLeft: number; pendingEmail: string | null }> {
  const [row] = await db.select({
    totpEnabledAt: users.totpEnabledAt,
    // Plain SQL in the subqueries: drizzle leaves columns unqualified in a one-table select.
    recoveryCodesLeft: sql<number>`(select count(*)::int from recovery_codes rc where rc.user_id = ${userId} and rc.used_at is null)`,
    pendingEmail: sql<string | null>`(select ec.new_email from email_changes ec where ec.user_id = ${userId}
      and ec.used_at is null and ec.expires_at > ${now.toISOString()}::timestamptz order by ec.created_at desc limit 1)`,
  }).from(users).where(eq(users.id, userId));
  return { totpEnabledAt: row?.totpEnabledAt ?? null, recoveryCodesLeft: Number(row?.recoveryCodesLeft ?? 0), pendingEmail: row?.pendingEmail ?? null };
}
