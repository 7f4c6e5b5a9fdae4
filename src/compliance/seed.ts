/**
 * Demo of compliance: annual reports for the years whose report obligation the sessions demo marks
 * as given. The most recent one of the first label is submitted and waits for staff's review; the
 * others are accepted. One contradictory procedure (a warning) is in its answer period. Runs after the sessions and learners demos (the indicators come from them).
 */
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { Tx } from '../platform/db/index.js';
import { recordAudit, SYSTEM } from '../platform/audit/audit.store.js';
import { obligations } from '../sessions/index.js';
import { labels } from '../labels/labels.schema.js';
import { calls } from '../calls/calls.schema.js';
import { insertProcedure, insertReport } from './compliance.store.js';
import { addDays, parisDay } from '../sessions/index.js';
import { answerDueOn } from './sanctions.js';
import { computeAnnualFigures } from './commands/annual-report.js';
import type { AnnualReportAnswers } from './compliance.schema.js';

const DEMO_ANSWERS: AnnualReportAnswers = {
  partnerships: 'Partenariats avec la mission locale, France Travail et six entreprises du numérique qui accueillent nos apprenants en stage.',
  funding: 'Région : 45 000 € pour les places des demandeurs d’emploi ; OPCO Atlas : 12 000 € pour les contrats d’apprentissage.',
  difficulties: 'Recrutement de femmes encore insuffisant ; deux abandons pour raisons de santé et de logement.',
  improvements: 'Atelier de découverte réservé aux femmes avant chaque session ; référente handicap et logement nommée.',
  satisfaction: 'Questionnaire de fin de session : 8,3 sur 10 en moyenne ; les stages sont le point le plus apprécié.',
};

/** Seeds the demo annual reports and a procedure in its answer period; returns how many reports were created. */
export async function seedDemoCompliance(tx: Tx, now: Date): Promise<number> {
  await seedDemoSanction(tx, now);
  return seedDemoReports(tx, now);
}

/** A warning considered against the first active label, notified five days ago (answer period running). */
async function seedDemoSanction(tx: Tx, now: Date): Promise<void> {
  const [label] = await tx.select().from(labels).where(eq(labels.status, 'active')).orderBy(asc(labels.number)).limit(1);
  if (!label) return;
  const noticeOn = addDays(parisDay(now), -5);
  const p = await insertProcedure(tx, {
    labelId: label.id, organisationId: label.organisationId, measure: 'warning', noticeOn, answerDueOn: answerDueOn(noticeOn), createdAt: now, updatedAt: now,
    grounds: 'Attestation de démarrage de la session en cours non transmise dans le mois ; liste nominative des apprenants incomplète.',
  });
  await recordAudit(tx, SYSTEM, { action: 'sanction.noticed', objectType: 'sanction_procedure', objectId: p.id, after: { labelId: p.labelId, measure: p.measure, answerDueOn: p.answerDueOn }, meta: { demo: true } }, now);
}

async function seedDemoReports(tx: Tx, now: Date): Promise<number> {
  const rows = await tx.select({ obligation: obligations, rules: calls.rules }).from(obligations)
    .innerJoin(labels, eq(labels.id, obligations.labelId)).innerJoin(calls, eq(calls.id, labels.callId))
    .where(and(eq(obligations.kind, 'annual_report'), isNotNull(obligations.doneAt)))
    .orderBy(asc(labels.number), asc(obligations.year));
  if (!rows.length) return 0;
  const first = rows[0]!.obligation.labelId;
  const latestOfFirst = Math.max(...rows.filter((r) => r.obligation.labelId === first).map((r) => r.obligation.year!));
  for (const { obligation: o, rules } of rows) {
    const year = o.year!;
    const figures = await computeAnnualFigures(tx, o.labelId, year, rules);
    const submitted = o.labelId === first && year === latestOfFirst;
    const submittedAt = o.doneAt!;
    const report = await insertReport(tx, {
      labelId: o.labelId, organisationId: o.organisationId, year, status: submitted ? 'submitted' : 'accepted', answers: DEMO_ANSWERS,
      indicators: figures.rows, sessionCount: figures.sessions.length, submittedAt,
      reviewedAt: submitted ? null : new Date(submittedAt.getTime() + 7 * 86400_000), reviewMotivation: submitted ? null : 'Bilan complet ; indicateurs conformes aux déclarations.',
      createdAt: submittedAt, updatedAt: now,
    });
    await recordAudit(tx, SYSTEM, { action: 'annual_report.submitted', objectType: 'annual_report', objectId: report.id, after: { status: 'submitted', year, labelId: o.labelId }, meta: { demo: true } }, now);
    if (!submitted) await recordAudit(tx, SYSTEM, { action: 'annual_report.accepted', objectType: 'annual_report', objectId: report.id, before: { status: 'submitted' }, after: { status: 'accepted' }, meta: { demo: true, reason: 'Bilan complet ; indicateurs conformes aux déclarations.' } }, now);
  }
  return rows.length;
}
