/**
 * Compliance of labelled trainings: the annual report of each label for each calendar year in which
 * a session started or ended. The organisation fills the qualitative answers (the indicators are
 * computed from the learners and frozen at submission), then staff accept it or return it with a
 * motivation.
 */
import { pgTable, uuid, text, timestamp, integer, jsonb, pgEnum, uniqueIndex, index } from 'drizzle-orm/pg-core';
import { organisations } from '../organisations/organisations.schema.js';
import { labels } from '../labels/labels.schema.js';
import { users } from '../platform/auth/auth.schema.js';

/** Where an annual report stands. */
export const annualReportStatus = pgEnum('annual_report_status', ['draft', 'submitted', 'accepted', 'returned']);

/** The qualitative answers of an annual report. */
export interface AnnualReportAnswers {
  partnerships: string;
  funding: string;
  difficulties: string;
  improvements: string;
  satisfaction: string;
}

/** An indicator row frozen at submission (label, value, detail, target, verdict). */
export interface FrozenIndicator {
  key: string;
  label: string;
  value: string;
  detail: string;
  target: string;
  verdict: string;
}

export const annualReports = pgTable('annual_reports', {
  id: uuid('id').primaryKey().defaultRandom(),
  labelId: uuid('label_id').notNull().references(() => labels.id, { onDelete: 'cascade' }),
  organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
  /** The calendar year reported on. */
  year: integer('year').notNull(),
  status: annualReportStatus('status').notNull().default('draft'),
  answers: jsonb('answers').$type<Partial<AnnualReportAnswers>>().notNull().default({}),
  /** Indicators computed at submission (null while a draft). */
  indicators: jsonb('indicators').$type<FrozenIndicator[]>(),
  /** Number of sessions reported on, at submission. */
  sessionCount: integer('session_count'),
  submittedAt: timestamp('submitted_at', { withTimezone: true }),
  submittedBy: uuid('submitted_by').references(() => users.id, { onDelete: 'set null' }),
  reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
  reviewedBy: uuid('reviewed_by').references(() => users.id, { onDelete: 'set null' }),
  /** Staff motivation of the last review (mandatory when returned). */
  reviewMotivation: text('review_motivation'),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('annual_reports_label_year_uq').on(t.labelId, t.year),
  index('annual_reports_status_idx').on(t.status),
]);

/** The measure a sanction procedure may lead to. */
export const sanctionMeasure = pgEnum('sanction_measure', ['warning', 'seed_grant_withheld', 'suspension', 'withdrawal']);
/** Where a contradictory procedure stands. */
export const sanctionStatus = pgEnum('sanction_status', ['answer_period', 'answered', 'applied', 'abandoned']);

/**
 * A contradictory procedure: staff notify the grounds and the measure considered; the
 * organisation has 15 days from the notice to answer in the platform; then staff decide, with a
 * motivation, to apply the measure (suspension and withdrawal change the label's status) or not.
 */
export const sanctionProcedures = pgTable('sanction_procedures', {
  id: uuid('id').primaryKey().defaultRandom(),
  labelId: uuid('label_id').notNull().references(() => labels.id, { onDelete: 'cascade' }),
  organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
  measure: sanctionMeasure('measure').notNull(),
  status: sanctionStatus('status').notNull().default('answer_period'),
  grounds: text('grounds').notNull(),
  /** Day of the notice (Paris) and last day to answer (notice + 15 days). */
  noticeOn: text('notice_on').notNull(),
  answerDueOn: text('answer_due_on').notNull(),
  noticedBy: uuid('noticed_by').references(() => users.id, { onDelete: 'set null' }),
  answer: text('answer'),
  answeredAt: timestamp('answered_at', { withTimezone: true }),
  answeredBy: uuid('answered_by').references(() => users.id, { onDelete: 'set null' }),
  decisionMotivation: text('decision_motivation'),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
  decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('sanction_procedures_label_idx').on(t.labelId),
  index('sanction_procedures_org_idx').on(t.organisationId),
]);
