/** The only file that queries tickets, their messages, links, attachments and saved replies. */
import { and, asc, desc, eq, gte, ilike, inArray, isNull, lt, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/index.js';
import { users, staffRoles } from '../platform/auth/auth.schema.js';
import { supportTickets, supportMessages, supportAttachments, supportLinks, supportMacros, supportTicketCounters } from './support.schema.js';
import type { Priority, TicketStatus, Topic } from './support.js';

/** A ticket row. */
export type TicketRow = typeof supportTickets.$inferSelect;
/** A message row. */
export type MessageRow = typeof supportMessages.$inferSelect;
/** An attachment row. */
export type AttachmentRow = typeof supportAttachments.$inferSelect;

/** The next ticket sequence of a year (atomic upsert). */
export async function nextTicketSequence(tx: DbOrTx, year: number): Promise<number> {
  const [row] = await tx.insert(supportTicketCounters).values({ year, last: 1 })
    .onConflictDoUpdate({ target: supportTicketCounters.year, set: { last: sql`${supportTicketCounters.last} + 1` } })
    .returning({ last: supportTicketCounters.last });
  return row!.last;
}

/** Inserts a ticket. */
export async function insertTicket(tx: DbOrTx, v: typeof supportTickets.$inferInsert): Promise<TicketRow> {
  const [row] = await tx.insert(supportTickets).values(v).returning();
  return row!;
}

/** Inserts a message. */
export async function insertMessage(tx: DbOrTx, v: typeof supportMessages.$inferInsert): Promise<MessageRow> {
  const [row] = await tx.insert(supportMessages).values(v).returning();
  return row!;
}

/** Inserts an attachment. */
export async function insertAttachment(tx: DbOrTx, v: typeof supportAttachments.$inferInsert): Promise<void> {
  await tx.insert(supportAttachments).values(v);
}

/** Records a private link (its hash only). */
export async function insertLink(tx: DbOrTx, ticketId: string, tokenHash: string, now: Date): Promise<void> {
  await tx.insert(supportLinks).values({ ticketId, tokenHash, createdAt: now });
}

/** The ticket a private link opens, or null. */
export async function findTicketByTokenHash(db: DbOrTx, tokenHash: string): Promise<TicketRow | null> {
  const [row] = await db.select({ t: supportTickets }).from(supportLinks)
    .innerJoin(supportTickets, eq(supportTickets.id, supportLinks.ticketId)).where(eq(supportLinks.tokenHash, tokenHash));
  return row?.t ?? null;
}

/** A ticket by id, optionally locked for update. */
export async function findTicket(db: DbOrTx, id: string, o: { lock?: boolean } = {}): Promise<TicketRow | null> {
  const q = db.select().from(supportTickets).where(eq(supportTickets.id, id));
  const [row] = o.lock ? await q.for('update') : await q;
  return row ?? null;
}

/** A ticket by its number (GEN-T-…). */
export async function findTicketByNumber(db: DbOrTx, number: string): Promise<TicketRow | null> {
  const [row] = await db.select().from(supportTickets).where(eq(supportTickets.number, number.trim().toUpperCase()));
  return row ?? null;
}

/** Updates a ticket if its version still matches; bumps the version. Null when someone changed it meanwhile. */
export async function updateTicket(tx: DbOrTx, id: string, version: number, patch: Partial<typeof supportTickets.$inferInsert>, now: Date): Promise<TicketRow | null> {
  const [row] = await tx.update(supportTickets).set({ ...patch, version: version + 1, updatedAt: now })
    .where(and(eq(supportTickets.id, id), eq(supportTickets.version, version))).returning();
  return row ?? null;
}

/** Messages of a ticket, oldest first; internal notes only when asked (staff). */
export async function messagesOf(db: DbOrTx, ticketId: string, o: { notes: boolean }): Promise<MessageRow[]> {
  const cond = o.notes ? eq(supportMessages.ticketId, ticketId) : and(eq(supportMessages.ticketId, ticketId), notInArray(supportMessages.kind, ['internal_note']));
  return db.select().from(supportMessages).where(cond).orderBy(asc(supportMessages.createdAt), asc(supportMessages.id));
}

/** Attachments of a ticket. */
export async function attachmentsOf(db: DbOrTx, ticketId: string): Promise<AttachmentRow[]> {
  return db.select().from(supportAttachments).where(eq(supportAttachments.ticketId, ticketId)).orderBy(asc(supportAttachments.createdAt));
}

/** One attachment of a ticket. */
export async function findAttachment(db: DbOrTx, ticketId: string, id: string): Promise<AttachmentRow | null> {
  const [row] = await db.select().from(supportAttachments).where(and(eq(supportAttachments.ticketId, ticketId), eq(supportAttachments.id, id)));
  return row ?? null;
}

/** Moves the messages, attachments and links of a duplicate onto the ticket it is merged into. */
export async function moveTicketContent(tx: DbOrTx, fromId: string, toId: string, fromNumber: string): Promise<void> {
  await tx.update(supportMessages).set({ ticketId: toId, mergedFromNumber: sql`coalesce(${supportMessages.mergedFromNumber}, ${fromNumber})` }).where(eq(supportMessages.ticketId, fromId));
  await tx.update(supportAttachments).set({ ticketId: toId }).where(eq(supportAttachments.ticketId, fromId));
  await tx.update(supportLinks).set({ ticketId: toId }).where(eq(supportLinks.ticketId, fromId));
}

/** Tickets of a signed-in person: written while signed in, or from their (confirmed) address. */
export async function ticketsOfRequester(db: DbOrTx, userId: string, email: string): Promise<TicketRow[]> {
  return db.select().from(supportTickets)
    .where(and(isNull(supportTickets.mergedIntoId), or(eq(supportTickets.requesterUserId, userId), sql`lower(${supportTickets.email}) = ${email.toLowerCase()}`)))
    .orderBy(desc(supportTickets.createdAt)).limit(200);
}

/** Filters of the staff inbox. */
export interface InboxFilter {
  topics: readonly Topic[];
  status?: TicketStatus | 'active';
  topic?: Topic;
  priority?: Priority;
  /** 'me', 'none', or a user id. */
  assignee?: string;
  flagged?: boolean;
  overdue?: boolean;
  q?: string;
  now: Date;
}

/** A page of the inbox, most urgent first (unanswered by due time, then newest). */
export async function listInbox(db: DbOrTx, f: InboxFilter & { meId: string }, page: number, size = 30) {
  if (f.topics.length === 0) return { rows: [], total: 0 };
  const where: SQL[] = [inArray(supportTickets.topic, [...f.topics]), isNull(supportTickets.mergedIntoId)];
  if (f.status === 'active') where.push(inArray(supportTickets.status, ['new', 'open', 'waiting']));
  else if (f.status) where.push(eq(supportTickets.status, f.status));
  if (f.topic) where.push(eq(supportTickets.topic, f.topic));
  if (f.priority) where.push(eq(supportTickets.priority, f.priority));
  if (f.assignee === 'me') where.push(eq(supportTickets.assigneeId, f.meId));
  else if (f.assignee === 'none') where.push(isNull(supportTickets.assigneeId));
  else if (f.assignee) where.push(eq(supportTickets.assigneeId, f.assignee));
  if (f.flagged) where.push(eq(supportTickets.flaggedForMonitoring, true));
  if (f.overdue) where.push(isNull(supportTickets.firstAnsweredAt), lt(supportTickets.firstAnswerDueAt, f.now), inArray(supportTickets.status, ['new', 'open', 'waiting']));
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    where.push(or(
      ilike(supportTickets.number, like), ilike(supportTickets.email, like), ilike(supportTickets.requesterName, like),
      sql`unaccent(${supportTickets.subject}) ilike unaccent(${like})`, sql`unaccent(${supportTickets.trainingLabel}) ilike unaccent(${like})`,
      sql`exists (select 1 from support_messages m where m.ticket_id = ${supportTickets.id} and unaccent(m.body) ilike unaccent(${like}))`,
    )!);
  }
  const cond = and(...where);
  const rows = await db.select({ t: supportTickets, assignee: users.fullName }).from(supportTickets)
    .leftJoin(users, eq(users.id, supportTickets.assigneeId)).where(cond)
    .orderBy(sql`case when ${supportTickets.firstAnsweredAt} is null and ${supportTickets.status} in ('new','open','waiting') then 0 else 1 end`,
      asc(supportTickets.firstAnswerDueAt), desc(supportTickets.createdAt))
    .limit(size).offset((page - 1) * size);
  const [c] = await db.select({ n: sql<number>`count(*)::int` }).from(supportTickets).where(cond);
  return { rows: rows.map((r) => ({ ...r.t, assigneeName: r.assignee })), total: c?.n ?? 0 };
}

/** Staff who may be assigned support tickets (admin, instructor, monitoring), active accounts only. */
export async function supportStaff(db: DbOrTx): Promise<{ id: string; fullName: string; roles: string[] }[]> {
  const rows = await db.select({ id: users.id, fullName: users.fullName, role: staffRoles.role }).from(staffRoles)
    .innerJoin(users, eq(users.id, staffRoles.userId))
    .where(and(inArray(staffRoles.role, ['admin', 'instructor', 'monitoring']), isNull(users.disabledAt)))
    .orderBy(asc(users.fullName));
  const byId = new Map<string, { id: string; fullName: string; roles: string[] }>();
  for (const r of rows) {
    const e = byId.get(r.id) ?? { id: r.id, fullName: r.fullName, roles: [] };
    e.roles.push(r.role);
    byId.set(r.id, e);
  }
  return [...byId.values()];
}

/** Email of a user (to notify an assignee). */
export async function userEmail(db: DbOrTx, id: string): Promise<string | null> {
  const [row] = await db.select({ email: users.email }).from(users).where(eq(users.id, id));
  return row?.email ?? null;
}

/** Complaints about one training (for the label's page and the monitoring team). */
export async function complaintsAboutTraining(db: DbOrTx, trainingRef: string): Promise<TicketRow[]> {
  return db.select().from(supportTickets)
    .where(and(eq(supportTickets.trainingRef, trainingRef), eq(supportTickets.topic, 'complaint'), isNull(supportTickets.mergedIntoId)))
    .orderBy(desc(supportTickets.createdAt));
}

/** Complaints about any of these labels (the organisation's page), newest first. */
export async function complaintsAboutLabels(db: DbOrTx, labelIds: string[]): Promise<TicketRow[]> {
  if (labelIds.length === 0) return [];
  return db.select().from(supportTickets)
    .where(and(inArray(supportTickets.trainingRef, labelIds.map((id) => `label:${id}`)), eq(supportTickets.topic, 'complaint'), isNull(supportTickets.mergedIntoId)))
    .orderBy(desc(supportTickets.createdAt));
}

/** Saved replies, by title. */
export async function listMacros(db: DbOrTx) {
  return db.select().from(supportMacros).orderBy(asc(supportMacros.title));
}

/** One saved reply. */
export async function findMacro(db: DbOrTx, id: string) {
  const [row] = await db.select().from(supportMacros).where(eq(supportMacros.id, id));
  return row ?? null;
}

/** Creates or updates a saved reply. */
export async function upsertMacro(tx: DbOrTx, id: string | null, v: { title: string; body: string; updatedBy: string | null; updatedAt: Date }) {
  if (id) {
    const [row] = await tx.update(supportMacros).set(v).where(eq(supportMacros.id, id)).returning();
    return row ?? null;
  }
  const [row] = await tx.insert(supportMacros).values(v).returning();
  return row!;
}

/** Deletes a saved reply. */
export async function deleteMacro(tx: DbOrTx, id: string): Promise<boolean> {
  const rows = await tx.delete(supportMacros).where(eq(supportMacros.id, id)).returning({ id: supportMacros.id });
  return rows.length > 0;
}

/** Tickets created in [from, to) of the given topics, merged duplicates left out (figures). */
export async function ticketsForFigures(db: DbOrTx, topics: readonly Topic[], from: Date, to: Date) {
  if (topics.length === 0) return [];
  return db.select({
    topic: supportTickets.topic, createdAt: supportTickets.createdAt, firstAnswerDueAt: supportTickets.firstAnswerDueAt,
    firstAnsweredAt: supportTickets.firstAnsweredAt, resolvedAt: supportTickets.resolvedAt, closedAt: supportTickets.closedAt, satisfaction: supportTickets.satisfaction,
  }).from(supportTickets)
    .where(and(inArray(supportTickets.topic, [...topics]), isNull(supportTickets.mergedIntoId), gte(supportTickets.createdAt, from), lt(supportTickets.createdAt, to)));
}

/** Whether an email (by Message-ID) was already added to a ticket. */
export async function hasExternalMessage(db: DbOrTx, externalId: string): Promise<boolean> {
  const [row] = await db.select({ id: supportMessages.id }).from(supportMessages).where(eq(supportMessages.externalId, externalId));
  return !!row;
}
