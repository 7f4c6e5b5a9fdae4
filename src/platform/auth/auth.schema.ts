/** Identity tables: users, sessions, one-time tokens, login attempts, staff roles, second factor. */
import { sql } from 'drizzle-orm';
import { pgTable, uuid, text, timestamp, boolean, index, uniqueIndex, pgEnum, bigserial, bigint, primaryKey } from 'drizzle-orm/pg-core';

export const staffRole = pgEnum('staff_role', ['instructor', 'monitoring', 'committee', 'admin']);
export const tokenPurpose = pgEnum('token_purpose', ['email_confirmation', 'password_reset']);

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  email: text('email').notNull(),
  fullName: text('full_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  emailConfirmedAt: timestamp('email_confirmed_at', { withTimezone: true }),
  passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
  /** TOTP secret, encrypted with APP_SECRET (AES-256-GCM); null until enrolment is confirmed. */
  totpSecret: text('totp_secret'),
  totpPending: text('totp_pending'),
  totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
  /** The last TOTP time step accepted (30 s steps since the epoch): a code of this step or older is refused (no replay). */
  totpLastStep: bigint('totp_last_step', { mode: 'number' }),
  disabledAt: timestamp('disabled_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('users_email_uq').on(sql`lower(${t.email})`)]);

export const staffRoles = pgTable('staff_roles', {
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  role: staffRole('role').notNull(),
  grantedBy: uuid('granted_by').references(() => users.id, { onDelete: 'set null' }),
  grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.userId, t.role] })]);

export const recoveryCodes = pgTable('recovery_codes', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  codeHash: text('code_hash').notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
}, (t) => [index('recovery_codes_user_idx').on(t.userId)]);

export const sessions = pgTable('sessions', {
  /** sha256 of the cookie token: a stolen table does not give usable cookies. */
  id: text('id').primaryKey(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  currentOrgId: uuid('current_org_id'),
  secondFactorAt: timestamp('second_factor_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  ip: text('ip'),
  userAgent: text('user_agent'),
}, (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)]);

export const oneTimeTokens = pgTable('one_time_tokens', {
  /** sha256 of the token sent by email. */
  id: text('id').primaryKey(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  purpose: tokenPurpose('purpose').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
}, (t) => [index('one_time_tokens_user_idx').on(t.userId)]);

export const loginAttempts = pgTable('login_attempts', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  /** sha256 of the lower-cased email, so the table does not collect addresses. */
  emailHash: text('email_hash').notNull(),
  ip: text('ip').notNull(),
  success: boolean('success').notNull(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('login_attempts_email_idx').on(t.emailHash, t.at), index('login_attempts_ip_idx').on(t.ip, t.at)]);

/** A requested change of email address, waiting for the link mailed to the new address. */
export const emailChanges = pgTable('email_changes', {
  /** sha256 of the token mailed to the new address. */
  id: text('id').primaryKey(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  newEmail: text('new_email').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
}, (t) => [index('email_changes_user_idx').on(t.userId)]);
