/**
 * Review (instruction) of submitted applications: one review row per application with its
 * state, the reviewers assigned, the admissibility verdicts, correction requests, conflicts of
 * interest, score sheets, committee meetings and their decisions. Applications stay owned by the
 * applications domain; these tables only point at them.
 */
import { pgTable, uuid, text, timestamp, integer, jsonb, pgEnum, date, numeric, boolean, primaryKey, uniqueIndex, index } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { users } from '../platform/auth/auth.schema.js';
import { organisations } from '../organisations/organisations.schema.js';
import { calls, callCutoffs } from '../calls/calls.schema.js';
import { applications } from '../applications/applications.schema.js';

/** Review states (see review.states.ts for the allowed moves). */
export const reviewState = pgEnum('review_state', ['admissibility', 'inadmissible', 'scoring', 'labelled', 'rejected']);
/** A reviewer's verdict on one admissibility criterion. */
export const admissibilityVerdict = pgEnum('admissibility_verdict', ['met', 'not_met']);
/** Outcome of a committee decision. */
export const committeeOutcome = pgEnum('committee_outcome', ['labelled', 'rejected', 'deferred']);

export const applicationReviews = pgTable('application_reviews', {
  applicationId: uuid('application_id').primaryKey().references(() => applications.id, { onDelete: 'cascade' }),
  callId: uuid('call_id').notNull().references(() => calls.id, { onDelete: 'restrict' }),
  state: reviewState('state').notNull().default('admissibility'),
  /** Main training place (first place of the application): filters and territorial balance. */
  regionCode: text('region_code'),
  regionName: text('region_name'),
  departementCode: text('departement_code'),
  /** Submission instant the place was read from; a later resubmission refreshes it. */
  readFromSubmissionAt: timestamp('read_from_submission_at', { withTimezone: true }),
  /** Motivation of the last outcome (required for inadmissible). */
  motivation: text('motivation'),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
  decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
  /** Bumped at every state change: a stale decision form is refused. */
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('application_reviews_call_idx').on(t.callId, t.state), index('application_reviews_region_idx').on(t.regionCode)]);

export const reviewAssignments = pgTable('review_assignments', {
  applicationId: uuid('application_id').notNull().references(() => applications.id, { onDelete: 'cascade' }),
  reviewerId: uuid('reviewer_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  assignedBy: uuid('assigned_by').references(() => users.id, { onDelete: 'set null' }),
  assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.applicationId, t.reviewerId] }), index('review_assignments_reviewer_idx').on(t.reviewerId)]);

export const admissibilityVerdicts = pgTable('admissibility_verdicts', {
  applicationId: uuid('application_id').notNull().references(() => applications.id, { onDelete: 'cascade' }),
  /** Code of the call's admissibility criterion (R1…R10). */
  criterionCode: text('criterion_code').notNull(),
  verdict: admissibilityVerdict('verdict').notNull(),
  comment: text('comment').notNull().default(''),
  reviewerId: uuid('reviewer_id').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.applicationId, t.criterionCode] })]);

export const correctionRequests = pgTable('correction_requests', {
  id: uuid('id').primaryKey().defaultRandom(),
  applicationId: uuid('application_id').notNull().references(() => applications.id, { onDelete: 'cascade' }),
  /** Section keys of the applications domain the applicant must correct. */
  sections: jsonb('sections').$type<string[]>().notNull(),
  message: text('message').notNull(),
  dueOn: date('due_on').notNull(),
  requestedBy: uuid('requested_by').references(() => users.id, { onDelete: 'set null' }),
  requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
}, (t) => [index('correction_requests_app_idx').on(t.applicationId)]);

/** A staff member's declared tie with an organisation: never assigned to, never scores, never sees its applications. */
export const conflictDeclarations = pgTable('conflict_declarations', {
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
  reason: text('reason').notNull(),
  declaredAt: timestamp('declared_at', { withTimezone: true }).notNull(),
}, (t) => [primaryKey({ columns: [t.userId, t.organisationId] })]);

/**
 * An assigned reviewer's declaration that they have no tie with the application's organisation nor
 * its partners, made before seeing its content (a tie goes to conflict_declarations instead).
 */
export const reviewClearances = pgTable('review_clearances', {
  applicationId: uuid('application_id').notNull().references(() => applications.id, { onDelete: 'cascade' }),
  reviewerId: uuid('reviewer_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  declaredAt: timestamp('declared_at', { withTimezone: true }).notNull(),
}, (t) => [primaryKey({ columns: [t.applicationId, t.reviewerId] }), index('review_clearances_reviewer_idx').on(t.reviewerId)]);

/** One reviewer's scoring of one application; its lines are in score_lines. */
export const scoreSheets = pgTable('score_sheets', {
  applicationId: uuid('application_id').notNull().references(() => applications.id, { onDelete: 'cascade' }),
  reviewerId: uuid('reviewer_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  /** Sum of the criteria's points, out of 10 (two decimals). */
  total: numeric('total', { precision: 5, scale: 2 }).notNull(),
  submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
}, (t) => [primaryKey({ columns: [t.applicationId, t.reviewerId] })]);

export const scoreLines = pgTable('score_lines', {
  applicationId: uuid('application_id').notNull().references(() => applications.id, { onDelete: 'cascade' }),
  reviewerId: uuid('reviewer_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  /** Code of the call's selection criterion (S1…S6). */
  criterionCode: text('criterion_code').notNull(),
  /** Level on the 0–4 scale (docs/decisions/0006-scoring-scale.md). */
  level: integer('level').notNull(),
  /** Points: level / 4 × the criterion's weight at scoring time. */
  points: numeric('points', { precision: 5, scale: 2 }).notNull(),
  comment: text('comment').notNull(),
}, (t) => [primaryKey({ columns: [t.applicationId, t.reviewerId, t.criterionCode] })]);

export const committeeMeetings = pgTable('committee_meetings', {
  id: uuid('id').primaryKey().defaultRandom(),
  callId: uuid('call_id').notNull().references(() => calls.id, { onDelete: 'restrict' }),
  cutoffId: uuid('cutoff_id').notNull().references(() => callCutoffs.id, { onDelete: 'restrict' }),
  heldOn: date('held_on').notNull(),
  place: text('place').notNull().default(''),
  /** Set when the minutes are validated: decisions of the meeting are then locked. */
  minutesValidatedAt: timestamp('minutes_validated_at', { withTimezone: true }),
  minutesValidatedBy: uuid('minutes_validated_by').references(() => users.id, { onDelete: 'set null' }),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('committee_meetings_cutoff_idx').on(t.cutoffId)]);

export const committeeMembers = pgTable('committee_members', {
  meetingId: uuid('meeting_id').notNull().references(() => committeeMeetings.id, { onDelete: 'cascade' }),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
}, (t) => [primaryKey({ columns: [t.meetingId, t.userId] })]);

export const committeeDecisions = pgTable('committee_decisions', {
  id: uuid('id').primaryKey().defaultRandom(),
  meetingId: uuid('meeting_id').notNull().references(() => committeeMeetings.id, { onDelete: 'restrict' }),
  applicationId: uuid('application_id').notNull().references(() => applications.id, { onDelete: 'cascade' }),
  outcome: committeeOutcome('outcome').notNull(),
  motivation: text('motivation').notNull(),
  /** Mean score at decision time, kept for the minutes. */
  meanScore: numeric('mean_score', { precision: 5, scale: 2 }),
  decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
  decidedAt: timestamp('decided_at', { withTimezone: true }).notNull(),
  /** Seed grant (euros) granted with a label: ≤ the amount requested, ≤ the call's share of the budget. */
  seedGrant: integer('seed_grant'),
  /** For a deferral: the cut-off whose agenda the application moves to. */
  deferredToCutoffId: uuid('deferred_to_cutoff_id').references(() => callCutoffs.id, { onDelete: 'restrict' }),
}, (t) => [
  // One final decision per application; deferrals (which always name the next cut-off) may precede it.
  uniqueIndex('committee_decisions_final_uq').on(t.applicationId).where(sql`${t.deferredToCutoffId} is null`),
  index('committee_decisions_meeting_idx').on(t.meetingId),
]);

/** A decision mail drafted for the meeting's outbox: previewed, edited, then sent in bulk. */
export const decisionMails = pgTable('decision_mails', {
  decisionId: uuid('decision_id').primaryKey().references(() => committeeDecisions.id, { onDelete: 'cascade' }),
  meetingId: uuid('meeting_id').notNull().references(() => committeeMeetings.id, { onDelete: 'cascade' }),
  subject: text('subject').notNull(),
  body: text('body').notNull(),
  editedAt: timestamp('edited_at', { withTimezone: true }),
  editedBy: uuid('edited_by').references(() => users.id, { onDelete: 'set null' }),
  sentAt: timestamp('sent_at', { withTimezone: true }),
  sentBy: uuid('sent_by').references(() => users.id, { onDelete: 'set null' }),
}, (t) => [index('decision_mails_meeting_idx').on(t.meetingId)]);

/** Review figures of a call (configurable by admins): discussion gap, reviewers per application, seed grant cap. */
export const reviewSettings = pgTable('review_settings', {
  callId: uuid('call_id').primaryKey().references(() => calls.id, { onDelete: 'cascade' }),
  /** Gap between reviewers' totals above which the application is flagged for discussion. */
  discussionGap: numeric('discussion_gap', { precision: 4, scale: 2 }).notNull().default('2'),
  /** Reviewers the automatic assignment gives each application. */
  reviewersPerApplication: integer('reviewers_per_application').notNull().default(2),
  /** Highest share of the budget of the sessions concerned a seed grant may cover (0.8 = 80 %). */
  seedGrantMaxShare: numeric('seed_grant_max_share', { precision: 3, scale: 2 }).notNull().default('0.80'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
});

/** A group of reviewers covering régions; its lead assigns reviewers to the group's applications. */
export const reviewGroups = pgTable('review_groups', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('review_groups_name_uq').on(t.name)]);

export const reviewGroupRegions = pgTable('review_group_regions', {
  groupId: uuid('group_id').notNull().references(() => reviewGroups.id, { onDelete: 'cascade' }),
  regionCode: text('region_code').notNull(),
}, (t) => [primaryKey({ columns: [t.groupId, t.regionCode] }), index('review_group_regions_region_idx').on(t.regionCode)]);

export const reviewGroupMembers = pgTable('review_group_members', {
  groupId: uuid('group_id').notNull().references(() => reviewGroups.id, { onDelete: 'cascade' }),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  lead: boolean('lead').notNull().default(false),
}, (t) => [primaryKey({ columns: [t.groupId, t.userId] }), index('review_group_members_user_idx').on(t.userId)]);

/** Tags staff put on applications (managed list, DSFR colour). */
export const reviewTags = pgTable('review_tags', {
  id: uuid('id').primaryKey().defaultRandom(),
  label: text('label').notNull(),
  /** DSFR illustrative colour name (e.g. "green-emeraude"). */
  colour: text('colour').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('review_tags_label_uq').on(t.label)]);

export const applicationTags = pgTable('application_tags', {
  applicationId: uuid('application_id').notNull().references(() => applications.id, { onDelete: 'cascade' }),
  tagId: uuid('tag_id').notNull().references(() => reviewTags.id, { onDelete: 'cascade' }),
}, (t) => [primaryKey({ columns: [t.applicationId, t.tagId] }), index('application_tags_tag_idx').on(t.tagId)]);

/** Staff following an application (shown in their workspace). */
export const applicationFollows = pgTable('application_follows', {
  applicationId: uuid('application_id').notNull().references(() => applications.id, { onDelete: 'cascade' }),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.applicationId, t.userId] }), index('application_follows_user_idx').on(t.userId)]);

/** A staff member's saved workspace view: a name and the query string of its filters. */
export const savedViews = pgTable('saved_views', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  query: text('query').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('saved_views_user_name_uq').on(t.userId, t.name)]);
