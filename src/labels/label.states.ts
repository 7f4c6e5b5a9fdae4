/**
 * The label's state machine: awaiting its agreement, active from the agreement's signature,
 * then expired at the end of its validity, or suspended, withdrawn, terminated on the way.
 */
import { stateMachine } from '../platform/states.js';

/** Statuses of a label (pg enum label_status). */
export const LABEL_STATUSES = ['pending_agreement', 'active', 'suspended', 'withdrawn', 'terminated', 'expired'] as const;
/** One status. */
export type LabelStatus = (typeof LABEL_STATUSES)[number];

/** What can happen to a label. */
export const LABEL_EVENTS = ['sign_agreement', 'suspend', 'reinstate', 'withdraw', 'terminate', 'expire'] as const;
/** One event. */
export type LabelEvent = (typeof LABEL_EVENTS)[number];

/** French names of the statuses. */
export const LABEL_STATUS_LABELS: Record<LabelStatus, string> = {
  pending_agreement: 'En attente de convention',
  active: 'Actif',
  suspended: 'Suspendu',
  withdrawn: 'Retiré',
  terminated: 'Résilié',
  expired: 'Expiré',
};

/** Every allowed move. Anything absent is refused. */
export const LABEL_TRANSITIONS: Readonly<Record<LabelStatus, Partial<Record<LabelEvent, LabelStatus>>>> = {
  pending_agreement: { sign_agreement: 'active', withdraw: 'withdrawn' },
  active: { suspend: 'suspended', withdraw: 'withdrawn', terminate: 'terminated', expire: 'expired' },
  suspended: { reinstate: 'active', withdraw: 'withdrawn', expire: 'expired' },
  withdrawn: {},
  terminated: {},
  expired: {},
};

const machine = stateMachine(LABEL_TRANSITIONS, (from: LabelStatus) => `Un label « ${LABEL_STATUS_LABELS[from].toLowerCase()} » ne peut pas faire l’objet de cette action.`);

/** Events that need a written motivation. */
export const MOTIVATED_EVENTS: readonly LabelEvent[] = ['suspend', 'reinstate', 'withdraw', 'terminate'];

/** The status after `event`, or the French reason it is refused. */
export function labelTransition(from: LabelStatus, event: LabelEvent): { ok: true; from: LabelStatus; to: LabelStatus } | { ok: false; message: string } {
  return machine.transition(from, event);
}

/** Whether `event` is allowed from `from` (views ask this rather than re-checking states). */
export function labelCan(from: LabelStatus, event: LabelEvent): boolean {
  return machine.can(from, event);
}

/** French names of the staff decisions on a label's status. */
export const STATUS_EVENT_LABELS: Partial<Record<LabelEvent, string>> = {
  suspend: 'Suspendre le label', reinstate: 'Rétablir le label', withdraw: 'Retirer le label', terminate: 'Résilier la convention',
};
