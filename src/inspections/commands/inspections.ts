/** What staff do with inspections: plan (possibly from a complaint), record the report, cancel. Each audited in the transaction. */
import type { Tx } from '../../platform/db/index.js';
import { recordAudit, type AuditActor } from '../../platform/audit/audit.store.js';
import { enqueueMail } from '../../platform/mail/mail.store.js';
import type { InspectedFile } from '../../platform/files/upload.js';
import { addSupportNote, findSupportTicket } from '../../support/index.js';
import { findInspection, insertInspection, insertInspectionFile, labelInfo, organisationAdminEmails, updateInspection, type InspectionRow } from '../inspections.store.js';
import { INSPECTABLE_LABEL_STATUSES, frenchDay, inspectionTransition, plannedDateProblem, KIND_LABELS, CONCLUSION_LABELS, type Conclusion, type InspectionKind } from '../inspection.js';
import { cancelledMail, plannedMail, reportedMail } from '../mails.js';

/** A signed-in staff member. */
export type StaffActor = AuditActor & { id: string; name: string };
/** Mail settings. */
export interface MailSettings { baseUrl: string; smtp: boolean }
/** Result of every command. */
export type Outcome<T extends object = object> = ({ ok: true } & T) | { ok: false; message: string; errors?: Record<string, string> };
/** A checked and stored file. */
export interface StoredFile { file: InspectedFile; storageKey: string }

const STALE = 'L’inspection a été modifiée entre-temps par quelqu’un d’autre. Rechargez la page puis recommencez.';

/** What the planning form gives. */
export interface PlanInput { labelId: string; kind: InspectionKind; plannedOn: string; reason: string; ticketId: string | null }

/** Plans an inspection; a linked ticket must be a complaint about that very label; the organisation's admins are told. */
export async function planInspection(tx: Tx, actor: StaffActor, v: PlanInput, today: string, s: MailSettings, now: Date): Promise<Outcome<{ inspectionId: string; mailIds: string[] }>> {
  const label = await labelInfo(tx, v.labelId);
  if (!label) return { ok: false, message: 'Ce label n’existe pas.', errors: { label: 'Choisissez un label de la liste.' } };
  if (!(INSPECTABLE_LABEL_STATUSES as readonly string[]).includes(label.status)) {
    return { ok: false, message: 'Ce label n’est pas en vigueur.', errors: { label: 'Seule une formation dont le label est en vigueur ou suspendu peut être inspectée.' } };
  }
  const dateProblem = plannedDateProblem(v.plannedOn, today);
  if (dateProblem) return { ok: false, message: dateProblem, errors: { date: dateProblem } };
  let ticketNumber: string | null = null;
  if (v.ticketId) {
    const ticket = await findSupportTicket(tx, v.ticketId);
    if (!ticket || ticket.topic !== 'complaint') return { ok: false, message: 'La demande liée n’est pas une réclamation.' };
    if (ticket.trainingRef !== `label:${label.id}`) return { ok: false, message: 'La réclamation liée porte sur une autre formation.', errors: { label: 'La réclamation porte sur une autre formation que ce label.' } };
    ticketNumber = ticket.number;
  }
  const row = await insertInspection(tx, {
    labelId: label.id, organisationId: label.organisationId, kind: v.kind, plannedOn: v.plannedOn, reason: v.reason,
    ticketId: v.ticketId, createdBy: actor.id, createdAt: now, updatedAt: now,
  });
  await recordAudit(tx, actor, {
    action: 'inspection.planned', objectType: 'inspection', objectId: row.id,
    after: { status: 'planned', labelId: label.id, kind: v.kind, plannedOn: v.plannedOn, reason: v.reason, ticket: ticketNumber },
    meta: { label: label.number },
  }, now);
  if (v.ticketId) {
    await addSupportNote(tx, actor, v.ticketId, `Inspection ${KIND_LABELS[v.kind].toLowerCase()} planifiée le ${frenchDay(v.plannedOn)} (label ${label.number}) : ${s.baseUrl}/gestion/inspections/${row.id}`, now);
  }
  const info = { number: label.number, trainingTitle: label.trainingTitle, kind: v.kind, plannedOn: v.plannedOn };
  const mailIds: string[] = [];
  for (const to of await organisationAdminEmails(tx, label.organisationId)) mailIds.push(await enqueueMail(tx, plannedMail(to, info, s.baseUrl, label.organisationId), s.smtp));
  return { ok: true, inspectionId: row.id, mailIds };
}

/** What the report form gives. */
export interface ReportInput { findings: string; conclusion: Conclusion; messageToOrganisation: string }

/** Records the report (once): findings, checked documents, conclusion; the organisation learns the conclusion. */
export async function recordReport(
  tx: Tx, actor: StaffActor, inspectionId: string, version: number, v: ReportInput, files: StoredFile[], s: MailSettings, now: Date,
): Promise<Outcome<{ mailIds: string[] }>> {
  const found = await findInspection(tx, inspectionId, { lock: true });
  if (!found) return { ok: false, message: 'Cette inspection n’existe plus.' };
  if (found.version !== version) return { ok: false, message: STALE };
  const move = inspectionTransition(found.status, 'report');
  if (!move.ok) return move;
  const updated = await updateInspection(tx, found.id, found.version, {
    status: move.to, findings: v.findings, conclusion: v.conclusion, messageToOrganisation: v.messageToOrganisation || null,
    reportedAt: now, reportedBy: actor.id,
  }, now);
  if (!updated) return { ok: false, message: STALE };
  for (const f of files) {
    await insertInspectionFile(tx, {
      inspectionId: found.id, fileName: f.file.name, detectedType: f.file.type, mimeType: f.file.mime, size: f.file.size,
      sha256: f.file.sha256, storageKey: f.storageKey, uploadedBy: actor.id, createdAt: now,
    });
  }
  await recordAudit(tx, actor, {
    action: 'inspection.reported', objectType: 'inspection', objectId: found.id,
    before: { status: move.from }, after: { status: move.to, conclusion: v.conclusion, files: files.map((f) => ({ name: f.file.name, sha256: f.file.sha256 })) },
  }, now);
  if (found.ticketId) {
    await addSupportNote(tx, actor, found.ticketId, `Rapport d’inspection rendu : ${CONCLUSION_LABELS[v.conclusion]}. ${s.baseUrl}/gestion/inspections/${found.id}`, now);
  }
  return { ok: true, mailIds: await tell(tx, found, (to, info) => reportedMail(to, info, v.conclusion, v.messageToOrganisation, s.baseUrl, found.organisationId), s) };
}

/** Cancels a planned inspection, with its reason. */
export async function cancelInspection(tx: Tx, actor: StaffActor, inspectionId: string, version: number, reason: string, s: MailSettings, now: Date): Promise<Outcome<{ mailIds: string[] }>> {
  const found = await findInspection(tx, inspectionId, { lock: true });
  if (!found) return { ok: false, message: 'Cette inspection n’existe plus.' };
  if (found.version !== version) return { ok: false, message: STALE };
  const move = inspectionTransition(found.status, 'cancel');
  if (!move.ok) return move;
  if (!(await updateInspection(tx, found.id, found.version, { status: move.to, cancelledAt: now, cancelReason: reason }, now))) return { ok: false, message: STALE };
  await recordAudit(tx, actor, { action: 'inspection.cancelled', objectType: 'inspection', objectId: found.id, before: { status: move.from }, after: { status: move.to, reason } }, now);
  return { ok: true, mailIds: await tell(tx, found, (to, info) => cancelledMail(to, info, s.baseUrl, found.organisationId), s) };
}

async function tell(tx: Tx, i: InspectionRow, mail: (to: string, info: { number: string; trainingTitle: string; kind: InspectionKind; plannedOn: string }) => Parameters<typeof enqueueMail>[1], s: MailSettings): Promise<string[]> {
  const label = await labelInfo(tx, i.labelId);
  if (!label) return [];
  const info = { number: label.number, trainingTitle: label.trainingTitle, kind: i.kind, plannedOn: i.plannedOn };
  const ids: string[] = [];
  for (const to of await organisationAdminEmails(tx, i.organisationId)) ids.push(await enqueueMail(tx, mail(to, info), s.smtp));
  return ids;
}
