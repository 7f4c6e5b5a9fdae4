/** Self-service change of email address: asked with the password, confirmed by a link mailed to the new address. */
import type { Tx } from '../../platform/db/index.js';
import { verifyPassword } from '../../platform/auth/passwords.js';
import { recordAudit } from '../../platform/audit/audit.store.js';
import { enqueueMail } from '../../platform/mail/mail.store.js';
import type { Actor } from '../../platform/http/context.js';
import {
  CONFIRMATION_TTL_MS, MAX_LINKS_PER_HOUR, accountKey, link, linkState, selfActor, type CommandContext, type LinkState,
} from '../accounts.js';
import {
  consumeEmailChange, countEmailChangesSince, createEmailChange, findEmailChange, findUserByEmail, findUserById, recordAttempt,
  updateEmail, voidEmailChanges,
} from '../accounts.store.js';
import { emailChangeMail, emailChangeTakenMail, emailChangedMail } from '../mails.js';
import { isThrottled } from './log-in.js';

/** Outcome of a request to change the address. */
export type EmailChangeRequestResult =
  | { ok: true; mailIds: string[] }
  | { ok: false; reason: 'throttled' }
  | { ok: false; errors: Record<string, string> };

/**
 * Asks to change the actor's address. The current password is checked (counted like a login);
 * the link goes to the new address. When that address already belongs to another account, its
 * owner is told instead and the person asking sees the same answer (no way to test addresses).
 */
export async function requestEmailChange(
  tx: Tx, ctx: CommandContext, actor: Actor, input: { newEmail: string; currentPassword: string },
): Promise<EmailChangeRequestResult> {
  const key = accountKey(actor.email);
  if (await isThrottled(tx, ctx, key)) return { ok: false, reason: 'throttled' };
  const user = await findUserById(tx, actor.userId);
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await recordAttempt(tx, { key, ip: ctx.ip, success: false, at: ctx.now });
    return { ok: false, errors: { currentPassword: 'Le mot de passe actuel est incorrect.' } };
  }
  const newEmail = input.newEmail.trim().toLowerCase();
  if (newEmail === user.email.toLowerCase()) {
    return { ok: false, errors: { newEmail: 'C’est déjà l’adresse de votre compte. Saisissez la nouvelle adresse à utiliser.' } };
  }
  const recent = await countEmailChangesSince(tx, user.id, new Date(ctx.now.getTime() - 3600_000));
  if (recent >= MAX_LINKS_PER_HOUR) {
    return { ok: false, errors: { newEmail: `Vous avez déjà fait ${MAX_LINKS_PER_HOUR} demandes de changement d’adresse dans l’heure. Réessayez plus tard.` } };
  }
  const owner = await findUserByEmail(tx, newEmail);
  // The request is recorded either way, so the hourly limit also applies to addresses already taken.
  const token = await createEmailChange(tx, { userId: user.id, newEmail, now: ctx.now, ttlMs: CONFIRMATION_TTL_MS });
  await recordAudit(tx, selfActor(user, ctx.ip), {
    action: 'account.email_change_requested', objectType: 'user', objectId: user.id, meta: { newEmail, addressTaken: !!owner },
  }, ctx.now);
  if (owner) {
    await voidEmailChanges(tx, user.id, ctx.now);
    const id = await enqueueMail(tx, emailChangeTakenMail(owner.email, link(ctx.config, '/mot-de-passe-oublie')), !!ctx.config.SMTP_URL);
    return { ok: true, mailIds: [id] };
  }
  const url = link(ctx.config, `/compte/adresse-electronique/confirmer/${token}`);
  const id = await enqueueMail(tx, emailChangeMail(newEmail, user.fullName, url), !!ctx.config.SMTP_URL);
  return { ok: true, mailIds: [id] };
}

/** Whether a change-of-address link can be used, and the address it leads to. */
export async function checkEmailChangeLink(tx: Tx, ctx: CommandContext, token: string): Promise<{ state: LinkState; newEmail?: string }> {
  const row = await findEmailChange(tx, token);
  const state = linkState(row, ctx.now);
  return state === 'valid' && row ? { state, newEmail: row.newEmail } : { state };
}

/** Outcome of following a change-of-address link. */
export type EmailChangeConfirmResult =
  | { ok: true; userId: string; mailIds: string[] }
  | { ok: false; state: Exclude<LinkState, 'valid'> | 'taken' };

/**
 * Confirms a change of address: the account takes the new address (which counts as confirmed),
 * the link is used up, and the former address is told. Sessions stay open: the address is not a secret.
 */
export async function confirmEmailChange(tx: Tx, ctx: CommandContext, token: string): Promise<EmailChangeConfirmResult> {
  const row = await findEmailChange(tx, token);
  const state = linkState(row, ctx.now);
  if (state !== 'valid' || !row) return { ok: false, state: state === 'valid' ? 'unknown' : state };
  const user = await findUserById(tx, row.userId);
  if (!user || user.disabledAt) return { ok: false, state: 'unknown' };
  if (!(await consumeEmailChange(tx, row.id, ctx.now))) return { ok: false, state: 'used' };
  if (!(await updateEmail(tx, user.id, row.newEmail, ctx.now))) return { ok: false, state: 'taken' };
  await voidEmailChanges(tx, user.id, ctx.now);
  await recordAudit(tx, { id: user.id, label: 'titulaire du compte', ip: ctx.ip }, {
    action: 'account.email_changed', objectType: 'user', objectId: user.id, before: { email: user.email }, after: { email: row.newEmail },
  }, ctx.now);
  const id = await enqueueMail(tx, emailChangedMail(user.email, row.newEmail, link(ctx.config, '/connexion')), !!ctx.config.SMTP_URL);
  return { ok: true, userId: user.id, mailIds: [id] };
}
