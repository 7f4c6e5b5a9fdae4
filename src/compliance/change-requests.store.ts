/** Storage of change requests and training versions (the only file of this part with queries). */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/index.js';
import { organisations } from '../organisations/organisations.schema.js';
import { labels } from '../labels/labels.schema.js';
import { applicationSections } from '../applications/applications.schema.js';
import { changeRequestFiles, changeRequests, trainingVersions } from './change-requests.schema.js';

export type ChangeRequestRow = typeof changeRequests.$inferSelect;
export type TrainingVersionRow = typeof trainingVersions.$inferSelect;
export interface ChangeRequestItem { request: ChangeRequestRow; labelNumber: string; trainingTitle: string; organisationName: string }

const itemColumns = { request: changeRequests, labelNumber: labels.number, trainingTitle: labels.trainingTitle, organisationName: organisations.name };

/** Requests with their label, of one organisation or all (pending first). */
export async function listChangeRequests(db: DbOrTx, orgId?: string): Promise<ChangeRequestItem[]> {
  return db.select(itemColumns).from(changeRequests).innerJoin(labels, eq(labels.id, changeRequests.labelId)).innerJoin(organisations, eq(organisations.id, changeRequests.organisationId))
    .where(orgId ? eq(changeRequests.organisationId, orgId) : undefined)
    .orderBy(sql`case ${changeRequests.status} when 'pending' then 0 else 1 end`, desc(changeRequests.createdAt));
}

/** One request with its label, restricted to an organisation when given. */
export async function findChangeRequestItem(db: DbOrTx, id: string, orgId?: string): Promise<ChangeRequestItem | null> {
  const [row] = await db.select(itemColumns).from(changeRequests).innerJoin(labels, eq(labels.id, changeRequests.labelId)).innerJoin(organisations, eq(organisations.id, changeRequests.organisationId))
    .where(orgId ? and(eq(changeRequests.id, id), eq(changeRequests.organisationId, orgId)) : eq(changeRequests.id, id));
  return row ?? null;
}

/** A request locked for update. */
export async function lockChangeRequest(tx: DbOrTx, id: string): Promise<ChangeRequestRow | null> {
  const [row] = await tx.select().from(changeRequests).where(eq(changeRequests.id, id)).for('update');
  return row ?? null;
}

export async function insertChangeRequest(tx: DbOrTx, v: typeof changeRequests.$inferInsert): Promise<ChangeRequestRow> {
  const [row] = await tx.insert(changeRequests).values(v).returning();
  return row!;
}

/** Updates a request still at `version` (null otherwise). */
export async function updateChangeRequest(tx: DbOrTx, id: string, version: number, patch: Partial<typeof changeRequests.$inferInsert>, now: Date): Promise<ChangeRequestRow | null> {
  const [row] = await tx.update(changeRequests).set({ ...patch, version: version + 1, updatedAt: now })
    .where(and(eq(changeRequests.id, id), eq(changeRequests.version, version))).returning();
  return row ?? null;
}

/** The active labels of an organisation (those a change may be asked for). */
export async function activeLabelsOf(db: DbOrTx, orgId: string) {
  return db.select({ id: labels.id, number: labels.number, trainingTitle: labels.trainingTitle, applicationId: labels.applicationId })
    .from(labels).where(and(eq(labels.organisationId, orgId), eq(labels.status, 'active'))).orderBy(asc(labels.number));
}

/** The label (of this organisation) if it is active. */
export async function activeLabel(db: DbOrTx, labelId: string, orgId: string) {
  return (await activeLabelsOf(db, orgId)).find((l) => l.id === labelId) ?? null;
}

/** The sections of an application (the training record's first version). */
export async function sectionsOfApplication(db: DbOrTx, applicationId: string) {
  return db.select({ sectionKey: applicationSections.sectionKey, data: applicationSections.data }).from(applicationSections).where(eq(applicationSections.applicationId, applicationId));
}

/** Versions of a label's training record, oldest first. */
export async function versionsOf(db: DbOrTx, labelId: string): Promise<TrainingVersionRow[]> {
  return db.select().from(trainingVersions).where(eq(trainingVersions.labelId, labelId)).orderBy(asc(trainingVersions.versionNumber));
}

export async function insertVersion(tx: DbOrTx, v: typeof trainingVersions.$inferInsert): Promise<TrainingVersionRow> {
  const [row] = await tx.insert(trainingVersions).values(v).returning();
  return row!;
}

export type ChangeRequestFileRow = typeof changeRequestFiles.$inferSelect;

/** Records the attachments of a request. */
export async function insertChangeRequestFiles(tx: DbOrTx, rows: (typeof changeRequestFiles.$inferInsert)[]): Promise<void> {
  if (rows.length) await tx.insert(changeRequestFiles).values(rows);
}

/** The attachments of a request. */
export async function filesOfChangeRequest(db: DbOrTx, requestId: string): Promise<ChangeRequestFileRow[]> {
  return db.select().from(changeRequestFiles).where(eq(changeRequestFiles.changeRequestId, requestId)).orderBy(asc(changeRequestFiles.createdAt), asc(changeRequestFiles.fileName));
}

/** One attachment of a request. */
export async function findChangeRequestFile(db: DbOrTx, requestId: string, fileId: string): Promise<ChangeRequestFileRow | null> {
  const [row] = await db.select().from(changeRequestFiles).where(and(eq(changeRequestFiles.changeRequestId, requestId), eq(changeRequestFiles.id, fileId)));
  return row ?? null;
}
