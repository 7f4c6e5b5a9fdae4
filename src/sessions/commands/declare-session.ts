/** Declaring, changing and cancelling a session of a label, audited, obligations recomputed in the same transaction. */
import type { DbOrTx } from '../../platform/db/index.js';
import { recordAudit, type AuditActor } from '../../platform/audit/audit.store.js';
import type { SessionPlace } from '../sessions.schema.js';
import { insertSession, updateSession, findSession, labelWithRules, type SessionRow } from '../sessions.store.js';
import type { SessionInput } from '../sessions.js';
import { frDay, postponementNeedsChangeRequest } from '../sessions.js';
import { refreshObligations } from './refresh-obligations.js';

type Result = { ok: true; session: SessionRow; warning?: string } | { ok: false; message: string; field?: string; needsChangeRequest?: boolean };

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
  const max = found.rules.durations.maxPostponementMonths;
  if (i.plannedStart !== s.plannedStart && postponementNeedsChangeRequest(s.initialStart, i.plannedStart, max, s.approvedStart)) {
    const from = frDay(s.approvedStart ?? s.initialStart);
    return {
      ok: false, field: 'plannedStart', needsChangeRequest: true,
      message: `Le démarrage ne peut être déplacé de plus de ${max} mois par rapport au ${from}${s.approvedStart ? ' approuvé par la GEN' : ' prévu d’abord'} sans demande de modification : déposez une demande de report de la session, que la GEN doit approuver.`,
    };
  }
  const updated = await updateSession(tx, s.id, v.version, {
    name: i.name, plannedStart: i.plannedStart, plannedEnd: i.plannedEnd, place: v.place, modality: i.modality, places: i.places, workStudy: i.workStudy,
  }, now);
  if (!updated) return { ok: false, message: 'La session a été modifiée entre-temps : rechargez la page et recommencez.' };
  await recordAudit(tx, actor, {
    action: i.plannedStart !== s.plannedStart ? 'session.postponed' : 'session.changed', objectType: 'session', objectId: s.id,
    before: { name: s.name, plannedStart: s.plannedStart, plannedEnd: s.plannedEnd, place: s.place, modality: s.modality, places: s.places, workStudy: s.workStudy },
    after: { ...i, place: v.place }, meta: { reason },
  }, now);
  await refreshObligations(tx, s.labelId, now);
  return { ok: true, session: updated };
}

/**
 * The sessions domain's side of an approved change request of a session's dates: the new start and
 * end become the planned ones and the new start the approved one (postponements are measured from
 * it), audited with the staff's motivation, obligations recomputed. Only a planned session moves.
 */
export async function applyApprovedSessionDates(tx: DbOrTx, actor: AuditActor & { id: string }, v: { sessionId: string; organisationId: string; start: string; end: string; changeRequestId: string; motivation: string }, now: Date): Promise<Result> {
  const s = await findSession(tx, v.sessionId, { lock: true });
  if (!s || s.organisationId !== v.organisationId) return { ok: false, message: 'La session visée par la demande est introuvable.' };
  if (s.status !== 'planned') return { ok: false, message: 'La session visée a démarré ou est annulée : ses dates ne peuvent plus être changées par cette demande. Refusez-la en le motivant.' };
  if (!(v.end > v.start)) return { ok: false, message: 'La date de fin demandée doit être postérieure à la date de démarrage.' };
  const updated = await updateSession(tx, s.id, s.version, { plannedStart: v.start, plannedEnd: v.end, approvedStart: v.start }, now);
  if (!updated) return { ok: false, message: 'La session a été modifiée entre-temps : rechargez la page et recommencez.' };
  await recordAudit(tx, actor, {
    action: 'session.dates_approved', objectType: 'session', objectId: s.id,
    before: { plannedStart: s.plannedStart, plannedEnd: s.plannedEnd, approvedStart: s.approvedStart },
    after: { plannedStart: v.start, plannedEnd: v.end, approvedStart: v.start }, meta: { reason: v.motivation, changeRequestId: v.changeRequestId },
  }, now);
  await refreshObligations(tx, s.labelId, now);
  return { ok: true, session: updated };
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
