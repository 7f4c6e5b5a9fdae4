/**
 * The facts the review policy needs about one actor and one application (conflict, assignment,
 * no-conflict declaration, agenda, group membership and lead), read in one place so every domain
 * asks the same question.
 */
import type { DbOrTx } from '../platform/db/index.js';
import type { Actor } from '../platform/http/context.js';
import { applicationOwner, findReview, isCleared, isConflicted, listAssignments } from './review.store.js';
import { onAgendaOf } from './committee.store.js';
import { groupStanding } from './staffing.store.js';
import { reviewMay, type ApplicationFacts, type ReviewAction } from './review.policy.js';

/** The facts of `actor` on an application; null when the application does not exist or was never submitted. */
export async function applicationFacts(db: DbOrTx, actor: Actor, applicationId: string): Promise<(ApplicationFacts & { organisationId: string }) | null> {
  const owner = await applicationOwner(db, applicationId);
  if (!owner || !owner.submittedAt) return null;
  const review = await findReview(db, applicationId);
  const [conflicted, onMyAgenda, assignments, standing, cleared] = await Promise.all([
    isConflicted(db, actor.userId, owner.organisationId), onAgendaOf(db, applicationId, actor.userId), listAssignments(db, applicationId),
    groupStanding(db, actor.userId, review?.regionCode ?? null), isCleared(db, actor.userId, applicationId),
  ]);
  return {
    organisationId: owner.organisationId, conflicted, onMyAgenda, assigned: assignments.some((a) => a.reviewerId === actor.userId), cleared,
    inGroup: standing.inGroup, lead: standing.lead,
  };
}

/** Whether `actor` may do `action` on the application (false when it does not exist). */
export async function mayOnApplication(db: DbOrTx, actor: Actor | null, action: ReviewAction, applicationId: string): Promise<boolean> {
  if (!actor) return false;
  const f = await applicationFacts(db, actor, applicationId);
  return !!f && reviewMay(actor, action, f);
}
