/**
 * Sessions of labelled trainings and the obligations (due dates) that monitoring follows.
 *
 * A session belongs to one label. Its planned dates come from the organisation's declaration; the
 * actual start is confirmed by the start attestation, the actual end by the end-of-session report.
 * Every due date of a label (first session, start attestation, end report, 3- and 6-month
 * outcomes, annual report) is a row of `obligations`, computed by pure rules from the call's data.
 */
import { pgTable, uuid, text, timestamp, integer, date, jsonb, pgEnum, boolean, uniqueIndex, index } from 'drizzle-orm/pg-core';
import { organisations } from '../organisations/organisations.schema.js';
import { labels } from '../labels/labels.schema.js';
import { users } from '../platform/auth/auth.schema.js';

/** How a session is taught. */
export const sessionModality = pgEnum('session_modality', ['presentiel', 'distance', 'hybride']);
/** Where a session stands. */
export const sessionStatus = pgEnum('session_status', ['planned', 'started', 'ended', 'cancelled']);

/** Where a session takes place, with what the territory engine said of it. */
export interface SessionPlace {
  address: string;
  postcode?: string;
  commune?: string;
  inseeCode?: string;
  departement?: string;
  region?: string;
  lat?: number;
  lon?: number;
  /** QPV code when the place lies in one, with the geography version used. */
  qpv?: string | null;
  qpvVersion?: string;
}

export const trainingSessions = pgTable('training_sessions', {
  id: uuid('id').primaryKey().defaultRandom(),
  labelId: uuid('label_id').notNull().references(() => labels.id, { onDelete: 'restrict' }),
  organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'restrict' }),
  /** Short name shown in lists, e.g. "Session de printemps 2026". */
  name: text('name').notNull(),
  /** First planned start (kept to measure postponements). */
  initialStart: date('initial_start').notNull(),
  plannedStart: date('planned_start').notNull(),
  /** Planned end, end of internship included. */
  plannedEnd: date('planned_end').notNull(),
  actualStart: date('actual_start'),
  /** Start approved by the GEN through a change request (postponements are then measured from it). */
  approvedStart: date('approved_start'),
  actualEnd: date('actual_end'),
  place: jsonb('place').$type<SessionPlace>().notNull(),
  modality: sessionModality('modality').notNull(),
  places: integer('places').notNull(),
  /** Work-study (alternance) possible in this session. */
  workStudy: boolean('work_study').notNull().default(false),
  status: sessionStatus('status').notNull().default('planned'),
  /** When the start attestation (confirmed start + roster) was given. */
  startAttestedAt: timestamp('start_attested_at', { withTimezone: true }),
  /** When the end-of-session report was given, then accepted by staff. */
  endReportedAt: timestamp('end_reported_at', { withTimezone: true }),
  endReportAcceptedAt: timestamp('end_report_accepted_at', { withTimezone: true }),
  cancelledReason: text('cancelled_reason'),
  version: integer('version').notNull().default(1),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('training_sessions_label_idx').on(t.labelId, t.plannedStart),
  index('training_sessions_org_idx').on(t.organisationId),
  index('training_sessions_start_idx').on(t.plannedStart),
]);

/** Kinds of obligation. */
export const obligationKind = pgEnum('obligation_kind', ['first_session', 'start_attestation', 'end_report', 'outcomes_3m', 'outcomes_6m', 'annual_report']);

export const obligations = pgTable('obligations', {
  id: uuid('id').primaryKey().defaultRandom(),
  labelId: uuid('label_id').notNull().references(() => labels.id, { onDelete: 'cascade' }),
  organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
  sessionId: uuid('session_id').references(() => trainingSessions.id, { onDelete: 'cascade' }),
  kind: obligationKind('kind').notNull(),
  /** Annual report: the calendar year reported on; null otherwise. */
  year: integer('year'),
  dueOn: date('due_on').notNull(),
  doneAt: timestamp('done_at', { withTimezone: true }),
  /** Stable key: one row per (label, session or year, kind); recomputation upserts on it. */
  key: text('key').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('obligations_key_uq').on(t.key),
  index('obligations_due_idx').on(t.dueOn),
  index('obligations_org_idx').on(t.organisationId, t.dueOn),
]);

/** Reminders sent for an obligation: one row per (obligation, stage), so a restart sends nothing twice. */
export const obligationReminders = pgTable('obligation_reminders', {
  obligationId: uuid('obligation_id').notNull().references(() => obligations.id, { onDelete: 'cascade' }),
  /** 'J-7', 'J0' or 'J+7'. */
  stage: text('stage').notNull(),
  sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('obligation_reminders_uq').on(t.obligationId, t.stage)]);

/**
 * The private ICS feed of an organisation: the SHA-256 of a random token (the token itself is shown
 * once, when generated). Regenerating replaces the hash, so the old link stops working. A row
 * holding the hash of the former HMAC-derived token keeps links given before revocation existed.
 */
export const calendarFeeds = pgTable('calendar_feeds', {
  organisationId: uuid('organisation_id').primaryKey().references(() => organisations.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull(),
  /** false: the hash of the legacy derived token (its link can still be shown); true: a random token. */
  random: boolean('random').notNull().default(false),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
