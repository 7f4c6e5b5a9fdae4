/** Withdrawing an application before a decision, with a motivation kept in the history. */
import type { Tx } from '../../platform/db/index.js';
import { recordAudit } from '../../platform/audit/audit.store.js';
import { findApplication, updateApplicationState } from '../applications.store.js';
import { transition } from '../application.states.js';
import type { MemberActor } from '../applications.policy.js';
import { findReview } from '../../review/index.js';

/** Outcome of a withdrawal. */
export type WithdrawResult = { ok: true } | { ok: false; message: string };

/** Withdraws the application (version-checked: a stale form is refused). */
export async function withdrawApplication(tx: Tx, actor: MemberActor, v: { organisationId: string; applicationId: string; reason: string; expected: number }, now: Date): Promise<WithdrawResult> {
  const app = await findApplication(tx, v.organisationId, v.applicationId, { lock: true });
  if (!app) return { ok: false, message: 'Candidature introuvable.' };
  const move = transition(app.state, 'withdraw');
  if (!move.ok) return move;
  const review = app.submittedAt ? await findReview(tx, app.id) : null;
  if (review && ['inadmissible', 'labelled', 'rejected'].includes(review.state)) return { ok: false, message: 'La GEN a déjà rendu sa décision : la candidature ne peut plus être retirée.' };
  const updated = await updateApplicationState(tx, app.id, v.expected, { state: move.to, now, withdrawnAt: now, withdrawalReason: v.reason });
  if (!updated) return { ok: false, message: 'La candidature a changé entre-temps : rechargez la page avant de la retirer.' };
  await recordAudit(tx, actor, {
    action: 'application.withdrawn', objectType: 'application', objectId: app.id,
    before: { state: move.from }, after: { state: move.to }, meta: { reason: v.reason },
  }, now);
  return { ok: true };
}
