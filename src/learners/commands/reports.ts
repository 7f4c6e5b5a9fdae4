/**
 * During and after a session: early leavers, the end-of-session report (then staff acceptance,
 * which minimises addresses), the 3- and 6-month situations, staff overrides of a placement.
 */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/index.js';
import { recordAudit } from '../../platform/audit/audit.store.js';
import { refreshObligations, trainingSessions } from '../../sessions/index.js';
import type { Certification, Completion, ExitSituation } from '../learners.js';
import { learnersOfSession, minimiseSession, updateLearner, type LearnerRow, type SessionContext } from '../learners.store.js';
import type { LearnerActor } from '../learners.policy.js';

/** Result of a command. */
export type ReportResult = { ok: true; count?: number } | { ok: false; message: string; errors?: Record<string, string> };

/** Records (or clears) an early leave. */
export async function recordLeave(tx: DbOrTx, actor: LearnerActor, ctx: SessionContext, learner: LearnerRow, leftOn: string, reason: string, now: Date): Promise<ReportResult> {
  const s = ctx.session;
  if (!s.startAttestedAt) return { ok: false, message: 'Le démarrage n’est pas encore attesté : retirez simplement l’apprenant de la liste.' };
  if (s.endReportAcceptedAt) return { ok: false, message: 'Le bilan de fin de session est accepté : il ne peut plus changer.' };
  const start = s.actualStart ?? s.plannedStart;
  if (leftOn < start) return { ok: false, message: 'La date de sortie précède le démarrage de la session.', errors: { date_sortie: 'La date de sortie précède le démarrage de la session.' } };
  await updateLearner(tx, learner.id, { leftOn, leftReason: reason, completion: 'left' }, now);
  await recordAudit(tx, actor, { action: 'learners.left', objectType: 'learner', objectId: learner.id, before: { leftOn: learner.leftOn }, after: { leftOn }, meta: { sessionId: s.id } }, now);
  await refreshObligations(tx, ctx.labelId, now);
  return { ok: true };
}

/** One line of the end-of-session report. */
export interface EndReportLine { learnerId: string; completion: Completion; certification: Certification; situation: ExitSituation }

/** The end-of-session report: every learner's line and the actual end; sets endReportedAt. */
export async function submitEndReport(tx: DbOrTx, actor: LearnerActor, ctx: SessionContext, actualEnd: string, lines: EndReportLine[], today: string, now: Date): Promise<ReportResult> {
  const s = ctx.session;
  if (!s.startAttestedAt) return { ok: false, message: 'Attestez d’abord le démarrage de la session.' };
  if (s.endReportAcceptedAt) return { ok: false, message: 'Le bilan de fin de session est déjà accepté.' };
  if (actualEnd > today) return { ok: false, message: 'La date de fin ne peut pas être dans le futur : remplissez le bilan une fois la session terminée.', errors: { date_fin: 'La date de fin ne peut pas être dans le futur.' } };
  if (s.actualStart && actualEnd < s.actualStart) return { ok: false, message: 'La date de fin précède le démarrage.', errors: { date_fin: 'La date de fin précède le démarrage.' } };
  const roster = await learnersOfSession(tx, s.id);
  const byId = new Map(lines.map((l) => [l.learnerId, l]));
  const missing = roster.filter((l) => !byId.has(l.id));
  if (missing.length > 0) return { ok: false, message: `Le bilan doit renseigner chaque apprenant : ${missing.length} ligne(s) incomplète(s).` };
  for (const l of roster) {
    const line = byId.get(l.id)!;
    await updateLearner(tx, l.id, {
      completion: line.completion, certification: line.certification, situationAtExit: line.situation,
      ...(line.completion === 'completed' ? { leftOn: null, leftReason: null } : {}),
    }, now);
  }
  await tx.update(trainingSessions).set({ actualEnd, status: 'ended', endReportedAt: now, updatedAt: now, version: s.version + 1 }).where(eq(trainingSessions.id, s.id));
  await recordAudit(tx, actor, {
    action: 'sessions.end_reported', objectType: 'training_session', objectId: s.id,
    before: { endReportedAt: s.endReportedAt }, after: { actualEnd, learners: roster.length, completed: lines.filter((l) => l.completion === 'completed').length },
  }, now);
  await refreshObligations(tx, ctx.labelId, now);
  return { ok: true, count: roster.length };
}

/** Staff accept the end-of-session report (motivated); learners' addresses are then minimised. */
export async function acceptEndReport(tx: DbOrTx, actor: LearnerActor, ctx: SessionContext, motivation: string, now: Date): Promise<ReportResult> {
  const s = ctx.session;
  if (!s.endReportedAt) return { ok: false, message: 'L’organisme n’a pas encore remis le bilan de fin de session.' };
  if (s.endReportAcceptedAt) return { ok: false, message: 'Le bilan de fin de session est déjà accepté.' };
  await tx.update(trainingSessions).set({ endReportAcceptedAt: now, updatedAt: now, version: s.version + 1 }).where(eq(trainingSessions.id, s.id));
  const minimised = await minimiseSession(tx, s.id, now);
  await recordAudit(tx, actor, { action: 'sessions.end_report_accepted', objectType: 'training_session', objectId: s.id, after: { endReportAcceptedAt: now.toISOString() }, meta: { motivation, minimised } }, now);
  await refreshObligations(tx, ctx.labelId, now);
  return { ok: true, count: minimised };
}

/** The situations of a session's learners at 3 or 6 months (learnerId → situation; missing ones kept). */
export async function recordOutcomes(tx: DbOrTx, actor: LearnerActor, ctx: SessionContext, wave: '3m' | '6m', situations: Map<string, ExitSituation>, now: Date): Promise<ReportResult> {
  const s = ctx.session;
  if (!s.endReportedAt) return { ok: false, message: 'Remettez d’abord le bilan de fin de session.' };
  const roster = await learnersOfSession(tx, s.id);
  let n = 0;
  for (const l of roster) {
    const v = situations.get(l.id);
    if (!v) continue;
    const current = wave === '3m' ? l.situation3m : l.situation6m;
    if (current === v) continue;
    await updateLearner(tx, l.id, wave === '3m' ? { situation3m: v } : { situation6m: v }, now);
    n++;
  }
  await recordAudit(tx, actor, { action: `learners.outcomes_${wave}`, objectType: 'training_session', objectId: s.id, meta: { changed: n } }, now);
  await refreshObligations(tx, ctx.labelId, now);
  return { ok: true, count: n };
}

/** Staff override of what the territory engine said of an address, with a reason (audited). */
export async function overridePlacement(
  tx: DbOrTx, actor: LearnerActor, ctx: SessionContext, learner: LearnerRow,
  v: { inQpv: boolean; qpvCode: string | null; inZrrFrr: boolean; commune: string | null; reason: string }, now: Date,
): Promise<ReportResult> {
  if (ctx.session.endReportAcceptedAt) return { ok: false, message: 'Le bilan de fin de session est accepté : les résultats ne changent plus.' };
  if (v.inQpv && !v.qpvCode) return { ok: false, message: 'Indiquez le code du QPV.', errors: { code_qpv: 'Indiquez le code du QPV (par exemple QN07511M).' } };
  const before = { placement: learner.placement, inQpv: learner.inQpv, qpvCode: learner.qpvCode, inZrrFrr: learner.inZrrFrr, commune: learner.commune };
  const after = { placement: 'overridden' as const, inQpv: v.inQpv, qpvCode: v.inQpv ? v.qpvCode : null, inZrrFrr: v.inZrrFrr, commune: v.commune ?? learner.commune };
  await updateLearner(tx, learner.id, { ...after, overrideReason: v.reason }, now);
  await recordAudit(tx, actor, { action: 'learners.placement_override', objectType: 'learner', objectId: learner.id, before, after, meta: { reason: v.reason, sessionId: ctx.session.id } }, now);
  return { ok: true };
}
