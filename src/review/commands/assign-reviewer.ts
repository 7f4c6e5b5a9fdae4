/** Assigning a reviewer to an application, and removing the assignment; never to someone with a declared conflict. */
import type { Tx } from '../../platform/db/index.js';
import { recordAudit } from '../../platform/audit/audit.store.js';
import { applicationOwner, deleteAssignment, findReview, insertAssignment, isActiveReviewer, isConflicted } from '../review.store.js';
import type { StaffActor } from '../review.policy.js';

/** Outcome of an assignment. */
export type AssignResult = { ok: true } | { ok: false; message: string; field?: string };

/** Assigns `reviewerId` to the application. */
export async function assignReviewer(tx: Tx, actor: StaffActor, v: { applicationId: string; reviewerId: string }, now: Date): Promise<AssignResult> {
  const app = await applicationOwner(tx, v.applicationId);
  const review = await findReview(tx, v.applicationId, { lock: true });
  if (!app || !review) return { ok: false, message: 'Candidature introuvable.' };
  if (review.state === 'inadmissible' || review.state === 'labelled' || review.state === 'rejected' || app.state === 'withdrawn') {
    return { ok: false, message: 'Cette candidature n’est plus en cours d’instruction : aucun instructeur ne peut lui être affecté.' };
  }
  if (!(await isActiveReviewer(tx, v.reviewerId))) return { ok: false, field: 'reviewerId', message: 'Choisissez un instructeur actif.' };
  if (await isConflicted(tx, v.reviewerId, app.organisationId)) {
    return { ok: false, field: 'reviewerId', message: 'Cet instructeur a déclaré un conflit d’intérêts avec l’organisme : il ne peut pas instruire cette candidature.' };
  }
  if (!(await insertAssignment(tx, { applicationId: v.applicationId, reviewerId: v.reviewerId, assignedBy: actor.id, now }))) {
    return { ok: false, field: 'reviewerId', message: 'Cet instructeur est déjà affecté à la candidature.' };
  }
  await recordAudit(tx, actor, { action: 'review.reviewer_assigned', objectType: 'application', objectId: v.applicationId, after: { reviewerId: v.reviewerId } }, now);
  return { ok: true };
}

/** Removes `reviewerId` from the application (their sheet, if any, stays in the record). */
export async function unassignReviewer(tx: Tx, actor: StaffActor, v: { applicationId: string; reviewerId: string }, now: Date): Promise<AssignResult> {
  if (!(await deleteAssignment(tx, v.applicationId, v.reviewerId))) return { ok: false, message: 'Cet instructeur n’est pas affecté à la candidature.' };
  await recordAudit(tx, actor, { action: 'review.reviewer_unassigned', objectType: 'application', objectId: v.applicationId, before: { reviewerId: v.reviewerId } }, now);
  return { ok: true };
}
