/** Queries of labels. */
import { and, desc, eq, inArray, isNull, lt, lte, gte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/index.js';
import { users, staffRoles } from '../platform/auth/auth.schema.js';
import { organisations, memberships } from '../organisations/organisations.schema.js';
import { calls } from '../calls/calls.schema.js';
import { committeeDecisions } from '../review/index.js';
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

/** One label with its organisation and call, as the label pages show it. */
export async function findLabel(db: DbOrTx, id: string, o: { lock?: boolean } = {}) {
  const q = db.select({ label: labels, organisationName: organisations.name, callTitle: calls.title, rules: calls.rules, timezone: calls.timezone, decidedAt: committeeDecisions.decidedAt, seedGrant: committeeDecisions.seedGrant })
    .from(labels).innerJoin(organisations, eq(organisations.id, labels.organisationId)).innerJoin(calls, eq(calls.id, labels.callId))
    .innerJoin(committeeDecisions, eq(committeeDecisions.id, labels.decisionId))
    .where(eq(labels.id, id));
  const [row] = o.lock ? await q.for('update', { of: labels }) : await q;
  return row ?? null;
}

/** A found label. */
export type FoundLabel = NonNullable<Awaited<ReturnType<typeof findLabel>>>;

/** The labels of one organisation, newest first. */
export async function listOrganisationLabels(db: DbOrTx, organisationId: string): Promise<LabelRow[]> {
  return db.select().from(labels).where(eq(labels.organisationId, organisationId)).orderBy(desc(labels.createdAt));
}

/** Changes a label if it is still at `version`; the new row, or null when it changed meanwhile. */
export async function updateLabel(tx: DbOrTx, id: string, version: number, patch: Partial<typeof labels.$inferInsert>): Promise<LabelRow | null> {
  const [row] = await tx.update(labels).set({ ...patch, version: version + 1 }).where(and(eq(labels.id, id), eq(labels.version, version))).returning();
  return row ?? null;
}

/** Active or suspended labels whose last valid day is before `today`. */
export async function labelsPastTheirEnd(db: DbOrTx, today: string): Promise<LabelRow[]> {
  return db.select().from(labels).where(and(inArray(labels.status, ['active', 'suspended']), lt(labels.validUntil, today)));
}

/** Active labels ending between `today` and `until` whose renewal invitation has not gone yet. */
export async function labelsToInviteForRenewal(db: DbOrTx, today: string, until: string): Promise<LabelRow[]> {
  return db.select().from(labels).where(and(eq(labels.status, 'active'), isNull(labels.renewalInvitedAt), gte(labels.validUntil, today), lte(labels.validUntil, until)));
}

/** Marks the renewal invitation as sent; false when another run did it first. */
export async function markRenewalInvited(tx: DbOrTx, id: string, now: Date): Promise<boolean> {
  const rows = await tx.update(labels).set({ renewalInvitedAt: now }).where(and(eq(labels.id, id), isNull(labels.renewalInvitedAt))).returning({ id: labels.id });
  return rows.length > 0;
}

/** Email addresses of an organisation's admins (who sign and receive label notices). */
export async function organisationAdminEmails(db: DbOrTx, organisationId: string): Promise<string[]> {
  const rows = await db.select({ email: users.email }).from(memberships).innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.role, 'admin'), isNull(users.disabledAt)));
  return rows.map((r) => r.email);
}

/** Email addresses of active staff holding one of these roles (e.g. those who countersign conventions), without duplicates. */
export async function staffEmailsWithRoles(db: DbOrTx, roles: readonly (typeof staffRoles.$inferSelect)['role'][]): Promise<string[]> {
  if (roles.length === 0) return [];
  const rows = await db.selectDistinct({ email: users.email }).from(staffRoles).innerJoin(users, eq(users.id, staffRoles.userId))
    .where(and(inArray(staffRoles.role, [...roles]), isNull(users.disabledAt))).orderBy(users.email);
  return rows.map((r) => r.email);
}
