/** Storage of calls, their cut-offs, criteria, job families and regional needs. */
import { asc, eq, and } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/index.js';
import { calls, callCutoffs, callCriteria, jobFamilies, regionalNeeds } from './calls.schema.js';
import type { CallRules } from './call.js';
import type { CriterionSeed } from './call-2021.data.js';

/** Everything needed to create a call. */
export interface NewCall {
  slug: string;
  title: string;
  description: string;
  opensAt: Date;
  closesAt: Date | null;
  rules: CallRules;
  cutoffs: { label: string; closesAt: Date; resultsNote: string; scopeNote: string }[];
  admissibility: CriterionSeed[];
  selection: CriterionSeed[];
  jobFamilies: { code: string; title: string }[];
  regionalNeeds: { regionCode: string; regionName: string; jobs: string[] }[];
}

/** Inserts a call with all its data; returns its id. */
export async function insertCall(tx: DbOrTx, c: NewCall): Promise<string> {
  const [row] = await tx.insert(calls).values({
    slug: c.slug, title: c.title, description: c.description, opensAt: c.opensAt, closesAt: c.closesAt, rules: c.rules,
  }).returning({ id: calls.id });
  const id = row!.id;
  if (c.cutoffs.length) await tx.insert(callCutoffs).values(c.cutoffs.map((x, i) => ({ ...x, callId: id, position: i + 1 })));
  const crit = [
    ...c.admissibility.map((x, i) => ({ callId: id, kind: 'admissibility' as const, position: i + 1, code: x.code, title: x.title, description: x.description, weight: null })),
    ...c.selection.map((x, i) => ({ callId: id, kind: 'selection' as const, position: i + 1, code: x.code, title: x.title, description: x.description, weight: String(x.weight ?? 0) })),
  ];
  if (crit.length) await tx.insert(callCriteria).values(crit);
  if (c.jobFamilies.length) await tx.insert(jobFamilies).values(c.jobFamilies.map((f, i) => ({ callId: id, position: i + 1, ...f })));
  if (c.regionalNeeds.length) await tx.insert(regionalNeeds).values(c.regionalNeeds.map((n) => ({ callId: id, ...n })));
  return id;
}

/** All calls, newest opening first. */
export async function listCalls(db: DbOrTx) {
  return db.select().from(calls).orderBy(asc(calls.opensAt));
}

/** A call by slug with its cut-offs, criteria, job families and regional needs. */
export async function getCallBySlug(db: DbOrTx, slug: string) {
  const [call] = await db.select().from(calls).where(eq(calls.slug, slug));
  if (!call) return null;
  return loadCallParts(db, call);
}

/** A call by id, with its parts. */
export async function getCallById(db: DbOrTx, id: string) {
  const [call] = await db.select().from(calls).where(eq(calls.id, id));
  if (!call) return null;
  return loadCallParts(db, call);
}

async function loadCallParts(db: DbOrTx, call: typeof calls.$inferSelect) {
  const [cutoffs, criteria, families, needs] = await Promise.all([
    db.select().from(callCutoffs).where(eq(callCutoffs.callId, call.id)).orderBy(asc(callCutoffs.position)),
    db.select().from(callCriteria).where(eq(callCriteria.callId, call.id)).orderBy(asc(callCriteria.kind), asc(callCriteria.position)),
    db.select().from(jobFamilies).where(eq(jobFamilies.callId, call.id)).orderBy(asc(jobFamilies.position)),
    db.select().from(regionalNeeds).where(eq(regionalNeeds.callId, call.id)).orderBy(asc(regionalNeeds.regionName)),
  ]);
  return {
    call, cutoffs, families, needs,
    admissibility: criteria.filter((c) => c.kind === 'admissibility'),
    selection: criteria.filter((c) => c.kind === 'selection').map((c) => ({ ...c, weight: Number(c.weight) })),
  };
}

/** Full call with its parts. */
export type CallDetails = NonNullable<Awaited<ReturnType<typeof getCallById>>>;

/** Whether a call with this slug exists. */
export async function callExists(db: DbOrTx, slug: string): Promise<boolean> {
  const r = await db.select({ id: calls.id }).from(calls).where(and(eq(calls.slug, slug)));
  return r.length > 0;
}

/** Every call with its cut-offs, oldest opening first (the public list). */
export async function listCallsWithCutoffs(db: DbOrTx) {
  const all = await db.select().from(calls).orderBy(asc(calls.opensAt));
  const cutoffs = all.length ? await db.select().from(callCutoffs).orderBy(asc(callCutoffs.position)) : [];
  return all.map((call) => ({ call, cutoffs: cutoffs.filter((c) => c.callId === call.id) }));
}

/** Replaces the figures of a call. */
export async function updateCallRules(tx: DbOrTx, callId: string, rules: CallRules): Promise<void> {
  await tx.update(calls).set({ rules }).where(eq(calls.id, callId));
}

/** Changes an existing cut-off of a call. */
export async function updateCutoff(tx: DbOrTx, callId: string, id: string, c: { label: string; closesAt: Date; scopeNote: string; resultsNote: string }): Promise<void> {
  await tx.update(callCutoffs).set(c).where(and(eq(callCutoffs.id, id), eq(callCutoffs.callId, callId)));
}

/** Adds a cut-off at a position. */
export async function insertCutoff(tx: DbOrTx, callId: string, position: number, c: { label: string; closesAt: Date; scopeNote: string; resultsNote: string }): Promise<void> {
  await tx.insert(callCutoffs).values({ ...c, callId, position });
}

/** Sets the weight of a selection criterion of a call. */
export async function updateCriterionWeight(tx: DbOrTx, callId: string, criterionId: string, weight: number): Promise<void> {
  await tx.update(callCriteria).set({ weight: weight.toFixed(2) })
    .where(and(eq(callCriteria.id, criterionId), eq(callCriteria.callId, callId), eq(callCriteria.kind, 'selection')));
}
