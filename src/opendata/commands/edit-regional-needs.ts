/** Staff change the jobs in demand of a région (motivated, audited in the same transaction). */
import type { Tx } from '../../platform/db/index.js';
import { recordAudit, type AuditActor } from '../../platform/audit/audit.store.js';
import { updateNeedJobs } from '../opendata.store.js';
import { parseJobs } from '../needs.js';

export type EditNeedsResult = { ok: true; regionName: string } | { ok: false; errors: Record<string, string>; message: string };

/** Replaces the jobs of the need row `id` with the typed list. */
export async function editRegionalNeeds(tx: Tx, actor: AuditActor, id: string, v: { jobs: string; motivation: string }, now: Date): Promise<EditNeedsResult> {
  const errors: Record<string, string> = {};
  const parsed = parseJobs(v.jobs);
  if (!parsed.ok) errors.metiers = parsed.message;
  if (v.motivation.trim().length < 10) errors.motif = 'Motivez la modification en quelques mots (10 caractères au moins).';
  if (!parsed.ok || Object.keys(errors).length) return { ok: false, errors, message: 'La modification n’a pas été enregistrée.' };
  const before = await updateNeedJobs(tx, id, parsed.jobs);
  if (!before) return { ok: false, errors: {}, message: 'Cette région n’existe plus.' };
  await recordAudit(tx, actor, {
    action: 'opendata.regional_needs_updated', objectType: 'regional_need', objectId: id,
    before: { regionCode: before.regionCode, jobs: before.jobs }, after: { regionCode: before.regionCode, jobs: parsed.jobs }, meta: { motivation: v.motivation.trim() },
  }, now);
  return { ok: true, regionName: before.regionName };
}
