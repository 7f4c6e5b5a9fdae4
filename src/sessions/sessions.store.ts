/** Storage of sessions, obligations and reminders (the only file of the domain with queries). */
import { and, asc, eq, inArray, isNull, notInArray, sql, desc } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/index.js';
import { organisations, memberships } from '../organisations/organisations.schema.js';
import { users } from '../platform/auth/auth.schema.js';
import { labels } from '../labels/labels.schema.js';
import { calls } from '../calls/calls.schema.js';
import { learners } from '../learners/learners.schema.js';
import { trainingSessions, obligations, obligationReminders, calendarFeeds } from './sessions.schema.js';
import type { ComputedObligation, SessionFacts } from './obligations.js';
import type { LabelInput } from './compliance.js';

export type SessionRow = typeof trainingSessions.$inferSelect;
export type ObligationRow = typeof obligations.$inferSelect;

/** A session of an organisation (null when it belongs to another one: the caller answers 404). */
export async function sessionForOrg(db: DbOrTx, orgId: string, sessionId: string): Promise<SessionRow | null> {
  const [row] = await db.select().from(trainingSessions)
    .where(and(eq(trainingSessions.id, sessionId), eq(trainingSessions.organisationId, orgId)));
  return row ?? null;
}

/** A session by id, locked for update when asked. */
export async function findSession(db: DbOrTx, sessionId: string, o: { lock?: boolean } = {}): Promise<SessionRow | null> {
  const q = db.select().from(trainingSessions).where(eq(trainingSessions.id, sessionId));
  const [row] = o.lock ? await q.for('update') : await q;
  return row ?? null;
}

/** A label with its call's rules and its organisation's name, if it belongs to `orgId` (else null). */
export async function labelForOrg(db: DbOrTx, orgId: string, labelId: string) {
  const [row] = await db.select({ label: labels, rules: calls.rules, organisationName: organisations.name })
    .from(labels).innerJoin(calls, eq(calls.id, labels.callId)).innerJoin(organisations, eq(organisations.id, labels.organisationId))
    .where(and(eq(labels.id, labelId), eq(labels.organisationId, orgId)));
  return row ?? null;
}

/** A label with its call's rules (any organisation). */
export async function labelWithRules(db: DbOrTx, labelId: string) {
  const [row] = await db.select({ label: labels, rules: calls.rules, organisationName: organisations.name })
    .from(labels).innerJoin(calls, eq(calls.id, labels.callId)).innerJoin(organisations, eq(organisations.id, labels.organisationId))
    .where(eq(labels.id, labelId));
  return row ?? null;
}

/** Sessions of a label, by planned start. */
export async function sessionsOfLabel(db: DbOrTx, labelId: string): Promise<SessionRow[]> {
  return db.select().from(trainingSessions).where(eq(trainingSessions.labelId, labelId)).orderBy(asc(trainingSessions.plannedStart), asc(trainingSessions.createdAt));
}

/** Sessions of an organisation with their label's number and title, by planned start. */
export async function sessionsOfOrganisation(db: DbOrTx, orgId: string) {
  return db.select({ session: trainingSessions, labelNumber: labels.number, trainingTitle: labels.trainingTitle })
    .from(trainingSessions).innerJoin(labels, eq(labels.id, trainingSessions.labelId))
    .where(eq(trainingSessions.organisationId, orgId)).orderBy(asc(trainingSessions.plannedStart));
}

/** Planned sessions of an organisation's active labels (those whose dates a change request may move). */
export async function plannedSessionsOfOrganisation(db: DbOrTx, orgId: string) {
  return db.select({ id: trainingSessions.id, labelId: trainingSessions.labelId, name: trainingSessions.name, plannedStart: trainingSessions.plannedStart, plannedEnd: trainingSessions.plannedEnd, labelNumber: labels.number })
    .from(trainingSessions).innerJoin(labels, eq(labels.id, trainingSessions.labelId))
    .where(and(eq(trainingSessions.organisationId, orgId), eq(trainingSessions.status, 'planned'), eq(labels.status, 'active')))
    .orderBy(asc(labels.number), asc(trainingSessions.plannedStart));
}

/** Inserts a session. */
export async function insertSession(tx: DbOrTx, v: typeof trainingSessions.$inferInsert): Promise<SessionRow> {
  const [row] = await tx.insert(trainingSessions).values(v).returning();
  return row!;
}

/** Changes a session if still at `version`; the new row, or null when it changed meanwhile. */
export async function updateSession(tx: DbOrTx, id: string, version: number, patch: Partial<typeof trainingSessions.$inferInsert>, now: Date): Promise<SessionRow | null> {
  const [row] = await tx.update(trainingSessions).set({ ...patch, version: version + 1, updatedAt: now })
    .where(and(eq(trainingSessions.id, id), eq(trainingSessions.version, version))).returning();
  return row ?? null;
}

/** What the obligation rules need of the sessions of a label (learner counts included). */
export async function sessionFacts(db: DbOrTx, labelId: string): Promise<SessionFacts[]> {
  const rows = await sessionsOfLabel(db, labelId);
  if (!rows.length) return [];
  const counts = await db.select({
    sessionId: learners.sessionId,
    n: sql<number>`count(*)::int`,
    with3m: sql<number>`count(${learners.situation3m})::int`,
    with6m: sql<number>`count(${learners.situation6m})::int`,
    last: sql<string | null>`max(${learners.updatedAt})`,
  }).from(learners).where(inArray(learners.sessionId, rows.map((r) => r.id))).groupBy(learners.sessionId);
  const by = new Map(counts.map((c) => [c.sessionId, c]));
  return rows.map((s) => {
    const c = by.get(s.id);
    return {
      id: s.id, status: s.status, plannedStart: s.plannedStart, plannedEnd: s.plannedEnd, actualStart: s.actualStart, actualEnd: s.actualEnd,
      startAttestedAt: s.startAttestedAt, endReportedAt: s.endReportedAt,
      learners: c?.n ?? 0, with3m: c?.with3m ?? 0, with6m: c?.with6m ?? 0, learnersUpdatedAt: c?.last && !Number.isNaN(new Date(c.last).getTime()) ? new Date(c.last) : null,
    };
  });
}

/**
 * Writes the computed obligations of a label: upsert on `key` (due date, done date), and deletes the
 * rows the rules no longer produce (a cancelled session, a year without sessions). A computed
 * `doneAt` of undefined keeps the stored one (the annual report is marked done elsewhere).
 */
export async function saveObligations(tx: DbOrTx, label: { id: string; organisationId: string }, computed: ComputedObligation[]): Promise<void> {
  const keys = computed.map((c) => c.key);
  await tx.delete(obligations).where(and(eq(obligations.labelId, label.id), keys.length ? notInArray(obligations.key, keys) : sql`true`));
  for (const c of computed) {
    const base = { labelId: label.id, organisationId: label.organisationId, sessionId: c.sessionId, kind: c.kind, year: c.year, dueOn: c.dueOn, key: c.key };
    const set = c.doneAt === undefined ? { dueOn: c.dueOn, sessionId: c.sessionId } : { dueOn: c.dueOn, sessionId: c.sessionId, doneAt: c.doneAt };
    await tx.insert(obligations).values({ ...base, doneAt: c.doneAt ?? null })
      .onConflictDoUpdate({ target: obligations.key, set });
  }
}

/** Marks an obligation done (e.g. the annual report once submitted); false when no such key. */
export async function markObligationDone(tx: DbOrTx, key: string, at: Date | null): Promise<boolean> {
  const r = await tx.update(obligations).set({ doneAt: at }).where(eq(obligations.key, key)).returning({ id: obligations.id });
  return r.length > 0;
}

/** Obligations of a label, by due date. */
export async function obligationsOfLabel(db: DbOrTx, labelId: string): Promise<ObligationRow[]> {
  return db.select().from(obligations).where(eq(obligations.labelId, labelId)).orderBy(asc(obligations.dueOn), asc(obligations.kind));
}

/** Obligations of an organisation with their label and session names, by due date. */
export async function obligationsOfOrganisation(db: DbOrTx, orgId: string) {
  return db.select({ obligation: obligations, labelNumber: labels.number, trainingTitle: labels.trainingTitle, sessionName: trainingSessions.name })
    .from(obligations).innerJoin(labels, eq(labels.id, obligations.labelId))
    .leftJoin(trainingSessions, eq(trainingSessions.id, obligations.sessionId))
    .where(eq(obligations.organisationId, orgId)).orderBy(asc(obligations.dueOn), asc(obligations.kind));
}

/** Labels whose obligations the daily job recomputes: those with a start of validity, still followed. */
export async function followedLabelIds(db: DbOrTx): Promise<string[]> {
  const rows = await db.select({ id: labels.id }).from(labels)
    .where(and(inArray(labels.status, ['active', 'suspended']), sql`${labels.validFrom} is not null`));
  return rows.map((r) => r.id);
}

/** Open obligations of followed labels due between two days (inclusive), with what a reminder says. */
export async function openObligationsDueBetween(db: DbOrTx, from: string, to: string) {
  return db.select({ obligation: obligations, labelNumber: labels.number, trainingTitle: labels.trainingTitle, sessionName: trainingSessions.name, organisationName: organisations.name })
    .from(obligations).innerJoin(labels, eq(labels.id, obligations.labelId))
    .innerJoin(organisations, eq(organisations.id, obligations.organisationId))
    .leftJoin(trainingSessions, eq(trainingSessions.id, obligations.sessionId))
    .where(and(isNull(obligations.doneAt), inArray(labels.status, ['active', 'suspended']),
      sql`${obligations.dueOn} between ${from} and ${to}`))
    .orderBy(asc(obligations.dueOn));
}

/** Records that a reminder stage went out; false when it already had (the unique index decides). */
export async function claimReminder(tx: DbOrTx, obligationId: string, stage: string, now: Date): Promise<boolean> {
  const r = await tx.insert(obligationReminders).values({ obligationId, stage, sentAt: now }).onConflictDoNothing().returning({ id: obligationReminders.obligationId });
  return r.length > 0;
}

/** Reminders sent for an obligation. */
export async function remindersOf(db: DbOrTx, obligationId: string) {
  return db.select().from(obligationReminders).where(eq(obligationReminders.obligationId, obligationId)).orderBy(desc(obligationReminders.sentAt));
}

/** E-mail addresses of an organisation's admins (active accounts): who receives the reminders. */
export async function adminEmails(db: DbOrTx, organisationId: string): Promise<string[]> {
  const rows = await db.select({ email: users.email }).from(memberships).innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.role, 'admin'), isNull(users.disabledAt)));
  return rows.map((r) => r.email);
}

/** Labels of an organisation that have started (a start of validity), with their call's minimum of places. */
export async function followedLabelsOfOrganisation(db: DbOrTx, orgId: string) {
  return db.select({ id: labels.id, number: labels.number, trainingTitle: labels.trainingTitle, status: labels.status, validFrom: labels.validFrom, validUntil: labels.validUntil })
    .from(labels).where(and(eq(labels.organisationId, orgId), sql`${labels.validFrom} is not null`)).orderBy(asc(labels.number));
}

/** An organisation's name (null when it does not exist). */
export async function organisationName(db: DbOrTx, orgId: string): Promise<string | null> {
  const [row] = await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, orgId));
  return row?.name ?? null;
}

/** Everything the compliance dashboard reads: followed labels (with a start of validity) with their call, sessions, obligations and pseudonymous learner facts. */
export async function complianceInputs(db: DbOrTx): Promise<LabelInput[]> {
  const rows = await db.select({ label: labels, rules: calls.rules, organisationName: organisations.name, callOpensAt: calls.opensAt })
    .from(labels).innerJoin(calls, eq(calls.id, labels.callId)).innerJoin(organisations, eq(organisations.id, labels.organisationId))
    .where(sql`${labels.validFrom} is not null`).orderBy(asc(labels.number));
  if (!rows.length) return [];
  const ids = rows.map((r) => r.label.id);
  const [sessions, obls, lrn] = await Promise.all([
    db.select().from(trainingSessions).where(inArray(trainingSessions.labelId, ids)).orderBy(asc(trainingSessions.plannedStart)),
    db.select().from(obligations).where(inArray(obligations.labelId, ids)).orderBy(asc(obligations.dueOn)),
    db.select({
      labelId: trainingSessions.labelId, sex: learners.sex, educationLevel: learners.educationLevel, placement: learners.placement, inQpv: learners.inQpv, inZrrFrr: learners.inZrrFrr,
      leftOn: learners.leftOn, completion: learners.completion, certification: learners.certification, situation3m: learners.situation3m, situation6m: learners.situation6m,
    }).from(learners).innerJoin(trainingSessions, eq(trainingSessions.id, learners.sessionId))
      .where(and(inArray(trainingSessions.labelId, ids), sql`${trainingSessions.status} <> 'cancelled'`)),
  ]);
  const group = <T extends { labelId: string }>(xs: T[]) => {
    const m = new Map<string, T[]>();
    for (const x of xs) m.set(x.labelId, [...(m.get(x.labelId) ?? []), x]);
    return m;
  };
  const sBy = group(sessions);
  const oBy = group(obls);
  const lBy = group(lrn);
  return rows.map((r) => ({
    id: r.label.id, number: r.label.number, trainingTitle: r.label.trainingTitle, status: r.label.status, organisationId: r.label.organisationId, organisationName: r.organisationName,
    validFrom: r.label.validFrom, validUntil: r.label.validUntil, rules: r.rules,
    sessions: (sBy.get(r.label.id) ?? []).map((s) => ({ id: s.id, name: s.name, status: s.status, initialStart: s.initialStart, plannedStart: s.plannedStart, plannedEnd: s.plannedEnd, actualStart: s.actualStart, approvedStart: s.approvedStart, places: s.places, region: s.place.region ?? null })),
    obligations: (oBy.get(r.label.id) ?? []).map((o) => ({ id: o.id, kind: o.kind, year: o.year, dueOn: o.dueOn, done: !!o.doneAt, sessionId: o.sessionId })),
    learners: (lBy.get(r.label.id) ?? []).map(({ labelId: _l, ...f }) => f),
  }));
}

/** The rules of the most recent call (targets of the région and national indicators). */
export async function latestCallRules(db: DbOrTx) {
  const [row] = await db.select({ rules: calls.rules }).from(calls).orderBy(desc(calls.opensAt)).limit(1);
  return row?.rules ?? null;
}

export type CalendarFeedRow = typeof calendarFeeds.$inferSelect;

/** The stored token of an organisation's ICS feed (null before its first use). */
export async function calendarFeedOf(db: DbOrTx, orgId: string): Promise<CalendarFeedRow | null> {
  const [row] = await db.select().from(calendarFeeds).where(eq(calendarFeeds.organisationId, orgId));
  return row ?? null;
}

/** Stores the first token of a feed; the existing row when there is one already. */
export async function insertCalendarFeedIfMissing(tx: DbOrTx, v: typeof calendarFeeds.$inferInsert): Promise<CalendarFeedRow> {
  await tx.insert(calendarFeeds).values(v).onConflictDoNothing();
  return (await calendarFeedOf(tx, v.organisationId))!;
}

/** Replaces the token of a feed (the row locked first, so two regenerations do not cross). */
export async function replaceCalendarFeed(tx: DbOrTx, v: typeof calendarFeeds.$inferInsert): Promise<CalendarFeedRow | null> {
  const [before] = await tx.select().from(calendarFeeds).where(eq(calendarFeeds.organisationId, v.organisationId)).for('update');
  await tx.insert(calendarFeeds).values(v).onConflictDoUpdate({ target: calendarFeeds.organisationId, set: { tokenHash: v.tokenHash, random: v.random, createdBy: v.createdBy, createdAt: v.createdAt } });
  return before ?? null;
}
