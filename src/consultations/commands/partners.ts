/**
 * Partner confirmations: contacting every partner not yet contacted (a personal link each), the
 * partner's answer through the link, and the reviewer's record of an answer given by phone.
 * Every change is audited on the application, in the transaction that makes it.
 */
import crypto from 'node:crypto';
import type { Tx } from '../../platform/db/index.js';
import { recordAudit, type AuditActor } from '../../platform/audit/audit.store.js';
import { enqueueMail } from '../../platform/mail/mail.store.js';
import { sha256 } from '../../platform/auth/tokens.js';
import { consultedApplication, insertPartnerRequest, findPartnerRequest, answerPartnerRequest, setPartnerLastMail, type PartnerRow } from '../consultations.store.js';
import { addDays, answerStatus, partnerLinkPath, partnerStanding, requestToken, PARTNER_LINK_DAYS, PARTNER_STATUS_LABELS, type Partner } from '../consultations.js';
import { partnerMail } from '../mails.js';

/** What sending needs from the platform. */
export interface ConsultationSettings { baseUrl: string; smtp: boolean; secret: string }

/** Outcome of a consultation command. */
export type ConsultationResult<T = object> = ({ ok: true } & T) | { ok: false; message: string; field?: string };

/** An actor who may be the system (automatic sending) or a staff member. */
export type ConsultationActor = AuditActor;

const OPEN_STATES = ['submitted', 'in_correction'];

/** The mail to a partner for a request row (first request or reminder). */
export function partnerRequestMail(row: PartnerRow, app: { trainingTitle: string; organisationName: string; receiptNumber: string | null }, s: ConsultationSettings, reminder: boolean, renewed = false) {
  const token = requestToken(s.secret, 'partner', row.id, row.linkRound);
  return partnerMail({
    to: row.email, contactName: row.contactName, partnerName: row.partnerName, app, commitment: row.commitment, hiringPromises: row.hiringPromises,
    url: `${s.baseUrl}${partnerLinkPath(token)}`, expiresOn: (row.expiresAt ?? new Date()).toISOString().slice(0, 10), reminder, renewed,
  });
}

/** Sends a request to every partner with an address who was never contacted; `mailIds` to dispatch after commit. */
export async function contactPartners(tx: Tx, actor: ConsultationActor, applicationId: string, s: ConsultationSettings, now: Date): Promise<ConsultationResult<{ contacted: string[]; mailIds: string[] }>> {
  const app = await consultedApplication(tx, applicationId);
  if (!app || !app.submittedAt) return { ok: false, message: 'Candidature introuvable.' };
  if (!OPEN_STATES.includes(app.state)) return { ok: false, message: 'La candidature a été retirée : ses partenaires ne sont plus contactés.' };
  const withEmail = app.partners.filter((p) => p.email);
  if (withEmail.length === 0) return { ok: false, message: 'La candidature ne cite aucun partenaire avec une adresse électronique : enregistrez leurs réponses par téléphone.' };
  const contacted: string[] = [];
  const mailIds: string[] = [];
  for (const p of withEmail) {
    const id = crypto.randomUUID();
    const row = await insertPartnerRequest(tx, {
      id, applicationId, partnerKey: p.key, partnerName: p.name, partnerType: p.type, contactName: p.contactName, email: p.email, phone: p.phone,
      commitment: p.commitment, hiringPromises: p.hiringPromises, status: 'sent', tokenHash: sha256(requestToken(s.secret, 'partner', id)),
      sentAt: now, sentBy: actor.id, expiresAt: addDays(now, PARTNER_LINK_DAYS), createdAt: now,
    });
    if (!row) continue;
    contacted.push(p.name);
    const mailId = await enqueueMail(tx, partnerRequestMail(row, app, s, false), s.smtp);
    await setPartnerLastMail(tx, row.id, mailId);
    mailIds.push(mailId);
  }
  if (contacted.length === 0) return { ok: false, message: 'Tous les partenaires ont déjà été contactés.' };
  await recordAudit(tx, actor, { action: 'consultation.partners_contacted', objectType: 'application', objectId: applicationId, after: { partners: contacted } }, now);
  return { ok: true, contacted, mailIds };
}

/** A partner's answer. */
export interface PartnerAnswer { partnership: boolean; commitment: boolean; comment: string }

/** The partner answers through the personal link: refused once answered or expired. */
export async function answerByLink(tx: Tx, row: PartnerRow, a: PartnerAnswer, ip: string | null, now: Date): Promise<ConsultationResult<{ row: PartnerRow }>> {
  if (row.answeredAt) return { ok: false, message: 'Vous avez déjà répondu à cette demande : votre réponse est enregistrée.' };
  if (partnerStanding(row, now) === 'no_answer') return { ok: false, message: 'Ce lien a expiré : la demande n’accepte plus de réponse.' };
  const saved = await answerPartnerRequest(tx, row.id, { status: answerStatus(a.partnership), partnershipConfirmed: a.partnership, commitmentConfirmed: a.commitment, comment: a.comment, channel: 'link', answeredAt: now });
  if (!saved) return { ok: false, message: 'Vous avez déjà répondu à cette demande : votre réponse est enregistrée.' };
  await recordAudit(tx, { id: null, label: `partenaire ${row.partnerName} <${row.email}>`, ip }, {
    action: 'consultation.partner_answered', objectType: 'application', objectId: row.applicationId,
    after: { partner: row.partnerName, status: saved.status, partnership: a.partnership, commitment: a.commitment, comment: a.comment },
  }, now);
  return { ok: true, row: saved };
}

/** A phone answer as the reviewer records it. */
export interface PhoneAnswer extends PartnerAnswer { partnerKey: string; motivation: string }

/** The reviewer records an answer given by phone (motivated); refused when the partner already answered. */
export async function recordPhoneAnswer(tx: Tx, actor: ConsultationActor & { id: string }, applicationId: string, a: PhoneAnswer, now: Date): Promise<ConsultationResult> {
  const app = await consultedApplication(tx, applicationId);
  if (!app || !app.submittedAt) return { ok: false, message: 'Candidature introuvable.' };
  const partner: Partner | undefined = app.partners.find((p) => p.key === a.partnerKey);
  if (!partner) return { ok: false, field: 'partnerKey', message: 'Ce partenaire ne figure pas dans la candidature.' };
  let row = await findPartnerRequest(tx, applicationId, partner.key);
  if (row?.answeredAt) return { ok: false, field: 'partnerKey', message: `${partner.name} a déjà répondu (${PARTNER_STATUS_LABELS[row.status].toLowerCase()}) : sa réponse ne peut pas être remplacée.` };
  if (!row) {
    row = await insertPartnerRequest(tx, {
      applicationId, partnerKey: partner.key, partnerName: partner.name, partnerType: partner.type, contactName: partner.contactName, email: partner.email, phone: partner.phone,
      commitment: partner.commitment, hiringPromises: partner.hiringPromises, status: 'sent', tokenHash: null, sentAt: null, sentBy: actor.id, expiresAt: null, createdAt: now,
    });
    if (!row) return { ok: false, message: 'Ce partenaire vient d’être contacté : rechargez la page.' };
  }
  const before = { status: row.status };
  const saved = await answerPartnerRequest(tx, row.id, {
    status: answerStatus(a.partnership), partnershipConfirmed: a.partnership, commitmentConfirmed: a.commitment, comment: a.comment,
    channel: 'phone', answeredAt: now, recordedBy: actor.id, motivation: a.motivation,
  });
  if (!saved) return { ok: false, message: 'Ce partenaire vient de répondre : rechargez la page.' };
  await recordAudit(tx, actor, {
    action: 'consultation.partner_phone_recorded', objectType: 'application', objectId: applicationId, before,
    after: { partner: partner.name, status: saved.status, partnership: a.partnership, commitment: a.commitment, comment: a.comment, motivation: a.motivation },
  }, now);
  return { ok: true };
}
