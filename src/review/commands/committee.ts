/**
 * The committee: creating a meeting for a cut-off, deciding each admissible scored application
 * (labelled → a label is created; every decision motivated, audited and mailed in the same
 * transaction), and validating the minutes, which locks the meeting's decisions.
 */
import type { Tx } from '../../platform/db/index.js';
import { recordAudit } from '../../platform/audit/audit.store.js';
import { enqueueMail } from '../../platform/mail/mail.store.js';
import { findCutoff } from '../../applications/applications.store.js';
import { createLabel } from '../../labels/commands/create-label.js';
import { applicationOwner, findReview, listSheets, mailContext, updateReviewState } from '../review.store.js';
import { findMeeting, insertDecision, insertMeeting, markMinutesValidated } from '../committee.store.js';
import { reviewTransition } from '../review.states.js';
import { aggregate } from '../scoring.js';
import { decisionMail } from '../mails.js';
import type { StaffActor } from '../review.policy.js';

/** Outcome of a committee command. */
export type CommitteeResult<T = object> = ({ ok: true } & T) | { ok: false; message: string; field?: string };

/** Creates a meeting for a cut-off with its members. */
export async function createMeeting(tx: Tx, actor: StaffActor, v: { cutoffId: string; heldOn: string; place: string; members: string[] }, now: Date): Promise<CommitteeResult<{ meetingId: string }>> {
  const cutoff = await findCutoff(tx, v.cutoffId);
  if (!cutoff) return { ok: false, field: 'cutoffId', message: 'Choisissez un relevé.' };
  const m = await insertMeeting(tx, { callId: cutoff.callId, cutoffId: cutoff.id, heldOn: v.heldOn, place: v.place, members: v.members, createdBy: actor.id, now });
  await recordAudit(tx, actor, { action: 'committee.meeting_created', objectType: 'committee_meeting', objectId: m.id, after: { cutoffId: cutoff.id, heldOn: v.heldOn, members: v.members } }, now);
  return { ok: true, meetingId: m.id };
}

/** A committee decision as typed. */
export interface Decision { meetingId: string; applicationId: string; outcome: 'labelled' | 'rejected'; motivation: string; baseUrl: string; smtp: boolean }

/** Decides one application of the meeting's agenda. */
export async function decideApplication(tx: Tx, actor: StaffActor, d: Decision, now: Date): Promise<CommitteeResult<{ labelNumber: string | null; mailIds: string[] }>> {
  const meeting = await findMeeting(tx, d.meetingId, { lock: true });
  if (!meeting) return { ok: false, message: 'Séance introuvable.' };
  if (meeting.meeting.minutesValidatedAt) return { ok: false, message: 'Le procès-verbal de cette séance est validé : ses décisions sont verrouillées.' };
  const ctx = await mailContext(tx, d.applicationId);
  const review = await findReview(tx, d.applicationId, { lock: true });
  if (!ctx || !review) return { ok: false, message: 'Candidature introuvable.' };
  const app = await applicationOwner(tx, d.applicationId);
  if (!app || app.cutoffId !== meeting.meeting.cutoffId || app.state !== 'submitted') return { ok: false, message: 'Cette candidature n’est pas à l’ordre du jour de la séance.' };
  const move = reviewTransition(review.state, d.outcome === 'labelled' ? 'label' : 'reject');
  if (!move.ok) return { ok: false, message: review.state === 'labelled' || review.state === 'rejected' ? 'Cette candidature a déjà fait l’objet d’une décision.' : move.message };
  const scores = aggregate((await listSheets(tx, d.applicationId)).map((s) => s.total));
  if (!scores) return { ok: false, message: 'Aucun instructeur n’a encore noté cette candidature : le comité ne peut pas décider.' };
  const decision = await insertDecision(tx, {
    meetingId: d.meetingId, applicationId: d.applicationId, outcome: d.outcome, motivation: d.motivation, meanScore: scores.mean.toFixed(2), decidedBy: actor.id, decidedAt: now,
  });
  if (!decision) return { ok: false, message: 'Cette candidature a déjà fait l’objet d’une décision.' };
  if (!(await updateReviewState(tx, d.applicationId, review.version, { state: move.to, motivation: d.motivation, by: actor.id, now }))) {
    return { ok: false, message: 'La candidature a changé entre-temps : rechargez la page.' };
  }
  await recordAudit(tx, actor, {
    action: d.outcome === 'labelled' ? 'committee.labelled' : 'committee.rejected', objectType: 'application', objectId: d.applicationId,
    before: { reviewState: move.from }, after: { reviewState: move.to, motivation: d.motivation, meanScore: scores.mean },
    meta: { meetingId: d.meetingId, decisionId: decision.id },
  }, now);
  const label = d.outcome === 'labelled'
    ? await createLabel(tx, actor, { applicationId: d.applicationId, organisationId: ctx.organisationId, callId: ctx.callId, decisionId: decision.id, trainingTitle: ctx.trainingTitle, timezone: ctx.timezone }, now)
    : null;
  const url = `${d.baseUrl}/organisations/${ctx.organisationId}/candidatures/${d.applicationId}`;
  const mailIds: string[] = [];
  for (const to of ctx.recipients) {
    mailIds.push(await enqueueMail(tx, decisionMail({ to, trainingTitle: ctx.trainingTitle, receiptNumber: ctx.receiptNumber, callTitle: ctx.callTitle, url }, { outcome: d.outcome, motivation: d.motivation, labelNumber: label?.number ?? null }), d.smtp));
  }
  return { ok: true, labelNumber: label?.number ?? null, mailIds };
}

/** Validates the minutes: the meeting's decisions can no longer change. */
export async function validateMinutes(tx: Tx, actor: StaffActor, meetingId: string, now: Date): Promise<CommitteeResult> {
  if (!(await markMinutesValidated(tx, meetingId, actor.id, now))) return { ok: false, message: 'Le procès-verbal de cette séance est déjà validé.' };
  await recordAudit(tx, actor, { action: 'committee.minutes_validated', objectType: 'committee_meeting', objectId: meetingId }, now);
  return { ok: true };
}
