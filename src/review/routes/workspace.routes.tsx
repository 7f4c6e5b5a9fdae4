/**
 * Routes of the workspace: the list of a call's applications (scoped to the reviewer's groups),
 * its CSV and XLSX exports with chosen columns, bulk actions on a selection, saved views,
 * and the automatic assignment.
 */
import type { Context } from 'hono';
import type { Router } from '../../platform/http/router.js';
import type { AppEnv } from '../../platform/http/context.js';
import { isUuid } from '../../platform/http/access.js';
import { parseForm, type FormResult } from '../../platform/http/forms.js';
import { render, pageContext, redirectWith } from '../../platform/http/render.js';
import { renderErrorPage } from '../../platform/views/error-page.js';
import { dispatchMails } from '../../platform/mail/mailer.js';
import { listCallsWithCutoffs, getCallById } from '../../calls/calls.store.js';
import { missingOpinions } from '../../consultations/consultations.store.js';
import { postStaffMessage, staffUnread } from '../../messages/index.js';
import { holdsRoleFor, reviewAccess, seesAllApplications, staffActor } from '../review.policy.js';
import { listReviewers, applicationOwner } from '../review.store.js';
import { listWorkspace, exportWorkspace, visibleIds, type WorkspaceFilter } from '../workspace.store.js';
import { listSavedViews, listTags, tagsOf } from '../staffing.store.js';
import { readWorkspaceQuery, workspaceSearch, type WorkspaceQuery } from '../workspace-query.js';
import { bulkForm, viewForm } from '../review.forms.js';
import { assignReviewer } from '../commands/assign-reviewer.js';
import { autoAssign, deleteView, saveView, tagApplications } from '../commands/organise.js';
import { mayOnApplication } from '../facts.js';
import { allRegions } from '../region.js';
import { toCsv, toXlsx } from '../export.js';
import { WorkspacePage } from '../views/workspace-page.js';
import { SavedViewsPage } from '../views/saved-views-page.js';
import { WORKSPACE } from '../views/parts.js';

const PAGE_SIZE = 25;

/** A refusal that rolls a bulk action back. */
class Refused extends Error {}

/** The query with its call resolved (the one asked, or the most recent call). */
async function resolve(c: Context<AppEnv>, params: URLSearchParams = new URL(c.req.url).searchParams) {
  const db = c.get('deps').database.db;
  const query = readWorkspaceQuery(params);
  const calls = await listCallsWithCutoffs(db);
  const chosen = calls.find((x) => x.call.id === query.callId) ?? calls[calls.length - 1];
  if (!chosen) return null;
  const call = (await getCallById(db, chosen.call.id))!;
  const q: WorkspaceQuery & { callId: string } = { ...query, callId: chosen.call.id, cutoffId: chosen.cutoffs.some((x) => x.id === query.cutoffId) ? query.cutoffId : undefined };
  const actor = c.get('actor')!;
  const filter: WorkspaceFilter = { ...q, viewerId: actor.userId, groupScoped: !seesAllApplications(actor) };
  // Review rows are opened by the applications domain at each deposit (no write on a GET).
  if (q.missingOpinions) {
    const all = await exportWorkspace(db, { ...filter, status: undefined });
    filter.ids = [...(await missingOpinions(db, all.map((r) => r.id)))];
  }
  return { q, filter, calls, chosen, call, family: (code: string | null) => call.families.find((f) => f.code === code)?.title ?? '' };
}

const columnsOf = (c: Context<AppEnv>) => new URL(c.req.url).searchParams.getAll('colonnes');

async function listPage(c: Context<AppEnv>, o: { bulk?: FormResult<unknown>; viewState?: FormResult<unknown>; message?: string } = {}) {
  const db = c.get('deps').database.db;
  const actor = c.get('actor')!;
  const x = await resolve(c);
  const [reviewers, tags, views] = await Promise.all([listReviewers(db), listTags(db), listSavedViews(db, actor.userId)]);
  const status = o.bulk || o.viewState || o.message ? 422 : 200;
  if (!x) {
    return render(c, <WorkspacePage ctx={pageContext(c)} query={{ ...readWorkspaceQuery(new URLSearchParams()), callId: '' }} calls={[]} cutoffs={[]} regions={[]} families={[]} reviewers={[]} rows={[]} total={0} byStatus={{}} pageSize={PAGE_SIZE} tags={tags} rowTags={[]} views={views} canAutoAssign={false} />, status);
  }
  const list = await listWorkspace(db, x.filter, x.q.page, PAGE_SIZE);
  const ids = list.rows.map((r) => r.id);
  // One query each for the listed page: tags, and the viewer's unread organisation messages.
  const [rowTags, unread] = await Promise.all([tagsOf(db, ids), staffUnread(db, actor.userId, ids)]);
  return render(c, (
    <WorkspacePage ctx={pageContext(c)} query={x.q} calls={x.calls.map((k) => ({ id: k.call.id, title: k.call.title }))} cutoffs={x.chosen.cutoffs}
      regions={allRegions()} families={x.call.families} reviewers={reviewers} rows={list.rows} total={list.total} byStatus={list.byStatus} pageSize={PAGE_SIZE}
      tags={tags} rowTags={rowTags} unread={unread} views={views} canAutoAssign={holdsRoleFor(actor, 'review.assign')} bulk={o.bulk} viewState={o.viewState} message={o.message} />
  ), status);
}

function csvResponse(c: Context<AppEnv>, body: string) {
  c.header('Content-Type', 'text/csv; charset=utf-8');
  c.header('Content-Disposition', 'attachment; filename="candidatures.csv"');
  c.header('Cache-Control', 'no-store');
  return c.body(body);
}

/** Registers the workspace routes. */
export function registerWorkspaceRoutes(r: Router): void {
  r.get(WORKSPACE, reviewAccess('review.list'), (c) => listPage(c));

  r.get(`${WORKSPACE}/export.csv`, reviewAccess('review.export'), async (c) => {
    const x = await resolve(c);
    const rows = x ? await exportWorkspace(c.get('deps').database.db, x.filter) : [];
    return csvResponse(c, toCsv(rows, x?.family ?? (() => ''), columnsOf(c)));
  });

  r.get(`${WORKSPACE}/export.xlsx`, reviewAccess('review.export'), async (c) => {
    const x = await resolve(c);
    const rows = x ? await exportWorkspace(c.get('deps').database.db, x.filter) : [];
    const body = await toXlsx(rows, x?.family ?? (() => ''), columnsOf(c));
    c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    c.header('Content-Disposition', 'attachment; filename="candidatures.xlsx"');
    c.header('Cache-Control', 'no-store');
    return c.body(new Uint8Array(body));
  });

  // Bulk actions on the selection: assign, automatic assignment, tag, message, export.
  r.post(`${WORKSPACE}/selection`, reviewAccess('review.list'), async (c) => {
    const form = await parseForm(c, bulkForm);
    if (!form.ok) return listPage(c, { bulk: form });
    const deps = c.get('deps');
    const db = deps.database.db;
    const actor = c.get('actor')!;
    const back = form.data.back.startsWith('?') ? `${WORKSPACE}${form.data.back}` : WORKSPACE;
    const visible = await visibleIds(db, { viewerId: actor.userId, groupScoped: !seesAllApplications(actor) }, form.data.ids);
    if (visible.length !== new Set(form.data.ids).size) return renderErrorPage(c, 404);
    const me = staffActor(c);
    const refuse = (field: string, message: string) => listPage(c, { bulk: { ok: false, errors: { [field]: message }, values: form.values } });
    switch (form.data.action) {
      case 'export': {
        const x = await resolve(c, new URLSearchParams(form.data.back.replace(/^\?/, '')));
        const rows = x ? await exportWorkspace(db, { ...x.filter, status: undefined, page: 1, ids: visible } as WorkspaceFilter) : [];
        return csvResponse(c, toCsv(rows, x?.family ?? (() => ''), form.values.colonnes ? [form.values.colonnes].flat() : []));
      }
      case 'assign':
      case 'auto': {
        for (const id of visible) if (!(await mayOnApplication(db, actor, 'review.assign', id))) return refuse('ids', 'Seul le responsable du groupe de la région (ou un administrateur) affecte les instructeurs.');
        if (form.data.action === 'auto') {
          const callIds = await Promise.all(visible.map((id) => applicationOwner(db, id)));
          const byCall = new Map<string, string[]>();
          for (const o of callIds) if (o) byCall.set(o.callId, [...(byCall.get(o.callId) ?? []), o.id]);
          let assigned = 0;
          for (const [callId, ids] of byCall) {
            const res = await db.transaction((tx) => autoAssign(tx, me, { callId, applicationIds: ids }, deps.now()));
            if (!res.ok) return refuse('action', res.message);
            assigned += res.assigned;
          }
          return redirectWith(c, back, `${assigned} affectation(s) faite(s) automatiquement, selon la charge des instructeurs.`);
        }
        try {
          await db.transaction(async (tx) => {
            for (const id of visible) {
              const one = await assignReviewer(tx, me, { applicationId: id, reviewerId: form.data.reviewerId.toLowerCase() }, deps.now());
              if (!one.ok && one.message !== 'Cet instructeur est déjà affecté à la candidature.') throw new Refused(one.message);
            }
          });
        } catch (e) {
          if (e instanceof Refused) return refuse('reviewerId', e.message);
          throw e;
        }
        return redirectWith(c, back, `L’instructeur est affecté aux ${visible.length} candidature(s) choisie(s).`);
      }
      case 'tag': {
        const res = await db.transaction((tx) => tagApplications(tx, me, { tagId: form.data.tagId.toLowerCase(), applicationIds: visible }, deps.now()));
        if (!res.ok) return refuse('tagId', res.message);
        return redirectWith(c, back, `Étiquette posée sur ${res.tagged} candidature(s).`);
      }
      case 'message': {
        const mailIds: string[] = [];
        const failures: string[] = [];
        await db.transaction(async (tx) => {
          for (const id of visible) {
            const res = await postStaffMessage(tx, me, { applicationId: id, body: form.data.body, baseUrl: deps.config.baseUrl, smtp: !!deps.config.SMTP_URL }, deps.now());
            if (res.ok) mailIds.push(...res.mailIds); else failures.push(res.message);
          }
        });
        await dispatchMails(deps, mailIds);
        const sent = visible.length - failures.length;
        return redirectWith(c, back, failures.length ? `Message envoyé sur ${sent} candidature(s) ; ${failures.length} refusé(s) : ${failures[0]}` : `Message envoyé sur ${sent} candidature(s).`);
      }
    }
  });

  r.get(`${WORKSPACE}/vues`, reviewAccess('review.list'), async (c) => {
    const views = await listSavedViews(c.get('deps').database.db, c.get('actor')!.userId);
    return render(c, <SavedViewsPage ctx={pageContext(c)} views={views} />);
  });

  r.post(`${WORKSPACE}/vues`, reviewAccess('review.list'), async (c) => {
    const form = await parseForm(c, viewForm);
    if (!form.ok) return listPage(c, { viewState: form });
    const deps = c.get('deps');
    const q = readWorkspaceQuery(new URLSearchParams(form.data.query.replace(/^\?/, '')));
    const query = workspaceSearch({ ...q, page: 1 });
    await deps.database.db.transaction((tx) => saveView(tx, staffActor(c), { name: form.data.name, query }, deps.now()));
    return redirectWith(c, `${WORKSPACE}${query}`, `La vue « ${form.data.name} » est enregistrée.`);
  });

  r.post(`${WORKSPACE}/vues/:viewId/supprimer`, reviewAccess('review.list'), async (c) => {
    const id = c.req.param('viewId');
    if (!isUuid(id)) return renderErrorPage(c, 404);
    const res = await c.get('deps').database.db.transaction((tx) => deleteView(tx, staffActor(c), id.toLowerCase()));
    if (!res.ok) return renderErrorPage(c, 404);
    return redirectWith(c, `${WORKSPACE}/vues`, 'La vue est supprimée.');
  });
}
