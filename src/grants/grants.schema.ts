/**
 * Seed grants (subventions d’amorçage) of labels, paid in tranches. A label whose committee
 * decision granted a seed grant gets, when it becomes active, one tranche per (session covered ×
 * tranche of the call's plan), amounts in cents summing exactly to the grant. A tranche is planned,
 * becomes payable when its condition is met (start attestation or end-of-session report of its
 * session), then is paid or withheld by staff. Clawbacks (reprises) of paid money are separate rows.
 */
import { pgTable, uuid, text, timestamp, integer, date, pgEnum, uniqueIndex, index } from 'drizzle-orm/pg-core';
import { organisations } from '../organisations/organisations.schema.js';
import { labels } from '../labels/labels.schema.js';
import { trainingSessions } from '../sessions/sessions.schema.js';
import { sanctionProcedures } from '../compliance/compliance.schema.js';
import { users } from '../platform/auth/auth.schema.js';

/** Where a tranche stands. */
export const grantTrancheState = pgEnum('grant_tranche_state', ['planned', 'payable', 'paid', 'withheld']);
/** What makes a tranche payable. */
export const grantTrancheCondition = pgEnum('grant_tranche_condition', ['start_attestation', 'end_report']);

export const grantTranches = pgTable('grant_tranches', {
  id: uuid('id').primaryKey().defaultRandom(),
  labelId: uuid('label_id').notNull().references(() => labels.id, { onDelete: 'cascade' }),
  organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
  /** Which session of the label the tranche depends on: 1 = the first (by start), 2 = the second. */
  sessionRank: integer('session_rank').notNull(),
  /** Order of the tranche in the call's plan (1, 2…). */
  position: integer('position').notNull(),
  /** Name of the tranche in the call's plan, e.g. "Démarrage de la session". */
  title: text('title').notNull(),
  sharePercent: integer('share_percent').notNull(),
  condition: grantTrancheCondition('condition').notNull(),
  amountCents: integer('amount_cents').notNull(),
  state: grantTrancheState('state').notNull().default('planned'),
  /** The session whose attestation or report met the condition. */
  sessionId: uuid('session_id').references(() => trainingSessions.id, { onDelete: 'set null' }),
  payableAt: timestamp('payable_at', { withTimezone: true }),
  paidOn: date('paid_on'),
  paymentReference: text('payment_reference'),
  /** Staff motivation of the last decision (optional for a payment, required for a withholding). */
  motivation: text('motivation'),
  withheldAt: timestamp('withheld_at', { withTimezone: true }),
  /** The sanction procedure whose decision withheld the tranche, if any. */
  sanctionId: uuid('sanction_id').references(() => sanctionProcedures.id, { onDelete: 'set null' }),
  decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('grant_tranches_label_uq').on(t.labelId, t.sessionRank, t.position),
  index('grant_tranches_state_idx').on(t.state),
  index('grant_tranches_org_idx').on(t.organisationId),
]);

/** Money taken back from what was paid (reprise), e.g. label withdrawn, session not held. */
export const grantClawbacks = pgTable('grant_clawbacks', {
  id: uuid('id').primaryKey().defaultRandom(),
  labelId: uuid('label_id').notNull().references(() => labels.id, { onDelete: 'cascade' }),
  organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
  amountCents: integer('amount_cents').notNull(),
  /** Day of the clawback decision (Paris). */
  decidedOn: date('decided_on').notNull(),
  motivation: text('motivation').notNull(),
  recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('grant_clawbacks_label_idx').on(t.labelId)]);
