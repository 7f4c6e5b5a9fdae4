/** Routes of the workspace: the list of a call's applications, and its CSV and XLSX exports. */
import type { Context } from 'hono';
import type { Router } from '../../platform/http/router.js';
import type { AppEnv } from '../../platform/http/context.js';
import { render, pageContext } from '../../platform/http/render.js';
import { listCallsWithCutoffs, getCallById } from '../../calls/calls.store.js';
import { reviewAccess } from '../review.policy.js';
import { syncReviews, listReviewers } from '../review.store.js';
import { listWorkspace, exportWorkspace, type WorkspaceFilter } from '../workspace.store.js';
import { readWorkspaceQuery, type WorkspaceQuery } from '../workspace-query.js';
import { allRegions } from '../region.js';
import { toCsv, toXlsx } from '../export.js';
import { WorkspacePage } from '../views/workspace-page.js';
import { WORKSPACE } from '../views/parts.js';

const PAGE_SIZE = 25;

/** The query with its call resolved (the one asked, or the most recent call). */
async function resolve(c: Context<AppEnv>) {
  const db = c.get('deps').database.db;
  const query = readWorkspaceQuery(new URL(c.req.url).searchParams);
  const calls = await listCallsWithCutoffs(db);
  const chosen = calls.find((x) => x.call.id === query.callId) ?? calls[calls.length - 1];
  if (!chosen) return null;
  const call = (await getCallById(db, chosen.call.id))!;
  const q: WorkspaceQuery & { callId: string } = { ...query, callId: chosen.call.id, cutoffId: chosen.cutoffs.some((x) => x.id === query.cutoffId) ? query.cutoffId : undefined };
  const filter: WorkspaceFilter = { ...q, viewerId: c.get('actor')!.userId };
  await db.transaction((tx) => syncReviews(tx, { callId: chosen.call.id }));
  return { q, filter, calls, chosen, call, family: (code: string | null) => call.families.find((f) => f.code === code)?.title ?? '' };
}

/** Registers the workspace routes. */
export function registerWorkspaceRoutes(r: Router): void {
  r.get(WORKSPACE, reviewAccess('review.list'), async (c) => {
    const db = c.get('deps').database.db;
    const x = await resolve(c);
    if (!x) return render(c, <WorkspacePage ctx={pageContext(c)} query={{ ...readWorkspaceQuery(new URLSearchParams()), callId: '' }} calls={[]} cutoffs={[]} regions={[]} families={[]} reviewers={[]} rows={[]} total={0} byStatus={{}} pageSize={PAGE_SIZE} />);
    const [list, reviewers] = await Promise.all([listWorkspace(db, x.filter, x.q.page, PAGE_SIZE), listReviewers(db)]);
    return render(c, (
      <WorkspacePage ctx={pageContext(c)} query={x.q} calls={x.calls.map((k) => ({ id: k.call.id, title: k.call.title }))} cutoffs={x.chosen.cutoffs}
        regions={allRegions()} families={x.call.families} reviewers={reviewers} rows={list.rows} total={list.total} byStatus={list.byStatus} pageSize={PAGE_SIZE} />
    ));
  });

  r.get(`${WORKSPACE}/export.csv`, reviewAccess('review.export'), async (c) => {
    const x = await resolve(c);
    const rows = x ? await exportWorkspace(c.get('deps').database.db, x.filter) : [];
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', 'attachment; filename="candidatures.csv"');
    c.header('Cache-Control', 'no-store');
    return c.body(toCsv(rows, x?.family ?? (() => '')));
  });

  r.get(`${WORKSPACE}/export.xlsx`, reviewAccess('review.export'), async (c) => {
    const x = await resolve(c);
    const rows = x ? await exportWorkspace(c.get('deps').database.db, x.filter) : [];
    const body = await toXlsx(rows, x?.family ?? (() => ''));
    c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    c.header('Content-Disposition', 'attachment; filename="candidatures.xlsx"');
    c.header('Cache-Control', 'no-store');
    return c.body(new Uint8Array(body));
  });
}
