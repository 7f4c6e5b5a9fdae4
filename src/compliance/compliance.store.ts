/** Storage of the compliance domain (the only file of the domain with queries). */
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/index.js';
import { organisations, memberships } from '../organisations/organisations.schema.js';
import { users } from '../platform/auth/auth.schema.js';
import { labels } from '../labels/labels.schema.js';
import { calls } from '../calls/calls.schema.js';
import { learners } from '../learners/learners.schema.js';
import { trainingSessions, obligations } from '../sessions/index.js';
import type { LearnerFacts } from '../learners/indicators.js';
import { annualReports, sanctionProcedures } from './compliance.schema.js';

export type AnnualReportRow = typeof annualReports.$inferSelect;

/** A label with its call's rules and organisation name; restricted to `orgId` when given (else null). */
export async function labelWithCall(db: DbOrTx, labelId: string, orgId?: string) {
  const [row] = await db.select({ label: labels, rules: calls.rules, organisationName: organisations.name })
    .from(labels).innerJoin(calls, eq(calls.id, labels.callId)).innerJoin(organisations, eq(organisations.id, labels.organisationId))
    .where(orgId ? and(eq(labels.id, labelId), eq(labels.organisationId, orgId)) : eq(labels.id, labelId));
  return row ?? null;
}
export type LabelWithCall = NonNullable<Awaited<ReturnType<typeof labelWithCall>>>;

/** The annual-report obligations of an organisation, with their label and the report when one exists. */
export async function annualDutiesOfOrganisation(db: DbOrTx, orgId: string) {
  return db.select({ obligation: obligations, labelNumber: labels.number, trainingTitle: labels.trainingTitle, report: annualReports })
    .from(obligations).innerJoin(labels, eq(labels.id, obligations.labelId))
    .leftJoin(annualReports, and(eq(annualReports.labelId, obligations.labelId), eq(annualReports.year, obligations.year)))
    .where(and(eq(obligations.organisationId, orgId), eq(obligations.kind, 'annual_report')))
    .orderBy(desc(obligations.year), asc(labels.number));
}

/** The annual-report obligation of a label for a year (null when the label has nothing to report that year). */
export async function annualDuty(db: DbOrTx, labelId: string, year: number) {
  const [row] = await db.select().from(obligations)
    .where(and(eq(obligations.labelId, labelId), eq(obligations.kind, 'annual_report'), eq(obligations.year, year)));
  return row ?? null;
}

/** The report of a label for a year. */
export async function reportOf(db: DbOrTx, labelId: string, year: number, o: { lock?: boolean } = {}): Promise<AnnualReportRow | null> {
  const q = db.select().from(annualReports).where(and(eq(annualReports.labelId, labelId), eq(annualReports.year, year)));
  const [row] = o.lock ? await q.for('update') : await q;
  return row ?? null;
}

/** A report by id, locked for update when asked. */
export async function findReport(db: DbOrTx, id: string, o: { lock?: boolean } = {}): Promise<AnnualReportRow | null> {
  const q = db.select().from(annualReports).where(eq(annualReports.id, id));
  const [row] = o.lock ? await q.for('update') : await q;
  return row ?? null;
}

/** Inserts a report. */
export async function insertReport(tx: DbOrTx, v: typeof annualReports.$inferInsert): Promise<AnnualReportRow> {
  const [row] = await tx.insert(annualReports).values(v).returning();
  return row!;
}

/** Updates a report if it is still at `version` (null otherwise: someone changed it meanwhile). */
export async function updateReport(tx: DbOrTx, id: string, version: number, patch: Partial<typeof annualReports.$inferInsert>, now: Date): Promise<AnnualReportRow | null> {
  const [row] = await tx.update(annualReports).set({ ...patch, version: version + 1, updatedAt: now })
    .where(and(eq(annualReports.id, id), eq(annualReports.version, version))).returning();
  return row ?? null;
}

/** Reports for staff: every non-draft report with its label and organisation, those to examine first. */
export async function reportsForStaff(db: DbOrTx) {
  return db.select({ report: annualReports, labelNumber: labels.number, trainingTitle: labels.trainingTitle, organisationName: organisations.name })
    .from(annualReports).innerJoin(labels, eq(labels.id, annualReports.labelId)).innerJoin(organisations, eq(organisations.id, annualReports.organisationId))
    .where(sql`${annualReports.status} <> 'draft'`)
    .orderBy(sql`case ${annualReports.status} when 'submitted' then 0 else 1 end`, desc(annualReports.submittedAt));
}

/** Sessions of a label (what the annual report reads of them). */
export async function sessionsForReport(db: DbOrTx, labelId: string) {
  return db.select({
    id: trainingSessions.id, name: trainingSessions.name, status: trainingSessions.status, plannedStart: trainingSessions.plannedStart, plannedEnd: trainingSessions.plannedEnd,
    actualStart: trainingSessions.actualStart, actualEnd: trainingSessions.actualEnd,
  }).from(trainingSessions).where(eq(trainingSessions.labelId, labelId)).orderBy(asc(trainingSessions.plannedStart));
}

/** Pseudonymous facts of the learners of these sessions (what indicators read). */
export async function learnerFactsOfSessions(db: DbOrTx, sessionIds: string[]): Promise<LearnerFacts[]> {
  if (!sessionIds.length) return [];
  return db.select({
    sex: learners.sex, educationLevel: learners.educationLevel, placement: learners.placement, inQpv: learners.inQpv, inZrrFrr: learners.inZrrFrr,
    leftOn: learners.leftOn, completion: learners.completion, certification: learners.certification, situation3m: learners.situation3m, situation6m: learners.situation6m,
  }).from(learners).where(inArray(learners.sessionId, sessionIds));
}

export type SanctionRow = typeof sanctionProcedures.$inferSelect;

/** E-mail addresses of an organisation's admins (active accounts). */
export async function organisationAdminEmails(db: DbOrTx, organisationId: string): Promise<string[]> {
  const rows = await db.select({ email: users.email }).from(memberships).innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.role, 'admin'), isNull(users.disabledAt)));
  return rows.map((r) => r.email);
}

/** Inserts a procedure. */
export async function insertProcedure(tx: DbOrTx, v: typeof sanctionProcedures.$inferInsert): Promise<SanctionRow> {
  const [row] = await tx.insert(sanctionProcedures).values(v).returning();
  return row!;
}

/** A procedure by id (restricted to `orgId` when given), locked for update when asked. */
export async function findProcedure(db: DbOrTx, id: string, o: { orgId?: string; lock?: boolean } = {}): Promise<SanctionRow | null> {
  const q = db.select().from(sanctionProcedures).where(o.orgId ? and(eq(sanctionProcedures.id, id), eq(sanctionProcedures.organisationId, o.orgId)) : eq(sanctionProcedures.id, id));
  const [row] = o.lock ? await q.for('update') : await q;
  return row ?? null;
}

/** Updates a procedure if it is still at `version`. */
export async function updateProcedure(tx: DbOrTx, id: string, version: number, patch: Partial<typeof sanctionProcedures.$inferInsert>, now: Date): Promise<SanctionRow | null> {
  const [row] = await tx.update(sanctionProcedures).set({ ...patch, version: version + 1, updatedAt: now })
    .where(and(eq(sanctionProcedures.id, id), eq(sanctionProcedures.version, version))).returning();
  return row ?? null;
}

/** Procedures with their label and organisation, open ones first; of one organisation when given. */
export async function listProcedures(db: DbOrTx, orgId?: string) {
  return db.select({ procedure: sanctionProcedures, labelNumber: labels.number, trainingTitle: labels.trainingTitle, labelStatus: labels.status, organisationName: organisations.name })
    .from(sanctionProcedures).innerJoin(labels, eq(labels.id, sanctionProcedures.labelId)).innerJoin(organisations, eq(organisations.id, sanctionProcedures.organisationId))
    .where(orgId ? eq(sanctionProcedures.organisationId, orgId) : undefined)
    .orderBy(sql`case ${sanctionProcedures.status} when 'answered' then 0 when 'answer_period' then 1 else 2 end`, desc(sanctionProcedures.createdAt));
}

/** Labels a procedure may concern (active or suspended), for staff's choice. */
export async function sanctionableLabels(db: DbOrTx) {
  return db.select({ id: labels.id, number: labels.number, trainingTitle: labels.trainingTitle, organisationName: organisations.name })
    .from(labels).innerJoin(organisations, eq(organisations.id, labels.organisationId))
    .where(inArray(labels.status, ['active', 'suspended'])).orderBy(asc(labels.number));
}
