/**
 * Messages between an organisation and the GEN staff about one submitted application: one thread
 * per application, attachments (stored files), and read markers giving each person's unread count.
 */
import { pgTable, pgEnum, uuid, text, timestamp, primaryKey, uniqueIndex, index } from 'drizzle-orm/pg-core';
import { users } from '../platform/auth/auth.schema.js';
import { applications } from '../applications/applications.schema.js';
import { storedFileColumns } from '../platform/files/files.columns.js';

/** Which side wrote a message. */
export const messageSide = pgEnum('application_message_side', ['organisation', 'staff']);

export const applicationMessages = pgTable('application_messages', {
  id: uuid('id').primaryKey().defaultRandom(),
  applicationId: uuid('application_id').notNull().references(() => applications.id, { onDelete: 'cascade' }),
  side: messageSide('side').notNull(),
  authorUserId: uuid('author_user_id').references(() => users.id, { onDelete: 'set null' }),
  /** The author's name as shown in the thread ("Camille Martin", "Équipe GEN – Inès Instructrice"). */
  authorLabel: text('author_label').notNull(),
  body: text('body').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('application_messages_app_idx').on(t.applicationId, t.createdAt)]);

export const applicationMessageFiles = pgTable('application_message_files', {
  id: uuid('id').primaryKey().defaultRandom(),
  applicationId: uuid('application_id').notNull().references(() => applications.id, { onDelete: 'cascade' }),
  messageId: uuid('message_id').notNull().references(() => applicationMessages.id, { onDelete: 'cascade' }),
  ...storedFileColumns(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('application_message_files_key_uq').on(t.storageKey), index('application_message_files_msg_idx').on(t.messageId)]);

/** When each person last read the thread of an application. */
export const applicationMessageReads = pgTable('application_message_reads', {
  applicationId: uuid('application_id').notNull().references(() => applications.id, { onDelete: 'cascade' }),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  lastReadAt: timestamp('last_read_at', { withTimezone: true }).notNull(),
}, (t) => [primaryKey({ columns: [t.applicationId, t.userId] }), index('application_message_reads_user_idx').on(t.userId)]);
