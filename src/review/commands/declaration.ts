/**
 * An assigned reviewer's declaration of no conflict of interest with an application's organisation
 * and its partners, made before seeing its content (the other answer, a conflict, is
 * `declareConflict` in scoring.ts: the application is then hidden and the reviewer unassigned).
 */
import type { Tx } from '../../platform/db/index.js';
import { recordAudit } from '../../platform/audit/audit.store.js';
import { applicationOwner, insertClearance, isConflicted, listAssignments } from '../review.store.js';
import type { StaffActor } from '../review.policy.js';

/** Outcome of the declaration. */
export type DeclarationResult = { ok: true } | { ok: false; message: string };

/** Records that the actor, assigned to the application, has no tie with its organisation nor its partners. */
export async function declareNoConflict(tx: Tx, actor: StaffActor, v: { applicationId: string }, now: Date): Promise<DeclarationResult> {
  const app = await applicationOwner(tx, v.applicationId);
  if (!app || !app.submittedAt) return { ok: false, message: 'Candidature introuvable.' };
  if (await isConflicted(tx, actor.id, app.organisationId)) return { ok: false, message: 'Vous avez déclaré un conflit d’intérêts avec cet organisme.' };
  if (!(await listAssignments(tx, v.applicationId)).some((a) => a.reviewerId === actor.id)) {
    return { ok: false, message: 'Seuls les instructeurs affectés à la candidature déclarent leurs liens d’intérêt avant de l’instruire.' };
  }
  if (!(await insertClearance(tx, { reviewerId: actor.id, applicationId: v.applicationId, now }))) {
    return { ok: false, message: 'Vous avez déjà déclaré n’avoir aucun lien d’intérêt avec cet organisme.' };
  }
  await recordAudit(tx, actor, {
    action: 'review.no_conflict_declared', objectType: 'application', objectId: v.applicationId,
    after: { reviewerId: actor.id, organisationId: app.organisationId },
  }, now);
  return { ok: true };
}
