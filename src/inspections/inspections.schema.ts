/**
 * Inspections (contrôles) of labelled trainings: planned by the monitoring team, on site or
 * remote, often after a complaint; then a report with findings, checked documents and a conclusion.
 */
import { pgTable, uuid, text, timestamp, integer, date, pgEnum, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from '../platform/auth/auth.schema.js';
import { organisations } from '../organisations/organisations.schema.js';
import { labels } from '../labels/labels.schema.js';
import { supportTickets } from '../support/support.schema.js';
import { storedFileColumns } from '../platform/files/files.columns.js';

export const inspectionKind = pgEnum('inspection_kind', ['on_site', 'remote']);
export const inspectionStatus = pgEnum('inspection_status', ['planned', 'reported', 'cancelled']);
export const inspectionConclusion = pgEnum('inspection_conclusion', ['compliant', 'remarks', 'breach']);

export const inspections = pgTable('inspections', {
  id: uuid('id').primaryKey().defaultRandom(),
  labelId: uuid('label_id').notNull().references(() => labels.id, { onDelete: 'restrict' }),
  /** The label's organisation, kept here so that the organisation's pages filter on it. */
  organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'restrict' }),
  kind: inspectionKind('kind').notNull(),
  /** Day of the inspection (Paris calendar day). */
  plannedOn: date('planned_on').notNull(),
  /** Why GEN inspects (staff only: it may name a complainant). */
  reason: text('reason').notNull(),
  /** The complaint ticket that led to it, if any. */
  ticketId: uuid('ticket_id').references(() => supportTickets.id, { onDelete: 'set null' }),
  status: inspectionStatus('status').notNull().default('planned'),
  findings: text('findings'),
  conclusion: inspectionConclusion('conclusion'),
  /** What the organisation is told with the conclusion (no complainant identity). */
  messageToOrganisation: text('message_to_organisation'),
  reportedAt: timestamp('reported_at', { withTimezone: true }),
  reportedBy: uuid('reported_by').references(() => users.id, { onDelete: 'set null' }),
  cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
  cancelReason: text('cancel_reason'),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('inspections_label_idx').on(t.labelId, t.plannedOn),
  index('inspections_org_idx').on(t.organisationId),
  index('inspections_status_idx').on(t.status, t.plannedOn),
  index('inspections_ticket_idx').on(t.ticketId),
]);

/** Documents checked during an inspection, uploaded with the report (same checks as every upload). */
export const inspectionFiles = pgTable('inspection_files', {
  id: uuid('id').primaryKey().defaultRandom(),
  inspectionId: uuid('inspection_id').notNull().references(() => inspections.id, { onDelete: 'cascade' }),
  ...storedFileColumns(),
  uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('inspection_files_key_uq').on(t.storageKey), index('inspection_files_inspection_idx').on(t.inspectionId)]);
