/** Storage of learners, roster imports, CROUS offices, attendance breaches and surveys (the only file of the domain with queries). */
import { and, asc, eq, inArray, isNull, lt, sql, desc } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/index.js';
import { organisations } from '../organisations/organisations.schema.js';
import { labels } from '../labels/labels.schema.js';
import { calls } from '../calls/calls.schema.js';
import { trainingSessions } from '../sessions/index.js';
import { learners, learnerImports, crousOffices, attendanceBreaches, learnerSurveys } from './learners.schema.js';

export type LearnerRow = typeof learners.$inferSelect;
export type LearnerInsert = typeof learners.$inferInsert;
export type CrousOfficeRow = typeof crousOffices.$inferSelect;
export type BreachRow = typeof attendanceBreaches.$inferSelect;

/** A session with its label, its call's rules and its organisation's name. */
export async function sessionContext(db: DbOrTx, sessionId: string, o: { orgId?: string; lock?: boolean } = {}) {
  const where = o.orgId ? and(eq(trainingSessions.id, sessionId), eq(trainingSessions.organisationId, o.orgId)) : eq(trainingSessions.id, sessionId);
  const q = db.select({
    session: trainingSessions, labelId: labels.id, labelNumber: labels.number, trainingTitle: labels.trainingTitle, labelValidUntil: labels.validUntil,
    rules: calls.rules, organisationName: organisations.name,
  }).from(trainingSessions)
    .innerJoin(labels, eq(labels.id, trainingSessions.labelId))
    .innerJoin(calls, eq(calls.id, labels.callId))
    .innerJoin(organisations, eq(organisations.id, trainingSessions.organisationId))
    .where(where);
  const [row] = o.lock ? await q.for('update', { of: trainingSessions }) : await q;
  return row ?? null;
}
export type SessionContext = NonNullable<Awaited<ReturnType<typeof sessionContext>>>;

/** Learners of a session, by name. */
export async function learnersOfSession(db: DbOrTx, sessionId: string): Promise<LearnerRow[]> {
  return db.select().from(learners).where(eq(learners.sessionId, sessionId)).orderBy(asc(learners.lastName), asc(learners.firstName), asc(learners.createdAt));
}

/** One learner of a session (null when not of that session). */
export async function learnerOfSession(db: DbOrTx, sessionId: string, learnerId: string): Promise<LearnerRow | null> {
  const [row] = await db.select().from(learners).where(and(eq(learners.id, learnerId), eq(learners.sessionId, sessionId)));
  return row ?? null;
}

/** Inserts learners in chunks (an import may bring 5,000). */
export async function insertLearners(tx: DbOrTx, rows: LearnerInsert[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await tx.insert(learners).values(rows.slice(i, i + 500));
}

/** Changes a learner. */
export async function updateLearner(tx: DbOrTx, id: string, patch: Partial<LearnerInsert>, now: Date): Promise<LearnerRow | null> {
  const [row] = await tx.update(learners).set({ ...patch, updatedAt: now }).where(eq(learners.id, id)).returning();
  return row ?? null;
}

/** Removes a learner. */
export async function deleteLearner(tx: DbOrTx, id: string): Promise<void> {
  await tx.delete(learners).where(eq(learners.id, id));
}

/** Minimises the addresses of a session's learners (address → null; commune, results and versions kept). */
export async function minimiseSession(tx: DbOrTx, sessionId: string, now: Date): Promise<number> {
  const rows = await tx.update(learners).set({ address: null, minimisedAt: now, updatedAt: now })
    .where(and(eq(learners.sessionId, sessionId), isNull(learners.minimisedAt))).returning({ id: learners.id });
  return rows.length;
}

/** Sessions with personal data still present whose label ended before `endedBefore` (YYYY-MM-DD). */
export async function sessionsToPurge(db: DbOrTx, endedBefore: string) {
  return db.selectDistinct({ sessionId: learners.sessionId, labelId: trainingSessions.labelId, labelEnd: labels.validUntil })
    .from(learners).innerJoin(trainingSessions, eq(trainingSessions.id, learners.sessionId)).innerJoin(labels, eq(labels.id, trainingSessions.labelId))
    .where(and(isNull(learners.erasedAt), lt(labels.validUntil, endedBefore)));
}

/** Erases the personal fields of a session's learners (pseudonymous figures kept); the number erased. */
export async function eraseSession(tx: DbOrTx, sessionId: string, now: Date): Promise<number> {
  const rows = await tx.update(learners).set({
    lastName: null, firstName: null, birthDate: null, email: null, phone: null, address: null, overrideReason: null, leftReason: null,
    erasedAt: now, minimisedAt: sql`coalesce(${learners.minimisedAt}, ${now.toISOString()}::timestamptz)`, updatedAt: now,
  }).where(and(eq(learners.sessionId, sessionId), isNull(learners.erasedAt))).returning({ id: learners.id });
  await tx.update(learnerSurveys).set({ comment: null }).where(inArray(learnerSurveys.learnerId, sql`(select id from learners where session_id = ${sessionId})`));
  return rows.length;
}

/** Stores an uploaded roster file until its columns are mapped. */
export async function insertImport(tx: DbOrTx, v: typeof learnerImports.$inferInsert) {
  const [row] = await tx.insert(learnerImports).values(v).returning({ id: learnerImports.id });
  return row!.id;
}

/** An uploaded roster file of a session. */
export async function findImport(db: DbOrTx, sessionId: string, importId: string) {
  const [row] = await db.select().from(learnerImports).where(and(eq(learnerImports.id, importId), eq(learnerImports.sessionId, sessionId)));
  return row ?? null;
}

/** Deletes an uploaded file, and those older than a day. */
export async function deleteImport(tx: DbOrTx, id: string, now: Date): Promise<void> {
  await tx.delete(learnerImports).where(eq(learnerImports.id, id));
  await tx.delete(learnerImports).where(lt(learnerImports.createdAt, new Date(now.getTime() - 86_400_000)));
}

/** CROUS offices, by name. */
export async function listCrousOffices(db: DbOrTx): Promise<CrousOfficeRow[]> {
  return db.select().from(crousOffices).orderBy(asc(crousOffices.name));
}

/** One CROUS office. */
export async function findCrousOffice(db: DbOrTx, id: string): Promise<CrousOfficeRow | null> {
  const [row] = await db.select().from(crousOffices).where(eq(crousOffices.id, id));
  return row ?? null;
}

/** Adds a CROUS office or changes its address (by name). */
export async function upsertCrousOffice(tx: DbOrTx, name: string, email: string, now: Date): Promise<CrousOfficeRow> {
  const [row] = await tx.insert(crousOffices).values({ name, email, updatedAt: now })
    .onConflictDoUpdate({ target: crousOffices.name, set: { email, updatedAt: now } }).returning();
  return row!;
}

/** Records an attendance breach. */
export async function insertBreach(tx: DbOrTx, v: typeof attendanceBreaches.$inferInsert): Promise<BreachRow> {
  const [row] = await tx.insert(attendanceBreaches).values(v).returning();
  return row!;
}

/** Marks a breach's notice sent. */
export async function markNoticeSent(tx: DbOrTx, id: string, now: Date): Promise<void> {
  await tx.update(attendanceBreaches).set({ noticeSentAt: now }).where(eq(attendanceBreaches.id, id));
}

/** Breaches of a session with the CROUS office's name, newest first. */
export async function breachesOfSession(db: DbOrTx, sessionId: string) {
  return db.select({ breach: attendanceBreaches, crousName: crousOffices.name, crousEmail: crousOffices.email })
    .from(attendanceBreaches).innerJoin(crousOffices, eq(crousOffices.id, attendanceBreaches.crousOfficeId))
    .where(eq(attendanceBreaches.sessionId, sessionId)).orderBy(desc(attendanceBreaches.createdAt));
}

/** Creates a survey link (one per learner and wave): false when one was already sent. */
export async function insertSurvey(tx: DbOrTx, learnerId: string, wave: '3m' | '6m', tokenHash: string, now: Date): Promise<boolean> {
  const rows = await tx.insert(learnerSurveys).values({ learnerId, wave, tokenHash, sentAt: now }).onConflictDoNothing().returning({ id: learnerSurveys.id });
  return rows.length > 0;
}

/** A survey by its token's hash, with the learner's session. */
export async function surveyByTokenHash(db: DbOrTx, tokenHash: string) {
  const [row] = await db.select({ survey: learnerSurveys, sessionName: trainingSessions.name, trainingTitle: labels.trainingTitle, erasedAt: learners.erasedAt })
    .from(learnerSurveys).innerJoin(learners, eq(learners.id, learnerSurveys.learnerId))
    .innerJoin(trainingSessions, eq(trainingSessions.id, learners.sessionId)).innerJoin(labels, eq(labels.id, trainingSessions.labelId))
    .where(eq(learnerSurveys.tokenHash, tokenHash));
  return row ?? null;
}

/** Records a survey answer (once). */
export async function answerSurvey(tx: DbOrTx, id: string, v: { situation: LearnerRow['situation3m']; satisfaction: number; comment: string | null }, now: Date): Promise<boolean> {
  const rows = await tx.update(learnerSurveys).set({ ...v, answeredAt: now }).where(and(eq(learnerSurveys.id, id), isNull(learnerSurveys.answeredAt))).returning({ id: learnerSurveys.id });
  return rows.length > 0;
}

/** Surveys of a session's learners. */
export async function surveysOfSession(db: DbOrTx, sessionId: string) {
  return db.select({ survey: learnerSurveys }).from(learnerSurveys).innerJoin(learners, eq(learners.id, learnerSurveys.learnerId))
    .where(eq(learners.sessionId, sessionId));
}
