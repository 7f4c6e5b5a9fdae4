/**
 * The support desk: tickets with their messages (requester, staff replies, internal notes),
 * attachments, saved replies, help-centre articles, and the yearly counter of ticket numbers.
 */
import { sql } from 'drizzle-orm';
import { pgTable, uuid, text, timestamp, integer, boolean, pgEnum, uniqueIndex, index } from 'drizzle-orm/pg-core';
import { users } from '../platform/auth/auth.schema.js';
import { storedFileColumns } from '../platform/files/files.columns.js';

export const supportRequesterKind = pgEnum('support_requester_kind', ['learner', 'applicant_organisation', 'labelled_organisation', 'employer', 'adviser', 'other']);
export const supportTopic = pgEnum('support_topic', ['applying', 'labelled_training', 'complaint', 'data_protection', 'technical', 'other']);
export const supportStatus = pgEnum('support_status', ['new', 'open', 'waiting', 'resolved', 'closed']);
export const supportPriority = pgEnum('support_priority', ['low', 'normal', 'high', 'urgent']);
export const supportMessageKind = pgEnum('support_message_kind', ['requester', 'staff_reply', 'internal_note']);

export const supportTickets = pgTable('support_tickets', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** GEN-T-<year>-<seq>. */
  number: text('number').notNull(),
  requesterKind: supportRequesterKind('requester_kind').notNull(),
  topic: supportTopic('topic').notNull(),
  subject: text('subject').notNull(),
  email: text('email').notNull(),
  requesterName: text('requester_name').notNull().default(''),
  /** Set when the requester was signed in, so the ticket shows in their space. */
  requesterUserId: uuid('requester_user_id').references(() => users.id, { onDelete: 'set null' }),
  /** The training concerned, as "<kind>:<id>" (see trainings.store.ts), and its label when written. */
  trainingRef: text('training_ref'),
  trainingLabel: text('training_label').notNull().default(''),
  /** The complainant agreed that the organisation may learn who they are. */
  shareIdentity: boolean('share_identity').notNull().default(false),
  flaggedForMonitoring: boolean('flagged_for_monitoring').notNull().default(false),
  status: supportStatus('status').notNull().default('new'),
  priority: supportPriority('priority').notNull().default('normal'),
  assigneeId: uuid('assignee_id').references(() => users.id, { onDelete: 'set null' }),
  firstAnswerDueAt: timestamp('first_answer_due_at', { withTimezone: true }).notNull(),
  firstAnsweredAt: timestamp('first_answered_at', { withTimezone: true }),
  resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  closedAt: timestamp('closed_at', { withTimezone: true }),
  mergedIntoId: uuid('merged_into_id'),
  satisfaction: integer('satisfaction'),
  satisfactionComment: text('satisfaction_comment'),
  satisfactionAt: timestamp('satisfaction_at', { withTimezone: true }),
  /** Set when the retention job erased the personal data of this closed ticket (figures stay). */
  anonymisedAt: timestamp('anonymised_at', { withTimezone: true }),
  /** Bumped at every change: a stale staff form is refused. */
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('support_tickets_number_uq').on(t.number),
  index('support_tickets_status_idx').on(t.status, t.firstAnswerDueAt),
  index('support_tickets_email_idx').on(sql`lower(${t.email})`),
  index('support_tickets_user_idx').on(t.requesterUserId),
  index('support_tickets_training_idx').on(t.trainingRef),
]);

/**
 * Private links to follow a ticket without an account: each mail to the requester carries a fresh
 * token; only its sha256 is stored. Every link of a ticket works until the ticket has been closed
 * for LINK_DAYS_AFTER_CLOSE days.
 */
export const supportLinks = pgTable('support_links', {
  tokenHash: text('token_hash').primaryKey(),
  ticketId: uuid('ticket_id').notNull().references(() => supportTickets.id, { onDelete: 'cascade' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('support_links_ticket_idx').on(t.ticketId)]);

export const supportMessages = pgTable('support_messages', {
  id: uuid('id').primaryKey().defaultRandom(),
  ticketId: uuid('ticket_id').notNull().references(() => supportTickets.id, { onDelete: 'cascade' }),
  kind: supportMessageKind('kind').notNull(),
  authorUserId: uuid('author_user_id').references(() => users.id, { onDelete: 'set null' }),
  /** Who wrote it, as shown to staff ("Camille Martin" or the requester's address). */
  authorLabel: text('author_label').notNull(),
  body: text('body').notNull(),
  /** Ticket this message came from when duplicates were merged. */
  mergedFromNumber: text('merged_from_number'),
  /** How the message arrived: written on the platform ('web') or an email reply ('email'). */
  channel: text('channel').notNull().default('web'),
  /** Message-ID of an email reply, so that a webhook delivering it twice adds it once. */
  externalId: text('external_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('support_messages_ticket_idx').on(t.ticketId, t.createdAt), uniqueIndex('support_messages_external_uq').on(t.externalId)]);

export const supportAttachments = pgTable('support_attachments', {
  id: uuid('id').primaryKey().defaultRandom(),
  ticketId: uuid('ticket_id').notNull().references(() => supportTickets.id, { onDelete: 'cascade' }),
  messageId: uuid('message_id').notNull().references(() => supportMessages.id, { onDelete: 'cascade' }),
  ...storedFileColumns(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('support_attachments_key_uq').on(t.storageKey), index('support_attachments_ticket_idx').on(t.ticketId)]);

export const supportMacros = pgTable('support_macros', {
  id: uuid('id').primaryKey().defaultRandom(),
  title: text('title').notNull(),
  body: text('body').notNull(),
  updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const faqArticles = pgTable('faq_articles', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull(),
  topic: supportTopic('topic').notNull(),
  title: text('title').notNull(),
  /** Markdown source, rendered by markdown.ts (never as raw HTML). */
  body: text('body').notNull(),
  published: boolean('published').notNull().default(true),
  position: integer('position').notNull().default(100),
  updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('faq_articles_slug_uq').on(t.slug), index('faq_articles_topic_idx').on(t.topic, t.position)]);

/** Last ticket number given per year. */
export const supportTicketCounters = pgTable('support_ticket_counters', {
  year: integer('year').primaryKey(),
  last: integer('last').notNull(),
});
