/** Queries of one application's review: the review row, assignments, conflicts, verdicts, corrections, scores. */
import { and, asc, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/index.js';
import { users, staffRoles } from '../platform/auth/auth.schema.js';
import { applications, applicationSections } from '../applications/applications.schema.js';
import { calls } from '../calls/calls.schema.js';
import { organisations } from '../organisations/organisations.schema.js';
import {
  applicationReviews, reviewAssignments, conflictDeclarations, admissibilityVerdicts, correctionRequests, scoreSheets, scoreLines, reviewClearances,
} from './review.schema.js';
import type { ReviewState } from './review.states.js';
import type { CriterionVerdict } from './admissibility-review.js';
import type { ScoreLine } from './scoring.js';
import { areaOfPostcode } from './region.js';

/** A review row. */
export type ReviewRow = typeof applicationReviews.$inferSelect;

/** Application states that staff examine (drafts are never seen). */
const UNDER_REVIEW = ['submitted', 'in_correction', 'withdrawn'] as const;

/**
 * Opens or refreshes the review rows of submitted applications (of one call, or one application):
 * the main place's région is read from the deposited "Lieux" section, or the organisation's address.
 * Idempotent; a resubmission after correction refreshes the place.
 */
export async function syncReviews(tx: DbOrTx, scope: { callId?: string; applicationId?: string }): Promise<void> {
  const rows = await tx.select({
    id: applications.id, callId: applications.callId, submittedAt: applications.submittedAt,
    places: applicationSections.data, orgPostcode: organisations.postcode, readAt: applicationReviews.readFromSubmissionAt, reviewId: applicationReviews.applicationId,
  }).from(applications)
    .innerJoin(organisations, eq(organisations.id, applications.organisationId))
    .leftJoin(applicationSections, and(eq(applicationSections.applicationId, applications.id), eq(applicationSections.sectionKey, 'places')))
    .leftJoin(applicationReviews, eq(applicationReviews.applicationId, applications.id))
    .where(and(
      scope.callId ? eq(applications.callId, scope.callId) : undefined,
      scope.applicationId ? eq(applications.id, scope.applicationId) : undefined,
      inArray(applications.state, [...UNDER_REVIEW]),
      sql`${applications.submittedAt} is not null`,
      or(isNull(applicationReviews.applicationId), ne(applicationReviews.readFromSubmissionAt, applications.submittedAt), isNull(applicationReviews.readFromSubmissionAt)),
    ));
  for (const r of rows) {
    const places = (r.places?.places as { postcode?: string }[] | undefined) ?? [];
    const area = areaOfPostcode(places.find((p) => p.postcode)?.postcode ?? '') ?? areaOfPostcode(r.orgPostcode);
    const place = { regionCode: area?.regionCode ?? null, regionName: area?.regionName ?? null, departementCode: area?.departementCode ?? null, readFromSubmissionAt: r.submittedAt };
    await tx.insert(applicationReviews).values({ applicationId: r.id, callId: r.callId, ...place })
      .onConflictDoUpdate({ target: applicationReviews.applicationId, set: place });
  }
}

/** The review of an application (opened on the way); `lock` takes a row lock for a decision. */
export async function findReview(tx: DbOrTx, applicationId: string, o: { lock?: boolean } = {}): Promise<ReviewRow | null> {
  await syncReviews(tx, { applicationId });
  const q = tx.select().from(applicationReviews).where(eq(applicationReviews.applicationId, applicationId));
  const [row] = o.lock ? await q.for('update') : await q;
  return row ?? null;
}

/** The organisation of any application, by the application's id (staff side, unscoped). */
export async function applicationOwner(db: DbOrTx, applicationId: string) {
  const [row] = await db.select({ id: applications.id, organisationId: applications.organisationId, callId: applications.callId, cutoffId: applications.cutoffId, state: applications.state, submittedAt: applications.submittedAt, trainingTitle: applications.trainingTitle })
    .from(applications).where(eq(applications.id, applicationId));
  return row ?? null;
}

/** Moves a review if its version is still `expected`; null when someone else moved it first. */
export async function updateReviewState(tx: DbOrTx, applicationId: string, expected: number, v: { state: ReviewState; motivation: string | null; by: string; now: Date }) {
  const rows = await tx.update(applicationReviews).set({
    state: v.state, motivation: v.motivation, decidedAt: v.now, decidedBy: v.by, updatedAt: v.now, version: sql`${applicationReviews.version} + 1`,
  }).where(and(eq(applicationReviews.applicationId, applicationId), eq(applicationReviews.version, expected))).returning();
  return rows[0] ?? null;
}

/** Reviewers assigned to an application, with their names. */
export async function listAssignments(db: DbOrTx, applicationId: string) {
  return db.select({ reviewerId: reviewAssignments.reviewerId, fullName: users.fullName, email: users.email, assignedAt: reviewAssignments.assignedAt })
    .from(reviewAssignments).innerJoin(users, eq(users.id, reviewAssignments.reviewerId))
    .where(eq(reviewAssignments.applicationId, applicationId)).orderBy(asc(reviewAssignments.assignedAt));
}

/** Assigns a reviewer; false when already assigned. */
export async function insertAssignment(tx: DbOrTx, v: { applicationId: string; reviewerId: string; assignedBy: string; now: Date }): Promise<boolean> {
  const rows = await tx.insert(reviewAssignments).values({ ...v, assignedAt: v.now }).onConflictDoNothing().returning();
  return rows.length > 0;
}

/** Removes an assignment; false when there was none. */
export async function deleteAssignment(tx: DbOrTx, applicationId: string, reviewerId: string): Promise<boolean> {
  const rows = await tx.delete(reviewAssignments).where(and(eq(reviewAssignments.applicationId, applicationId), eq(reviewAssignments.reviewerId, reviewerId))).returning();
  return rows.length > 0;
}

/** Active staff who may review (instructors and admins), by name. */
export async function listReviewers(db: DbOrTx) {
  return db.selectDistinct({ id: users.id, fullName: users.fullName, email: users.email })
    .from(users).innerJoin(staffRoles, eq(staffRoles.userId, users.id))
    .where(and(inArray(staffRoles.role, ['instructor', 'admin']), isNull(users.disabledAt))).orderBy(asc(users.fullName));
}

/** Whether a user declared a conflict with an organisation. */
export async function isConflicted(db: DbOrTx, userId: string, organisationId: string): Promise<boolean> {
  const r = await db.select({ u: conflictDeclarations.userId }).from(conflictDeclarations)
    .where(and(eq(conflictDeclarations.userId, userId), eq(conflictDeclarations.organisationId, organisationId)));
  return r.length > 0;
}

/** Users who declared a conflict with an organisation. */
export async function conflictedUsers(db: DbOrTx, organisationId: string) {
  return db.select({ userId: conflictDeclarations.userId, fullName: users.fullName, reason: conflictDeclarations.reason, declaredAt: conflictDeclarations.declaredAt })
    .from(conflictDeclarations).innerJoin(users, eq(users.id, conflictDeclarations.userId))
    .where(eq(conflictDeclarations.organisationId, organisationId));
}

/** Records a conflict declaration; false when already declared. */
export async function insertConflict(tx: DbOrTx, v: { userId: string; organisationId: string; reason: string; now: Date }): Promise<boolean> {
  const rows = await tx.insert(conflictDeclarations).values({ userId: v.userId, organisationId: v.organisationId, reason: v.reason, declaredAt: v.now }).onConflictDoNothing().returning();
  return rows.length > 0;
}

/** Whether a reviewer declared having no tie with the organisation and partners of an application. */
export async function isCleared(db: DbOrTx, userId: string, applicationId: string): Promise<boolean> {
  const r = await db.select({ u: reviewClearances.reviewerId }).from(reviewClearances)
    .where(and(eq(reviewClearances.reviewerId, userId), eq(reviewClearances.applicationId, applicationId)));
  return r.length > 0;
}

/** The no-conflict declarations made on an application, by reviewer. */
export async function listClearances(db: DbOrTx, applicationId: string) {
  return db.select({ reviewerId: reviewClearances.reviewerId, declaredAt: reviewClearances.declaredAt }).from(reviewClearances)
    .where(eq(reviewClearances.applicationId, applicationId));
}

/** Records a reviewer's no-conflict declaration on an application; false when already made. */
export async function insertClearance(tx: DbOrTx, v: { reviewerId: string; applicationId: string; now: Date }): Promise<boolean> {
  const rows = await tx.insert(reviewClearances).values({ reviewerId: v.reviewerId, applicationId: v.applicationId, declaredAt: v.now }).onConflictDoNothing().returning();
  return rows.length > 0;
}

/** Removes a user's assignments on every application of an organisation; returns the application ids. */
export async function unassignFromOrganisation(tx: DbOrTx, userId: string, organisationId: string): Promise<string[]> {
  const rows = await tx.delete(reviewAssignments).where(and(
    eq(reviewAssignments.reviewerId, userId),
    inArray(reviewAssignments.applicationId, tx.select({ id: applications.id }).from(applications).where(eq(applications.organisationId, organisationId))),
  )).returning({ id: reviewAssignments.applicationId });
  return rows.map((r) => r.id);
}

/** The verdicts recorded on an application. */
export async function listVerdicts(db: DbOrTx, applicationId: string) {
  return db.select({ criterionCode: admissibilityVerdicts.criterionCode, verdict: admissibilityVerdicts.verdict, comment: admissibilityVerdicts.comment, reviewerName: users.fullName, updatedAt: admissibilityVerdicts.updatedAt })
    .from(admissibilityVerdicts).leftJoin(users, eq(users.id, admissibilityVerdicts.reviewerId))
    .where(eq(admissibilityVerdicts.applicationId, applicationId));
}

/** Writes the verdicts of an application (one row per criterion). */
export async function upsertVerdicts(tx: DbOrTx, applicationId: string, verdicts: CriterionVerdict[], reviewerId: string, now: Date): Promise<void> {
  for (const v of verdicts) {
    const row = { verdict: v.verdict, comment: v.comment, reviewerId, updatedAt: now };
    await tx.insert(admissibilityVerdicts).values({ applicationId, criterionCode: v.criterionCode, ...row })
      .onConflictDoUpdate({ target: [admissibilityVerdicts.applicationId, admissibilityVerdicts.criterionCode], set: row });
  }
}

/** Records a correction request. */
export async function insertCorrection(tx: DbOrTx, v: typeof correctionRequests.$inferInsert) {
  const [row] = await tx.insert(correctionRequests).values(v).returning();
  return row!;
}

/** The correction requests of an application, newest first. */
export async function listCorrections(db: DbOrTx, applicationId: string) {
  return db.select({ request: correctionRequests, requestedByName: users.fullName })
    .from(correctionRequests).leftJoin(users, eq(users.id, correctionRequests.requestedBy))
    .where(eq(correctionRequests.applicationId, applicationId)).orderBy(sql`${correctionRequests.requestedAt} desc`);
}

/** Every score sheet of an application with its lines and the reviewer's name. */
export async function listSheets(db: DbOrTx, applicationId: string) {
  const sheets = await db.select({ reviewerId: scoreSheets.reviewerId, total: scoreSheets.total, submittedAt: scoreSheets.submittedAt, fullName: users.fullName })
    .from(scoreSheets).innerJoin(users, eq(users.id, scoreSheets.reviewerId))
    .where(eq(scoreSheets.applicationId, applicationId)).orderBy(asc(scoreSheets.submittedAt));
  const lines = sheets.length ? await db.select().from(scoreLines).where(eq(scoreLines.applicationId, applicationId)) : [];
  return sheets.map((s) => ({
    ...s, total: Number(s.total),
    lines: lines.filter((l) => l.reviewerId === s.reviewerId).map((l) => ({ criterionCode: l.criterionCode, level: l.level, points: Number(l.points), comment: l.comment })),
  }));
}

/** Replaces a reviewer's sheet on an application. */
export async function saveSheet(tx: DbOrTx, v: { applicationId: string; reviewerId: string; lines: ScoreLine[]; total: number; now: Date }): Promise<void> {
  const key = and(eq(scoreLines.applicationId, v.applicationId), eq(scoreLines.reviewerId, v.reviewerId));
  await tx.delete(scoreLines).where(key);
  await tx.insert(scoreLines).values(v.lines.map((l) => ({ applicationId: v.applicationId, reviewerId: v.reviewerId, criterionCode: l.criterionCode, level: l.level, points: l.points.toFixed(2), comment: l.comment })));
  const sheet = { total: v.total.toFixed(2), submittedAt: v.now };
  await tx.insert(scoreSheets).values({ applicationId: v.applicationId, reviewerId: v.reviewerId, ...sheet })
    .onConflictDoUpdate({ target: [scoreSheets.applicationId, scoreSheets.reviewerId], set: sheet });
}

/** Whether a user is an active instructor or admin. */
export async function isActiveReviewer(db: DbOrTx, userId: string): Promise<boolean> {
  const r = await db.select({ id: users.id }).from(users).innerJoin(staffRoles, eq(staffRoles.userId, users.id))
    .where(and(eq(users.id, userId), inArray(staffRoles.role, ['instructor', 'admin']), isNull(users.disabledAt))).limit(1);
  return r.length > 0;
}

/** What the review's mails need: the application, its call, and who to write to (contact and submitter). */
export async function mailContext(db: DbOrTx, applicationId: string) {
  const [row] = await db.select({
    id: applications.id, organisationId: applications.organisationId, callId: applications.callId, trainingTitle: applications.trainingTitle,
    receiptNumber: applications.receiptNumber, callTitle: calls.title, timezone: calls.timezone, contactEmail: organisations.contactEmail, submitterEmail: users.email,
  }).from(applications)
    .innerJoin(calls, eq(calls.id, applications.callId))
    .innerJoin(organisations, eq(organisations.id, applications.organisationId))
    .leftJoin(users, eq(users.id, applications.submittedBy))
    .where(eq(applications.id, applicationId));
  if (!row) return null;
  const recipients = [...new Set([row.submitterEmail, row.contactEmail].filter((e): e is string => !!e).map((e) => e.toLowerCase()))];
  return { ...row, recipients };
}

/** Deletes a reviewer's score sheets on the undecided applications of an organisation (after a conflict). */
export async function deleteSheetsOnOrganisation(tx: DbOrTx, reviewerId: string, organisationId: string): Promise<number> {
  const apps = tx.select({ id: applications.id }).from(applications)
    .innerJoin(applicationReviews, eq(applicationReviews.applicationId, applications.id))
    .where(and(eq(applications.organisationId, organisationId), eq(applicationReviews.state, 'scoring')));
  await tx.delete(scoreLines).where(and(eq(scoreLines.reviewerId, reviewerId), inArray(scoreLines.applicationId, apps)));
  const rows = await tx.delete(scoreSheets).where(and(eq(scoreSheets.reviewerId, reviewerId), inArray(scoreSheets.applicationId, apps))).returning();
  return rows.length;
}
