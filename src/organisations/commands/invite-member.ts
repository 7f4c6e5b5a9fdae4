/** Inviting someone by email: a link valid 14 days, only its sha256 stored; re-inviting replaces the link. */
import type { DbOrTx } from '../../platform/db/index.js';
import { recordAudit } from '../../platform/audit/audit.store.js';
import { composeMail } from '../../platform/mail/mail.js';
import { enqueueMail } from '../../platform/mail/mail.store.js';
import { newToken, sha256 } from '../../platform/auth/tokens.js';
import { findOpenInvitation, getOrganisation, insertInvitation, isMemberByEmail, renewInvitation } from '../organisations.store.js';
import { invitationExpiry, formatDay, parisDay, ROLE_LABELS, INVITATION_TTL_DAYS, type MemberRole, type Outcome, type Acting } from '../organisation.js';

/** Where the mail is sent from and how. */
export interface MailSettings { baseUrl: string; smtp: boolean }

/** Invites `email` with `role`; writes the mail to the outbox and returns its id for dispatch after commit. */
export async function inviteMember(
  tx: DbOrTx, actor: Acting, orgId: string, input: { email: string; role: MemberRole }, mail: MailSettings, now: Date,
): Promise<Outcome<{ mailId: string; renewed: boolean }>> {
  const org = await getOrganisation(tx, orgId);
  if (!org) return { ok: false, message: 'Cet organisme n’existe plus.' };
  if (await isMemberByEmail(tx, orgId, input.email)) {
    return { ok: false, errors: { email: 'Cette personne est déjà membre de l’organisme.' } };
  }
  const token = newToken();
  const expiresAt = invitationExpiry(now);
  const open = await findOpenInvitation(tx, orgId, input.email);
  let invitationId: string;
  if (open) {
    await renewInvitation(tx, open.id, { tokenHash: sha256(token), role: input.role, invitedBy: actor.id, createdAt: now, expiresAt });
    invitationId = open.id;
  } else {
    const row = await insertInvitation(tx, { organisationId: orgId, email: input.email, role: input.role, tokenHash: sha256(token), invitedBy: actor.id, createdAt: now, expiresAt });
    invitationId = row.id;
  }
  const mailId = await enqueueMail(tx, composeMail({
    template: 'organisation.invitation',
    to: input.email,
    subject: `Invitation à rejoindre l’organisme « ${org.name} »`,
    paragraphs: [
      `${actor.name} vous invite à rejoindre l’organisme « ${org.name} » en tant que ${ROLE_LABELS[input.role].toLowerCase()} sur la plateforme du label Grande École du Numérique.`,
      `Si vous n’avez pas encore de compte, créez-le avec cette adresse électronique (${input.email}), puis ouvrez à nouveau ce lien.`,
    ],
    action: { label: 'Voir l’invitation', url: `${mail.baseUrl}/invitations/${token}` },
    after: [
      `Ce lien est valable ${INVITATION_TTL_DAYS} jours, jusqu’au ${formatDay(parisDay(expiresAt))}.`,
      'Si vous ne connaissez pas cet organisme, vous pouvez ignorer ce message.',
    ],
  }), mail.smtp);
  await recordAudit(tx, actor, {
    action: 'member.invited', objectType: 'organisation', objectId: orgId,
    before: open ? { email: open.email, role: open.role, expiresAt: open.expiresAt.toISOString() } : null,
    after: { email: input.email, role: input.role, expiresAt: expiresAt.toISOString() },
    meta: { invitationId, renewed: !!open },
  }, now);
  return { ok: true, mailId, renewed: !!open };
}
