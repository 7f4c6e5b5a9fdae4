/** Queries of the public figures (read only, pseudonymous facts only: never a name or an address). */
import { and, desc, eq, gte, inArray, isNotNull, isNull, ne, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/index.js';
import { labels } from '../labels/labels.schema.js';
import { calls, regionalNeeds } from '../calls/calls.schema.js';
import { trainingSessions } from '../sessions/sessions.schema.js';
import { learners } from '../learners/learners.schema.js';
import { organisations } from '../organisations/organisations.schema.js';
import type { FigureSession } from './figures.js';

/** Sessions (not cancelled) of started labels with their learners' pseudonymous facts. */
export async function figureSessions(db: DbOrTx): Promise<FigureSession[]> {
  const sessions = await db.select({
    id: trainingSessions.id, labelId: trainingSessions.labelId, organisationId: trainingSessions.organisationId,
    plannedStart: trainingSessions.plannedStart, actualStart: trainingSessions.actualStart, place: trainingSessions.place,
  }).from(trainingSessions).innerJoin(labels, eq(labels.id, trainingSessions.labelId))
    .where(and(ne(trainingSessions.status, 'cancelled'), isNotNull(labels.validFrom)));
  if (sessions.length === 0) return [];
  const facts = await db.select({
    sessionId: learners.sessionId, sex: learners.sex, educationLevel: learners.educationLevel, placement: learners.placement, inQpv: learners.inQpv, inZrrFrr: learners.inZrrFrr,
    leftOn: learners.leftOn, completion: learners.completion, certification: learners.certification, situation3m: learners.situation3m, situation6m: learners.situation6m,
  }).from(learners).where(inArray(learners.sessionId, sessions.map((s) => s.id)));
  const bySession = new Map<string, typeof facts>();
  for (const f of facts) bySession.set(f.sessionId, [...(bySession.get(f.sessionId) ?? []), f]);
  return sessions.map((s) => ({
    id: s.id, labelId: s.labelId, organisationId: s.organisationId, start: s.actualStart ?? s.plannedStart, region: s.place.region ?? null,
    learners: (bySession.get(s.id) ?? []).map(({ sessionId: _s, ...f }) => f),
  }));
}

/** Labels active today and their organisations. */
export async function activeCounts(db: DbOrTx, today: string): Promise<{ trainings: number; organisations: number }> {
  const [row] = await db.select({ trainings: sql<number>`count(*)::int`, organisations: sql<number>`count(distinct ${labels.organisationId})::int` })
    .from(labels).where(and(eq(labels.status, 'active'), or(isNull(labels.validUntil), gte(labels.validUntil, today))));
  return { trainings: row?.trainings ?? 0, organisations: row?.organisations ?? 0 };
}

/** The rules of the most recent call (the targets shown). */
export async function currentCallRules(db: DbOrTx) {
  const [row] = await db.select({ rules: calls.rules, title: calls.title }).from(calls).orderBy(desc(calls.opensAt)).limit(1);
  return row ?? null;
}

/** What the LHÉO feed shows of these organisations, by id. */
export async function lheoOrganisations(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return new Map<string, { siret: string; nda: string; name: string; addressLine: string; postcode: string; city: string; email: string; phone: string }>();
  const rows = await db.select({
    id: organisations.id, siret: organisations.siret, nda: organisations.nda, name: organisations.name, addressLine: organisations.addressLine,
    postcode: organisations.postcode, city: organisations.city, email: organisations.contactEmail, phone: organisations.contactPhone,
  }).from(organisations).where(inArray(organisations.id, ids));
  return new Map(rows.map(({ id, ...o }) => [id, o]));
}

/** The regional needs of the most recent call, by région name. */
export async function currentRegionalNeeds(db: DbOrTx) {
  const [call] = await db.select({ id: calls.id, title: calls.title }).from(calls).orderBy(desc(calls.opensAt)).limit(1);
  if (!call) return { call: null, needs: [] };
  const needs = await db.select().from(regionalNeeds).where(eq(regionalNeeds.callId, call.id));
  return { call, needs: needs.sort((a, b) => a.regionName.localeCompare(b.regionName, 'fr')) };
}

/** Replaces the jobs of a need row; the row before the change, or null when it does not exist. */
export async function updateNeedJobs(tx: DbOrTx, id: string, jobs: string[]) {
  const [before] = await tx.select().from(regionalNeeds).where(eq(regionalNeeds.id, id)).for('update');
  if (!before) return null;
  await tx.update(regionalNeeds).set({ jobs }).where(eq(regionalNeeds.id, id));
  return before;
}
