/** Filling, submitting and reviewing an annual report: checked, written and audited in one transaction. */
import type { DbOrTx } from '../../platform/db/index.js';
import { recordAudit, type AuditActor } from '../../platform/audit/audit.store.js';
import { enqueueMail } from '../../platform/mail/mail.store.js';
import { reportReturnedMail } from '../mails.js';
import { markObligationDone, obligationKey } from '../../sessions/index.js';
import { indicators, indicatorRows, type Indicators } from '../../learners/indicators.js';
import type { CallRules } from '../../calls/call.js';
import type { AnnualReportAnswers, FrozenIndicator } from '../compliance.schema.js';
import { annualDuty, findReport, insertReport, learnerFactsOfSessions, reportOf, sessionsForReport, updateReport, labelWithCall, organisationAdminEmails, type AnnualReportRow } from '../compliance.store.js';
import { annualReportTransition, sessionInYear, type AnnualReportStatus } from '../annual-report.js';

type Result = { ok: true; report: AnnualReportRow; mailIds?: string[] } | { ok: false; message: string; field?: string };

/** What the report of a label for a year is computed from: its sessions of the year and their learners' indicators. */
export async function computeAnnualFigures(db: DbOrTx, labelId: string, year: number, rules: CallRules) {
  const sessions = (await sessionsForReport(db, labelId)).filter((s) => sessionInYear(s, year));
  const facts = await learnerFactsOfSessions(db, sessions.map((s) => s.id));
  const ind: Indicators = indicators(facts, rules);
  const rows: FrozenIndicator[] = indicatorRows(ind).map(({ meets: _m, ...r }) => r);
  return { sessions, indicators: ind, rows };
}

/** Saves the answers as a draft, or submits the report (indicators frozen, obligation marked done). */
export async function saveAnnualReport(
  tx: DbOrTx, actor: AuditActor & { id: string },
  v: { labelId: string; organisationId: string; year: number; answers: AnnualReportAnswers; submit: boolean; version: number | null },
  now: Date,
): Promise<Result> {
  const found = await labelWithCall(tx, v.labelId, v.organisationId);
  if (!found) return { ok: false, message: 'Label introuvable.' };
  const duty = await annualDuty(tx, v.labelId, v.year);
  if (!duty) return { ok: false, message: `Aucun bilan annuel n’est attendu pour ${v.year} : aucune session n’a commencé ni fini cette année-là.` };
  const existing = await reportOf(tx, v.labelId, v.year, { lock: true });
  const from: AnnualReportStatus = existing?.status ?? 'draft';
  const move = annualReportTransition(from, v.submit ? 'submit' : 'save');
  if (!move.ok) return { ok: false, message: move.message };
  if (existing && v.version !== null && existing.version !== v.version) return { ok: false, message: 'Le bilan a été modifié entre-temps : rechargez la page et recommencez.' };
  let patch: Partial<AnnualReportRow> = { answers: v.answers, status: move.to };
  if (v.submit) {
    const figures = await computeAnnualFigures(tx, v.labelId, v.year, found.rules);
    patch = { ...patch, indicators: figures.rows, sessionCount: figures.sessions.length, submittedAt: now, submittedBy: actor.id };
  }
  let report: AnnualReportRow | null;
  if (existing) {
    report = await updateReport(tx, existing.id, existing.version, patch, now);
    if (!report) return { ok: false, message: 'Le bilan a été modifié entre-temps : rechargez la page et recommencez.' };
  } else {
    report = await insertReport(tx, { labelId: v.labelId, organisationId: v.organisationId, year: v.year, ...patch, createdAt: now, updatedAt: now });
  }
  if (v.submit) await markObligationDone(tx, obligationKey('annual_report', { labelId: v.labelId, year: v.year }), now);
  await recordAudit(tx, actor, {
    action: v.submit ? 'annual_report.submitted' : 'annual_report.saved', objectType: 'annual_report', objectId: report.id,
    before: existing ? { status: existing.status } : null, after: { status: report.status, year: v.year, labelId: v.labelId },
  }, now);
  return { ok: true, report };
}

/** Staff accept a submitted report, or return it with a motivation (the obligation is open again, the admins are mailed). */
export async function reviewAnnualReport(
  tx: DbOrTx, actor: AuditActor & { id: string },
  v: { reportId: string; version: number; decision: 'accept' | 'return'; motivation: string },
  now: Date,
  mail: { baseUrl: string; smtp: boolean },
): Promise<Result> {
  const r = await findReport(tx, v.reportId, { lock: true });
  if (!r) return { ok: false, message: 'Bilan introuvable.' };
  const move = annualReportTransition(r.status, v.decision);
  if (!move.ok) return { ok: false, message: move.message };
  const motivation = v.motivation.trim();
  if (v.decision === 'return' && motivation.length < 10) return { ok: false, field: 'motivation', message: 'Motivez le renvoi du bilan (10 caractères au moins).' };
  const report = await updateReport(tx, r.id, v.version, { status: move.to, reviewedAt: now, reviewedBy: actor.id, reviewMotivation: motivation || null }, now);
  if (!report) return { ok: false, message: 'Le bilan a été modifié entre-temps : rechargez la page et recommencez.' };
  if (v.decision === 'return') await markObligationDone(tx, obligationKey('annual_report', { labelId: r.labelId, year: r.year }), null);
  await recordAudit(tx, actor, {
    action: v.decision === 'accept' ? 'annual_report.accepted' : 'annual_report.returned', objectType: 'annual_report', objectId: r.id,
    before: { status: r.status }, after: { status: report.status }, meta: { reason: motivation || null },
  }, now);
  const mailIds: string[] = [];
  if (v.decision === 'return') {
    const found = await labelWithCall(tx, r.labelId);
    const url = `${mail.baseUrl}/organisations/${r.organisationId}/conformite/bilans/${r.labelId}/${r.year}`;
    for (const to of await organisationAdminEmails(tx, r.organisationId)) {
      mailIds.push(await enqueueMail(tx, reportReturnedMail({ to, trainingTitle: found?.label.trainingTitle ?? '', number: found?.label.number ?? '', url }, { year: r.year, motivation }), mail.smtp));
    }
  }
  return { ok: true, report, mailIds };
}
