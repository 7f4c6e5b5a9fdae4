/**
 * The ticket state machine: a table of allowed transitions, a pure transition() and can().
 * Anything not in the table is refused; every applied transition is audited by the command.
 */
import type { TicketStatus } from './support.js';

/** What can happen to a ticket. */
export type TicketEvent = 'take' | 'await_requester' | 'requester_replied' | 'resolve' | 'reopen' | 'close' | 'merge';

/** One allowed move. */
export interface Transition { event: TicketEvent; from: readonly TicketStatus[]; to: TicketStatus }

/** Every allowed move, and nothing else. */
export const TRANSITIONS: readonly Transition[] = [
  { event: 'take', from: ['new'], to: 'open' },
  { event: 'await_requester', from: ['new', 'open'], to: 'waiting' },
  { event: 'requester_replied', from: ['waiting', 'resolved'], to: 'open' },
  { event: 'resolve', from: ['new', 'open', 'waiting'], to: 'resolved' },
  { event: 'reopen', from: ['resolved'], to: 'open' },
  { event: 'close', from: ['new', 'open', 'waiting', 'resolved'], to: 'closed' },
  { event: 'merge', from: ['new', 'open', 'waiting'], to: 'closed' },
];

/** French labels of the events staff trigger with a button. */
export const EVENT_LABELS: Record<TicketEvent, string> = {
  take: 'Prendre en charge',
  await_requester: 'Mettre en attente du demandeur',
  requester_replied: 'Réponse du demandeur',
  resolve: 'Marquer comme résolue',
  reopen: 'Rouvrir',
  close: 'Clôturer',
  merge: 'Fusionner',
};

/** Result of a transition. */
export type TransitionResult = { ok: true; from: TicketStatus; to: TicketStatus } | { ok: false; message: string };

/** Applies an event to a state. */
export function transition(from: TicketStatus, event: TicketEvent): TransitionResult {
  const t = TRANSITIONS.find((x) => x.event === event && x.from.includes(from));
  if (!t) return { ok: false, message: 'Cette action n’est pas possible dans l’état actuel de la demande. Rechargez la page.' };
  return { ok: true, from, to: t.to };
}

/** Whether an event is allowed from a state. */
export function can(from: TicketStatus, event: TicketEvent): boolean {
  return transition(from, event).ok;
}

/** Events staff may trigger by hand from a state (the buttons of the ticket page). */
export function manualEvents(from: TicketStatus): TicketEvent[] {
  return (['take', 'await_requester', 'resolve', 'reopen', 'close'] as const).filter((e) => can(from, e));
}
