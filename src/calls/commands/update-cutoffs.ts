/** Changes the calendar of a call (cut-offs edited or added), checked and audited before/after. */
import type { DbOrTx } from '../../platform/db/index.js';
import { recordAudit, type AuditActor } from '../../platform/audit/audit.store.js';
import { calendarProblem, type CutoffInput } from '../call-forms.js';
import { getCallById, updateCutoff, insertCutoff } from '../calls.store.js';
import type { CallChangeResult } from './update-call-rules.js';

const snapshot = (c: { label: string; closesAt: Date; scopeNote: string; resultsNote: string }) =>
  ({ label: c.label, closesAt: c.closesAt.toISOString(), scopeNote: c.scopeNote, resultsNote: c.resultsNote });

/** Applies the typed calendar: existing cut-offs keep their position, a new one goes last. */
export async function changeCutoffs(tx: DbOrTx, actor: AuditActor, input: { callId: string; cutoffs: CutoffInput[]; motivation: string }, now: Date): Promise<CallChangeResult> {
  const details = await getCallById(tx, input.callId);
  if (!details) return { ok: false, message: 'Cet appel n’existe pas.' };
  const known = new Set(details.cutoffs.map((c) => c.id));
  if (input.cutoffs.some((c) => c.id !== null && !known.has(c.id))) return { ok: false, message: 'Le calendrier a changé entre-temps : rechargez la page.' };
  const problem = calendarProblem(details.call.opensAt, input.cutoffs.map((c) => c.closesAt));
  if (problem) return { ok: false, message: problem.message };
  const before = details.cutoffs.map(snapshot);
  const after = input.cutoffs.map(snapshot);
  if (JSON.stringify(before) === JSON.stringify(after)) return { ok: false, message: 'Aucune valeur du calendrier n’a changé.' };
  let position = details.cutoffs.reduce((m, c) => Math.max(m, c.position), 0);
  for (const c of input.cutoffs) {
    const fields = { label: c.label, closesAt: c.closesAt, scopeNote: c.scopeNote, resultsNote: c.resultsNote };
    if (c.id) await updateCutoff(tx, input.callId, c.id, fields);
    else await insertCutoff(tx, input.callId, ++position, fields);
  }
  await recordAudit(tx, actor, {
    action: 'call.cutoffs_updated', objectType: 'call', objectId: input.callId,
    before: { cutoffs: before }, after: { cutoffs: after }, meta: { motivation: input.motivation },
  }, now);
  return { ok: true };
}
