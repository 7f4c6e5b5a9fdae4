/** The only file with queries of seed grants. */
import { and, asc, desc, eq, inArray, isNotNull, notExists, gt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/index.js';
import { labels } from '../labels/labels.schema.js';
import { organisations } from '../organisations/organisations.schema.js';
import { calls } from '../calls/calls.schema.js';
import { committeeDecisions } from '../review/review.schema.js';
import { applicationSections } from '../applications/applications.schema.js';
import { trainingSessions } from '../sessions/sessions.schema.js';
import { grantTranches, grantClawbacks } from './grants.schema.js';

export type TrancheRow = typeof grantTranches.$inferSelect;
export type ClawbackRow = typeof grantClawbacks.$inferSelect;

/** A label as the grant pages and commands need it. */
export async function grantLabel(db: DbOrTx, labelId: string) {
  const [row] = await db.select({
    id: labels.id, number: labels.number, trainingTitle: labels.trainingTitle, status: labels.status, validFrom: labels.validFrom,
    organisationId: labels.organisationId, organisationName: organisations.name, postcode: organisations.postcode,
    applicationId: labels.applicationId, rules: calls.rules, seedGrant: committeeDecisions.seedGrant,
  }).from(labels).innerJoin(organisations, eq(organisations.id, labels.organisationId)).innerJoin(calls, eq(calls.id, labels.callId))
    .innerJoin(committeeDecisions, eq(committeeDecisions.id, labels.decisionId)).where(eq(labels.id, labelId));
  return row ?? null;
}
export type GrantLabel = NonNullable<Awaited<ReturnType<typeof grantLabel>>>;

/** The "Financement" answers of an application (sessions the grant covers). */
export async function fundingOf(db: DbOrTx, applicationId: string): Promise<Record<string, unknown>> {
  const [row] = await db.select({ data: applicationSections.data }).from(applicationSections)
    .where(and(eq(applicationSections.applicationId, applicationId), eq(applicationSections.sectionKey, 'funding')));
  return (row?.data as Record<string, unknown> | undefined) ?? {};
}

/** Ids of followed labels (active or suspended) with a seed grant and no tranche yet. */
export async function labelsWithoutTranches(db: DbOrTx): Promise<string[]> {
  const rows = await db.select({ id: labels.id }).from(labels).innerJoin(committeeDecisions, eq(committeeDecisions.id, labels.decisionId))
    .where(and(inArray(labels.status, ['active', 'suspended']), isNotNull(labels.validFrom), gt(committeeDecisions.seedGrant, 0),
      notExists(db.select({ x: sql`1` }).from(grantTranches).where(eq(grantTranches.labelId, labels.id)))));
  return rows.map((r) => r.id);
}

/** Inserts tranches, skipping those that exist (same label, session rank and position); the inserted rows. */
export async function insertTranches(tx: DbOrTx, rows: (typeof grantTranches.$inferInsert)[]): Promise<TrancheRow[]> {
  if (rows.length === 0) return [];
  return tx.insert(grantTranches).values(rows).onConflictDoNothing({ target: [grantTranches.labelId, grantTranches.sessionRank, grantTranches.position] }).returning();
}

/** The tranches of a label, by session then position. */
export async function tranchesOfLabel(db: DbOrTx, labelId: string, o: { lock?: boolean } = {}): Promise<TrancheRow[]> {
  const q = db.select().from(grantTranches).where(eq(grantTranches.labelId, labelId)).orderBy(asc(grantTranches.sessionRank), asc(grantTranches.position));
  return o.lock ? q.for('update') : q;
}

/** The clawbacks of a label, oldest first. */
export async function clawbacksOfLabel(db: DbOrTx, labelId: string): Promise<ClawbackRow[]> {
  return db.select().from(grantClawbacks).where(eq(grantClawbacks.labelId, labelId)).orderBy(asc(grantClawbacks.decidedOn), asc(grantClawbacks.createdAt));
}

/** One tranche (locked for update when asked). */
export async function findTranche(db: DbOrTx, id: string, o: { lock?: boolean } = {}): Promise<TrancheRow | null> {
  const q = db.select().from(grantTranches).where(eq(grantTranches.id, id));
  const [row] = o.lock ? await q.for('update') : await q;
  return row ?? null;
}

/** Changes a tranche still at `version`; null when it changed meanwhile. */
export async function updateTranche(tx: DbOrTx, id: string, version: number, patch: Partial<typeof grantTranches.$inferInsert>, now: Date): Promise<TrancheRow | null> {
  const [row] = await tx.update(grantTranches).set({ ...patch, version: version + 1, updatedAt: now })
    .where(and(eq(grantTranches.id, id), eq(grantTranches.version, version))).returning();
  return row ?? null;
}

/** Inserts a clawback. */
export async function insertClawback(tx: DbOrTx, v: typeof grantClawbacks.$inferInsert): Promise<ClawbackRow> {
  const [row] = await tx.insert(grantClawbacks).values(v).returning();
  return row!;
}

/** Planned tranches (of one label, or all), whose condition may have been met since. */
export async function plannedTranches(db: DbOrTx, labelId?: string): Promise<TrancheRow[]> {
  const cond = labelId ? and(eq(grantTranches.state, 'planned'), eq(grantTranches.labelId, labelId)) : eq(grantTranches.state, 'planned');
  return db.select().from(grantTranches).where(cond);
}

/** Not-yet-paid tranches of a label (planned or payable), locked. */
export async function unpaidTranches(tx: DbOrTx, labelId: string): Promise<TrancheRow[]> {
  return tx.select().from(grantTranches).where(and(eq(grantTranches.labelId, labelId), inArray(grantTranches.state, ['planned', 'payable'])))
    .orderBy(asc(grantTranches.sessionRank), asc(grantTranches.position)).for('update');
}

/** Sessions of labels (what the conditions read), with their place's région. */
export async function sessionsOfLabels(db: DbOrTx, labelIds: string[]) {
  if (labelIds.length === 0) return [];
  return db.select({
    id: trainingSessions.id, labelId: trainingSessions.labelId, name: trainingSessions.name, status: trainingSessions.status,
    plannedStart: trainingSessions.plannedStart, actualStart: trainingSessions.actualStart, startAttestedAt: trainingSessions.startAttestedAt,
    endReportedAt: trainingSessions.endReportedAt, region: sql<string | null>`${trainingSessions.place}->>'region'`,
  }).from(trainingSessions).where(inArray(trainingSessions.labelId, labelIds));
}

/** Every tranche with its label and organisation (staff list). */
export async function allTranches(db: DbOrTx) {
  return db.select({
    tranche: grantTranches, labelNumber: labels.number, trainingTitle: labels.trainingTitle, labelStatus: labels.status,
    organisationName: organisations.name, postcode: organisations.postcode,
  }).from(grantTranches).innerJoin(labels, eq(labels.id, grantTranches.labelId)).innerJoin(organisations, eq(organisations.id, grantTranches.organisationId))
    .orderBy(desc(labels.number), asc(grantTranches.sessionRank), asc(grantTranches.position));
}

/** Every clawback (staff totals). */
export async function allClawbacks(db: DbOrTx): Promise<ClawbackRow[]> {
  return db.select().from(grantClawbacks);
}
