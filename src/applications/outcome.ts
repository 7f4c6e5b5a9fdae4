/**
 * What the applicant sees of the GEN's examination: a correction request (message, due date,
 * parts to correct), inadmissibility (motivation, unmet criteria), the committee's decision
 * (labelled with its label, or rejected) or its deferral to the next cut-off — read from the review
 * and labels domains.
 */
import type { DbOrTx } from '../platform/db/index.js';
import { findReview, decisionOf, deferralsOf } from '../review/index.js';
import { labelOfApplication } from '../labels/index.js';
import { unmetVerdicts } from './applications.store.js';
import type { Dossier } from './dossier.js';

/** The outcome shown on the application page. */
export type ApplicantOutcome =
  | { kind: 'none' }
  | { kind: 'in_correction'; message: string; dueOn: string; parts: string[] }
  | { kind: 'inadmissible'; motivation: string; unmet: { code: string; title: string; comment: string }[] }
  | { kind: 'labelled'; motivation: string; label: { id: string; number: string; status: string } | null }
  | { kind: 'rejected'; motivation: string }
  /** The committee deferred the examination to a later cut-off (the latest deferral; `times` counts them all). */
  | { kind: 'deferred'; motivation: string; decidedAt: Date; times: number; cutoff: { label: string; closesAt: Date | null; resultsNote: string } | null };

/** Reads the outcome of an application (nothing for a draft or a withdrawn application). */
export async function applicantOutcome(db: DbOrTx, d: Dossier): Promise<ApplicantOutcome> {
  const app = d.application;
  if (app.state === 'in_correction' && d.correction) return { kind: 'in_correction', message: d.correction.message, dueOn: d.correction.dueOn, parts: d.correction.sections };
  if (app.state !== 'submitted') return { kind: 'none' };
  const review = await findReview(db, app.id);
  if (!review) return { kind: 'none' };
  if (review.state === 'inadmissible') {
    const unmet = await unmetVerdicts(db, app.id);
    return {
      kind: 'inadmissible', motivation: review.motivation ?? '',
      unmet: unmet.map((u) => ({ code: u.code, title: d.call.admissibility.find((c) => c.code === u.code)?.title ?? u.code, comment: u.comment })),
    };
  }
  if (review.state === 'labelled' || review.state === 'rejected') {
    const decision = await decisionOf(db, app.id);
    const motivation = decision?.motivation ?? review.motivation ?? '';
    if (review.state === 'rejected') return { kind: 'rejected', motivation };
    const label = await labelOfApplication(db, app.id);
    return { kind: 'labelled', motivation, label: label ? { id: label.id, number: label.number, status: label.status } : null };
  }
  const deferrals = await deferralsOf(db, app.id);
  const last = deferrals.at(-1);
  if (last) {
    // A deferral moves the application to the next cut-off: the application's cut-off is the new one.
    const next = d.call.cutoffs.find((c) => c.id === app.cutoffId);
    const label = last.toCutoffLabel ?? next?.label ?? null;
    return {
      kind: 'deferred', motivation: last.motivation, decidedAt: last.decidedAt, times: deferrals.length,
      cutoff: label ? { label, closesAt: next?.label === label ? next.closesAt : null, resultsNote: next?.label === label ? next.resultsNote : '' } : null,
    };
  }
  return { kind: 'none' };
}

/** Whether the GEN has decided (inadmissible, labelled or rejected): the applicant can no longer withdraw. */
export function isDecided(o: ApplicantOutcome): boolean {
  return o.kind === 'inadmissible' || o.kind === 'labelled' || o.kind === 'rejected';
}
