/** Checking a password with rate limiting, and opening a session (rotated on every login). */
import type { Tx } from '../../platform/db/index.js';
import { verifyAgainstDummy, verifyPassword } from '../../platform/auth/passwords.js';
import { createSession, destroySession } from '../../platform/auth/session.store.js';
import { recordAudit } from '../../platform/audit/audit.store.js';
import { IP_MAX_FAILURES, accountKey, anonymousActor, selfActor, throttleDecision, type CommandContext } from '../accounts.js';
import { findUserByEmail, ipFailuresSince, keyFailuresSince, recordAttempt, staffRolesOf, type UserRow } from '../accounts.store.js';
import { mustEnrolSecondFactor } from '../accounts.policy.js';

/** Outcome of the password step. */
export type LogInResult =
  /** Signed in: the new session's cookie token. */
  | { ok: true; next: 'session'; token: string; mustEnrol: boolean }
  /** Password right, a TOTP code is now needed. */
  | { ok: true; next: 'second_factor'; userId: string }
  | { ok: false; reason: 'throttled' | 'invalid' | 'unconfirmed' };

/** Whether a key or the address has too many recent failures. */
export async function isThrottled(tx: Tx, ctx: CommandContext, key: string): Promise<boolean> {
  const since = new Date(ctx.now.getTime() - ctx.config.LOGIN_WINDOW_MINUTES * 60_000);
  const counts = { account: await keyFailuresSince(tx, key, since), ip: await ipFailuresSince(tx, ctx.ip, since) };
  return throttleDecision(counts, { account: ctx.config.LOGIN_MAX_FAILURES, ip: IP_MAX_FAILURES }).blocked;
}

/**
 * The password step. Unknown email and wrong password give the same answer in the same time;
 * failures are counted per hashed email and per address, and refused past the limits.
 */
export async function logIn(tx: Tx, ctx: CommandContext, input: { email: string; password: string; previousSessionId?: string }): Promise<LogInResult> {
  const key = accountKey(input.email);
  if (await isThrottled(tx, ctx, key)) return { ok: false, reason: 'throttled' };
  const user = await findUserByEmail(tx, input.email);
  const good = user ? await verifyPassword(user.passwordHash, input.password) : (await verifyAgainstDummy(input.password), false);
  if (!user || !good || user.disabledAt) {
    await recordAttempt(tx, { key, ip: ctx.ip, success: false, at: ctx.now });
    await recordAudit(tx, anonymousActor(ctx.ip), {
      action: 'account.login_failed', objectType: 'user', objectId: user?.id ?? 'inconnu', meta: { step: 'password' },
    }, ctx.now);
    return { ok: false, reason: 'invalid' };
  }
  await recordAttempt(tx, { key, ip: ctx.ip, success: true, at: ctx.now });
  if (!user.emailConfirmedAt) return { ok: false, reason: 'unconfirmed' };
  if (user.totpEnabledAt) {
    // Whatever session the browser had ends now; the new one opens after the code.
    if (input.previousSessionId) await destroySession(tx, input.previousSessionId);
    return { ok: true, next: 'second_factor', userId: user.id };
  }
  const token = await startSession(tx, ctx, user, { previousSessionId: input.previousSessionId, secondFactor: false, method: 'password' });
  const staffRoles = await staffRolesOf(tx, user.id);
  return { ok: true, next: 'session', token, mustEnrol: mustEnrolSecondFactor({ staffRoles, totpEnabled: false }) };
}

/** Opens a new session for a user, dropping the one the browser had (session fixation), and audits the login. */
export async function startSession(
  tx: Tx, ctx: CommandContext, user: Pick<UserRow, 'id' | 'email'>,
  o: { previousSessionId?: string; secondFactor: boolean; method: 'password' | 'totp' | 'recovery_code' },
): Promise<string> {
  if (o.previousSessionId) await destroySession(tx, o.previousSessionId);
  const token = await createSession(tx, {
    userId: user.id, ttlHours: ctx.config.SESSION_TTL_HOURS, now: ctx.now, ip: ctx.ip, userAgent: ctx.userAgent, secondFactor: o.secondFactor,
  });
  await recordAudit(tx, selfActor(user, ctx.ip), { action: 'account.login', objectType: 'user', objectId: user.id, meta: { method: o.method } }, ctx.now);
  return token;
}
