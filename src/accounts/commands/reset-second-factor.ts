/** An administrator resets the second factor of someone who lost their device: they enrol again at next login. */
import type { Tx } from '../../platform/db/index.js';
import { recordAudit, type AuditActor } from '../../platform/audit/audit.store.js';
import { destroyUserSessions } from '../../platform/auth/session.store.js';
import { enqueueMail } from '../../platform/mail/mail.store.js';
import { link, type CommandContext } from '../accounts.js';
import { clearTotp, countUnusedRecoveryCodes, findUserById } from '../accounts.store.js';
import { totpResetMail } from '../mails.js';

/** Outcome of a reset. */
export type ResetSecondFactorResult = { ok: true; mailIds: string[] } | { ok: false; message: string };

/**
 * Forgets the account's TOTP secret and recovery codes and closes all its sessions (whoever holds
 * the lost device cannot use a session opened with it). The next login asks for a new enrolment
 * (mandatory for staff). Motivated and audited; the person is told by mail. An administrator
 * cannot reset their own second factor: another administrator must do it.
 */
export async function resetSecondFactor(
  tx: Tx, ctx: CommandContext, actor: AuditActor & { id: string }, input: { userId: string; motivation: string },
): Promise<ResetSecondFactorResult> {
  const user = await findUserById(tx, input.userId);
  if (!user) return { ok: false, message: 'Ce compte n’existe pas.' };
  if (user.id === actor.id) {
    return { ok: false, message: 'Vous ne pouvez pas réinitialiser votre propre double authentification : demandez-le à un autre administrateur.' };
  }
  if (!user.totpEnabledAt && !user.totpPending) {
    return { ok: false, message: 'Ce compte n’a pas de double authentification à réinitialiser.' };
  }
  const recoveryCodesLeft = await countUnusedRecoveryCodes(tx, user.id);
  await clearTotp(tx, user.id);
  await destroyUserSessions(tx, user.id);
  await recordAudit(tx, actor, {
    action: 'user.totp_reset', objectType: 'user', objectId: user.id,
    before: { totpEnabledAt: user.totpEnabledAt?.toISOString() ?? null, recoveryCodesLeft },
    after: { totpEnabledAt: null, recoveryCodesLeft: 0 },
    meta: { motivation: input.motivation, sessionsRevoked: true },
  }, ctx.now);
  const id = await enqueueMail(tx, totpResetMail(user.email, link(ctx.config, '/connexion')), !!ctx.config.SMTP_URL);
  return { ok: true, mailIds: [id] };
}
