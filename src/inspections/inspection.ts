/**
 * Pure rules of inspections (contrôles): kinds, states and their moves, conclusions, French labels,
 * and the checks of a planned date. The commands apply them; nothing here touches the database.
 */
import { stateMachine, type TransitionTable } from '../platform/states.js';

/** On site, or remote (video call, documents sent). */
export const INSPECTION_KINDS = ['on_site', 'remote'] as const;
/** One kind of inspection. */
export type InspectionKind = (typeof INSPECTION_KINDS)[number];

/** States of an inspection. */
export const INSPECTION_STATUSES = ['planned', 'reported', 'cancelled'] as const;
/** One state. */
export type InspectionStatus = (typeof INSPECTION_STATUSES)[number];

/** What the report concludes. */
export const CONCLUSIONS = ['compliant', 'remarks', 'breach'] as const;
/** One conclusion. */
export type Conclusion = (typeof CONCLUSIONS)[number];

/** What can happen to an inspection. */
export type InspectionEvent = 'report' | 'cancel';

/** French labels. */
export const KIND_LABELS: Record<InspectionKind, string> = { on_site: 'Sur site', remote: 'À distance' };
export const STATUS_LABELS: Record<InspectionStatus, string> = { planned: 'Planifiée', reported: 'Rapport rendu', cancelled: 'Annulée' };
export const CONCLUSION_LABELS: Record<Conclusion, string> = {
  compliant: 'Conforme',
  remarks: 'Conforme avec observations',
  breach: 'Manquement constaté',
};
/** Longer explanation of each conclusion (form hints, organisation page). */
export const CONCLUSION_HINTS: Record<Conclusion, string> = {
  compliant: 'La formation respecte ses engagements.',
  remarks: 'Des points sont à améliorer ; l’organisme est invité à les corriger.',
  breach: 'Un engagement n’est pas tenu : une procédure de sanction peut être engagée.',
};

/** Every allowed move, and nothing else. */
export const INSPECTION_TRANSITIONS: TransitionTable<InspectionStatus, InspectionEvent> = {
  planned: { report: 'reported', cancel: 'cancelled' },
  reported: {},
  cancelled: {},
};

const machine = stateMachine(INSPECTION_TRANSITIONS, (from) => (from === 'reported'
  ? 'Le rapport de cette inspection est déjà rendu : il ne peut plus être modifié.'
  : 'Cette inspection est annulée.'));

/** Applies an event to a state. */
export const inspectionTransition = machine.transition;
/** Whether an event is allowed from a state. */
export const canInspection = machine.can;

/** Labels whose training may be inspected: in force (active) or suspended while it is checked. */
export const INSPECTABLE_LABEL_STATUSES = ['active', 'suspended'] as const;

/** An inspection may be recorded up to this many days after it happened… */
export const MAX_DAYS_BEFORE = 365;
/** …and planned at most this many days ahead. */
export const MAX_DAYS_AHEAD = 730;

function dayNumber(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
}

/** The French message when a planned day (YYYY-MM-DD) is out of range from today, or null. */
export function plannedDateProblem(plannedOn: string, today: string): string | null {
  const diff = dayNumber(plannedOn) - dayNumber(today);
  if (diff < -MAX_DAYS_BEFORE) return 'Une inspection ne peut pas être enregistrée plus d’un an après avoir eu lieu.';
  if (diff > MAX_DAYS_AHEAD) return 'Une inspection ne peut pas être planifiée plus de deux ans à l’avance.';
  return null;
}

/** DD/MM/YYYY of a YYYY-MM-DD day. */
export function frenchDay(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** Whether a planned inspection is still to come (or today). */
export function isUpcoming(i: { status: InspectionStatus; plannedOn: string }, today: string): boolean {
  return i.status === 'planned' && i.plannedOn >= today;
}
