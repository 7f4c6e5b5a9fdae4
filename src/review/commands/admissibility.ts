/**
 * Admissibility: recording the reviewer's verdict on each criterion, then one outcome:
 * admissible (to scoring), inadmissible (motivated, notice naming the unmet criteria), or
 * correction requested (named sections, message, due date; the application goes back to the applicant).
 */
import type { Tx } from '../../platform/db/index.js';
import { recordAudit } from '../../platform/audit/audit.store.js';
import { enqueueMail } from '../../platform/mail/mail.store.js';
import { getCallById } from '../../calls/calls.store.js';
import { transition } from '../../applications/application.states.js';
import { updateApplicationState, findApplication } from '../../applications/applications.store.js';
import { findReview, listVerdicts, upsertVerdicts, updateReviewState, insertCorrection, mailContext } from '../review.store.js';
import { reviewTransition, type ReviewEvent } from '../review.states.js';
import { outcomeRefusal, unmetCriteria, type AdmissibilityOutcome, type CriterionVerdict } from '../admissibility-review.js';
import { inadmissibleMail, correctionMail } from '../mails.js';
import { correctionPartLabel } from '../correction-parts.js';
import type { StaffActor } from '../review.policy.js';

/** Outcome of an admissibility command. */
export type AdmissibilityResult = { ok: true; mailIds: string[] } | { ok: false; message: string; errors?: Record<string, string> };

async function openReview(tx: Tx, applicationId: string) {
  const review = await findReview(tx, applicationId, { lock: true });
  if (!review) return { ok: false as const, message: 'Candidature introuvable.' };
  return { ok: true as const, review };
}

/** Saves the verdicts while admissibility is being examined. */
export async function recordVerdicts(tx: Tx, actor: StaffActor, v: { applicationId: string; verdicts: CriterionVerdict[] }, now: Date): Promise<AdmissibilityResult> {
  const o = await openReview(tx, v.applicationId);
  if (!o.ok) return o;
  if (o.review.state !== 'admissibility') return { ok: false, message: 'La recevabilité de cette candidature a déjà été décidée.' };
  const before = await listVerdicts(tx, v.applicationId);
  await upsertVerdicts(tx, v.applicationId, v.verdicts, actor.id, now);
  await recordAudit(tx, actor, {
    action: 'review.verdicts_recorded', objectType: 'application', objectId: v.applicationId,
    before: Object.fromEntries(before.map((b) => [b.criterionCode, b.verdict])),
    after: Object.fromEntries(v.verdicts.map((x) => [x.criterionCode, x.verdict])),
  }, now);
  return { ok: true, mailIds: [] };
}

/** What the decision form carries. */
export interface AdmissibilityDecision {
  applicationId: string;
  outcome: AdmissibilityOutcome;
  motivation: string;
  sections: string[];
  message: string;
  dueOn: string;
  /** Review version shown on the form: a stale form is refused. */
  version: number;
  baseUrl: string;
  smtp: boolean;
}

const EVENT: Record<AdmissibilityOutcome, ReviewEvent> = { admissible: 'admit', inadmissible: 'declare_inadmissible', correction: 'request_correction' };

/** Decides the admissibility outcome, audits it and queues the applicant's mail in the same transaction. */
export async function decideAdmissibility(tx: Tx, actor: StaffActor, d: AdmissibilityDecision, now: Date): Promise<AdmissibilityResult> {
  const o = await openReview(tx, d.applicationId);
  if (!o.ok) return o;
  const { review } = o;
  if (review.version !== d.version) return { ok: false, message: 'La candidature a changé depuis l’affichage de la page : rechargez-la avant de décider.' };
  const move = reviewTransition(review.state, EVENT[d.outcome]);
  if (!move.ok) return { ok: false, message: move.message };
  const ctx = (await mailContext(tx, d.applicationId))!;
  const app = (await findApplication(tx, ctx.organisationId, d.applicationId, { lock: true }))!;
  if (app.state !== 'submitted') return { ok: false, message: 'La candidature n’est pas dans l’état « déposée » : aucune décision de recevabilité n’est possible.' };
  const call = (await getCallById(tx, ctx.callId))!;
  const verdicts = (await listVerdicts(tx, d.applicationId)).map((x) => ({ criterionCode: x.criterionCode, verdict: x.verdict, comment: x.comment }));
  const refusal = outcomeRefusal(d.outcome, call.admissibility, verdicts);
  if (refusal) return { ok: false, message: refusal };
  const url = `${d.baseUrl}/organisations/${ctx.organisationId}/candidatures/${d.applicationId}`;
  const mail = { trainingTitle: ctx.trainingTitle, receiptNumber: ctx.receiptNumber, callTitle: ctx.callTitle, url };
  const mailIds: string[] = [];

  if (d.outcome === 'correction') {
    const appMove = transition(app.state, 'request_correction');
    if (!appMove.ok) return { ok: false, message: appMove.message };
    const updated = await updateApplicationState(tx, app.id, app.version, { state: appMove.to, now });
    if (!updated) return { ok: false, message: 'La candidature a changé entre-temps : rechargez la page.' };
    const request = await insertCorrection(tx, { applicationId: app.id, sections: d.sections, message: d.message, dueOn: d.dueOn, requestedBy: actor.id, requestedAt: now });
    await updateReviewState(tx, app.id, review.version, { state: move.to, motivation: d.message, by: actor.id, now });
    await recordAudit(tx, actor, {
      action: 'application.correction_requested', objectType: 'application', objectId: app.id,
      before: { state: appMove.from }, after: { state: appMove.to, sections: d.sections, dueOn: d.dueOn },
      meta: { correctionRequestId: request.id, message: d.message },
    }, now);
    for (const to of ctx.recipients) mailIds.push(await enqueueMail(tx, correctionMail({ ...mail, to }, { sections: d.sections.map(correctionPartLabel), message: d.message, dueOn: d.dueOn }), d.smtp));
    return { ok: true, mailIds };
  }

  const motivation = d.outcome === 'inadmissible' ? d.motivation : (d.motivation || 'Les 10 critères de recevabilité sont remplis.');
  if (!(await updateReviewState(tx, app.id, review.version, { state: move.to, motivation, by: actor.id, now }))) {
    return { ok: false, message: 'La candidature a changé entre-temps : rechargez la page.' };
  }
  const unmet = unmetCriteria(call.admissibility, verdicts);
  await recordAudit(tx, actor, {
    action: d.outcome === 'admissible' ? 'review.admissible' : 'review.inadmissible', objectType: 'application', objectId: app.id,
    before: { reviewState: move.from }, after: { reviewState: move.to, motivation },
    meta: d.outcome === 'inadmissible' ? { unmet: unmet.map((c) => c.code) } : null,
  }, now);
  if (d.outcome === 'inadmissible') {
    for (const to of ctx.recipients) mailIds.push(await enqueueMail(tx, inadmissibleMail({ ...mail, to }, { unmet, motivation }), d.smtp));
  }
  return { ok: true, mailIds };
}
