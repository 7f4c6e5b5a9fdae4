/**
 * Learners of the sessions of labelled trainings (personal data: see the RGPD rules in
 * learners.ts). One row per learner per session. The address is classified by the territory
 * engine with the geography in force at the session's start; once the end-of-session report is
 * accepted the address is minimised to commune + results + versions, and at the end of the label
 * plus the retention period the personal fields are erased (the row keeps pseudonymous figures).
 */
import { pgTable, uuid, text, timestamp, date, boolean, pgEnum, index, integer, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from '../platform/auth/auth.schema.js';
import { organisations } from '../organisations/organisations.schema.js';
import { trainingSessions } from '../sessions/sessions.schema.js';

export const learnerSex = pgEnum('learner_sex', ['F', 'M']);
export const educationLevel = pgEnum('education_level', ['infra_bac', 'bac', 'bac_2', 'bac_3_plus']);
export const entrySituation = pgEnum('entry_situation', ['job_seeker', 'rsa', 'neet', 'employee', 'other']);
/** Where the learner is at the end of the session. */
export const learnerCompletion = pgEnum('learner_completion', ['completed', 'left']);
export const certificationResult = pgEnum('certification_result', ['full', 'partial', 'no', 'not_presented']);
/** Situation at exit, 3 and 6 months. */
export const exitSituation = pgEnum('exit_situation', ['cdi', 'cdd_6m_plus', 'cdd_under_6m', 'interim', 'work_study', 'business_creation', 'further_training', 'job_seeking', 'inactive', 'unknown']);
/** Result of placing the address with the territory engine. */
export const placementStatus = pgEnum('placement_status', ['placed', 'unplaced', 'overridden']);

export const learners = pgTable('learners', {
  id: uuid('id').primaryKey().defaultRandom(),
  sessionId: uuid('session_id').notNull().references(() => trainingSessions.id, { onDelete: 'cascade' }),
  organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'restrict' }),
  // Personal data (null once erased).
  lastName: text('last_name'),
  firstName: text('first_name'),
  birthDate: date('birth_date'),
  email: text('email'),
  phone: text('phone'),
  /** Full postal address as given; reduced to null after minimisation. */
  address: text('address'),
  // Kept for statistics.
  sex: learnerSex('sex').notNull(),
  birthYear: text('birth_year'),
  educationLevel: educationLevel('education_level').notNull(),
  entrySituation: entrySituation('entry_situation').notNull(),
  rqth: boolean('rqth').notNull().default(false),
  crousAid: boolean('crous_aid').notNull().default(false),
  // What the territory engine said (kept after minimisation).
  placement: placementStatus('placement').notNull().default('unplaced'),
  inseeCode: text('insee_code'),
  commune: text('commune'),
  departement: text('departement'),
  region: text('region'),
  qpvCode: text('qpv_code'),
  inQpv: boolean('in_qpv'),
  inZrrFrr: boolean('in_zrr_frr'),
  /** Geography versions used, e.g. {"qpv":"qpv-2024","rural":"frr-2025"}. */
  geoVersions: text('geo_versions'),
  overrideReason: text('override_reason'),
  // During and after the session.
  leftOn: date('left_on'),
  leftReason: text('left_reason'),
  completion: learnerCompletion('completion'),
  certification: certificationResult('certification'),
  situationAtExit: exitSituation('situation_at_exit'),
  situation3m: exitSituation('situation_3m'),
  situation6m: exitSituation('situation_6m'),
  minimisedAt: timestamp('minimised_at', { withTimezone: true }),
  erasedAt: timestamp('erased_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('learners_session_idx').on(t.sessionId),
  index('learners_org_idx').on(t.organisationId),
]);

/** An uploaded roster file waiting for its column mapping (deleted once imported or after a day). */
export const learnerImports = pgTable('learner_imports', {
  id: uuid('id').primaryKey().defaultRandom(),
  sessionId: uuid('session_id').notNull().references(() => trainingSessions.id, { onDelete: 'cascade' }),
  fileName: text('file_name').notNull(),
  /** The file's bytes, base64. */
  content: text('content').notNull(),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** CROUS offices and the address their attendance notices go to (edited by platform admins). */
export const crousOffices = pgTable('crous_offices', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  email: text('email').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('crous_offices_name_uq').on(t.name)]);

/** Kind of attendance breach of a CROUS aid recipient. */
export const breachKind = pgEnum('attendance_breach_kind', ['classes', 'exams']);

/** An attendance breach of a CROUS aid recipient, and the notice sent to the CROUS. */
export const attendanceBreaches = pgTable('attendance_breaches', {
  id: uuid('id').primaryKey().defaultRandom(),
  learnerId: uuid('learner_id').notNull().references(() => learners.id, { onDelete: 'cascade' }),
  sessionId: uuid('session_id').notNull().references(() => trainingSessions.id, { onDelete: 'cascade' }),
  crousOfficeId: uuid('crous_office_id').notNull().references(() => crousOffices.id, { onDelete: 'restrict' }),
  kind: breachKind('kind').notNull(),
  fromDate: date('from_date').notNull(),
  toDate: date('to_date').notNull(),
  details: text('details').notNull(),
  noticeSentAt: timestamp('notice_sent_at', { withTimezone: true }),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('attendance_breaches_session_idx').on(t.sessionId)]);

/** The optional survey of a learner at 3 or 6 months: a personal link (no account), and the answer. */
export const learnerSurveys = pgTable('learner_surveys', {
  id: uuid('id').primaryKey().defaultRandom(),
  learnerId: uuid('learner_id').notNull().references(() => learners.id, { onDelete: 'cascade' }),
  /** '3m' or '6m'. */
  wave: text('wave').notNull(),
  /** SHA-256 of the link's token. */
  tokenHash: text('token_hash').notNull(),
  sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  answeredAt: timestamp('answered_at', { withTimezone: true }),
  situation: exitSituation('situation'),
  satisfaction: integer('satisfaction'),
  comment: text('comment'),
}, (t) => [uniqueIndex('learner_surveys_token_uq').on(t.tokenHash), uniqueIndex('learner_surveys_wave_uq').on(t.learnerId, t.wave)]);
