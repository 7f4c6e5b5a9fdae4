/**
 * Applications (candidatures): one training × one call, its sections saved one by one with
 * optimistic versions, its uploaded documents and its submissions (one row per deposit).
 */
import { sql } from 'drizzle-orm';
import { pgTable, uuid, text, timestamp, integer, jsonb, pgEnum, boolean, primaryKey, uniqueIndex, index, date, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { users } from '../platform/auth/auth.schema.js';
import { organisations } from '../organisations/organisations.schema.js';
import { calls, callCutoffs } from '../calls/calls.schema.js';
import { storedFileColumns } from '../platform/files/files.columns.js';

/** States of an application; review states will be added with ALTER TYPE … ADD VALUE. */
export const applicationState = pgEnum('application_state', ['draft', 'submitted', 'in_correction', 'withdrawn']);

export const applications = pgTable('applications', {
  id: uuid('id').primaryKey().defaultRandom(),
  organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'restrict' }),
  callId: uuid('call_id').notNull().references(() => calls.id, { onDelete: 'restrict' }),
  trainingTitle: text('training_title').notNull(),
  state: applicationState('state').notNull().default('draft'),
  /** The cut-off the application joined when submitted. */
  cutoffId: uuid('cutoff_id').references(() => callCutoffs.id, { onDelete: 'restrict' }),
  submittedAt: timestamp('submitted_at', { withTimezone: true }),
  submittedBy: uuid('submitted_by').references(() => users.id, { onDelete: 'set null' }),
  /** Récépissé number, GEN-<year>-<seq>, given at the first submission. */
  receiptNumber: text('receipt_number'),
  withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
  withdrawalReason: text('withdrawal_reason'),
  /** The previous application this one was copied from ("Renouveler à partir de cette candidature"). */
  renewedFromId: uuid('renewed_from_id').references((): AnyPgColumn => applications.id, { onDelete: 'set null' }),
  /** Bumped at every state change: a stale "Déposer" or "Retirer" is refused. */
  version: integer('version').notNull().default(1),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('applications_receipt_uq').on(t.receiptNumber),
  index('applications_org_idx').on(t.organisationId),
  index('applications_call_idx').on(t.callId, t.state),
  // Other applications for the same training (already labelled? renewal?) are found by title.
  index('applications_title_idx').on(t.organisationId, sql`lower(${t.trainingTitle})`),
]);

export const applicationSections = pgTable('application_sections', {
  applicationId: uuid('application_id').notNull().references(() => applications.id, { onDelete: 'cascade' }),
  sectionKey: text('section_key').notNull(),
  /** The values as typed (strings), so nothing typed is ever lost, even when a format is wrong. */
  values: jsonb('values').$type<Record<string, string>>().notNull(),
  /** The values that passed the section's zod schema, typed (numbers, dates, rows). */
  data: jsonb('data').$type<Record<string, unknown>>().notNull(),
  version: integer('version').notNull().default(1),
  completed: boolean('completed').notNull().default(false),
  updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.applicationId, t.sectionKey] })]);

export const applicationFiles = pgTable('application_files', {
  id: uuid('id').primaryKey().defaultRandom(),
  applicationId: uuid('application_id').notNull().references(() => applications.id, { onDelete: 'cascade' }),
  /** Which document this is (qualiopi, nda, tax_social, ...). */
  kind: text('kind').notNull(),
  ...storedFileColumns(),
  uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
  uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('application_files_key_uq').on(t.storageKey), index('application_files_app_idx').on(t.applicationId)]);

export const applicationSubmissions = pgTable('application_submissions', {
  id: uuid('id').primaryKey().defaultRandom(),
  applicationId: uuid('application_id').notNull().references(() => applications.id, { onDelete: 'cascade' }),
  /** 1 for the first deposit, then 2, 3... after corrections: (application, sequence) is unique. */
  sequence: integer('sequence').notNull(),
  cutoffId: uuid('cutoff_id').notNull().references(() => callCutoffs.id, { onDelete: 'restrict' }),
  submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
  submittedBy: uuid('submitted_by').references(() => users.id, { onDelete: 'set null' }),
  receiptNumber: text('receipt_number').notNull(),
  /** Everything deposited: sections, organisation, documents, pre-check. */
  snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
}, (t) => [
  uniqueIndex('application_submissions_seq_uq').on(t.applicationId, t.sequence),
  index('application_submissions_cutoff_idx').on(t.cutoffId),
]);

/** Last receipt number given per year (GEN-<year>-<seq>). */
export const receiptCounters = pgTable('receipt_counters', {
  year: integer('year').primaryKey(),
  last: integer('last').notNull(),
});

/**
 * Values posted to a section after the session expired: kept for a short while under a random
 * token (cookie), then shown again on the section page once the member is signed in again.
 */
export const applicationPendingSaves = pgTable('application_pending_saves', {
  token: text('token').primaryKey(),
  applicationId: uuid('application_id').notNull().references(() => applications.id, { onDelete: 'cascade' }),
  sectionKey: text('section_key').notNull(),
  values: jsonb('values').$type<Record<string, string>>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
}, (t) => [index('application_pending_saves_exp_idx').on(t.expiresAt)]);

/** The imported RNCP table (France Compétences), one row per certification code. */
export const rncpCertifications = pgTable('rncp_certifications', {
  code: text('code').primaryKey(),
  title: text('title').notNull(),
  /** "niveau5" → "5"; empty when unknown. */
  level: text('level').notNull().default(''),
  active: boolean('active').notNull(),
  /** Last day of the registration, when the table gives one. */
  validUntil: date('valid_until'),
});

/** Each import of the RNCP table (the checks run only once a table has been imported). */
export const rncpImports = pgTable('rncp_imports', {
  id: uuid('id').primaryKey().defaultRandom(),
  source: text('source').notNull(),
  rows: integer('rows').notNull(),
  importedAt: timestamp('imported_at', { withTimezone: true }).notNull(),
});
