/**
 * Change requests: an organisation admin files one on an active label; staff approve or reject it
 * with a motivation (audited, mailed to the organisation's admins). Approval adds a version of the
 * training record, version 1 being initialised from the application's sections.
 */
import type { Tx } from '../../platform/db/index.js';
import { recordAudit, type AuditActor } from '../../platform/audit/audit.store.js';
import { enqueueMail } from '../../platform/mail/mail.store.js';
import { composeMail } from '../../platform/mail/mail.js';
import { findLabel } from '../../labels/index.js';
import { organisationAdminEmails } from '../compliance.store.js';
import type { StoredUpload } from '../../platform/files/form-files.js';
import {
  activeLabel, insertChangeRequest, insertChangeRequestFiles, insertVersion, lockChangeRequest, sectionsOfApplication, updateChangeRequest, versionsOf, type ChangeRequestRow,
} from '../change-requests.store.js';
import { CHANGE_TYPE_LABELS, applyChange, changeDecisionRefusal, flattenSections, frDay, type ChangeRequestInput } from '../change-requests.js';
import { applyApprovedSessionDates, findSession } from '../../sessions/index.js';
import { isUuid } from '../../platform/http/access.js';

type Actor = AuditActor & { id: string };
type Result = { ok: true; request: ChangeRequestRow; mailIds: string[] } | { ok: false; message: string; field?: string };

/** An organisation admin files a request on one of the organisation's active labels (for a session's dates: a planned session of that label). */
export async function submitChangeRequest(tx: Tx, actor: Actor, v: ChangeRequestInput & { organisationId: string; files?: StoredUpload[] }, now: Date): Promise<Result> {
  const label = await activeLabel(tx, v.labelId, v.organisationId);
  if (!label) return { ok: false, field: 'labelId', message: 'Choisissez une formation dont le label est actif.' };
  let session: { plannedStart: string; plannedEnd: string } | null = null;
  if (v.type === 'session_dates') {
    const s = v.sessionId && isUuid(v.sessionId) ? await findSession(tx, v.sessionId.toLowerCase()) : null;
    if (!s || s.organisationId !== v.organisationId) return { ok: false, field: 'sessionId', message: 'Choisissez une session de l’organisme.' };
    if (s.labelId !== label.id) return { ok: false, field: 'sessionId', message: 'Cette session n’appartient pas à la formation labellisée choisie.' };
    if (s.status !== 'planned') return { ok: false, field: 'sessionId', message: 'Seule une session prévue (pas encore démarrée ni annulée) peut être reportée par une demande.' };
    if (s.plannedStart === v.newStart && s.plannedEnd === v.newEnd) return { ok: false, field: 'newStart', message: 'Les dates demandées sont déjà celles de la session.' };
    session = s;
  }
  const request = await insertChangeRequest(tx, {
    labelId: label.id, organisationId: v.organisationId, type: v.type, description: v.description, requestedOn: v.requestedOn, fieldKey: v.fieldKey, newValue: v.newValue,
    sessionId: session ? v.sessionId!.toLowerCase() : null, previousStart: session?.plannedStart ?? null, previousEnd: session?.plannedEnd ?? null,
    newStart: session ? v.newStart : null, newEnd: session ? v.newEnd : null,
    submittedBy: actor.id, createdAt: now, updatedAt: now,
  });
  await insertChangeRequestFiles(tx, (v.files ?? []).map((f) => ({
    changeRequestId: request.id, fileName: f.file.name, detectedType: f.file.type, mimeType: f.file.mime, size: f.file.size, sha256: f.file.sha256, storageKey: f.storageKey, createdAt: now,
  })));
  await recordAudit(tx, actor, { action: 'change_request.submitted', objectType: 'change_request', objectId: request.id, after: { labelId: label.id, type: v.type, requestedOn: v.requestedOn, fieldKey: v.fieldKey, sessionId: request.sessionId, newStart: request.newStart, newEnd: request.newEnd, files: (v.files ?? []).map((f) => f.file.name) } }, now);
  return { ok: true, request, mailIds: [] };
}

/** Staff approve (a new version of the training record) or reject, with a motivation. */
export async function decideChangeRequest(tx: Tx, actor: Actor, v: { requestId: string; version: number; approve: boolean | null; motivation: string }, now: Date, mail: { baseUrl: string; smtp: boolean }): Promise<Result> {
  const r = await lockChangeRequest(tx, v.requestId);
  if (!r) return { ok: false, message: 'Demande introuvable.' };
  const refusal = changeDecisionRefusal(r.status, v.approve, v.motivation);
  if (refusal) return { ok: false, ...refusal };
  if (r.version !== v.version) return { ok: false, message: 'La demande a changé entre-temps : rechargez la page.' };
  const found = await findLabel(tx, r.labelId);
  if (!found) return { ok: false, message: 'Label introuvable.' };
  const motivation = v.motivation.trim();
  let versionNumber: number | null = null;
  if (v.approve && r.type === 'session_dates') {
    // The session's new dates apply through the sessions domain (audited there, obligations recomputed).
    if (!r.sessionId || !r.newStart || !r.newEnd) return { ok: false, message: 'La session visée par la demande n’existe plus : refusez la demande en le motivant.' };
    const applied = await applyApprovedSessionDates(tx, actor, { sessionId: r.sessionId, organisationId: r.organisationId, start: r.newStart, end: r.newEnd, changeRequestId: r.id, motivation: v.motivation.trim() }, now);
    if (!applied.ok) return { ok: false, message: applied.message };
  } else if (v.approve) {
    const versions = await versionsOf(tx, r.labelId);
    let last = versions.at(-1);
    if (!last) last = await insertVersion(tx, { labelId: r.labelId, versionNumber: 1, data: flattenSections(await sectionsOfApplication(tx, found.label.applicationId)), createdAt: now });
    const next = await insertVersion(tx, { labelId: r.labelId, versionNumber: last.versionNumber + 1, data: applyChange(last.data, r), changeRequestId: r.id, createdAt: now });
    versionNumber = next.versionNumber;
  }
  const updated = await updateChangeRequest(tx, r.id, r.version, { status: v.approve ? 'approved' : 'rejected', decisionMotivation: motivation, decidedAt: now, decidedBy: actor.id }, now);
  if (!updated) return { ok: false, message: 'La demande a changé entre-temps : rechargez la page.' };
  await recordAudit(tx, actor, {
    action: v.approve ? 'change_request.approved' : 'change_request.rejected', objectType: 'change_request', objectId: r.id,
    before: { status: r.status }, after: { status: updated.status, trainingVersion: versionNumber }, meta: { reason: motivation },
  }, now);
  const url = `${mail.baseUrl}/organisations/${r.organisationId}/conformite/modifications/${r.id}`;
  const mailIds: string[] = [];
  for (const to of await organisationAdminEmails(tx, r.organisationId)) {
    mailIds.push(await enqueueMail(tx, composeMail({
      template: 'compliance.change_decided', to,
      subject: `Demande de modification ${v.approve ? 'approuvée' : 'refusée'} : ${found.label.trainingTitle}`,
      paragraphs: [
        `Votre demande de modification (${CHANGE_TYPE_LABELS[r.type].toLowerCase()}) pour la formation « ${found.label.trainingTitle} » (label ${found.label.number}) est ${v.approve ? 'approuvée' : 'refusée'}.`,
        `Motivation : ${motivation}`,
        r.type === 'session_dates'
          ? (v.approve ? `Les nouvelles dates de la session s’appliquent : du ${frDay(r.newStart!)} au ${frDay(r.newEnd!)}.` : 'La session garde ses dates ; la démarrer plus tard que le délai autorisé serait un manquement.')
          : v.approve ? `La fiche de la formation passe en version ${versionNumber}.` : 'La formation doit continuer à être dispensée selon la fiche en vigueur.',
      ],
      action: { label: 'Voir la demande', url },
    }), mail.smtp));
  }
  return { ok: true, request: updated, mailIds };
}
