/**
 * Change requests of a labelled training (content, certification, modality, immersion, support):
 * the organisation files them, staff approve or reject them with a motivation; an approved request
 * adds a version of the training record (`training_versions`), version 1 being the application's
 * sections at the first approval.
 */
import { pgTable, uuid, text, timestamp, integer, jsonb, pgEnum, uniqueIndex, index } from 'drizzle-orm/pg-core';
import { organisations } from '../organisations/organisations.schema.js';
import { labels } from '../labels/labels.schema.js';
import { users } from '../platform/auth/auth.schema.js';
import { storedFileColumns } from '../platform/files/files.columns.js';
import { trainingSessions } from '../sessions/sessions.schema.js';

export const changeRequestType = pgEnum('change_request_type', ['content', 'certification', 'modality', 'immersion', 'support', 'session_dates']);
export const changeRequestStatus = pgEnum('change_request_status', ['pending', 'approved', 'rejected']);

export const changeRequests = pgTable('change_requests', {
  id: uuid('id').primaryKey().defaultRandom(),
  labelId: uuid('label_id').notNull().references(() => labels.id, { onDelete: 'cascade' }),
  organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
  type: changeRequestType('type').notNull(),
  description: text('description').notNull(),
  /** Day from which the change would apply (YYYY-MM-DD). */
  requestedOn: text('requested_on').notNull(),
  /** Field of the training record to change (`section.field`) and its new value, when the change is one. */
  fieldKey: text('field_key'),
  newValue: text('new_value'),
  /** Type `session_dates`: the session whose dates move, its dates when the request was filed, and the new ones (YYYY-MM-DD). */
  sessionId: uuid('session_id').references(() => trainingSessions.id, { onDelete: 'set null' }),
  previousStart: text('previous_start'),
  previousEnd: text('previous_end'),
  newStart: text('new_start'),
  newEnd: text('new_end'),
  status: changeRequestStatus('status').notNull().default('pending'),
  submittedBy: uuid('submitted_by').references(() => users.id, { onDelete: 'set null' }),
  decisionMotivation: text('decision_motivation'),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
  decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('change_requests_label_idx').on(t.labelId),
  index('change_requests_org_idx').on(t.organisationId),
]);

/** The successive versions of a label's training record (flat `section.field` → text). */
export const trainingVersions = pgTable('training_versions', {
  id: uuid('id').primaryKey().defaultRandom(),
  labelId: uuid('label_id').notNull().references(() => labels.id, { onDelete: 'cascade' }),
  versionNumber: integer('version_number').notNull(),
  data: jsonb('data').$type<Record<string, string>>().notNull(),
  changeRequestId: uuid('change_request_id').references(() => changeRequests.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('training_versions_label_number_uq').on(t.labelId, t.versionNumber)]);

/** Documents attached to a change request (checked like every upload). */
export const changeRequestFiles = pgTable('change_request_files', {
  id: uuid('id').primaryKey().defaultRandom(),
  changeRequestId: uuid('change_request_id').notNull().references(() => changeRequests.id, { onDelete: 'cascade' }),
  ...storedFileColumns(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('change_request_files_request_idx').on(t.changeRequestId)]);
