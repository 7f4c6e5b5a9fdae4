/**
 * The review's state machine: the table of allowed moves is the only place that says which
 * outcome is possible; guards are named predicates; views ask `can()`.
 *
 * A correction request keeps the review in `admissibility` (the application itself moves to
 * `in_correction` through the applications machine and comes back `submitted` on resubmission).
 */
import { stateMachine } from '../platform/states.js';

/** States of a review (pg enum review_state). */
export const REVIEW_STATES = ['admissibility', 'inadmissible', 'scoring', 'labelled', 'rejected'] as const;
/** One review state. */
export type ReviewState = (typeof REVIEW_STATES)[number];

/** What can happen to a review. */
export const REVIEW_EVENTS = ['admit', 'declare_inadmissible', 'request_correction', 'label', 'reject', 'defer'] as const;
/** One review event. */
export type ReviewEvent = (typeof REVIEW_EVENTS)[number];

/** French names of the review states, as staff read them. */
export const REVIEW_STATE_LABELS: Record<ReviewState, string> = {
  admissibility: 'Recevabilité à examiner',
  inadmissible: 'Irrecevable',
  scoring: 'Recevable, en notation',
  labelled: 'Labellisée',
  rejected: 'Refusée',
};

/** Every allowed move. Anything absent is refused. */
export const REVIEW_TRANSITIONS: Readonly<Record<ReviewState, Partial<Record<ReviewEvent, ReviewState>>>> = {
  admissibility: { admit: 'scoring', declare_inadmissible: 'inadmissible', request_correction: 'admissibility' },
  inadmissible: {},
  scoring: { label: 'labelled', reject: 'rejected', defer: 'scoring' },
  labelled: {},
  rejected: {},
};

const REFUSALS: Record<ReviewEvent, string> = {
  admit: 'Seule une candidature dont la recevabilité est à examiner peut être déclarée recevable.',
  declare_inadmissible: 'Seule une candidature dont la recevabilité est à examiner peut être déclarée irrecevable.',
  request_correction: 'Des corrections ne peuvent être demandées que pendant l’examen de la recevabilité.',
  label: 'Seule une candidature recevable et notée peut être labellisée.',
  reject: 'Seule une candidature recevable et notée peut être refusée par le comité.',
  defer: 'Seule une candidature recevable et notée peut être reportée au relevé suivant.',
};

const machine = stateMachine(REVIEW_TRANSITIONS, (_from, event: ReviewEvent) => REFUSALS[event]);

/** Outcome of a move. */
export type ReviewTransition = { ok: true; from: ReviewState; to: ReviewState } | { ok: false; message: string };

/** The state after `event`, or the French reason it is refused. */
export function reviewTransition(from: ReviewState, event: ReviewEvent): ReviewTransition {
  return machine.transition(from, event);
}

/** Whether `event` is allowed from `state`. */
export function canReview(state: ReviewState, event: ReviewEvent): boolean {
  return machine.can(state, event);
}
