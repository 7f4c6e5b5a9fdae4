/**
 * Région opinions: the admin's contact per Région, the request sent to the Région of each training
 * place (with a due date), and the Région's answer through its personal link. Audited.
 */
import crypto from 'node:crypto';
import type { Tx } from '../../platform/db/index.js';
import { recordAudit } from '../../platform/audit/audit.store.js';
import { enqueueMail } from '../../platform/mail/mail.store.js';
import { sha256 } from '../../platform/auth/tokens.js';
import { consultedApplication, insertRegionRequest, answerRegionRequest, listRegionContacts, regionRequests, saveRegionContact, setRegionLastMail, type RegionOpinionRow } from '../consultations.store.js';
import { regionLinkExpiry, regionLinkPath, requestToken, type Opinion } from '../consultations.js';
import { regionMail } from '../mails.js';
import type { ConsultationActor, ConsultationResult, ConsultationSettings } from './partners.js';

/** The mail of a Région request (first request or reminder). */
export function regionRequestMail(row: RegionOpinionRow, app: { trainingTitle: string; organisationName: string; receiptNumber: string | null }, s: ConsultationSettings, reminder: boolean, renewed = false) {
  const token = requestToken(s.secret, 'region', row.id, row.linkRound);
  return regionMail({ to: row.email, regionName: row.regionName, app, url: `${s.baseUrl}${regionLinkPath(token)}`, dueOn: row.dueOn, reminder, renewed });
}

/**
 * Asks the Région of each training place not yet asked, with a due date. Régions without a contact
 * are named in `withoutContact`; when no Région could be asked at all, the command is refused.
 */
export async function requestRegionOpinions(tx: Tx, actor: ConsultationActor, v: { applicationId: string; dueOn: string }, s: ConsultationSettings, now: Date): Promise<ConsultationResult<{ asked: string[]; withoutContact: string[]; mailIds: string[] }>> {
  const app = await consultedApplication(tx, v.applicationId);
  if (!app || !app.submittedAt) return { ok: false, message: 'Candidature introuvable.' };
  if (app.state !== 'submitted' && app.state !== 'in_correction') return { ok: false, message: 'La candidature a été retirée : la Région n’est plus consultée.' };
  if (app.regions.length === 0) return { ok: false, message: 'Aucun lieu de formation n’a de code postal reconnu : la Région ne peut pas être déterminée.' };
  const [contacts, existing] = await Promise.all([listRegionContacts(tx), regionRequests(tx, v.applicationId)]);
  const done = new Set(existing.map((e) => e.regionCode));
  const pending = app.regions.filter((r) => !done.has(r.regionCode));
  if (pending.length === 0) return { ok: false, message: 'La Région de chaque lieu de formation a déjà été consultée.' };
  const asked: string[] = [];
  const withoutContact: string[] = [];
  const mailIds: string[] = [];
  for (const r of pending) {
    const contact = contacts.find((c) => c.regionCode === r.regionCode);
    if (!contact) { withoutContact.push(r.regionName); continue; }
    const id = crypto.randomUUID();
    const row = await insertRegionRequest(tx, {
      id, applicationId: app.id, regionCode: r.regionCode, regionName: r.regionName, email: contact.email, tokenHash: sha256(requestToken(s.secret, 'region', id)),
      dueOn: v.dueOn, sentAt: now, sentBy: actor.id, expiresAt: regionLinkExpiry(v.dueOn), createdAt: now,
    });
    if (!row) continue;
    asked.push(r.regionName);
    const mailId = await enqueueMail(tx, regionRequestMail(row, app, s, false), s.smtp);
    await setRegionLastMail(tx, row.id, mailId);
    mailIds.push(mailId);
  }
  if (asked.length === 0) {
    return { ok: false, message: `Aucun contact n’est renseigné pour ${withoutContact.length > 1 ? 'les régions' : 'la région'} ${withoutContact.join(', ')} : un administrateur doit le saisir dans « Contacts des Régions ».` };
  }
  await recordAudit(tx, actor, { action: 'consultation.region_asked', objectType: 'application', objectId: app.id, after: { regions: asked, dueOn: v.dueOn, withoutContact } }, now);
  return { ok: true, asked, withoutContact, mailIds };
}

/** A Région's answer. */
export interface RegionAnswer { opinion: Opinion; comment: string; respondentName: string }

/** The Région answers through its link: refused once answered or expired. */
export async function answerRegionByLink(tx: Tx, row: RegionOpinionRow, a: RegionAnswer, ip: string | null, now: Date): Promise<ConsultationResult<{ row: RegionOpinionRow }>> {
  if (row.answeredAt) return { ok: false, message: 'L’avis de la Région a déjà été donné pour cette candidature : il est enregistré.' };
  if (row.expiresAt <= now) return { ok: false, message: 'Ce lien a expiré : la demande n’accepte plus de réponse.' };
  const saved = await answerRegionRequest(tx, row.id, { ...a, answeredAt: now });
  if (!saved) return { ok: false, message: 'L’avis de la Région a déjà été donné pour cette candidature : il est enregistré.' };
  await recordAudit(tx, { id: null, label: `Région ${row.regionName} – ${a.respondentName} <${row.email}>`, ip }, {
    action: 'consultation.region_answered', objectType: 'application', objectId: row.applicationId,
    after: { region: row.regionName, opinion: a.opinion, comment: a.comment, respondentName: a.respondentName },
  }, now);
  return { ok: true, row: saved };
}

/** Saves the Régions' contact addresses (an empty address removes the contact); audited as one change. */
export async function saveRegionContacts(tx: Tx, actor: ConsultationActor & { id: string }, entries: { regionCode: string; regionName: string; email: string }[], now: Date): Promise<ConsultationResult<{ changed: number }>> {
  const before = new Map((await listRegionContacts(tx)).map((c) => [c.regionCode, c.email]));
  const changes = entries.filter((e) => (before.get(e.regionCode) ?? '') !== e.email);
  for (const e of changes) await saveRegionContact(tx, { ...e, by: actor.id, now });
  if (changes.length) {
    await recordAudit(tx, actor, {
      action: 'consultation.region_contacts_updated', objectType: 'region_contacts', objectId: 'regions',
      before: Object.fromEntries(changes.map((c) => [c.regionCode, before.get(c.regionCode) ?? null])),
      after: Object.fromEntries(changes.map((c) => [c.regionCode, c.email || null])),
    }, now);
  }
  return { ok: true, changed: changes.length };
}
