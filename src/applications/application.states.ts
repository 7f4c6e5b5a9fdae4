/**
 * The application's state machine: the table of allowed transitions is the only place that says
 * which move is possible; `transition()` is pure and views ask `can()`.
 */
import { stateMachine } from '../platform/states.js';

/** States of an application (the pg enum application_state). */
export const APPLICATION_STATES = ['draft', 'submitted', 'in_correction', 'withdrawn'] as const;
/** One state. */
export type ApplicationState = (typeof APPLICATION_STATES)[number];

/** What can happen to an application. */
export const APPLICATION_EVENTS = ['submit', 'request_correction', 'resubmit', 'withdraw'] as const;
/** One event. */
export type ApplicationEvent = (typeof APPLICATION_EVENTS)[number];

/** French names of the states, as applicants read them. */
export const STATE_LABELS: Record<ApplicationState, string> = {
  draft: 'Brouillon',
  submitted: 'Déposée',
  in_correction: 'En correction',
  withdrawn: 'Retirée',
};

/** DSFR badge colour of each state. */
export const STATE_BADGES: Record<ApplicationState, string> = {
  draft: 'fr-badge--info',
  submitted: 'fr-badge--success',
  in_correction: 'fr-badge--warning',
  withdrawn: 'fr-badge--error',
};

/** Every allowed move: from a state, an event leads to a state. Anything absent is refused. */
export const TRANSITIONS: Readonly<Record<ApplicationState, Partial<Record<ApplicationEvent, ApplicationState>>>> = {
  draft: { submit: 'submitted', withdraw: 'withdrawn' },
  submitted: { request_correction: 'in_correction', withdraw: 'withdrawn' },
  in_correction: { resubmit: 'submitted', withdraw: 'withdrawn' },
  withdrawn: {},
};

const REFUSALS: Record<ApplicationEvent, string> = {
  submit: 'Seule une candidature en brouillon peut être déposée.',
  request_correction: 'Des corrections ne peuvent être demandées que sur une candidature déposée.',
  resubmit: 'Seule une candidature en correction peut être déposée à nouveau.',
  withdraw: 'Cette candidature ne peut plus être retirée.',
};

const machine = stateMachine(TRANSITIONS, (_from, event: ApplicationEvent) => REFUSALS[event]);

/** Outcome of a transition. */
export type TransitionResult = { ok: true; from: ApplicationState; to: ApplicationState } | { ok: false; message: string };

/** The state after `event`, or the French reason it is refused. */
export function transition(from: ApplicationState, event: ApplicationEvent): TransitionResult {
  return machine.transition(from, event);
}

/** Whether `event` is allowed from `state`. */
export function can(state: ApplicationState, event: ApplicationEvent): boolean {
  return machine.can(state, event);
}

/** Whether the applicant may edit sections (only a draft; corrections will open named sections). */
export function isEditable(state: ApplicationState): boolean {
  return state === 'draft';
}
