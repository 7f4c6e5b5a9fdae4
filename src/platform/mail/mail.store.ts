/** The outbox: every mail is written in the transaction of the action that sends it. */
import { desc, eq, sql, and, lt, ilike } from 'drizzle-orm';
import type { DbOrTx } from '../db/index.js';
import { mailOutbox } from './mail.schema.js';
import type { Mail } from './mail.js';

/**
 * Writes a mail to the outbox. With SMTP configured it is 'queued' for the delivery job;
 * without, it is 'stored' and read in the admin outbox (the demo needs no mail server).
 */
export async function enqueueMail(tx: DbOrTx, mail: Mail, smtp: boolean): Promise<string> {
  const { attachments = [], ...rest } = mail;
  const stored = attachments.map((a) => ({ fileName: a.fileName, contentType: a.contentType, base64: a.content.toString('base64') }));
  const [row] = await tx.insert(mailOutbox).values({ ...rest, attachments: stored, status: smtp ? 'queued' : 'stored' }).returning({ id: mailOutbox.id });
  return row!.id;
}

/** Mails to deliver (queued, fewer than 6 attempts). */
export async function pendingMails(db: DbOrTx, limit = 50) {
  return db.select().from(mailOutbox).where(and(eq(mailOutbox.status, 'queued'), lt(mailOutbox.attempts, 6))).orderBy(mailOutbox.createdAt).limit(limit);
}

/** The attachments of an outbox row, as nodemailer sends them. */
export function attachmentsOf(row: { attachments: { fileName: string; contentType: string; base64: string }[] }): { filename: string; contentType: string; content: Buffer }[] {
  return (row.attachments ?? []).map((a) => ({ filename: a.fileName, contentType: a.contentType, content: Buffer.from(a.base64, 'base64') }));
}

/** Records a delivery attempt. */
export async function markDelivery(db: DbOrTx, id: string, ok: boolean, error: string | null, now: Date): Promise<void> {
  await db.update(mailOutbox).set(ok
    ? { status: 'sent', sentAt: now, error: null, attempts: sql`${mailOutbox.attempts} + 1` }
    : { error, attempts: sql`${mailOutbox.attempts} + 1`, status: sql`case when ${mailOutbox.attempts} >= 5 then 'failed'::mail_status else 'queued'::mail_status end` },
  ).where(eq(mailOutbox.id, id));
}

/** A page of the outbox, newest first, optionally for one recipient. */
export async function listOutbox(db: DbOrTx, opts: { to?: string; page?: number; size?: number } = {}) {
  const size = opts.size ?? 50;
  const cond = opts.to ? ilike(mailOutbox.to, `%${opts.to}%`) : undefined;
  const rows = await db.select().from(mailOutbox).where(cond).orderBy(desc(mailOutbox.createdAt)).limit(size).offset(((opts.page ?? 1) - 1) * size);
  const [c] = await db.select({ n: sql<number>`count(*)::int` }).from(mailOutbox).where(cond);
  return { rows, total: c?.n ?? 0 };
}

/** One mail of the outbox. */
export async function getMail(db: DbOrTx, id: string) {
  const [row] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
  return row ?? null;
}
