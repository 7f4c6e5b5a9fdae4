/** Sign-up, email confirmation and resending the confirmation link. */
import type { Tx } from '../../platform/db/index.js';
import { hashPassword } from '../../platform/auth/passwords.js';
import { recordAudit } from '../../platform/audit/audit.store.js';
import { enqueueMail } from '../../platform/mail/mail.store.js';
import {
  CONFIRMATION_TTL_MS, MAX_LINKS_PER_HOUR, anonymousActor, link, linkState, selfActor,
  type CommandContext, type LinkState,
} from '../accounts.js';
import {
  consumeOneTimeToken, countTokensSince, createOneTimeToken, findOneTimeToken, findUserByEmail, insertUser, markEmailConfirmed,
  type UserRow,
} from '../accounts.store.js';
import { accountExistsMail, confirmationMail } from '../mails.js';

/** Sign-up always "succeeds" from the visitor's point of view: whether the email existed stays hidden. */
export interface MailsResult { ok: true; mailIds: string[] }

/**
 * Creates an unconfirmed account and mails a confirmation link; if the address already has an
 * account, mails its owner instead. The password is hashed in both cases so timing tells nothing.
 */
export async function signUp(tx: Tx, ctx: CommandContext, input: { fullName: string; email: string; password: string }): Promise<MailsResult> {
  const passwordHash = await hashPassword(input.password);
  const existing = await findUserByEmail(tx, input.email);
  const created = existing ? null : await insertUser(tx, { email: input.email, fullName: input.fullName, passwordHash, now: ctx.now });
  if (!created) {
    const owner = existing ?? (await findUserByEmail(tx, input.email));
    if (!owner) return { ok: true, mailIds: [] };
    const id = await enqueueMail(tx, accountExistsMail(owner.email, link(ctx.config, '/mot-de-passe-oublie')), !!ctx.config.SMTP_URL);
    await recordAudit(tx, anonymousActor(ctx.ip), { action: 'account.signup_existing_email', objectType: 'user', objectId: owner.id }, ctx.now);
    return { ok: true, mailIds: [id] };
  }
  await recordAudit(tx, selfActor(created, ctx.ip), {
    action: 'account.created', objectType: 'user', objectId: created.id, after: { fullName: created.fullName },
  }, ctx.now);
  return { ok: true, mailIds: [await sendConfirmationLink(tx, ctx, created)] };
}

async function sendConfirmationLink(tx: Tx, ctx: CommandContext, user: UserRow): Promise<string> {
  const token = await createOneTimeToken(tx, user.id, 'email_confirmation', ctx.now, CONFIRMATION_TTL_MS);
  const url = link(ctx.config, `/inscription/confirmer/${token}`);
  return enqueueMail(tx, confirmationMail(user.email, user.fullName, url), !!ctx.config.SMTP_URL);
}

/** Mails a new confirmation link if the address belongs to an unconfirmed account (at most 3 an hour). */
export async function resendConfirmation(tx: Tx, ctx: CommandContext, email: string): Promise<MailsResult> {
  const user = await findUserByEmail(tx, email);
  if (!user || user.emailConfirmedAt || user.disabledAt) return { ok: true, mailIds: [] };
  const recent = await countTokensSince(tx, user.id, 'email_confirmation', new Date(ctx.now.getTime() - 3600_000));
  if (recent >= MAX_LINKS_PER_HOUR) return { ok: true, mailIds: [] };
  return { ok: true, mailIds: [await sendConfirmationLink(tx, ctx, user)] };
}

/** Outcome of following a confirmation link. */
export type ConfirmResult = { ok: true; userId: string } | { ok: false; state: Exclude<LinkState, 'valid'> };

/** Whether a confirmation link can be used, without using it (the GET page). */
export async function checkConfirmationLink(tx: Tx, ctx: CommandContext, token: string): Promise<LinkState> {
  return linkState(await findOneTimeToken(tx, token, 'email_confirmation'), ctx.now);
}

/** Confirms the email behind a link; the link then stops working. */
export async function confirmEmail(tx: Tx, ctx: CommandContext, token: string): Promise<ConfirmResult> {
  const row = await findOneTimeToken(tx, token, 'email_confirmation');
  const state = linkState(row, ctx.now);
  if (state !== 'valid' || !row) return { ok: false, state: state === 'valid' ? 'unknown' : state };
  if (!(await consumeOneTimeToken(tx, row.id, ctx.now))) return { ok: false, state: 'used' };
  await markEmailConfirmed(tx, row.userId, ctx.now);
  await recordAudit(tx, { id: row.userId, label: 'titulaire du compte', ip: ctx.ip }, {
    action: 'account.email_confirmed', objectType: 'user', objectId: row.userId,
  }, ctx.now);
  return { ok: true, userId: row.userId };
}
