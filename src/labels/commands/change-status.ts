/**
 * Staff decisions on a label's life: suspend, reinstate, withdraw, terminate, each motivated,
 * audited and mailed to the organisation's admins; and the amicable termination an organisation
 * admin asks for, which staff accept (termination) or refuse, with a motivation either way.
 */
import type { Tx } from '../../platform/db/index.js';
import { recordAudit } from '../../platform/audit/audit.store.js';
import { enqueueMail } from '../../platform/mail/mail.store.js';
import { findLabel, organisationAdminEmails, updateLabel, type FoundLabel } from '../labels.store.js';
import { labelCan, labelTransition, MOTIVATED_EVENTS, type LabelEvent } from '../label.states.js';
import { statusMail, terminationRefusedMail, type MailLabel } from '../mails.js';
import type { LabelActor } from '../labels.policy.js';
import type { LabelResult, MailSettings } from './sign-agreement.js';

/** The events staff decide by hand (signature and expiry have their own commands). */
export const STAFF_EVENTS = ['suspend', 'reinstate', 'withdraw', 'terminate'] as const;
/** One of them. */
export type StaffEvent = (typeof STAFF_EVENTS)[number];

const PAST: Record<StaffEvent, string> = { suspend: 'suspended', reinstate: 'reinstated', withdraw: 'withdrawn', terminate: 'terminated' };
const MAX = 4000;

function motivationProblem(event: LabelEvent, motivation: string): string | null {
  if (MOTIVATED_EVENTS.includes(event) && motivation.trim() === '') return 'Motivez la décision : la motivation est communiquée à l’organisme.';
  if (motivation.length > MAX) return `La motivation dépasse ${MAX.toLocaleString('fr-FR')} caractères.`;
  return null;
}

async function mailAdmins(tx: Tx, found: FoundLabel, mail: MailSettings, make: (l: MailLabel) => Parameters<typeof enqueueMail>[1]): Promise<string[]> {
  const url = `${mail.baseUrl}/organisations/${found.label.organisationId}/labels/${found.label.id}`;
  const ids: string[] = [];
  for (const to of await organisationAdminEmails(tx, found.label.organisationId)) {
    ids.push(await enqueueMail(tx, make({ to, number: found.label.number, trainingTitle: found.label.trainingTitle, url }), mail.smtp));
  }
  return ids;
}

async function applyEvent(tx: Tx, actor: LabelActor, found: FoundLabel, event: StaffEvent, motivation: string, now: Date, mail: MailSettings, meta?: unknown): Promise<LabelResult<{ mailIds: string[] }>> {
  const move = labelTransition(found.label.status, event);
  if (!move.ok) return { ok: false, message: move.message };
  const updated = await updateLabel(tx, found.label.id, found.label.version, {
    status: move.to, statusReason: motivation, statusChangedAt: now,
    ...(event === 'terminate' ? { terminationRequestedAt: null, terminationRequestedBy: null, terminationRequestReason: null } : {}),
  });
  if (!updated) return { ok: false, message: 'Le label a changé entre-temps : rechargez la page.' };
  await recordAudit(tx, actor, {
    action: `label.${PAST[event]}`, objectType: 'label', objectId: found.label.id,
    before: { status: move.from }, after: { status: move.to, motivation }, meta: meta ?? null,
  }, now);
  return { ok: true, mailIds: await mailAdmins(tx, found, mail, (l) => statusMail(l, event, motivation)) };
}

/** Staff change a label's status, with a motivation; `version` is the one the page showed. */
export async function changeLabelStatus(tx: Tx, actor: LabelActor, v: { labelId: string; event: StaffEvent; motivation: string; version: number }, now: Date, mail: MailSettings): Promise<LabelResult<{ mailIds: string[] }>> {
  const problem = motivationProblem(v.event, v.motivation);
  if (problem) return { ok: false, field: 'motivation', message: problem };
  const found = await findLabel(tx, v.labelId, { lock: true });
  if (!found) return { ok: false, message: 'Label introuvable.' };
  if (found.label.version !== v.version) return { ok: false, message: 'Le label a changé entre-temps : rechargez la page.' };
  return applyEvent(tx, actor, found, v.event, v.motivation.trim(), now, mail);
}

/** An organisation admin asks for the amicable termination of the convention. */
export async function requestTermination(tx: Tx, actor: LabelActor, v: { labelId: string; organisationId: string; reason: string }, now: Date): Promise<LabelResult> {
  const reason = v.reason.trim();
  if (reason === '') return { ok: false, field: 'reason', message: 'Expliquez pourquoi l’organisme demande la résiliation.' };
  if (reason.length > MAX) return { ok: false, field: 'reason', message: `L’explication dépasse ${MAX.toLocaleString('fr-FR')} caractères.` };
  const found = await findLabel(tx, v.labelId, { lock: true });
  if (!found || found.label.organisationId !== v.organisationId) return { ok: false, message: 'Label introuvable.' };
  if (found.label.terminationRequestedAt) return { ok: false, message: 'Une demande de résiliation est déjà en cours d’examen.' };
  if (!labelCan(found.label.status, 'terminate')) return { ok: false, message: 'Seul un label actif peut faire l’objet d’une demande de résiliation.' };
  const updated = await updateLabel(tx, found.label.id, found.label.version, { terminationRequestedAt: now, terminationRequestedBy: actor.id, terminationRequestReason: reason });
  if (!updated) return { ok: false, message: 'Le label a changé entre-temps : rechargez la page.' };
  await recordAudit(tx, actor, { action: 'label.termination_requested', objectType: 'label', objectId: found.label.id, after: { reason } }, now);
  return { ok: true };
}

/** Staff answer the organisation's termination request: accepted (the convention ends) or refused. */
export async function answerTerminationRequest(tx: Tx, actor: LabelActor, v: { labelId: string; accept: boolean; motivation: string; version: number }, now: Date, mail: MailSettings): Promise<LabelResult<{ mailIds: string[] }>> {
  const motivation = v.motivation.trim();
  if (motivation === '') return { ok: false, field: 'answerMotivation', message: 'Motivez la réponse : elle est communiquée à l’organisme.' };
  if (motivation.length > MAX) return { ok: false, field: 'answerMotivation', message: `La motivation dépasse ${MAX.toLocaleString('fr-FR')} caractères.` };
  const found = await findLabel(tx, v.labelId, { lock: true });
  if (!found) return { ok: false, message: 'Label introuvable.' };
  if (!found.label.terminationRequestedAt) return { ok: false, message: 'Aucune demande de résiliation n’est en cours pour ce label.' };
  if (found.label.version !== v.version) return { ok: false, message: 'Le label a changé entre-temps : rechargez la page.' };
  if (v.accept) return applyEvent(tx, actor, found, 'terminate', motivation, now, mail, { atOrganisationRequest: found.label.terminationRequestReason });
  const updated = await updateLabel(tx, found.label.id, found.label.version, { terminationRequestedAt: null, terminationRequestedBy: null, terminationRequestReason: null });
  if (!updated) return { ok: false, message: 'Le label a changé entre-temps : rechargez la page.' };
  await recordAudit(tx, actor, {
    action: 'label.termination_refused', objectType: 'label', objectId: found.label.id,
    before: { request: found.label.terminationRequestReason }, after: { motivation },
  }, now);
  return { ok: true, mailIds: await mailAdmins(tx, found, mail, (l) => terminationRefusedMail(l, motivation)) };
}
