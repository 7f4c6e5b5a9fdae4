/**
 * Consultations around a submitted application: each partner named in the "Partenaires" section is
 * asked to confirm the partnership and its commitment; the Région of each training place is asked
 * for its opinion. Both answer through a personal link (only the token's sha256 is stored).
 */
import { pgTable, pgEnum, uuid, text, timestamp, integer, boolean, date, uniqueIndex, index } from 'drizzle-orm/pg-core';
import { users } from '../platform/auth/auth.schema.js';
import { applications } from '../applications/applications.schema.js';

/** Where a partner confirmation stands. */
export const partnerStatus = pgEnum('partner_confirmation_status', ['sent', 'confirmed', 'denied', 'no_answer']);
/** How the answer came: through the personal link, or by phone (recorded by a reviewer). */
export const answerChannel = pgEnum('consultation_answer_channel', ['link', 'phone']);
/** The Région's opinion. */
export const regionOpinionValue = pgEnum('region_opinion_value', ['favourable', 'reserved', 'unfavourable']);

export const partnerConfirmations = pgTable('partner_confirmations', {
  id: uuid('id').primaryKey().defaultRandom(),
  applicationId: uuid('application_id').notNull().references(() => applications.id, { onDelete: 'cascade' }),
  /** Identifies the partner within the application (its e-mail in lower case, or its name). */
  partnerKey: text('partner_key').notNull(),
  partnerName: text('partner_name').notNull(),
  partnerType: text('partner_type').notNull().default(''),
  contactName: text('contact_name').notNull().default(''),
  email: text('email').notNull().default(''),
  phone: text('phone').notNull().default(''),
  /** The commitment as the applicant wrote it, at sending time. */
  commitment: text('commitment').notNull().default(''),
  hiringPromises: integer('hiring_promises'),
  status: partnerStatus('status').notNull().default('sent'),
  tokenHash: text('token_hash'),
  sentAt: timestamp('sent_at', { withTimezone: true }),
  sentBy: uuid('sent_by').references(() => users.id, { onDelete: 'set null' }),
  expiresAt: timestamp('expires_at', { withTimezone: true }),
  remindedAt: timestamp('reminded_at', { withTimezone: true }),
  answeredAt: timestamp('answered_at', { withTimezone: true }),
  channel: answerChannel('channel'),
  partnershipConfirmed: boolean('partnership_confirmed'),
  commitmentConfirmed: boolean('commitment_confirmed'),
  comment: text('comment').notNull().default(''),
  /** Reviewer who recorded a phone answer, and why. */
  recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
  motivation: text('motivation'),
  /** How many times the personal link was issued again (expired or undelivered): part of the token, so an old link stops working. */
  linkRound: integer('link_round').notNull().default(0),
  /** The outbox row of the last request or reminder mailed (to tell a bounced request). */
  lastMailId: uuid('last_mail_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('partner_confirmations_partner_uq').on(t.applicationId, t.partnerKey),
  uniqueIndex('partner_confirmations_token_uq').on(t.tokenHash),
  index('partner_confirmations_status_idx').on(t.status, t.sentAt),
]);

/** Where each Région receives opinion requests (set by an admin). */
export const regionContacts = pgTable('region_contacts', {
  regionCode: text('region_code').primaryKey(),
  regionName: text('region_name').notNull(),
  email: text('email').notNull(),
  updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const regionOpinions = pgTable('region_opinions', {
  id: uuid('id').primaryKey().defaultRandom(),
  applicationId: uuid('application_id').notNull().references(() => applications.id, { onDelete: 'cascade' }),
  regionCode: text('region_code').notNull(),
  regionName: text('region_name').notNull(),
  email: text('email').notNull(),
  tokenHash: text('token_hash').notNull(),
  dueOn: date('due_on').notNull(),
  sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  sentBy: uuid('sent_by').references(() => users.id, { onDelete: 'set null' }),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  remindedAt: timestamp('reminded_at', { withTimezone: true }),
  answeredAt: timestamp('answered_at', { withTimezone: true }),
  opinion: regionOpinionValue('opinion'),
  respondentName: text('respondent_name').notNull().default(''),
  comment: text('comment').notNull().default(''),
  /** How many times the personal link was issued again (due date passed or mail undelivered). */
  linkRound: integer('link_round').notNull().default(0),
  /** The outbox row of the last request or reminder mailed. */
  lastMailId: uuid('last_mail_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('region_opinions_app_region_uq').on(t.applicationId, t.regionCode),
  uniqueIndex('region_opinions_token_uq').on(t.tokenHash),
  index('region_opinions_due_idx').on(t.dueOn),
]);
