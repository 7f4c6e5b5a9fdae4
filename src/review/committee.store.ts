/** Queries of committee meetings: meetings, members, the agenda of a cut-off, decisions, minutes. */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/index.js';
import { users, staffRoles } from '../platform/auth/auth.schema.js';
import { applications } from '../applications/applications.schema.js';
import { organisations } from '../organisations/organisations.schema.js';
import { calls, callCutoffs } from '../calls/calls.schema.js';
import { applicationReviews, committeeMeetings, committeeMembers, committeeDecisions, conflictDeclarations, scoreSheets } from './review.schema.js';
import { aggregate } from './scoring.js';

/** A meeting row. */
export type MeetingRow = typeof committeeMeetings.$inferSelect;

/** Every meeting, newest first, with its call and cut-off. */
export async function listMeetings(db: DbOrTx) {
  return db.select({ meeting: committeeMeetings, callTitle: calls.title, cutoffLabel: callCutoffs.label,
    decisions: sql<number>`(select count(*)::int from committee_decisions d where d.meeting_id = ${committeeMeetings.id})` })
    .from(committeeMeetings).innerJoin(calls, eq(calls.id, committeeMeetings.callId)).innerJoin(callCutoffs, eq(callCutoffs.id, committeeMeetings.cutoffId))
    .orderBy(desc(committeeMeetings.heldOn));
}

/** Ids of the meetings a user sits in. */
export async function meetingsOf(db: DbOrTx, userId: string): Promise<string[]> {
  const rows = await db.select({ id: committeeMembers.meetingId }).from(committeeMembers).where(eq(committeeMembers.userId, userId));
  return rows.map((r) => r.id);
}

/** Every cut-off of every call (meeting form). */
export async function listCutoffChoices(db: DbOrTx) {
  return db.select({ id: callCutoffs.id, label: callCutoffs.label, callId: calls.id, callTitle: calls.title })
    .from(callCutoffs).innerJoin(calls, eq(calls.id, callCutoffs.callId)).orderBy(desc(calls.opensAt), asc(callCutoffs.position));
}

/** Active committee members and admins who may sit (meeting form). */
export async function listCommitteeCandidates(db: DbOrTx) {
  return db.selectDistinct({ id: users.id, fullName: users.fullName }).from(users).innerJoin(staffRoles, eq(staffRoles.userId, users.id))
    .where(and(inArray(staffRoles.role, ['committee', 'admin', 'instructor']), sql`${users.disabledAt} is null`)).orderBy(asc(users.fullName));
}

/** Creates a meeting with its members. */
export async function insertMeeting(tx: DbOrTx, v: { callId: string; cutoffId: string; heldOn: string; place: string; members: string[]; createdBy: string; now: Date }) {
  const [m] = await tx.insert(committeeMeetings).values({ callId: v.callId, cutoffId: v.cutoffId, heldOn: v.heldOn, place: v.place, createdBy: v.createdBy, createdAt: v.now }).returning();
  if (v.members.length) await tx.insert(committeeMembers).values(v.members.map((userId) => ({ meetingId: m!.id, userId })));
  return m!;
}

/** One meeting with its call, cut-off and members; null when absent. */
export async function findMeeting(db: DbOrTx, id: string, o: { lock?: boolean } = {}) {
  const q = db.select({ meeting: committeeMeetings, callTitle: calls.title, cutoffLabel: callCutoffs.label, timezone: calls.timezone })
    .from(committeeMeetings).innerJoin(calls, eq(calls.id, committeeMeetings.callId)).innerJoin(callCutoffs, eq(callCutoffs.id, committeeMeetings.cutoffId))
    .where(eq(committeeMeetings.id, id));
  const [row] = o.lock ? await q.for('update', { of: committeeMeetings }) : await q;
  if (!row) return null;
  const members = await db.select({ userId: users.id, fullName: users.fullName }).from(committeeMembers).innerJoin(users, eq(users.id, committeeMembers.userId))
    .where(eq(committeeMembers.meetingId, id)).orderBy(asc(users.fullName));
  return { ...row, members };
}

/** One line of a meeting's agenda. */
export interface AgendaItem {
  applicationId: string; organisationId: string; trainingTitle: string; organisationName: string; receiptNumber: string | null;
  regionCode: string | null; regionName: string | null; totals: number[]; mean: number | null; spread: number | null; needsDiscussion: boolean;
  decision: { outcome: 'labelled' | 'rejected'; motivation: string; meetingId: string } | null;
}

/** Admissible applications of the cut-off (scored or not, decided or not), best mean score first. */
export async function agenda(db: DbOrTx, cutoffId: string, viewerId: string): Promise<AgendaItem[]> {
  const rows = await db.select({
    applicationId: applications.id, organisationId: applications.organisationId, trainingTitle: applications.trainingTitle, organisationName: organisations.name,
    receiptNumber: applications.receiptNumber, regionCode: applicationReviews.regionCode, regionName: applicationReviews.regionName,
    outcome: committeeDecisions.outcome, motivation: committeeDecisions.motivation, meetingId: committeeDecisions.meetingId,
  }).from(applicationReviews)
    .innerJoin(applications, eq(applications.id, applicationReviews.applicationId))
    .innerJoin(organisations, eq(organisations.id, applications.organisationId))
    .leftJoin(committeeDecisions, eq(committeeDecisions.applicationId, applications.id))
    .where(and(
      eq(applications.cutoffId, cutoffId), eq(applications.state, 'submitted'), inArray(applicationReviews.state, ['scoring', 'labelled', 'rejected']),
      sql`not exists (select 1 from ${conflictDeclarations} cd where cd.user_id = ${viewerId} and cd.organisation_id = ${applications.organisationId})`,
    ));
  const ids = rows.map((r) => r.applicationId);
  const sheets = ids.length ? await db.select({ applicationId: scoreSheets.applicationId, total: scoreSheets.total }).from(scoreSheets).where(inArray(scoreSheets.applicationId, ids)) : [];
  const items = rows.map((r): AgendaItem => {
    const totals = sheets.filter((s) => s.applicationId === r.applicationId).map((s) => Number(s.total));
    const agg = aggregate(totals);
    return {
      applicationId: r.applicationId, organisationId: r.organisationId, trainingTitle: r.trainingTitle, organisationName: r.organisationName,
      receiptNumber: r.receiptNumber, regionCode: r.regionCode, regionName: r.regionName, totals,
      mean: agg?.mean ?? null, spread: agg?.spread ?? null, needsDiscussion: agg?.needsDiscussion ?? false,
      decision: r.outcome ? { outcome: r.outcome, motivation: r.motivation!, meetingId: r.meetingId! } : null,
    };
  });
  return items.sort((a, b) => (b.mean ?? -1) - (a.mean ?? -1) || a.trainingTitle.localeCompare(b.trainingTitle, 'fr'));
}

/** Applications of a cut-off per région (submitted at least once), for the balance view. */
export async function appliedPerRegion(db: DbOrTx, cutoffId: string) {
  return db.select({ regionCode: applicationReviews.regionCode, regionName: applicationReviews.regionName, n: sql<number>`count(*)::int` })
    .from(applicationReviews).innerJoin(applications, eq(applications.id, applicationReviews.applicationId))
    .where(eq(applications.cutoffId, cutoffId)).groupBy(applicationReviews.regionCode, applicationReviews.regionName);
}

/** Records a decision; null when the application already has one (double decision). */
export async function insertDecision(tx: DbOrTx, v: typeof committeeDecisions.$inferInsert) {
  const rows = await tx.insert(committeeDecisions).values(v).onConflictDoNothing().returning();
  return rows[0] ?? null;
}

/** The decisions of a meeting with their applications, in decision order. */
export async function meetingDecisions(db: DbOrTx, meetingId: string) {
  return db.select({ decision: committeeDecisions, trainingTitle: applications.trainingTitle, organisationName: organisations.name, receiptNumber: applications.receiptNumber, regionName: applicationReviews.regionName })
    .from(committeeDecisions).innerJoin(applications, eq(applications.id, committeeDecisions.applicationId))
    .innerJoin(organisations, eq(organisations.id, applications.organisationId))
    .leftJoin(applicationReviews, eq(applicationReviews.applicationId, applications.id))
    .where(eq(committeeDecisions.meetingId, meetingId)).orderBy(asc(committeeDecisions.decidedAt));
}

/** The decision on an application, if any. */
export async function decisionOf(db: DbOrTx, applicationId: string) {
  const [row] = await db.select().from(committeeDecisions).where(eq(committeeDecisions.applicationId, applicationId));
  return row ?? null;
}

/** Members of a meeting who declared a conflict with an organisation on its agenda (minutes). */
export async function meetingConflicts(db: DbOrTx, meetingId: string) {
  return db.select({ fullName: users.fullName, organisationName: organisations.name })
    .from(conflictDeclarations)
    .innerJoin(committeeMembers, and(eq(committeeMembers.userId, conflictDeclarations.userId), eq(committeeMembers.meetingId, meetingId)))
    .innerJoin(users, eq(users.id, conflictDeclarations.userId))
    .innerJoin(organisations, eq(organisations.id, conflictDeclarations.organisationId))
    .where(sql`exists (select 1 from applications a join committee_meetings m on m.cutoff_id = a.cutoff_id where m.id = ${meetingId} and a.organisation_id = ${conflictDeclarations.organisationId})`)
    .orderBy(asc(users.fullName));
}

/** Marks the minutes validated (locks the decisions); false when already validated. */
export async function markMinutesValidated(tx: DbOrTx, meetingId: string, by: string, now: Date): Promise<boolean> {
  const rows = await tx.update(committeeMeetings).set({ minutesValidatedAt: now, minutesValidatedBy: by })
    .where(and(eq(committeeMeetings.id, meetingId), sql`${committeeMeetings.minutesValidatedAt} is null`)).returning();
  return rows.length > 0;
}

/** Whether the application is on the agenda of a meeting the user sits in. */
export async function onAgendaOf(db: DbOrTx, applicationId: string, userId: string): Promise<boolean> {
  const r = await db.select({ id: committeeMeetings.id }).from(committeeMeetings)
    .innerJoin(committeeMembers, and(eq(committeeMembers.meetingId, committeeMeetings.id), eq(committeeMembers.userId, userId)))
    .innerJoin(applications, eq(applications.cutoffId, committeeMeetings.cutoffId))
    .innerJoin(applicationReviews, eq(applicationReviews.applicationId, applications.id))
    .where(and(eq(applications.id, applicationId), inArray(applicationReviews.state, ['scoring', 'labelled', 'rejected']))).limit(1);
  return r.length > 0;
}
