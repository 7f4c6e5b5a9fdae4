/**
 * Scoring by an assigned reviewer, and declaring a conflict of interest with an organisation
 * (the reviewer is then unassigned, their pending sheets removed, and its applications hidden from them).
 */
import type { Tx } from '../../platform/db/index.js';
import { recordAudit } from '../../platform/audit/audit.store.js';
import {
  applicationOwner, findReview, isCleared, isConflicted, listAssignments, saveSheet, insertConflict, unassignFromOrganisation, deleteSheetsOnOrganisation,
} from '../review.store.js';
import type { ScoreLine } from '../scoring.js';
import type { StaffActor } from '../review.policy.js';

/** Outcome of a scoring command. */
export type ScoringResult = { ok: true } | { ok: false; message: string };

/** Saves the actor's sheet (replacing a previous one) while the application is in scoring. */
export async function submitScores(tx: Tx, actor: StaffActor, v: { applicationId: string; lines: ScoreLine[]; total: number }, now: Date): Promise<ScoringResult> {
  const app = await applicationOwner(tx, v.applicationId);
  const review = await findReview(tx, v.applicationId, { lock: true });
  if (!app || !review) return { ok: false, message: 'Candidature introuvable.' };
  if (await isConflicted(tx, actor.id, app.organisationId)) return { ok: false, message: 'Vous avez déclaré un conflit d’intérêts avec cet organisme : vous ne pouvez pas noter cette candidature.' };
  if (!(await listAssignments(tx, v.applicationId)).some((a) => a.reviewerId === actor.id)) return { ok: false, message: 'Seuls les instructeurs affectés à la candidature peuvent la noter.' };
  if (!(await isCleared(tx, actor.id, v.applicationId))) return { ok: false, message: 'Déclarez d’abord n’avoir aucun lien d’intérêt avec l’organisme et ses partenaires.' };
  if (review.state !== 'scoring' || app.state !== 'submitted') return { ok: false, message: 'Cette candidature ne peut pas être notée : elle n’est pas recevable ou une décision a déjà été prise.' };
  await saveSheet(tx, { applicationId: v.applicationId, reviewerId: actor.id, lines: v.lines, total: v.total, now });
  await recordAudit(tx, actor, {
    action: 'review.scored', objectType: 'application', objectId: v.applicationId,
    after: { total: v.total, levels: Object.fromEntries(v.lines.map((l) => [l.criterionCode, l.level])) },
  }, now);
  return { ok: true };
}

/** Declares a conflict with the organisation of an application. */
export async function declareConflict(tx: Tx, actor: StaffActor, v: { applicationId: string; reason: string }, now: Date): Promise<ScoringResult> {
  const app = await applicationOwner(tx, v.applicationId);
  if (!app) return { ok: false, message: 'Candidature introuvable.' };
  if (!(await insertConflict(tx, { userId: actor.id, organisationId: app.organisationId, reason: v.reason, now }))) {
    return { ok: false, message: 'Vous avez déjà déclaré un conflit d’intérêts avec cet organisme.' };
  }
  const unassigned = await unassignFromOrganisation(tx, actor.id, app.organisationId);
  const removedSheets = await deleteSheetsOnOrganisation(tx, actor.id, app.organisationId);
  await recordAudit(tx, actor, {
    action: 'review.conflict_declared', objectType: 'organisation', objectId: app.organisationId,
    after: { userId: actor.id, reason: v.reason }, meta: { fromApplication: v.applicationId, unassigned, removedSheets },
  }, now);
  return { ok: true };
}
