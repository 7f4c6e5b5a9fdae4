/**
 * The staff workspace's list of applications: filters, French full-text search, sorting,
 * pagination and counts per status, in one query shape shared by the page and the exports.
 */
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/index.js';
import { applications, applicationSections } from '../applications/applications.schema.js';
import { organisations } from '../organisations/organisations.schema.js';
import { callCutoffs } from '../calls/calls.schema.js';
import { applicationReviews, reviewAssignments, conflictDeclarations, applicationTags, applicationFollows } from './review.schema.js';
import { visibleToReviewerSql } from './staffing.store.js';
import type { WorkspaceStatus } from './review.js';
import { round2 } from './scoring.js';

/** Sort keys of the list. */
export const SORTS = ['submitted', 'score', 'title', 'organisation', 'region'] as const;
/** One sort key. */
export type SortKey = (typeof SORTS)[number];

/** What the list is filtered by. */
export interface WorkspaceFilter {
  callId: string;
  cutoffId?: string;
  status?: WorkspaceStatus;
  regionCode?: string;
  jobFamily?: string;
  /** A reviewer's id, or 'none' for applications nobody is assigned to. */
  reviewer?: string;
  scoreMin?: number;
  scoreMax?: number;
  q?: string;
  sort: SortKey;
  dir: 'asc' | 'desc';
  /** The viewer: applications of organisations they declared a conflict with are left out. */
  viewerId: string;
  /** When set, only applications of the viewer's groups and assignments (reviewers who are not admins). */
  groupScoped?: boolean;
  /** A tag's id. */
  tagId?: string;
  /** Only applications the viewer follows. */
  followed?: boolean;
  /** Only applications among these ids (e.g. those with missing opinions, or a selection). */
  ids?: string[];
}

const statusSql = sql<WorkspaceStatus>`case when ${applications.state} = 'in_correction' then 'in_correction' when ${applications.state} = 'withdrawn' then 'withdrawn' else coalesce(${applicationReviews.state}::text, 'admissibility') end`;
const meanSql = sql<string | null>`(select avg(s.total) from score_sheets s where s.application_id = ${applications.id})`;
const sheetsSql = sql<number>`(select count(*)::int from score_sheets s where s.application_id = ${applications.id})`;
const familySql = sql<string | null>`(select x.data->>'jobFamily' from application_sections x where x.application_id = ${applications.id} and x.section_key = 'training')`;
const reviewersSql = sql<string | null>`(select string_agg(u.full_name, ', ' order by u.full_name) from review_assignments ra join users u on u.id = ra.reviewer_id where ra.application_id = ${applications.id})`;

function baseConditions(f: WorkspaceFilter): SQL[] {
  const c: SQL[] = [
    eq(applications.callId, f.callId),
    inArray(applications.state, ['submitted', 'in_correction', 'withdrawn']),
    sql`${applications.submittedAt} is not null`,
    sql`not exists (select 1 from ${conflictDeclarations} cd where cd.user_id = ${f.viewerId} and cd.organisation_id = ${applications.organisationId})`,
  ];
  if (f.groupScoped) c.push(visibleToReviewerSql(f.viewerId));
  if (f.tagId) c.push(sql`exists (select 1 from ${applicationTags} at where at.application_id = ${applications.id} and at.tag_id = ${f.tagId})`);
  if (f.followed) c.push(sql`exists (select 1 from ${applicationFollows} af where af.application_id = ${applications.id} and af.user_id = ${f.viewerId})`);
  if (f.ids) c.push(f.ids.length ? inArray(applications.id, f.ids) : sql`false`);
  if (f.cutoffId) c.push(eq(applications.cutoffId, f.cutoffId));
  if (f.regionCode) c.push(eq(applicationReviews.regionCode, f.regionCode));
  if (f.jobFamily) c.push(sql`${familySql} = ${f.jobFamily}`);
  if (f.reviewer === 'none') c.push(sql`not exists (select 1 from ${reviewAssignments} ra where ra.application_id = ${applications.id})`);
  else if (f.reviewer) c.push(sql`exists (select 1 from ${reviewAssignments} ra where ra.application_id = ${applications.id} and ra.reviewer_id = ${f.reviewer})`);
  if (f.scoreMin !== undefined) c.push(sql`${meanSql} >= ${f.scoreMin}`);
  if (f.scoreMax !== undefined) c.push(sql`${meanSql} <= ${f.scoreMax}`);
  const q = f.q?.trim();
  if (q) {
    // French stemming for whole words, and an accent-insensitive substring for partial ones.
    const doc = sql`to_tsvector('french', unaccent(${applications.trainingTitle} || ' ' || ${organisations.name}))`;
    const like = `%${q.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    c.push(sql`(${doc} @@ plainto_tsquery('french', unaccent(${q})) or unaccent(lower(${applications.trainingTitle} || ' ' || ${organisations.name})) like unaccent(${like}))`);
  }
  return c;
}

function orderBy(f: WorkspaceFilter): SQL[] {
  const d = f.dir === 'asc' ? asc : desc;
  const nulls = f.dir === 'asc' ? sql`nulls last` : sql`nulls last`;
  switch (f.sort) {
    case 'score': return [sql`${meanSql} ${f.dir === 'asc' ? sql`asc` : sql`desc`} ${nulls}`, asc(applications.submittedAt)];
    case 'title': return [d(sql`${applications.trainingTitle} collate "fr"`)];
    case 'organisation': return [d(sql`${organisations.name} collate "fr"`), asc(applications.trainingTitle)];
    case 'region': return [sql`${applicationReviews.regionName} ${f.dir === 'asc' ? sql`asc` : sql`desc`} ${nulls}`, asc(applications.submittedAt)];
    case 'submitted': return [d(applications.submittedAt)];
  }
}

/** One line of the list (and of the exports). */
export interface WorkspaceRow {
  id: string; organisationId: string; trainingTitle: string; organisationName: string; receiptNumber: string | null;
  submittedAt: Date | null; cutoffLabel: string | null; status: WorkspaceStatus; regionName: string | null; departementCode: string | null;
  jobFamily: string | null; reviewers: string | null; sheets: number; meanScore: number | null;
  medianScore: number | null; spread: number | null; decision: string | null; motivation: string | null; seedGrant: number | null; tags: string | null;
  /** The viewer is an assigned reviewer without their own sheet: the scores above are withheld (null). */
  scoresHidden: boolean;
  /** The viewer is an assigned reviewer who has not declared their interests yet (the application's content waits). */
  toDeclare: boolean;
}

const medianSql = sql<string | null>`(select percentile_cont(0.5) within group (order by s.total) from score_sheets s where s.application_id = ${applications.id})`;
const spreadSql = sql<string | null>`(select max(s.total) - min(s.total) from score_sheets s where s.application_id = ${applications.id})`;
const tagsSql = sql<string | null>`(select string_agg(t.label, ', ' order by t.label) from application_tags x join review_tags t on t.id = x.tag_id where x.application_id = ${applications.id})`;
const finalDecision = (col: string) => sql.raw(`(select d.${col} from committee_decisions d where d.application_id = applications.id and d.outcome::text <> 'deferred')`);

function select(db: DbOrTx, f: WorkspaceFilter, statusFilter: boolean) {
  const where = baseConditions(f);
  if (statusFilter && f.status) where.push(sql`${statusSql} = ${f.status}`);
  return db.select({
    id: applications.id, organisationId: applications.organisationId, trainingTitle: applications.trainingTitle, organisationName: organisations.name,
    receiptNumber: applications.receiptNumber, submittedAt: applications.submittedAt, cutoffLabel: callCutoffs.label, status: statusSql,
    regionName: applicationReviews.regionName, departementCode: applicationReviews.departementCode, jobFamily: familySql, reviewers: reviewersSql,
    sheets: sheetsSql, meanScore: meanSql, medianScore: medianSql, spread: spreadSql, tags: tagsSql,
    // An assigned reviewer does not see others' scores until theirs is in.
    scoresHidden: sql<boolean>`(exists (select 1 from review_assignments ra where ra.application_id = ${applications.id} and ra.reviewer_id = ${f.viewerId})
      and not exists (select 1 from score_sheets s where s.application_id = ${applications.id} and s.reviewer_id = ${f.viewerId}))`,
    toDeclare: sql<boolean>`(exists (select 1 from review_assignments ra where ra.application_id = ${applications.id} and ra.reviewer_id = ${f.viewerId})
      and not exists (select 1 from review_clearances rc where rc.application_id = ${applications.id} and rc.reviewer_id = ${f.viewerId}))`,
    decision: sql<string | null>`${finalDecision('outcome::text')}`, motivation: sql<string | null>`${finalDecision('motivation')}`, seedGrant: sql<number | null>`${finalDecision('seed_grant')}`,
  }).from(applications)
    .innerJoin(organisations, eq(organisations.id, applications.organisationId))
    .leftJoin(callCutoffs, eq(callCutoffs.id, applications.cutoffId))
    .leftJoin(applicationReviews, eq(applicationReviews.applicationId, applications.id))
    .where(and(...where))
    .orderBy(...orderBy(f));
}

const n2 = (v: string | number | null) => (v === null ? null : round2(Number(v)));
const toRow = ({ scoresHidden, toDeclare, ...r }: Awaited<ReturnType<typeof select>>[number]): WorkspaceRow => ({
  ...r, seedGrant: r.seedGrant === null ? null : Number(r.seedGrant), scoresHidden: !!scoresHidden, toDeclare: !!toDeclare,
  ...(scoresHidden ? { meanScore: null, medianScore: null, spread: null } : { meanScore: n2(r.meanScore), medianScore: n2(r.medianScore), spread: n2(r.spread) }),
});

/** A page of the list, the total matching, and the counts per status (other filters applied). */
export async function listWorkspace(db: DbOrTx, f: WorkspaceFilter, page: number, size = 25) {
  const rows = await select(db, f, true).limit(size).offset((page - 1) * size);
  const counts = await db.select({ status: statusSql, n: sql<number>`count(*)::int` }).from(applications)
    .innerJoin(organisations, eq(organisations.id, applications.organisationId))
    .leftJoin(applicationReviews, eq(applicationReviews.applicationId, applications.id))
    .where(and(...baseConditions(f))).groupBy(statusSql);
  const byStatus = Object.fromEntries(counts.map((c) => [c.status, c.n])) as Partial<Record<WorkspaceStatus, number>>;
  const total = f.status ? (byStatus[f.status] ?? 0) : counts.reduce((s, c) => s + c.n, 0);
  return { rows: rows.map(toRow), total, byStatus };
}

/** Every matching line, for the exports. */
export async function exportWorkspace(db: DbOrTx, f: WorkspaceFilter): Promise<WorkspaceRow[]> {
  return (await select(db, f, true).limit(10_000)).map(toRow);
}

/** The data of one section of an application ({} when absent). */
export async function sectionData(db: DbOrTx, applicationId: string, sectionKey: string): Promise<Record<string, unknown>> {
  const [row] = await db.select({ data: applicationSections.data }).from(applicationSections)
    .where(and(eq(applicationSections.applicationId, applicationId), eq(applicationSections.sectionKey, sectionKey)));
  return (row?.data as Record<string, unknown> | undefined) ?? {};
}

/** Of these application ids, those the viewer may see in the list (same scope as the list). */
export async function visibleIds(db: DbOrTx, f: Pick<WorkspaceFilter, 'viewerId' | 'groupScoped'>, ids: string[]): Promise<string[]> {
  if (!ids.length) return [];
  const c: SQL[] = [inArray(applications.id, ids), sql`${applications.submittedAt} is not null`,
    sql`not exists (select 1 from ${conflictDeclarations} cd where cd.user_id = ${f.viewerId} and cd.organisation_id = ${applications.organisationId})`];
  if (f.groupScoped) c.push(visibleToReviewerSql(f.viewerId));
  const rows = await db.select({ id: applications.id }).from(applications).leftJoin(applicationReviews, eq(applicationReviews.applicationId, applications.id)).where(and(...c));
  return rows.map((r) => r.id);
}
