/** Training organisations (porteurs de projet), their members and pending invitations. */
import { sql } from 'drizzle-orm';
import { pgTable, uuid, text, timestamp, date, pgEnum, primaryKey, uniqueIndex, index } from 'drizzle-orm/pg-core';
import { users } from '../platform/auth/auth.schema.js';

export const qualiopiStatus = pgEnum('qualiopi_status', ['certified', 'audit_scheduled', 'none']);
export const memberRole = pgEnum('member_role', ['admin', 'member']);

export const organisations = pgTable('organisations', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  siret: text('siret').notNull(),
  nda: text('nda').notNull(),
  qualiopiStatus: qualiopiStatus('qualiopi_status').notNull(),
  /** End of validity of the Qualiopi certificate (status certified). */
  qualiopiValidUntil: date('qualiopi_valid_until'),
  /** Date of the initial audit (status audit_scheduled). */
  qualiopiAuditDate: date('qualiopi_audit_date'),
  addressLine: text('address_line').notNull(),
  postcode: text('postcode').notNull(),
  city: text('city').notNull(),
  contactName: text('contact_name').notNull(),
  contactEmail: text('contact_email').notNull(),
  contactPhone: text('contact_phone').notNull(),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('organisations_siret_uq').on(t.siret)]);

export const memberships = pgTable('memberships', {
  organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  role: memberRole('role').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.organisationId, t.userId] }), index('memberships_user_idx').on(t.userId)]);

export const invitations = pgTable('invitations', {
  id: uuid('id').primaryKey().defaultRandom(),
  organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
  email: text('email').notNull(),
  role: memberRole('role').notNull(),
  /** sha256 of the token sent by email. */
  tokenHash: text('token_hash').notNull(),
  invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  acceptedAt: timestamp('accepted_at', { withTimezone: true }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
}, (t) => [uniqueIndex('invitations_token_uq').on(t.tokenHash), index('invitations_org_email_idx').on(t.organisationId, sql`lower(${t.email})`)]);
