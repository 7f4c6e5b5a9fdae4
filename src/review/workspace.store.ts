/**
 * The staff workspace's list of applications: filters, French full-text search, sorting,
 * pagination and counts per status, in one query shape shared by the page and the exports.
 */
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/index.js';
import { applications } from '../applications/applications.schema.js';
import { organisations } from '../organisations/organisations.schema.js';
import { callCutoffs } from '../calls/calls.schema.js';
import { applicationReviews, reviewAssignments, conflictDeclarations } from './review.schema.js';
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
}

function select(db: DbOrTx, f: WorkspaceFilter, statusFilter: boolean) {
  const where = baseConditions(f);
  if (statusFilter && f.status) where.push(sql`${statusSql} = ${f.status}`);
  return db.select({
    id: applications.id, organisationId: applications.organisationId, trainingTitle: applications.trainingTitle, organisationName: organisations.name,
    receiptNumber: applications.receiptNumber, submittedAt: applications.submittedAt, cutoffLabel: callCutoffs.label, status: statusSql,
    regionName: applicationReviews.regionName, departementCode: applicationReviews.departementCode, jobFamily: familySql, reviewers: reviewersSql,
    sheets: sheetsSql, meanScore: meanSql,
  }).from(applications)
    .innerJoin(organisations, eq(organisations.id, applications.organisationId))
    .leftJoin(callCutoffs, eq(callCutoffs.id, applications.cutoffId))
    .leftJoin(applicationReviews, eq(applicationReviews.applicationId, applications.id))
    .where(and(...where))
    .orderBy(...orderBy(f));
}

const toRow = (r: Awaited<ReturnType<typeof select>>[number]): WorkspaceRow => ({ ...r, meanScore: r.meanScore === null ? null : round2(Number(r.meanScore)) });

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
