/** Queries of labels. */
import { desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/index.js';
import { organisations } from '../organisations/organisations.schema.js';
import { labels, labelCounters } from './labels.schema.js';

/** A label row. */
export type LabelRow = typeof labels.$inferSelect;

/** Next label sequence of a year, atomically. */
export async function nextLabelSequence(tx: DbOrTx, year: number): Promise<number> {
  const [row] = await tx.insert(labelCounters).values({ year, last: 1 })
    .onConflictDoUpdate({ target: labelCounters.year, set: { last: sql`${labelCounters.last} + 1` } })
    .returning({ last: labelCounters.last });
  return row!.last;
}

/** Inserts a label. */
export async function insertLabel(tx: DbOrTx, v: typeof labels.$inferInsert): Promise<LabelRow> {
  const [row] = await tx.insert(labels).values(v).returning();
  return row!;
}

/** The label of an application, if any. */
export async function labelOfApplication(db: DbOrTx, applicationId: string): Promise<LabelRow | null> {
  const [row] = await db.select().from(labels).where(eq(labels.applicationId, applicationId));
  return row ?? null;
}

/** Every label, newest first, with its organisation's name. */
export async function listLabels(db: DbOrTx) {
  return db.select({ label: labels, organisationName: organisations.name }).from(labels)
    .innerJoin(organisations, eq(organisations.id, labels.organisationId)).orderBy(desc(labels.createdAt));
}
