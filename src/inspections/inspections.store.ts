/** The only file that queries inspections, their files, and what they need of labels and organisations. */
import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/index.js';
import { users } from '../platform/auth/auth.schema.js';
import { organisations, memberships } from '../organisations/organisations.schema.js';
import { labels } from '../labels/labels.schema.js';
import { inspections, inspectionFiles } from './inspections.schema.js';
import { INSPECTABLE_LABEL_STATUSES, type InspectionStatus } from './inspection.js';

/** An inspection row. */
export type InspectionRow = typeof inspections.$inferSelect;
/** A file row. */
export type InspectionFileRow = typeof inspectionFiles.$inferSelect;

/** What pages show of the label inspected. */
export interface LabelInfo { id: string; number: string; trainingTitle: string; status: string; organisationId: string; organisationName: string }

const labelCols = {
  id: labels.id, number: labels.number, trainingTitle: labels.trainingTitle, status: labels.status,
  organisationId: labels.organisationId, organisationName: organisations.name,
};

/** One label with its organisation's name, or null. */
export async function labelInfo(db: DbOrTx, labelId: string): Promise<LabelInfo | null> {
  const [row] = await db.select(labelCols).from(labels).innerJoin(organisations, eq(organisations.id, labels.organisationId)).where(eq(labels.id, labelId));
  return row ?? null;
}

/** Labels that may be inspected, by number. */
export async function inspectableLabels(db: DbOrTx): Promise<LabelInfo[]> {
  return db.select(labelCols).from(labels).innerJoin(organisations, eq(organisations.id, labels.organisationId))
    .where(inArray(labels.status, [...INSPECTABLE_LABEL_STATUSES])).orderBy(asc(labels.number));
}

/** Inserts an inspection. */
export async function insertInspection(tx: DbOrTx, v: typeof inspections.$inferInsert): Promise<InspectionRow> {
  const [row] = await tx.insert(inspections).values(v).returning();
  return row!;
}

/** An inspection by id, optionally locked. */
export async function findInspection(db: DbOrTx, id: string, o: { lock?: boolean } = {}): Promise<InspectionRow | null> {
  const q = db.select().from(inspections).where(eq(inspections.id, id));
  const [row] = o.lock ? await q.for('update') : await q;
  return row ?? null;
}

/** Updates if the version still matches; bumps it. Null when someone changed it meanwhile. */
export async function updateInspection(tx: DbOrTx, id: string, version: number, patch: Partial<typeof inspections.$inferInsert>, now: Date): Promise<InspectionRow | null> {
  const [row] = await tx.update(inspections).set({ ...patch, version: version + 1, updatedAt: now })
    .where(and(eq(inspections.id, id), eq(inspections.version, version))).returning();
  return row ?? null;
}

/** Filters of the staff list. */
export interface InspectionFilter { status?: InspectionStatus; labelId?: string; organisationId?: string; ticketId?: string }

/** Inspections with their label, soonest planned first, then newest reports. */
export async function listInspections(db: DbOrTx, f: InspectionFilter, limit = 200) {
  const where: SQL[] = [];
  if (f.status) where.push(eq(inspections.status, f.status));
  if (f.labelId) where.push(eq(inspections.labelId, f.labelId));
  if (f.organisationId) where.push(eq(inspections.organisationId, f.organisationId));
  if (f.ticketId) where.push(eq(inspections.ticketId, f.ticketId));
  const rows = await db.select({ i: inspections, label: labelCols }).from(inspections)
    .innerJoin(labels, eq(labels.id, inspections.labelId)).innerJoin(organisations, eq(organisations.id, labels.organisationId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(sql`case ${inspections.status} when 'planned' then 0 else 1 end`, sql`case when ${inspections.status} = 'planned' then ${inspections.plannedOn} end asc`, desc(inspections.plannedOn))
    .limit(limit);
  return rows.map((r) => ({ ...r.i, label: r.label }));
}

/** Inserts a checked document. */
export async function insertInspectionFile(tx: DbOrTx, v: typeof inspectionFiles.$inferInsert): Promise<void> {
  await tx.insert(inspectionFiles).values(v);
}

/** Documents of an inspection. */
export async function filesOf(db: DbOrTx, inspectionId: string): Promise<InspectionFileRow[]> {
  return db.select().from(inspectionFiles).where(eq(inspectionFiles.inspectionId, inspectionId)).orderBy(asc(inspectionFiles.createdAt));
}

/** One document of an inspection. */
export async function findInspectionFile(db: DbOrTx, inspectionId: string, id: string): Promise<InspectionFileRow | null> {
  const [row] = await db.select().from(inspectionFiles).where(and(eq(inspectionFiles.inspectionId, inspectionId), eq(inspectionFiles.id, id)));
  return row ?? null;
}

/** Addresses of the active admins of an organisation (they are told of inspections). */
export async function organisationAdminEmails(db: DbOrTx, organisationId: string): Promise<string[]> {
  const rows = await db.select({ email: users.email }).from(memberships).innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.role, 'admin'), isNull(users.disabledAt)));
  return rows.map((r) => r.email);
}

/** Ids of an organisation's labels. */
export async function labelIdsOfOrganisation(db: DbOrTx, organisationId: string): Promise<string[]> {
  const rows = await db.select({ id: labels.id }).from(labels).where(eq(labels.organisationId, organisationId));
  return rows.map((r) => r.id);
}
