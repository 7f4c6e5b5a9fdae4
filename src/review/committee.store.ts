/** Queries of committee meetings: meetings, members, the agenda of a cut-off, decisions, minutes. */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/index.js';
import { users, staffRoles } from '../platform/auth/auth.schema.js';
import { applications } from '../applications/applications.schema.js';
import { organisations } from '../organisations/organisations.schema.js';
import { calls, callCutoffs } from '../calls/calls.schema.js';
import { applicationReviews, committeeMeetings, committeeMembers, committeeDecisions, conflictDeclarations, decisionMails, scoreSheets } from './review.schema.js';
import { aggregate } from './scoring.js';

/** Final decisions only (a deferral moves the application to a later cut-off). */
const FINAL = sql`${committeeDecisions.outcome}::text <> 'deferred'`;

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
  decision: { outcome: 'labelled' | 'rejected'; motivation: string; meetingId: string; seedGrant: number | null } | null;
  /** The application's "Financement" and "Publics" answers (seed grant ceiling, expected shares). */
  funding: Record<string, unknown>;
  publics: Record<string, unknown>;
  /** Meetings that deferred the application to this cut-off. */
  deferred: number;
  /** Admissibility criteria met (reviewer's verdicts), partners confirmed among those asked, Région opinions received. */
  criteriaMet: number; partnersConfirmed: number; partnersAsked: number; regionOpinions: string[];
  /** The viewer is an assigned reviewer who has not submitted their score sheet: others' scores stay hidden from them. */
  scoresHidden: boolean;
}

/** Admissible applications of the cut-off (scored or not, decided or not), best mean score first. */
export async function agenda(db: DbOrTx, cutoffId: string, viewerId: string, gap?: number): Promise<AgendaItem[]> {
  const rows = await db.select({
    applicationId: applications.id, organisationId: applications.organisationId, trainingTitle: applications.trainingTitle, organisationName: organisations.name,
    receiptNumber: applications.receiptNumber, regionCode: applicationReviews.regionCode, regionName: applicationReviews.regionName,
    outcome: committeeDecisions.outcome, motivation: committeeDecisions.motivation, meetingId: committeeDecisions.meetingId, seedGrant: committeeDecisions.seedGrant,
    funding: sql<Record<string, unknown> | null>`(select x.data from application_sections x where x.application_id = ${applications.id} and x.section_key = 'funding')`,
    publics: sql<Record<string, unknown> | null>`(select x.data from application_sections x where x.application_id = ${applications.id} and x.section_key = 'publics')`,
    deferred: sql<number>`(select count(*)::int from committee_decisions d where d.application_id = ${applications.id} and d.outcome::text = 'deferred')`,
    criteriaMet: sql<number>`(select count(*)::int from admissibility_verdicts v where v.application_id = ${applications.id} and v.verdict = 'met')`,
    partnersConfirmed: sql<number>`(select count(*)::int from partner_confirmations p where p.application_id = ${applications.id} and p.status::text = 'confirmed')`,
    partnersAsked: sql<number>`(select count(*)::int from partner_confirmations p where p.application_id = ${applications.id})`,
    regionOpinions: sql<string[] | null>`(select array_agg(o.opinion::text order by o.region_name) from region_opinions o where o.application_id = ${applications.id} and o.opinion is not null)`,
    scoresHidden: sql<boolean>`(exists (select 1 from review_assignments ra where ra.application_id = ${applications.id} and ra.reviewer_id = ${viewerId})
      and not exists (select 1 from score_sheets s where s.application_id = ${applications.id} and s.reviewer_id = ${viewerId}))`,
  }).from(applicationReviews)
    .innerJoin(applications, eq(applications.id, applicationReviews.applicationId))
    .innerJoin(organisations, eq(organisations.id, applications.organisationId))
    .leftJoin(committeeDecisions, and(eq(committeeDecisions.applicationId, applications.id), FINAL))
    .where(and(
      eq(applications.cutoffId, cutoffId), eq(applications.state, 'submitted'), inArray(applicationReviews.state, ['scoring', 'labelled', 'rejected']),
      sql`not exists (select 1 from ${conflictDeclarations} cd where cd.user_id = ${viewerId} and cd.organisation_id = ${applications.organisationId})`,
    ));
  const ids = rows.map((r) => r.applicationId);
  const sheets = ids.length ? await db.select({ applicationId: scoreSheets.applicationId, total: scoreSheets.total }).from(scoreSheets).where(inArray(scoreSheets.applicationId, ids)) : [];
  const items = rows.map((r): AgendaItem => {
    const totals = sheets.filter((s) => s.applicationId === r.applicationId).map((s) => Number(s.total));
    const agg = aggregate(totals, gap);
    return {
      applicationId: r.applicationId, organisationId: r.organisationId, trainingTitle: r.trainingTitle, organisationName: r.organisationName,
      receiptNumber: r.receiptNumber, regionCode: r.regionCode, regionName: r.regionName, totals,
      mean: agg?.mean ?? null, spread: agg?.spread ?? null, needsDiscussion: agg?.needsDiscussion ?? false,
      decision: r.outcome ? { outcome: r.outcome as 'labelled' | 'rejected', motivation: r.motivation!, meetingId: r.meetingId!, seedGrant: r.seedGrant } : null,
      funding: r.funding ?? {}, publics: r.publics ?? {}, deferred: r.deferred,
      criteriaMet: r.criteriaMet, partnersConfirmed: r.partnersConfirmed, partnersAsked: r.partnersAsked, regionOpinions: r.regionOpinions ?? [],
      scoresHidden: !!r.scoresHidden,
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

/** The final decision on an application (labelled or rejected), if any; deferrals are not decisions. */
export async function decisionOf(db: DbOrTx, applicationId: string) {
  const [row] = await db.select().from(committeeDecisions).where(and(eq(committeeDecisions.applicationId, applicationId), FINAL));
  return row ? { ...row, outcome: row.outcome as 'labelled' | 'rejected' } : null;
}

/** The deferrals of an application, oldest first, with the cut-off it moved to. */
export async function deferralsOf(db: DbOrTx, applicationId: string) {
  return db.select({ id: committeeDecisions.id, meetingId: committeeDecisions.meetingId, motivation: committeeDecisions.motivation, decidedAt: committeeDecisions.decidedAt, toCutoffLabel: callCutoffs.label })
    .from(committeeDecisions).leftJoin(callCutoffs, eq(callCutoffs.id, committeeDecisions.deferredToCutoffId))
    .where(and(eq(committeeDecisions.applicationId, applicationId), sql`${committeeDecisions.outcome}::text = 'deferred'`)).orderBy(asc(committeeDecisions.decidedAt));
}

/** The cut-off following `cutoffId` in its call, or null when it is the last one. */
export async function nextCutoff(db: DbOrTx, cutoffId: string) {
  const [cur] = await db.select().from(callCutoffs).where(eq(callCutoffs.id, cutoffId));
  if (!cur) return null;
  const [next] = await db.select().from(callCutoffs).where(and(eq(callCutoffs.callId, cur.callId), sql`${callCutoffs.position} > ${cur.position}`)).orderBy(asc(callCutoffs.position)).limit(1);
  return next ?? null;
}

/** Moves an application to another cut-off (a deferral). */
export async function moveToCutoff(tx: DbOrTx, applicationId: string, cutoffId: string, now: Date): Promise<void> {
  await tx.update(applications).set({ cutoffId, updatedAt: now }).where(eq(applications.id, applicationId));
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

/** Drafts a decision mail into the meeting's outbox. */
export async function insertDecisionMail(tx: DbOrTx, v: { decisionId: string; meetingId: string; subject: string; body: string }): Promise<void> {
  await tx.insert(decisionMails).values(v);
}

/** The meeting's outbox: each decision's draft with its application. */
export async function listDecisionMails(db: DbOrTx, meetingId: string) {
  return db.select({
    mail: decisionMails, outcome: committeeDecisions.outcome, applicationId: committeeDecisions.applicationId,
    trainingTitle: applications.trainingTitle, organisationName: organisations.name, organisationId: applications.organisationId,
  }).from(decisionMails)
    .innerJoin(committeeDecisions, eq(committeeDecisions.id, decisionMails.decisionId))
    .innerJoin(applications, eq(applications.id, committeeDecisions.applicationId))
    .innerJoin(organisations, eq(organisations.id, applications.organisationId))
    .where(eq(decisionMails.meetingId, meetingId)).orderBy(asc(committeeDecisions.decidedAt));
}

/** Edits an unsent draft; false when absent or already sent. */
export async function updateDecisionMail(tx: DbOrTx, meetingId: string, decisionId: string, v: { subject: string; body: string; by: string; now: Date }): Promise<boolean> {
  const rows = await tx.update(decisionMails).set({ subject: v.subject, body: v.body, editedAt: v.now, editedBy: v.by })
    .where(and(eq(decisionMails.meetingId, meetingId), eq(decisionMails.decisionId, decisionId), sql`${decisionMails.sentAt} is null`)).returning();
  return rows.length > 0;
}

/** Marks drafts sent (only those still unsent); returns the ones marked. */
export async function markDecisionMailsSent(tx: DbOrTx, meetingId: string, by: string, now: Date) {
  return tx.update(decisionMails).set({ sentAt: now, sentBy: by })
    .where(and(eq(decisionMails.meetingId, meetingId), sql`${decisionMails.sentAt} is null`)).returning();
}
