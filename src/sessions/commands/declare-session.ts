/** Declaring, changing and cancelling a session of a label, audited, obligations recomputed in the same transaction. */
import type { DbOrTx } from '../../platform/db/index.js';
import { recordAudit, type AuditActor } from '../../platform/audit/audit.store.js';
import type { SessionPlace } from '../sessions.schema.js';
import { insertSession, updateSession, findSession, labelWithRules, type SessionRow } from '../sessions.store.js';
import type { SessionInput } from '../sessions.js';
import { postponementNeedsChangeRequest } from '../sessions.js';
import { refreshObligations } from './refresh-obligations.js';

type Result = { ok: true; session: SessionRow; warning?: string } | { ok: false; message: string; field?: string };

/** Declares a session of an ACTIVE label of the organisation. */
export async function declareSession(tx: DbOrTx, actor: AuditActor & { id: string }, v: { labelId: string; organisationId: string; input: SessionInput; place: SessionPlace }, now: Date): Promise<Result> {
  const found = await labelWithRules(tx, v.labelId);
  if (!found || found.label.organisationId !== v.organisationId) return { ok: false, message: 'Label introuvable.' };
  if (found.label.status !== 'active') return { ok: false, message: 'Une session ne peut être déclarée que pour un label actif.' };
  const i = v.input;
  const session = await insertSession(tx, {
    labelId: v.labelId, organisationId: v.organisationId, name: i.name, initialStart: i.plannedStart, plannedStart: i.plannedStart, plannedEnd: i.plannedEnd,
    place: v.place, modality: i.modality, places: i.places, workStudy: i.workStudy, createdBy: actor.id, createdAt: now, updatedAt: now,
  });
  await recordAudit(tx, actor, { action: 'session.declared', objectType: 'session', objectId: session.id, after: { labelId: v.labelId, ...i, place: v.place } }, now);
  await refreshObligations(tx, v.labelId, now);
  return { ok: true, session };
}

/** Changes a planned session (dates, place, modality, places) with a motivation. */
export async function changeSession(tx: DbOrTx, actor: AuditActor & { id: string }, v: { sessionId: string; organisationId: string; version: number; input: SessionInput; place: SessionPlace; reason: string }, now: Date): Promise<Result> {
  const s = await findSession(tx, v.sessionId, { lock: true });
  if (!s || s.organisationId !== v.organisationId) return { ok: false, message: 'Session introuvable.' };
  if (s.status !== 'planned') return { ok: false, message: 'Seule une session prévue (pas encore démarrée ni annulée) peut être modifiée.' };
  const reason = v.reason.trim();
  if (reason.length < 5) return { ok: false, field: 'reason', message: 'Indiquez le motif de la modification (5 caractères au moins).' };
  const found = await labelWithRules(tx, s.labelId);
  if (!found) return { ok: false, message: 'Label introuvable.' };
  const i = v.input;
  const updated = await updateSession(tx, s.id, v.version, {
    name: i.name, plannedStart: i.plannedStart, plannedEnd: i.plannedEnd, place: v.place, modality: i.modality, places: i.places, workStudy: i.workStudy,
  }, now);
  if (!updated) return { ok: false, message: 'La session a été modifiée entre-temps : rechargez la page et recommencez.' };
  const tooFar = postponementNeedsChangeRequest(s.initialStart, i.plannedStart, found.rules.durations.maxPostponementMonths);
  await recordAudit(tx, actor, {
    action: i.plannedStart !== s.plannedStart ? 'session.postponed' : 'session.changed', objectType: 'session', objectId: s.id,
    before: { name: s.name, plannedStart: s.plannedStart, plannedEnd: s.plannedEnd, place: s.place, modality: s.modality, places: s.places, workStudy: s.workStudy },
    after: { ...i, place: v.place }, meta: { reason, breach: tooFar ? 'postponed_too_far' : null },
  }, now);
  await refreshObligations(tx, s.labelId, now);
  return {
    ok: true, session: updated,
    warning: tooFar ? `Le démarrage est décalé de plus de ${found.rules.durations.maxPostponementMonths} mois par rapport au ${s.initialStart.split('-').reverse().join('/')} : ce report est un manquement tant qu’une demande de modification n’est pas approuvée.` : undefined,
  };
}

/** Cancels a planned session with a motivation; its obligations disappear. */
export async function cancelSession(tx: DbOrTx, actor: AuditActor & { id: string }, v: { sessionId: string; organisationId: string; version: number; reason: string }, now: Date): Promise<Result> {
  const s = await findSession(tx, v.sessionId, { lock: true });
  if (!s || s.organisationId !== v.organisationId) return { ok: false, message: 'Session introuvable.' };
  if (s.status !== 'planned') return { ok: false, message: 'Seule une session prévue (pas encore démarrée) peut être annulée.' };
  const reason = v.reason.trim();
  if (reason.length < 5) return { ok: false, field: 'cancelReason', message: 'Indiquez le motif de l’annulation (5 caractères au moins).' };
  const updated = await updateSession(tx, s.id, v.version, { status: 'cancelled', cancelledReason: reason }, now);
  if (!updated) return { ok: false, message: 'La session a été modifiée entre-temps : rechargez la page et recommencez.' };
  await recordAudit(tx, actor, { action: 'session.cancelled', objectType: 'session', objectId: s.id, before: { status: s.status }, after: { status: 'cancelled' }, meta: { reason } }, now);
  await refreshObligations(tx, s.labelId, now);
  return { ok: true, session: updated };
}
