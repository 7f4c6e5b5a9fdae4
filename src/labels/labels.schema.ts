/**
 * Labels: one row per labelled training, created by the committee's decision. The label is a
 * living object (statuses in label.states.ts): monitoring, catalogue and renewal read this table.
 *
 * Dates: `validFrom` is the day the agreement (convention) is signed; `validUntil` is the last day
 * of validity (validFrom + the call's labelYears, minus one day). Both stay null until signature.
 */
import { pgTable, uuid, text, timestamp, integer, date, pgEnum, uniqueIndex, index } from 'drizzle-orm/pg-core';
import { users } from '../platform/auth/auth.schema.js';
import { storedFileColumns } from '../platform/files/files.columns.js';
import { organisations } from '../organisations/organisations.schema.js';
import { calls } from '../calls/calls.schema.js';
import { applications } from '../applications/applications.schema.js';
import { committeeDecisions } from '../review/review.schema.js';

/** Statuses of a label. */
export const labelStatus = pgEnum('label_status', ['pending_agreement', 'active', 'suspended', 'withdrawn', 'terminated', 'expired']);

export const labels = pgTable('labels', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** GEN-<year of the decision>-<4-digit sequence of that year>, e.g. GEN-2021-0007. */
  number: text('number').notNull(),
  applicationId: uuid('application_id').notNull().references(() => applications.id, { onDelete: 'restrict' }),
  organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'restrict' }),
  callId: uuid('call_id').notNull().references(() => calls.id, { onDelete: 'restrict' }),
  decisionId: uuid('decision_id').notNull().references(() => committeeDecisions.id, { onDelete: 'restrict' }),
  /** Training title at decision time (the application may be renamed later; the label keeps its name). */
  trainingTitle: text('training_title').notNull(),
  status: labelStatus('status').notNull().default('pending_agreement'),
  agreementSignedAt: timestamp('agreement_signed_at', { withTimezone: true }),
  validFrom: date('valid_from'),
  validUntil: date('valid_until'),
  /** Motivation of the last status change (required for suspension, withdrawal, termination). */
  statusReason: text('status_reason'),
  statusChangedAt: timestamp('status_changed_at', { withTimezone: true }).notNull(),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  /** Amicable termination asked by an organisation admin, until staff decide (then cleared). */
  terminationRequestedAt: timestamp('termination_requested_at', { withTimezone: true }),
  terminationRequestedBy: uuid('termination_requested_by').references(() => users.id, { onDelete: 'set null' }),
  terminationRequestReason: text('termination_request_reason'),
  /** When the renewal invitation was mailed (6 months before the end), so it goes only once. */
  renewalInvitedAt: timestamp('renewal_invited_at', { withTimezone: true }),
}, (t) => [
  uniqueIndex('labels_number_uq').on(t.number),
  uniqueIndex('labels_application_uq').on(t.applicationId),
  index('labels_org_idx').on(t.organisationId),
  index('labels_status_idx').on(t.status, t.validUntil),
]);

/** Last label sequence given per year. */
export const labelCounters = pgTable('label_counters', {
  year: integer('year').primaryKey(),
  last: integer('last').notNull(),
});

/**
 * Who signed the convention: the organisation's admin in the platform, then staff countersigning;
 * or staff recording a copy signed on paper. Each row keeps the exact PDF signed (file storage)
 * and its SHA-256; one row per kind and label, so a convention is never signed twice.
 */
export const labelSignatureKind = pgEnum('label_signature_kind', ['organisation', 'countersignature', 'signed_copy']);

export const labelSignatures = pgTable('label_signatures', {
  id: uuid('id').primaryKey().defaultRandom(),
  labelId: uuid('label_id').notNull().references(() => labels.id, { onDelete: 'restrict' }),
  kind: labelSignatureKind('kind').notNull(),
  signerId: uuid('signer_id').references(() => users.id, { onDelete: 'set null' }),
  /** Identity as it was at signature time (the account may change later). */
  signerName: text('signer_name').notNull(),
  signerEmail: text('signer_email').notNull(),
  signedAt: timestamp('signed_at', { withTimezone: true }).notNull(),
  /** Signed copy only: the day written on the paper copy (start of validity). */
  signedOn: date('signed_on'),
  ...storedFileColumns(),
}, (t) => [
  uniqueIndex('label_signatures_kind_uq').on(t.labelId, t.kind),
  uniqueIndex('label_signatures_key_uq').on(t.storageKey),
]);
