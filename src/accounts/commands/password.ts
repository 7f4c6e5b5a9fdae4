/** Forgotten password, reset by link, password change, and logout. */
import type { Tx } from '../../platform/db/index.js';
import { hashPassword, verifyPassword } from '../../platform/auth/passwords.js';
import { destroySession, destroyUserSessions } from '../../platform/auth/session.store.js';
import { recordAudit } from '../../platform/audit/audit.store.js';
import { enqueueMail } from '../../platform/mail/mail.store.js';
import type { Actor } from '../../platform/http/context.js';
import {
  MAX_LINKS_PER_HOUR, RESET_TTL_MS, accountKey, anonymousActor, link, linkState, selfActor,
  type CommandContext, type LinkState,
} from '../accounts.js';
import {
  consumeOneTimeToken, countTokensSince, createOneTimeToken, findOneTimeToken, findUserByEmail, findUserById, markEmailConfirmed,
  recordAttempt, updatePassword, voidTokens,
} from '../accounts.store.js';
import { passwordChangedMail, resetMail } from '../mails.js';
import type { MailsResult } from './sign-up.js';
import { isThrottled } from './log-in.js';

/** Mails a reset link if the address has an account; the visitor sees the same answer either way. */
export async function requestPasswordReset(tx: Tx, ctx: CommandContext, email: string): Promise<MailsResult> {
  const user = await findUserByEmail(tx, email);
  if (!user || user.disabledAt) return { ok: true, mailIds: [] };
  const recent = await countTokensSince(tx, user.id, 'password_reset', new Date(ctx.now.getTime() - 3600_000));
  if (recent >= MAX_LINKS_PER_HOUR) return { ok: true, mailIds: [] };
  const token = await createOneTimeToken(tx, user.id, 'password_reset', ctx.now, RESET_TTL_MS);
  const id = await enqueueMail(tx, resetMail(user.email, link(ctx.config, `/mot-de-passe/reinitialiser/${token}`)), !!ctx.config.SMTP_URL);
  await recordAudit(tx, anonymousActor(ctx.ip), { action: 'account.password_reset_requested', objectType: 'user', objectId: user.id }, ctx.now);
  return { ok: true, mailIds: [id] };
}

/** Whether a reset link can be used, and for which address (shown to help password managers). */
export async function checkResetLink(tx: Tx, ctx: CommandContext, token: string): Promise<{ state: LinkState; email?: string }> {
  const row = await findOneTimeToken(tx, token, 'password_reset');
  const state = linkState(row, ctx.now);
  if (state !== 'valid' || !row) return { state };
  const user = await findUserById(tx, row.userId);
  return user && !user.disabledAt ? { state, email: user.email } : { state: 'unknown' };
}

/** Outcome of a reset. */
export type ResetResult = { ok: true; mailIds: string[] } | { ok: false; state: Exclude<LinkState, 'valid'> };

/**
 * Sets a new password through a reset link: the link is used up, every session is closed, other
 * reset links die, and the address counts as confirmed (the link proved it).
 */
export async function resetPassword(tx: Tx, ctx: CommandContext, input: { token: string; password: string }): Promise<ResetResult> {
  const row = await findOneTimeToken(tx, input.token, 'password_reset');
  const state = linkState(row, ctx.now);
  if (state !== 'valid' || !row) return { ok: false, state: state === 'valid' ? 'unknown' : state };
  const user = await findUserById(tx, row.userId);
  if (!user || user.disabledAt) return { ok: false, state: 'unknown' };
  const hash = await hashPassword(input.password);
  if (!(await consumeOneTimeToken(tx, row.id, ctx.now))) return { ok: false, state: 'used' };
  await updatePassword(tx, user.id, hash, ctx.now);
  await voidTokens(tx, user.id, 'password_reset', ctx.now);
  await markEmailConfirmed(tx, user.id, ctx.now);
  await destroyUserSessions(tx, user.id);
  await recordAudit(tx, anonymousActor(ctx.ip), { action: 'account.password_reset_done', objectType: 'user', objectId: user.id }, ctx.now);
  const id = await enqueueMail(tx, passwordChangedMail(user.email, link(ctx.config, '/connexion')), !!ctx.config.SMTP_URL);
  return { ok: true, mailIds: [id] };
}

/** Outcome of a password change. */
export type ChangeResult = { ok: true; mailIds: string[] } | { ok: false; reason: 'throttled' } | { ok: false; errors: Record<string, string> };

/** Changes the password after checking the current one; every other session of the user is closed. */
export async function changePassword(tx: Tx, ctx: CommandContext, actor: Actor, input: { currentPassword: string; password: string }): Promise<ChangeResult> {
  const key = accountKey(actor.email);
  if (await isThrottled(tx, ctx, key)) return { ok: false, reason: 'throttled' };
  const user = await findUserById(tx, actor.userId);
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    // Counted like a failed login, so a stolen session cannot guess the password at leisure.
    await recordAttempt(tx, { key, ip: ctx.ip, success: false, at: ctx.now });
    return { ok: false, errors: { currentPassword: 'Le mot de passe actuel est incorrect.' } };
  }
  if (input.password === input.currentPassword) return { ok: false, errors: { password: 'Choisissez un mot de passe différent de l’actuel.' } };
  await updatePassword(tx, user.id, await hashPassword(input.password), ctx.now);
  await destroyUserSessions(tx, user.id, actor.sessionId);
  await voidTokens(tx, user.id, 'password_reset', ctx.now);
  await recordAudit(tx, selfActor(user, ctx.ip), { action: 'account.password_changed', objectType: 'user', objectId: user.id }, ctx.now);
  const id = await enqueueMail(tx, passwordChangedMail(user.email, link(ctx.config, '/connexion')), !!ctx.config.SMTP_URL);
  return { ok: true, mailIds: [id] };
}

/** Closes the actor's session. */
export async function logOut(tx: Tx, ctx: CommandContext, actor: Actor): Promise<void> {
  await destroySession(tx, actor.sessionId);
  await recordAudit(tx, selfActor({ id: actor.userId, email: actor.email }, ctx.ip), { action: 'account.logout', objectType: 'user', objectId: actor.userId }, ctx.now);
}
