/** Every query of the applications domain. Reads are scoped to the organisation in the URL. */
import { and, asc, desc, eq, gt, lt, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/index.js';
import { applications, applicationSections, applicationFiles, applicationSubmissions, receiptCounters, applicationPendingSaves, rncpCertifications, rncpImports } from './applications.schema.js';
import { correctionRequests, admissibilityVerdicts } from '../review/review.schema.js';
import { labels } from '../labels/labels.schema.js';
import { calls, callCutoffs } from '../calls/calls.schema.js';
import { organisations } from '../organisations/organisations.schema.js';
import { users } from '../platform/auth/auth.schema.js';
import type { ApplicationState } from './application.states.js';

/** An application row. */
export type ApplicationRow = typeof applications.$inferSelect;
/** A section row. */
export type SectionRow = typeof applicationSections.$inferSelect;
/** A document row. */
export type FileRow = typeof applicationFiles.$inferSelect;

/** The applications of an organisation, newest first, with their call and cut-off. */
export async function listApplications(db: DbOrTx, organisationId: string) {
  return db.select({
    id: applications.id, trainingTitle: applications.trainingTitle, state: applications.state,
    submittedAt: applications.submittedAt, receiptNumber: applications.receiptNumber, updatedAt: applications.updatedAt,
    callTitle: calls.title, cutoffLabel: callCutoffs.label,
  }).from(applications)
    .innerJoin(calls, eq(calls.id, applications.callId))
    .leftJoin(callCutoffs, eq(callCutoffs.id, applications.cutoffId))
    .where(eq(applications.organisationId, organisationId))
    .orderBy(desc(applications.createdAt));
}

/** One application of this organisation; null when absent or someone else's. */
export async function findApplication(db: DbOrTx, organisationId: string, id: string, o: { lock?: boolean } = {}) {
  const q = db.select().from(applications).where(and(eq(applications.id, id), eq(applications.organisationId, organisationId)));
  const [row] = o.lock ? await q.for('update') : await q;
  return row ?? null;
}

/** Inserts a draft application. */
export async function insertApplication(tx: DbOrTx, v: { organisationId: string; callId: string; trainingTitle: string; createdBy: string; now: Date }) {
  const [row] = await tx.insert(applications).values({
    organisationId: v.organisationId, callId: v.callId, trainingTitle: v.trainingTitle, createdBy: v.createdBy, createdAt: v.now, updatedAt: v.now,
  }).returning();
  return row!;
}

/** Live applications of the organisation for a training with this title (case-insensitive), except one. */
export async function sameTrainingApplications(db: DbOrTx, organisationId: string, title: string, exceptId: string | null) {
  const rows = await db.select({ id: applications.id, callId: applications.callId, state: applications.state, callTitle: calls.title })
    .from(applications).innerJoin(calls, eq(calls.id, applications.callId))
    .where(and(eq(applications.organisationId, organisationId), sql`lower(${applications.trainingTitle}) = lower(${title.trim()})`, ne(applications.state, 'withdrawn')));
  return rows.filter((r) => r.id !== exceptId);
}

/** The sections of an application, with the name of whoever saved each last. */
export async function listSections(db: DbOrTx, applicationId: string) {
  return db.select({ section: applicationSections, updatedByName: users.fullName })
    .from(applicationSections).leftJoin(users, eq(users.id, applicationSections.updatedBy))
    .where(eq(applicationSections.applicationId, applicationId));
}

/** Writes a section if its version is still `expected` (0: not saved yet); null on a version conflict. */
export async function writeSection(tx: DbOrTx, v: { applicationId: string; key: string; expected: number; values: Record<string, string>; data: Record<string, unknown>; completed: boolean; userId: string; now: Date }) {
  if (v.expected === 0) {
    const rows = await tx.insert(applicationSections).values({
      applicationId: v.applicationId, sectionKey: v.key, values: v.values, data: v.data, completed: v.completed, version: 1, updatedBy: v.userId, updatedAt: v.now,
    }).onConflictDoNothing().returning();
    return rows[0] ?? null;
  }
  const rows = await tx.update(applicationSections).set({
    values: v.values, data: v.data, completed: v.completed, version: sql`${applicationSections.version} + 1`, updatedBy: v.userId, updatedAt: v.now,
  }).where(and(eq(applicationSections.applicationId, v.applicationId), eq(applicationSections.sectionKey, v.key), eq(applicationSections.version, v.expected))).returning();
  return rows[0] ?? null;
}

/** The supporting documents of an application, oldest first. */
export async function listFiles(db: DbOrTx, applicationId: string) {
  return db.select().from(applicationFiles).where(eq(applicationFiles.applicationId, applicationId)).orderBy(asc(applicationFiles.uploadedAt));
}

/** One document of this application; null when absent. */
export async function findFile(db: DbOrTx, applicationId: string, fileId: string) {
  const [row] = await db.select().from(applicationFiles).where(and(eq(applicationFiles.id, fileId), eq(applicationFiles.applicationId, applicationId)));
  return row ?? null;
}

/** Records an uploaded document. */
export async function insertFile(tx: DbOrTx, v: typeof applicationFiles.$inferInsert) {
  const [row] = await tx.insert(applicationFiles).values(v).returning();
  return row!;
}

/** Deletes a document row. */
export async function deleteFile(tx: DbOrTx, fileId: string): Promise<void> {
  await tx.delete(applicationFiles).where(eq(applicationFiles.id, fileId));
}

/** The organisation of an application, as the pre-check and the Organisme section read it. */
export async function findOrganisation(db: DbOrTx, id: string) {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
  return row ?? null;
}

/** Next receipt sequence for a year, atomically (one counter row per year). */
export async function nextReceiptSequence(tx: DbOrTx, year: number): Promise<number> {
  const [row] = await tx.insert(receiptCounters).values({ year, last: 1 })
    .onConflictDoUpdate({ target: receiptCounters.year, set: { last: sql`${receiptCounters.last} + 1` } })
    .returning({ last: receiptCounters.last });
  return row!.last;
}

/** Number of submissions of an application so far. */
export async function countSubmissions(tx: DbOrTx, applicationId: string): Promise<number> {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(applicationSubmissions).where(eq(applicationSubmissions.applicationId, applicationId));
  return row?.n ?? 0;
}

/** Records one submission; the unique (application, sequence) makes a double submit fail here. */
export async function insertSubmission(tx: DbOrTx, v: typeof applicationSubmissions.$inferInsert) {
  const [row] = await tx.insert(applicationSubmissions).values(v).returning();
  return row!;
}

/** Moves an application to a new state, if its version is still `expected`; null otherwise. */
export async function updateApplicationState(tx: DbOrTx, id: string, expected: number, set: { state: ApplicationState; now: Date } & Partial<Pick<ApplicationRow, 'cutoffId' | 'submittedAt' | 'submittedBy' | 'receiptNumber' | 'withdrawnAt' | 'withdrawalReason'>>) {
  const { now, ...rest } = set;
  const rows = await tx.update(applications).set({ ...rest, updatedAt: now, version: sql`${applications.version} + 1` })
    .where(and(eq(applications.id, id), eq(applications.version, expected))).returning();
  return rows[0] ?? null;
}

/** Touches an application's last change date. */
export async function touchApplication(tx: DbOrTx, id: string, now: Date): Promise<void> {
  await tx.update(applications).set({ updatedAt: now }).where(eq(applications.id, id));
}

/** One cut-off by id. */
export async function findCutoff(db: DbOrTx, id: string) {
  const [row] = await db.select().from(callCutoffs).where(eq(callCutoffs.id, id));
  return row ?? null;
}

/** Sets the application a renewal was copied from. */
export async function setRenewedFrom(tx: DbOrTx, id: string, fromId: string): Promise<void> {
  await tx.update(applications).set({ renewedFromId: fromId }).where(eq(applications.id, id));
}

/** Copies every section's typed values of one application into another (a new draft). */
export async function copySections(tx: DbOrTx, fromId: string, toId: string, userId: string, now: Date): Promise<number> {
  const rows = await tx.select().from(applicationSections).where(eq(applicationSections.applicationId, fromId));
  if (rows.length === 0) return 0;
  await tx.insert(applicationSections).values(rows.map((r) => ({
    applicationId: toId, sectionKey: r.sectionKey, values: r.values, data: r.data, completed: r.completed, version: 1, updatedBy: userId, updatedAt: now,
  })));
  return rows.length;
}

/** The submissions of an application, first first, with the submitter's name and the cut-off's label. */
export async function listSubmissions(db: DbOrTx, applicationId: string) {
  return db.select({ submission: applicationSubmissions, submittedByName: users.fullName, cutoffLabel: callCutoffs.label, cutoffClosesAt: callCutoffs.closesAt })
    .from(applicationSubmissions)
    .innerJoin(callCutoffs, eq(callCutoffs.id, applicationSubmissions.cutoffId))
    .leftJoin(users, eq(users.id, applicationSubmissions.submittedBy))
    .where(eq(applicationSubmissions.applicationId, applicationId)).orderBy(asc(applicationSubmissions.sequence));
}

/** The latest correction request of an application, if any (written by the review). */
export async function latestCorrection(db: DbOrTx, applicationId: string) {
  const [row] = await db.select().from(correctionRequests).where(eq(correctionRequests.applicationId, applicationId)).orderBy(desc(correctionRequests.requestedAt)).limit(1);
  return row ?? null;
}

/** The labels of an organisation (R8: not already labelled), with the certification code of their application. */
export async function organisationLabels(db: DbOrTx, organisationId: string) {
  return db.select({ id: labels.id, number: labels.number, applicationId: labels.applicationId, trainingTitle: labels.trainingTitle, status: labels.status, validFrom: labels.validFrom, validUntil: labels.validUntil, training: applicationSections.data })
    .from(labels)
    .leftJoin(applicationSections, and(eq(applicationSections.applicationId, labels.applicationId), eq(applicationSections.sectionKey, 'training')))
    .where(eq(labels.organisationId, organisationId));
}

/** Keeps values posted after the session expired, under a random token. */
export async function insertPendingSave(tx: DbOrTx, v: typeof applicationPendingSaves.$inferInsert): Promise<void> {
  await tx.delete(applicationPendingSaves).where(lt(applicationPendingSaves.expiresAt, v.createdAt));
  await tx.insert(applicationPendingSaves).values(v);
}

/** The values kept under a token for this application's section, if not expired. */
export async function findPendingSave(db: DbOrTx, token: string, applicationId: string, sectionKey: string, now: Date) {
  const [row] = await db.select().from(applicationPendingSaves).where(and(
    eq(applicationPendingSaves.token, token), eq(applicationPendingSaves.applicationId, applicationId),
    eq(applicationPendingSaves.sectionKey, sectionKey), gt(applicationPendingSaves.expiresAt, now)));
  return row ?? null;
}

/** Forgets kept values. */
export async function deletePendingSave(db: DbOrTx, token: string): Promise<void> {
  await db.delete(applicationPendingSaves).where(eq(applicationPendingSaves.token, token));
}

/** Whether an RNCP table was imported, and when. */
export async function lastRncpImport(db: DbOrTx) {
  const [row] = await db.select().from(rncpImports).orderBy(desc(rncpImports.importedAt)).limit(1);
  return row ?? null;
}

/** One RNCP certification by code. */
export async function findRncp(db: DbOrTx, code: string) {
  const [row] = await db.select().from(rncpCertifications).where(eq(rncpCertifications.code, code));
  return row ?? null;
}

/** Replaces the whole RNCP table (inside the caller's transaction: all or nothing). */
export async function replaceRncp(tx: DbOrTx, rows: (typeof rncpCertifications.$inferInsert)[], source: string, now: Date): Promise<void> {
  await tx.delete(rncpCertifications);
  for (let i = 0; i < rows.length; i += 1000) await tx.insert(rncpCertifications).values(rows.slice(i, i + 1000));
  await tx.insert(rncpImports).values({ source, rows: rows.length, importedAt: now });
}


/** Criteria a reviewer judged not met (shown to the applicant with an inadmissibility decision). */
export async function unmetVerdicts(db: DbOrTx, applicationId: string) {
  return db.select({ code: admissibilityVerdicts.criterionCode, comment: admissibilityVerdicts.comment })
    .from(admissibilityVerdicts).where(and(eq(admissibilityVerdicts.applicationId, applicationId), eq(admissibilityVerdicts.verdict, 'not_met')))
    .orderBy(asc(admissibilityVerdicts.criterionCode));
}
