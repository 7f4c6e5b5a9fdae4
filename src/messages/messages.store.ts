/** Queries of the application messages: threads, attachments, read markers, unread counts, recipients. */
import { and, asc, eq, gt, inArray, isNull, ne, notInArray, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/index.js';
import { users } from '../platform/auth/auth.schema.js';
import { applications } from '../applications/applications.schema.js';
import { organisations, memberships } from '../organisations/organisations.schema.js';
import { reviewAssignments, conflictDeclarations } from '../review/review.schema.js';
import { findReview } from '../review/review.store.js';
import { groupReviewers } from '../review/staffing.store.js';
import { applicationMessages, applicationMessageFiles, applicationMessageReads } from './messages.schema.js';
import type { MessageSide } from './messages.js';

/** A message row. */
export type MessageRow = typeof applicationMessages.$inferSelect;
/** An attachment row. */
export type MessageFileRow = typeof applicationMessageFiles.$inferSelect;

/** The application a thread belongs to, with what its pages and mails show. */
export async function threadApplication(db: DbOrTx, applicationId: string) {
  const [row] = await db.select({
    id: applications.id, organisationId: applications.organisationId, trainingTitle: applications.trainingTitle, state: applications.state,
    submittedAt: applications.submittedAt, receiptNumber: applications.receiptNumber, organisationName: organisations.name,
  }).from(applications).innerJoin(organisations, eq(organisations.id, applications.organisationId)).where(eq(applications.id, applicationId));
  return row ?? null;
}

/** The messages of a thread, oldest first, each with its attachments. */
export async function threadMessages(db: DbOrTx, applicationId: string) {
  const [messages, files] = await Promise.all([
    db.select().from(applicationMessages).where(eq(applicationMessages.applicationId, applicationId)).orderBy(asc(applicationMessages.createdAt), asc(applicationMessages.id)),
    db.select().from(applicationMessageFiles).where(eq(applicationMessageFiles.applicationId, applicationId)).orderBy(asc(applicationMessageFiles.createdAt)),
  ]);
  return messages.map((m) => ({ ...m, files: files.filter((f) => f.messageId === m.id) }));
}

/** Inserts a message. */
export async function insertMessage(tx: DbOrTx, v: typeof applicationMessages.$inferInsert): Promise<MessageRow> {
  const [row] = await tx.insert(applicationMessages).values(v).returning();
  return row!;
}

/** Inserts an attachment of a message. */
export async function insertMessageFile(tx: DbOrTx, v: typeof applicationMessageFiles.$inferInsert): Promise<void> {
  await tx.insert(applicationMessageFiles).values(v);
}

/** One attachment of a thread; null when absent or of another application. */
export async function findMessageFile(db: DbOrTx, applicationId: string, fileId: string): Promise<MessageFileRow | null> {
  const [row] = await db.select().from(applicationMessageFiles).where(and(eq(applicationMessageFiles.id, fileId), eq(applicationMessageFiles.applicationId, applicationId)));
  return row ?? null;
}

/** Records that a person read the thread up to `at` (never moves the marker backwards). */
export async function markRead(db: DbOrTx, applicationId: string, userId: string, at: Date): Promise<void> {
  await db.insert(applicationMessageReads).values({ applicationId, userId, lastReadAt: at })
    .onConflictDoUpdate({ target: [applicationMessageReads.applicationId, applicationMessageReads.userId], set: { lastReadAt: sql`greatest(${applicationMessageReads.lastReadAt}, excluded.last_read_at)` } });
}

/**
 * Unread messages per application for one reader: messages of the other side written after the
 * reader's marker (all of them when the reader never opened the thread), never the reader's own.
 */
export async function unreadCounts(db: DbOrTx, userId: string, readerSide: MessageSide, applicationIds: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (applicationIds.length === 0) return out;
  const rows = await db.select({ applicationId: applicationMessages.applicationId, n: sql<number>`count(*)::int` })
    .from(applicationMessages)
    .leftJoin(applicationMessageReads, and(eq(applicationMessageReads.applicationId, applicationMessages.applicationId), eq(applicationMessageReads.userId, userId)))
    .where(and(
      inArray(applicationMessages.applicationId, applicationIds),
      ne(applicationMessages.side, readerSide),
      or(isNull(applicationMessages.authorUserId), ne(applicationMessages.authorUserId, userId)),
      or(isNull(applicationMessageReads.lastReadAt), gt(applicationMessages.createdAt, applicationMessageReads.lastReadAt)),
    ))
    .groupBy(applicationMessages.applicationId);
  for (const r of rows) out.set(r.applicationId, r.n);
  return out;
}

/** Active members of an organisation (the organisation side of a thread). */
export async function organisationRecipients(db: DbOrTx, organisationId: string) {
  return db.select({ id: users.id, email: users.email, fullName: users.fullName })
    .from(memberships).innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organisationId, organisationId), isNull(users.disabledAt)));
}

/**
 * Staff told of an organisation's message: the reviewers assigned to the application and the staff
 * who already wrote in the thread or, when there is none, the reviewers of the group covering the
 * application's région; never those who declared a conflict with the organisation.
 */
export async function staffRecipients(db: DbOrTx, applicationId: string, organisationId: string) {
  const conflicted = db.select({ id: conflictDeclarations.userId }).from(conflictDeclarations).where(eq(conflictDeclarations.organisationId, organisationId));
  const assigned = await db.select({ id: users.id, email: users.email }).from(reviewAssignments).innerJoin(users, eq(users.id, reviewAssignments.reviewerId))
    .where(and(eq(reviewAssignments.applicationId, applicationId), isNull(users.disabledAt), notInArray(users.id, conflicted)));
  const writers = await db.selectDistinct({ id: users.id, email: users.email }).from(applicationMessages).innerJoin(users, eq(users.id, applicationMessages.authorUserId))
    .where(and(eq(applicationMessages.applicationId, applicationId), eq(applicationMessages.side, 'staff'), isNull(users.disabledAt), notInArray(users.id, conflicted)));
  const seen = new Map<string, { id: string; email: string }>();
  for (const r of [...assigned, ...writers]) seen.set(r.id, r);
  if (seen.size > 0) return [...seen.values()];
  // Nobody follows the application yet: the reviewers of the group covering its région.
  const review = await findReview(db, applicationId);
  const group = await groupReviewers(db, review?.regionCode ?? null);
  if (group.length === 0) return [];
  return db.select({ id: users.id, email: users.email }).from(users)
    .where(and(inArray(users.id, group.map((g) => g.id)), notInArray(users.id, conflicted)));
}
