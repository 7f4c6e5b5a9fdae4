/** Changes the weights of the selection criteria of a call; they must sum to 10. */
import type { DbOrTx } from '../../platform/db/index.js';
import { recordAudit, type AuditActor } from '../../platform/audit/audit.store.js';
import { checkSelectionWeights } from '../call.js';
import { getCallById, updateCriterionWeight } from '../calls.store.js';
import type { CallChangeResult } from './update-call-rules.js';

/** Sets every selection weight at once (one per criterion, by id). */
export async function changeSelectionWeights(
  tx: DbOrTx, actor: AuditActor, input: { callId: string; weights: { id: string; code: string; weight: number }[]; motivation: string }, now: Date,
): Promise<CallChangeResult> {
  const details = await getCallById(tx, input.callId);
  if (!details) return { ok: false, message: 'Cet appel n’existe pas.' };
  const ids = new Set(details.selection.map((c) => c.id));
  if (input.weights.length !== ids.size || input.weights.some((w) => !ids.has(w.id))) return { ok: false, message: 'Les critères de sélection ont changé entre-temps : rechargez la page.' };
  const sum = checkSelectionWeights(input.weights.map((w) => w.weight));
  if (!sum.ok) return { ok: false, message: `${sum.message} Ajustez les pondérations pour que leur total fasse 10.` };
  const before = Object.fromEntries(details.selection.map((c) => [c.code, c.weight]));
  const after = Object.fromEntries(input.weights.map((w) => [w.code, w.weight]));
  if (JSON.stringify(before) === JSON.stringify(after)) return { ok: false, message: 'Aucune pondération n’a changé.' };
  for (const w of input.weights) await updateCriterionWeight(tx, input.callId, w.id, w.weight);
  await recordAudit(tx, actor, {
    action: 'call.weights_updated', objectType: 'call', objectId: input.callId,
    before: { weights: before }, after: { weights: after }, meta: { motivation: input.motivation },
  }, now);
  return { ok: true };
}
