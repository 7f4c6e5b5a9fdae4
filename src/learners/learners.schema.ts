/**
 * Learners of the sessions of labelled trainings (personal data: see the RGPD rules in
 * learners.ts). One row per learner per session. The address is classified by the territory
 * engine with the geography in force at the session's start; once the end-of-session report is
 * accepted the address is minimised to commune + results + versions, and at the end of the label
 * plus the retention period the personal fields are erased (the row keeps pseudonymous figures).
 */
import { pgTable, uuid, text, timestamp, date, boolean, pgEnum, index } from 'drizzle-orm/pg-core';
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
