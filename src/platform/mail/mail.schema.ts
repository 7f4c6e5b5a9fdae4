/** Every mail the platform sends is first written here; SMTP delivery is a job. */
import { pgTable, uuid, text, timestamp, integer, pgEnum, index, jsonb } from 'drizzle-orm/pg-core';

/** A file sent with a mail (small documents such as a receipt), its bytes in base64. */
export interface StoredAttachment { fileName: string; contentType: string; base64: string }

export const mailStatus = pgEnum('mail_status', ['stored', 'queued', 'sent', 'failed']);

export const mailOutbox = pgTable('mail_outbox', {
  id: uuid('id').primaryKey().defaultRandom(),
  to: text('to_address').notNull(),
  subject: text('subject').notNull(),
  text: text('body_text').notNull(),
  html: text('body_html').notNull(),
  template: text('template').notNull(),
  /** Files sent with the mail (e.g. a receipt PDF); empty for most mails. */
  attachments: jsonb('attachments').$type<StoredAttachment[]>().notNull().default([]),
  status: mailStatus('status').notNull(),
  attempts: integer('attempts').notNull().default(0),
  error: text('error'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  sentAt: timestamp('sent_at', { withTimezone: true }),
}, (t) => [index('mail_outbox_created_idx').on(t.createdAt), index('mail_outbox_to_idx').on(t.to)]);
