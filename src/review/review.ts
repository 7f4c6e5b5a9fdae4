/**
 * What staff see of an application under review: one status combining the application's own
 * state (in correction, withdrawn) with the review's state, its French label and badge colour.
 */
import type { ReviewState } from './review.states.js';

/** The status shown in the workspace. */
export const WORKSPACE_STATUSES = ['admissibility', 'in_correction', 'scoring', 'inadmissible', 'labelled', 'rejected', 'withdrawn'] as const;
/** One workspace status. */
export type WorkspaceStatus = (typeof WORKSPACE_STATUSES)[number];

/** French label of each status. */
export const STATUS_LABELS: Record<WorkspaceStatus, string> = {
  admissibility: 'Recevabilité à examiner',
  in_correction: 'En correction',
  scoring: 'Recevable, en notation',
  inadmissible: 'Irrecevable',
  labelled: 'Labellisée',
  rejected: 'Refusée',
  withdrawn: 'Retirée',
};

/** DSFR badge of each status. */
export const STATUS_BADGES: Record<WorkspaceStatus, string> = {
  admissibility: 'fr-badge--info',
  in_correction: 'fr-badge--warning',
  scoring: 'fr-badge--new',
  inadmissible: 'fr-badge--error',
  labelled: 'fr-badge--success',
  rejected: 'fr-badge--error',
  withdrawn: 'fr-badge--error',
};

/** The combined status: the application's correction or withdrawal wins over the review's state. */
export function workspaceStatus(applicationState: string, reviewState: ReviewState | null): WorkspaceStatus {
  if (applicationState === 'in_correction') return 'in_correction';
  if (applicationState === 'withdrawn') return 'withdrawn';
  return reviewState ?? 'admissibility';
}

/** Whether a string is a workspace status. */
export function isWorkspaceStatus(v: string): v is WorkspaceStatus {
  return (WORKSPACE_STATUSES as readonly string[]).includes(v);
}

/** Today (YYYY-MM-DD) in Paris. */
export function parisToday(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** "31/07/2021" from "2021-07-31". */
export function frenchDate(iso: string | null | undefined): string {
  return iso ? iso.slice(0, 10).split('-').reverse().join('/') : '—';
}
