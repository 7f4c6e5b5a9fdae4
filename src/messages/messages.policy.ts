/**
 * Who may read and write a thread. Organisation side: members of the application's organisation
 * (the route's ORG_MEMBER access), once the application is submitted. Staff side: instructors and
 * admins who may view the application in the review (a declared conflict of interest hides it).
 */
import type { DbOrTx } from '../platform/db/index.js';
import type { Actor } from '../platform/http/context.js';
import { staff, type Access } from '../platform/http/access.js';
import { loadStaffDossier } from '../review/staff-dossier.js';
import { threadApplication } from './messages.store.js';

/** Access of the staff thread routes (committee members read the agenda, not the threads). */
export const STAFF_THREAD: Access = staff('instructor', 'admin');

/** The application of a thread. */
export type ThreadApplication = NonNullable<Awaited<ReturnType<typeof threadApplication>>>;

/** Whether a thread can still receive messages (a withdrawn application's thread is read-only). */
export function threadOpen(app: { state: string; submittedAt: Date | null }): boolean {
  return !!app.submittedAt && app.state !== 'withdrawn' && app.state !== 'draft';
}

/** The application if the organisation's member may open its thread (submitted, theirs); else null. */
export async function memberThread(db: DbOrTx, organisationId: string, applicationId: string): Promise<ThreadApplication | null> {
  const app = await threadApplication(db, applicationId);
  return app && app.organisationId === organisationId && app.submittedAt ? app : null;
}

/**
 * The application if this staff member may open its thread: an instructor or admin to whom the
 * review shows the application (same rule as its staff page: groups, assignment, no conflict).
 */
export async function staffThread(db: DbOrTx, actor: Actor, applicationId: string, now: Date): Promise<ThreadApplication | null> {
  if (!actor.staffRoles.includes('instructor') && !actor.staffRoles.includes('admin')) return null;
  const app = await threadApplication(db, applicationId);
  if (!app || !app.submittedAt) return null;
  return (await loadStaffDossier(db, actor, applicationId, now)) ? app : null;
}
