/**
 * Issuing a personal link again: a partner's request that ended "sans réponse" (link expired) or
 * whose mail could not be delivered, a Région's request past its due date or undelivered. The
 * reviewer's action gives a new token (the old link stops working), a new expiry or due date,
 * puts the request back to "sent" and restarts the reminder; audited and mailed in one transaction.
 */
import type { Tx } from '../../platform/db/index.js';
import { recordAudit } from '../../platform/audit/audit.store.js';
import { enqueueMail } from '../../platform/mail/mail.store.js';
import { sha256 } from '../../platform/auth/tokens.js';
import {
  consultedApplication, failedMails, listRegionContacts, partnerRequestById, regionRequestById, reissuePartnerRequest, reissueRegionRequest, setPartnerLastMail, setRegionLastMail,
} from '../consultations.store.js';
import {
  addDays, parisToday, partnerResendReason, regionLinkExpiry, regionResendReason, requestToken, PARTNER_LINK_DAYS, RESEND_REASON_LABELS,
} from '../consultations.js';
import { partnerRequestMail, type ConsultationActor, type ConsultationResult, type ConsultationSettings } from './partners.js';
import { regionRequestMail } from './regions.js';

const OPEN_STATES = ['submitted', 'in_correction'];

/** What the reviewer gives to send a partner's link again: an optional corrected address and motivation. */
export interface PartnerResend { applicationId: string; requestId: string; email: string; motivation: string }

/** Sends a partner a new personal link (expired unanswered, or undelivered mail); `mailIds` to dispatch after commit. */
export async function resendPartnerRequest(tx: Tx, actor: ConsultationActor & { id: string }, v: PartnerResend, s: ConsultationSettings, now: Date): Promise<ConsultationResult<{ partnerName: string; email: string; mailIds: string[] }>> {
  const app = await consultedApplication(tx, v.applicationId);
  if (!app || !app.submittedAt) return { ok: false, message: 'Candidature introuvable.' };
  if (!OPEN_STATES.includes(app.state)) return { ok: false, message: 'La candidature a été retirée : ses partenaires ne sont plus contactés.' };
  const row = await partnerRequestById(tx, v.applicationId, v.requestId);
  if (!row) return { ok: false, field: 'resendPartner', message: 'Cette demande de confirmation n’existe pas pour cette candidature.' };
  const failed = await failedMails(tx, [row.lastMailId]);
  const reason = partnerResendReason(row, row.lastMailId ? failed.has(row.lastMailId) : false, now);
  if (!reason) {
    const why = row.answeredAt ? `${row.partnerName} a déjà répondu : sa réponse est enregistrée.`
      : !row.tokenHash || !row.email ? `${row.partnerName} n’a pas été contacté par courriel.`
      : `Le lien de ${row.partnerName} est encore valable et son courriel n’a pas été refusé : attendez sa réponse ou la relance automatique.`;
    return { ok: false, field: 'resendPartner', message: why };
  }
  const email = v.email || row.email;
  const linkRound = row.linkRound + 1;
  const saved = await reissuePartnerRequest(tx, row.id, row.linkRound, {
    linkRound, tokenHash: sha256(requestToken(s.secret, 'partner', row.id, linkRound)), email, sentAt: now, sentBy: actor.id, expiresAt: addDays(now, PARTNER_LINK_DAYS),
  });
  if (!saved) return { ok: false, message: 'Cette demande vient de changer : rechargez la page.' };
  const mailId = await enqueueMail(tx, partnerRequestMail(saved, app, s, false, true), s.smtp);
  await setPartnerLastMail(tx, saved.id, mailId);
  await recordAudit(tx, actor, {
    action: 'consultation.partner_link_reissued', objectType: 'application', objectId: v.applicationId,
    before: { partner: row.partnerName, status: reason === 'expired' ? 'no_answer' : row.status, email: row.email, expiresAt: row.expiresAt?.toISOString() ?? null },
    after: { partner: row.partnerName, status: 'sent', email, expiresAt: saved.expiresAt?.toISOString() ?? null, reason: RESEND_REASON_LABELS[reason], motivation: v.motivation || null },
  }, now);
  return { ok: true, partnerName: row.partnerName, email, mailIds: [mailId] };
}

/** What the reviewer gives to ask a Région again: a new due date and an optional motivation. */
export interface RegionResend { applicationId: string; requestId: string; dueOn: string; motivation: string }

/**
 * Asks a Région again (past its due date without answer, or undelivered mail), at the address of
 * its contact now (an admin may have corrected it), with a new due date.
 */
export async function resendRegionRequest(tx: Tx, actor: ConsultationActor & { id: string }, v: RegionResend, s: ConsultationSettings, now: Date): Promise<ConsultationResult<{ regionName: string; email: string; mailIds: string[] }>> {
  const app = await consultedApplication(tx, v.applicationId);
  if (!app || !app.submittedAt) return { ok: false, message: 'Candidature introuvable.' };
  if (!OPEN_STATES.includes(app.state)) return { ok: false, message: 'La candidature a été retirée : la Région n’est plus consultée.' };
  const row = await regionRequestById(tx, v.applicationId, v.requestId);
  if (!row) return { ok: false, field: 'resendRegion', message: 'Cette demande d’avis n’existe pas pour cette candidature.' };
  const today = parisToday(now);
  if (v.dueOn <= today) return { ok: false, field: 'resendDueOn', message: 'La nouvelle échéance doit être postérieure à aujourd’hui.' };
  const failed = await failedMails(tx, [row.lastMailId]);
  const reason = regionResendReason(row, row.lastMailId ? failed.has(row.lastMailId) : false, today);
  if (!reason) {
    const why = row.answeredAt ? `La Région ${row.regionName} a déjà donné son avis : il est enregistré.`
      : `L’échéance de la Région ${row.regionName} n’est pas dépassée et son courriel n’a pas été refusé : attendez son avis ou le rappel automatique.`;
    return { ok: false, field: 'resendRegion', message: why };
  }
  const contact = (await listRegionContacts(tx)).find((c) => c.regionCode === row.regionCode);
  if (!contact) return { ok: false, field: 'resendRegion', message: `Aucun contact n’est renseigné pour la région ${row.regionName} : un administrateur doit le saisir dans « Contacts des Régions ».` };
  const linkRound = row.linkRound + 1;
  const saved = await reissueRegionRequest(tx, row.id, row.linkRound, {
    linkRound, tokenHash: sha256(requestToken(s.secret, 'region', row.id, linkRound)), email: contact.email, dueOn: v.dueOn, sentAt: now, sentBy: actor.id, expiresAt: regionLinkExpiry(v.dueOn),
  });
  if (!saved) return { ok: false, message: 'Cette demande vient de changer : rechargez la page.' };
  const mailId = await enqueueMail(tx, regionRequestMail(saved, app, s, false, true), s.smtp);
  await setRegionLastMail(tx, saved.id, mailId);
  await recordAudit(tx, actor, {
    action: 'consultation.region_link_reissued', objectType: 'application', objectId: v.applicationId,
    before: { region: row.regionName, email: row.email, dueOn: row.dueOn },
    after: { region: row.regionName, email: contact.email, dueOn: v.dueOn, reason: RESEND_REASON_LABELS[reason], motivation: v.motivation || null },
  }, now);
  return { ok: true, regionName: row.regionName, email: contact.email, mailIds: [mailId] };
}
