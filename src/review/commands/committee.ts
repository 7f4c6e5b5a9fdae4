/**
 * The committee: creating a meeting for a cut-off, deciding each admissible scored application
 * (labelled → a label is created with its seed grant; deferred → the application moves to the next
 * cut-off's agenda; every decision motivated and audited in the same transaction, its mail drafted
 * into the meeting's outbox), sending the outbox in bulk, and validating the minutes, which locks
 * the meeting's decisions.
 */
import type { Tx } from '../../platform/db/index.js';
import { recordAudit } from '../../platform/audit/audit.store.js';
import { enqueueMail } from '../../platform/mail/mail.store.js';
import { findCutoff } from '../../applications/applications.store.js';
import { createLabel } from '../../labels/commands/create-label.js';
import { applicationOwner, findReview, listSheets, mailContext, updateReviewState } from '../review.store.js';
import {
  findMeeting, insertDecision, insertDecisionMail, insertMeeting, listDecisionMails, markDecisionMailsSent, markMinutesValidated, moveToCutoff, nextCutoff, updateDecisionMail,
} from '../committee.store.js';
import { settingsOf } from '../staffing.store.js';
import { sectionData } from '../workspace.store.js';
import { reviewTransition } from '../review.states.js';
import { aggregate } from '../scoring.js';
import { checkSeedGrant, seedGrantCeiling } from '../routing.js';
import { decisionDraft, decisionMailFromDraft } from '../mails.js';
import type { StaffActor } from '../review.policy.js';
import { uncontactedPartners } from '../../consultations/index.js';

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
export interface Decision { meetingId: string; applicationId: string; outcome: 'labelled' | 'rejected' | 'deferred'; motivation: string; seedGrant?: number }

const EVENTS = { labelled: 'label', rejected: 'reject', deferred: 'defer' } as const;

/** Decides one application of the meeting's agenda; the decision mail is drafted into the meeting's outbox. */
export async function decideApplication(tx: Tx, actor: StaffActor, d: Decision, now: Date): Promise<CommitteeResult<{ labelNumber: string | null; decisionId: string }>> {
  const meeting = await findMeeting(tx, d.meetingId, { lock: true });
  if (!meeting) return { ok: false, message: 'Séance introuvable.' };
  if (meeting.meeting.minutesValidatedAt) return { ok: false, message: 'Le procès-verbal de cette séance est validé : ses décisions sont verrouillées.' };
  const ctx = await mailContext(tx, d.applicationId);
  const review = await findReview(tx, d.applicationId, { lock: true });
  if (!ctx || !review) return { ok: false, message: 'Candidature introuvable.' };
  const app = await applicationOwner(tx, d.applicationId);
  if (!app || app.cutoffId !== meeting.meeting.cutoffId || app.state !== 'submitted') return { ok: false, message: 'Cette candidature n’est pas à l’ordre du jour de la séance.' };
  const move = reviewTransition(review.state, EVENTS[d.outcome]);
  if (!move.ok) return { ok: false, message: review.state === 'labelled' || review.state === 'rejected' ? 'Cette candidature a déjà fait l’objet d’une décision.' : move.message };
  if (!d.motivation.trim()) return { ok: false, field: 'motivation', message: 'Saisissez la motivation de la décision.' };
  // H2 (consultations): the cahier wants every partner contacted before a label is granted.
  if (d.outcome === 'labelled') {
    const never = await uncontactedPartners(tx, d.applicationId);
    if (never.length) return { ok: false, message: `Le comité ne peut pas labelliser cette candidature : ${never.length === 1 ? 'le partenaire' : 'les partenaires'} ${never.map((p) => `« ${p.name} »`).join(', ')} ${never.length === 1 ? 'n’a' : 'n’ont'} jamais été ${never.length === 1 ? 'contacté' : 'contactés'}. Contactez chaque partenaire (page « Partenaires et Région » de la candidature) avant de décider.` };
  }
  const settings = await settingsOf(tx, app.callId);
  const scores = aggregate((await listSheets(tx, d.applicationId)).map((s) => s.total), settings.discussionGap);
  if (!scores) return { ok: false, message: 'Aucun instructeur n’a encore noté cette candidature : le comité ne peut pas décider.' };
  const seedGrant = d.outcome === 'labelled' ? (d.seedGrant ?? 0) : 0;
  if (d.outcome !== 'labelled' && d.seedGrant) return { ok: false, field: 'seedGrant', message: 'Une subvention d’amorçage n’accompagne qu’une labellisation.' };
  if (seedGrant) {
    const ceiling = seedGrantCeiling(await sectionData(tx, d.applicationId, 'funding'), settings.seedGrantMaxShare);
    const refusal = checkSeedGrant(seedGrant, ceiling, settings.seedGrantMaxShare);
    if (refusal) return { ok: false, field: 'seedGrant', message: refusal };
  }
  const next = d.outcome === 'deferred' ? await nextCutoff(tx, meeting.meeting.cutoffId) : null;
  if (d.outcome === 'deferred' && !next) return { ok: false, field: 'outcome', message: 'Ce relevé est le dernier de l’appel : la décision ne peut pas être reportée.' };
  const decision = await insertDecision(tx, {
    meetingId: d.meetingId, applicationId: d.applicationId, outcome: d.outcome, motivation: d.motivation, meanScore: scores.mean.toFixed(2), decidedBy: actor.id, decidedAt: now,
    seedGrant: d.outcome === 'labelled' ? seedGrant : null, deferredToCutoffId: next?.id ?? null,
  });
  if (!decision) return { ok: false, message: 'Cette candidature a déjà fait l’objet d’une décision.' };
  if (d.outcome === 'deferred') await moveToCutoff(tx, d.applicationId, next!.id, now);
  else if (!(await updateReviewState(tx, d.applicationId, review.version, { state: move.to, motivation: d.motivation, by: actor.id, now }))) {
    return { ok: false, message: 'La candidature a changé entre-temps : rechargez la page.' };
  }
  await recordAudit(tx, actor, {
    action: `committee.${d.outcome}`, objectType: 'application', objectId: d.applicationId,
    before: { reviewState: move.from, cutoffId: meeting.meeting.cutoffId },
    after: { reviewState: move.to, motivation: d.motivation, meanScore: scores.mean, ...(d.outcome === 'labelled' ? { seedGrant } : {}), ...(next ? { cutoffId: next.id } : {}) },
    meta: { meetingId: d.meetingId, decisionId: decision.id },
  }, now);
  const label = d.outcome === 'labelled'
    ? await createLabel(tx, actor, { applicationId: d.applicationId, organisationId: ctx.organisationId, callId: ctx.callId, decisionId: decision.id, trainingTitle: ctx.trainingTitle, timezone: ctx.timezone }, now)
    : null;
  const draft = decisionDraft({ trainingTitle: ctx.trainingTitle, receiptNumber: ctx.receiptNumber, callTitle: ctx.callTitle }, {
    outcome: d.outcome, motivation: d.motivation, labelNumber: label?.number ?? null, seedGrant: seedGrant || null, nextCutoff: next?.label ?? null,
  });
  await insertDecisionMail(tx, { decisionId: decision.id, meetingId: d.meetingId, ...draft });
  return { ok: true, labelNumber: label?.number ?? null, decisionId: decision.id };
}

/** Edits a draft of the meeting's outbox before it is sent. */
export async function editDecisionMail(tx: Tx, actor: StaffActor, v: { meetingId: string; decisionId: string; subject: string; body: string }, now: Date): Promise<CommitteeResult> {
  if (!(await updateDecisionMail(tx, v.meetingId, v.decisionId, { subject: v.subject, body: v.body, by: actor.id, now }))) {
    return { ok: false, message: 'Ce courrier a déjà été envoyé : il ne peut plus être modifié.' };
  }
  await recordAudit(tx, actor, { action: 'committee.decision_mail_edited', objectType: 'committee_meeting', objectId: v.meetingId, after: { decisionId: v.decisionId, subject: v.subject } }, now);
  return { ok: true };
}

/** Sends every unsent draft of the meeting's outbox to the applicants (contact and submitter). */
export async function sendDecisionMails(tx: Tx, actor: StaffActor, v: { meetingId: string; baseUrl: string; smtp: boolean }, now: Date): Promise<CommitteeResult<{ sent: number; mailIds: string[] }>> {
  const pending = (await listDecisionMails(tx, v.meetingId)).filter((m) => !m.mail.sentAt);
  if (pending.length === 0) return { ok: false, message: 'Aucun courrier de décision n’attend d’être envoyé.' };
  await markDecisionMailsSent(tx, v.meetingId, actor.id, now);
  const mailIds: string[] = [];
  for (const p of pending) {
    const ctx = await mailContext(tx, p.applicationId);
    if (!ctx) continue;
    const url = `${v.baseUrl}/organisations/${ctx.organisationId}/candidatures/${p.applicationId}`;
    for (const to of ctx.recipients) mailIds.push(await enqueueMail(tx, decisionMailFromDraft({ subject: p.mail.subject, body: p.mail.body, outcome: p.outcome }, to, url), v.smtp));
  }
  await recordAudit(tx, actor, { action: 'committee.decision_mails_sent', objectType: 'committee_meeting', objectId: v.meetingId, after: { decisions: pending.map((p) => p.mail.decisionId), mails: mailIds.length } }, now);
  return { ok: true, sent: pending.length, mailIds };
}

/** Validates the minutes: the meeting's decisions can no longer change. */
export async function validateMinutes(tx: Tx, actor: StaffActor, meetingId: string, now: Date): Promise<CommitteeResult> {
  if (!(await markMinutesValidated(tx, meetingId, actor.id, now))) return { ok: false, message: 'Le procès-verbal de cette séance est déjà validé.' };
  await recordAudit(tx, actor, { action: 'committee.minutes_validated', objectType: 'committee_meeting', objectId: meetingId }, now);
  return { ok: true };
}
