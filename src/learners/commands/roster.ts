/**
 * The organisation's roster: adding, changing and removing learners, importing a file (all or
 * nothing), attesting the start. Each action checks the session's state, writes, audits and
 * recomputes the label's obligations in the same transaction.
 */
import type { DbOrTx } from '../../platform/db/index.js';
import { recordAudit } from '../../platform/audit/audit.store.js';
import { refreshObligations, trainingSessions } from '../../sessions/index.js';
import { eq } from 'drizzle-orm';
import type { LearnerInput } from '../learners.js';
import type { Placement } from '../placement.js';
import { deleteLearner, insertLearners, learnersOfSession, updateLearner, type LearnerRow, type SessionContext } from '../learners.store.js';
import type { LearnerActor } from '../learners.policy.js';

/** Result of a roster command. */
export type RosterResult = { ok: true; learnerId?: string; count?: number } | { ok: false; message: string };

/** Why the roster of this session cannot be changed now, or null. */
export function rosterLocked(s: SessionContext['session']): string | null {
  if (s.status === 'cancelled') return 'Cette session est annulée : sa liste d’apprenants ne peut plus être modifiée.';
  if (s.endReportAcceptedAt) return 'Le bilan de fin de session est accepté : la liste d’apprenants est close.';
  return null;
}

const stats = (l: LearnerInput) => ({
  sex: l.sex, birthYear: l.birthDate.slice(0, 4), educationLevel: l.educationLevel, entrySituation: l.entrySituation, rqth: l.rqth, crousAid: l.crousAid,
});

/** Adds one learner to the roster, with the placement of their address. */
export async function addLearner(tx: DbOrTx, actor: LearnerActor, ctx: SessionContext, input: LearnerInput, place: Placement, now: Date): Promise<RosterResult> {
  const locked = rosterLocked(ctx.session);
  if (locked) return { ok: false, message: locked };
  const id = crypto.randomUUID();
  await insertLearners(tx, [{ id, sessionId: ctx.session.id, organisationId: ctx.session.organisationId, ...input, ...stats(input), ...place, createdAt: now, updatedAt: now }]);
  await recordAudit(tx, actor, { action: 'learners.add', objectType: 'training_session', objectId: ctx.session.id, after: { learnerId: id, placement: place.placement } }, now);
  await refreshObligations(tx, ctx.labelId, now);
  return { ok: true, learnerId: id };
}

/** Changes a learner; the address is placed again when it changed (a staff override is then dropped). */
export async function changeLearner(tx: DbOrTx, actor: LearnerActor, ctx: SessionContext, learner: LearnerRow, input: LearnerInput, place: Placement | null, now: Date): Promise<RosterResult> {
  const locked = rosterLocked(ctx.session);
  if (locked) return { ok: false, message: locked };
  if (learner.erasedAt) return { ok: false, message: 'Les données de cet apprenant ont été effacées.' };
  const patch = { ...input, ...stats(input), ...(place ? { ...place, overrideReason: null } : {}) };
  await updateLearner(tx, learner.id, patch, now);
  const changed = (Object.keys(input) as (keyof LearnerInput)[]).filter((k) => learner[k] !== input[k]);
  await recordAudit(tx, actor, { action: 'learners.change', objectType: 'learner', objectId: learner.id, meta: { sessionId: ctx.session.id, fields: changed, placedAgain: !!place } }, now);
  await refreshObligations(tx, ctx.labelId, now);
  return { ok: true, learnerId: learner.id };
}

/** Removes a learner declared by mistake (not once the start is attested: record an early leave instead). */
export async function removeLearner(tx: DbOrTx, actor: LearnerActor, ctx: SessionContext, learner: LearnerRow, now: Date): Promise<RosterResult> {
  const locked = rosterLocked(ctx.session);
  if (locked) return { ok: false, message: locked };
  if (ctx.session.startAttestedAt) return { ok: false, message: 'Le démarrage est attesté : un apprenant parti ne se supprime pas, enregistrez sa sortie anticipée.' };
  await deleteLearner(tx, learner.id);
  await recordAudit(tx, actor, { action: 'learners.remove', objectType: 'training_session', objectId: ctx.session.id, meta: { learnerId: learner.id } }, now);
  await refreshObligations(tx, ctx.labelId, now);
  return { ok: true };
}

/** Imports validated learners in one go (the caller has checked every line: all or nothing). */
export async function importLearners(tx: DbOrTx, actor: LearnerActor, ctx: SessionContext, rows: LearnerInput[], places: Placement[], fileName: string, now: Date): Promise<RosterResult> {
  const locked = rosterLocked(ctx.session);
  if (locked) return { ok: false, message: locked };
  await insertLearners(tx, rows.map((l, i) => ({ sessionId: ctx.session.id, organisationId: ctx.session.organisationId, ...l, ...stats(l), ...places[i]!, createdAt: now, updatedAt: now })));
  await recordAudit(tx, actor, {
    action: 'learners.import', objectType: 'training_session', objectId: ctx.session.id,
    meta: { fileName, count: rows.length, unplaced: places.filter((p) => p.placement === 'unplaced').length },
  }, now);
  await refreshObligations(tx, ctx.labelId, now);
  return { ok: true, count: rows.length };
}

/**
 * Attests the start: the actual start date and the roster. Addresses not overridden by staff are
 * placed again with the geography in force at that date (`places` by learner id).
 */
export async function attestStart(
  tx: DbOrTx, actor: LearnerActor, ctx: SessionContext, actualStart: string, today: string, places: Map<string, Placement>, now: Date,
): Promise<RosterResult> {
  const s = ctx.session;
  if (s.status === 'cancelled') return { ok: false, message: 'Cette session est annulée.' };
  if (s.startAttestedAt) return { ok: false, message: 'Le démarrage de cette session est déjà attesté.' };
  if (actualStart > today) return { ok: false, message: 'La date de démarrage ne peut pas être dans le futur : attestez le démarrage une fois la session commencée.' };
  const roster = await learnersOfSession(tx, s.id);
  if (roster.length === 0) return { ok: false, message: 'La liste des apprenants est vide : déclarez les apprenants avant d’attester le démarrage.' };
  for (const l of roster) {
    const p = places.get(l.id);
    if (p && l.placement !== 'overridden') await updateLearner(tx, l.id, p, now);
  }
  await tx.update(trainingSessions).set({ actualStart, status: 'started', startAttestedAt: now, updatedAt: now, version: s.version + 1 }).where(eq(trainingSessions.id, s.id));
  await recordAudit(tx, actor, {
    action: 'sessions.start_attested', objectType: 'training_session', objectId: s.id,
    before: { status: s.status, actualStart: s.actualStart }, after: { status: 'started', actualStart, learners: roster.length },
  }, now);
  await refreshObligations(tx, ctx.labelId, now);
  return { ok: true, count: roster.length };
}
