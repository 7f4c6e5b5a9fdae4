/** Saving one section of a draft with optimistic versioning: a stale version is never written. */
import type { Tx } from '../../platform/db/index.js';
import { recordAudit } from '../../platform/audit/audit.store.js';
import { findApplication, writeSection, touchApplication, listSections, latestCorrection } from '../applications.store.js';
import { readSection, type RawValues, type SectionReading } from '../sections/parse.js';
import type { SectionDef } from '../sections/definitions.js';
import type { FieldContext } from '../sections/fields.js';
import { memberMayChange, type MemberActor } from '../applications.policy.js';

/** Outcome of a save. */
export type SaveResult =
  | { ok: true; version: number; reading: SectionReading }
  /** Too long to store: nothing written; the page comes back with the values. */
  | { ok: false; reason: 'oversized'; reading: SectionReading }
  /** Someone saved in between: nothing written; both versions are shown. */
  | { ok: false; reason: 'conflict'; theirs: { values: RawValues; version: number; updatedAt: Date; updatedByName: string | null }; reading: SectionReading }
  /** The application is no longer a draft. */
  | { ok: false; reason: 'locked'; reading: SectionReading };

/** Saves the typed values of a section if its version is still `expected` (drafts keep format errors). */
export async function saveSection(tx: Tx, actor: MemberActor, v: { organisationId: string; applicationId: string; def: SectionDef; values: RawValues; expected: number; ctx: FieldContext }, now: Date): Promise<SaveResult> {
  const reading = readSection(v.def, v.values, v.ctx);
  const app = await findApplication(tx, v.organisationId, v.applicationId, { lock: true });
  if (!app) return { ok: false, reason: 'locked', reading };
  const correction = app.state === 'in_correction' ? await latestCorrection(tx, app.id) : null;
  if (!memberMayChange(app.state, v.def.key, correction?.sections ?? [])) return { ok: false, reason: 'locked', reading };
  if (reading.oversized.length > 0) return { ok: false, reason: 'oversized', reading };
  const before = (await listSections(tx, v.applicationId)).find((r) => r.section.sectionKey === v.def.key);
  const row = await writeSection(tx, { applicationId: v.applicationId, key: v.def.key, expected: v.expected, values: reading.values, data: reading.data, completed: reading.completed, userId: actor.id, now });
  if (!row) {
    const theirs = before
      ? { values: before.section.values, version: before.section.version, updatedAt: before.section.updatedAt, updatedByName: before.updatedByName }
      : { values: {}, version: 0, updatedAt: now, updatedByName: null };
    return { ok: false, reason: 'conflict', reading, theirs };
  }
  await touchApplication(tx, v.applicationId, now);
  const changed = Object.keys(reading.values).filter((k) => (before?.section.values[k] ?? '') !== reading.values[k]);
  await recordAudit(tx, actor, {
    action: 'application.section_saved', objectType: 'application', objectId: v.applicationId,
    meta: { section: v.def.key, version: row.version, completed: row.completed, changedFields: changed, ...(correction ? { correctionRequestId: correction.id } : {}) },
  }, now);
  return { ok: true, version: row.version, reading };
}
