/** Recomputes the obligations of a label from its validity, its sessions and its learners. */
import type { DbOrTx } from '../../platform/db/index.js';
import { computeObligations, parisDay } from '../obligations.js';
import { labelWithRules, saveObligations, sessionFacts, followedLabelIds } from '../sessions.store.js';

/**
 * (Re)computes every obligation row of a label (upsert on `key`, done dates set or cleared, rows no
 * longer produced deleted). Call it in the same transaction as any change of a session, a start
 * attestation, an end report or learners' outcomes. A label without start of validity has none.
 */
export async function refreshObligations(tx: DbOrTx, labelId: string, now: Date): Promise<void> {
  const found = await labelWithRules(tx, labelId);
  if (!found) return;
  const facts = await sessionFacts(tx, labelId);
  const computed = computeObligations({ id: found.label.id, validFrom: found.label.validFrom }, found.rules.durations, facts, parisDay(now));
  await saveObligations(tx, { id: found.label.id, organisationId: found.label.organisationId }, computed);
}

/** Recomputes the obligations of every followed label (active or suspended); the number of labels. */
export async function refreshAllObligations(tx: DbOrTx, now: Date): Promise<number> {
  const ids = await followedLabelIds(tx);
  for (const id of ids) await refreshObligations(tx, id, now);
  return ids.length;
}
