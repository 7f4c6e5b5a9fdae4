/** Changes the figures (durations, targets) of a call, with a motivation, audited before/after. */
import type { DbOrTx } from '../../platform/db/index.js';
import { recordAudit, type AuditActor } from '../../platform/audit/audit.store.js';
import type { CallRules } from '../call.js';
import { getCallById, updateCallRules } from '../calls.store.js';

/** Outcome of a change of a call. */
export type CallChangeResult = { ok: true } | { ok: false; errors?: Record<string, string>; message?: string };

/** Replaces the rules of a call. */
export async function changeCallRules(tx: DbOrTx, actor: AuditActor, input: { callId: string; rules: CallRules; motivation: string }, now: Date): Promise<CallChangeResult> {
  const details = await getCallById(tx, input.callId);
  if (!details) return { ok: false, message: 'Cet appel n’existe pas.' };
  if (JSON.stringify(details.call.rules) === JSON.stringify(input.rules)) return { ok: false, message: 'Aucune valeur n’a changé.' };
  await updateCallRules(tx, input.callId, input.rules);
  await recordAudit(tx, actor, {
    action: 'call.rules_updated', objectType: 'call', objectId: input.callId,
    before: details.call.rules, after: input.rules, meta: { motivation: input.motivation },
  }, now);
  return { ok: true };
}
