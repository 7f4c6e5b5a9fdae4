/**
 * Routes organising the review: reviewer groups and the call's review settings (admins), the
 * managed tags (admins manage, reviewers use), and on one application: tags and follow.
 */
import type { Context } from 'hono';
import { sql } from 'drizzle-orm';
import type { Router } from '../../platform/http/router.js';
import type { AppEnv } from '../../platform/http/context.js';
import { isUuid } from '../../platform/http/access.js';
import { parseForm, type FormResult } from '../../platform/http/forms.js';
import { render, pageContext, redirectWith } from '../../platform/http/render.js';
import { renderErrorPage } from '../../platform/views/error-page.js';
import { listCallsWithCutoffs } from '../../calls/calls.store.js';
import { holdsRoleFor, reviewAccess, staffActor } from '../review.policy.js';
import { listReviewers } from '../review.store.js';
import { findGroup, listGroups, listTags, settingsOf } from '../staffing.store.js';
import { applicationTags } from '../review.schema.js';
import { applyTagForm, groupForm, settingsForm, tagForm } from '../review.forms.js';
import { createTag, deleteReviewGroup, followApplication, removeTagFromList, saveReviewGroup, saveReviewSettings, tagApplications, untagApplication } from '../commands/organise.js';
import { loadStaffDossier } from '../staff-dossier.js';
import { allRegions } from '../region.js';
import { GroupPage, GroupsPage } from '../views/organise-pages.js';
import { TagsPage } from '../views/organise-pages.js';
import { ApplicationPage } from '../views/application-page.js';
import { WORKSPACE, reviewPath } from '../views/parts.js';

const GROUPS = '/gestion/groupes';
const TAGS = '/gestion/etiquettes';

async function groupsPage(c: Context<AppEnv>, o: { state?: FormResult<unknown>; settingsState?: FormResult<unknown>; editing?: string; callId?: string } = {}) {
  const db = c.get('deps').database.db;
  const [groups, reviewers, calls] = await Promise.all([listGroups(db), listReviewers(db), listCallsWithCutoffs(db)]);
  const asked = o.callId ?? new URL(c.req.url).searchParams.get('appel') ?? '';
  const call = calls.find((x) => x.call.id === asked) ?? calls[calls.length - 1];
  const settings = call ? { callId: call.call.id, values: await settingsOf(db, call.call.id) } : null;
  const props = {
    ctx: pageContext(c), groups, regions: allRegions(), reviewers, state: o.state, settingsState: o.settingsState,
    calls: calls.map((x) => ({ id: x.call.id, title: x.call.title })), settings,
  };
  const status = o.state || o.settingsState ? 422 : 200;
  if (o.editing) {
    const editing = groups.find((g) => g.id === o.editing);
    if (!editing) return renderErrorPage(c, 404);
    return render(c, <GroupPage {...props} editing={editing} />, status);
  }
  return render(c, <GroupsPage {...props} />, status);
}

const groupId = (c: Context<AppEnv>) => { const id = c.req.param('groupId'); return isUuid(id) ? id.toLowerCase() : null; };

async function tagsPage(c: Context<AppEnv>, state?: FormResult<unknown>) {
  const db = c.get('deps').database.db;
  const [tags, uses] = await Promise.all([listTags(db), db.select({ tagId: applicationTags.tagId, n: sql<number>`count(*)::int` }).from(applicationTags).groupBy(applicationTags.tagId)]);
  return render(c, <TagsPage ctx={pageContext(c)} tags={tags.map((t) => ({ ...t, uses: uses.find((u) => u.tagId === t.id)?.n ?? 0 }))} canManage={holdsRoleFor(c.get('actor'), 'review.configure')} state={state} />, state ? 422 : 200);
}

/** Registers the routes. */
export function registerOrganiseRoutes(r: Router): void {
  r.get(GROUPS, reviewAccess('review.configure'), (c) => groupsPage(c));

  r.post(GROUPS, reviewAccess('review.configure'), async (c) => {
    const form = await parseForm(c, groupForm);
    if (!form.ok) return groupsPage(c, { state: form });
    const deps = c.get('deps');
    const res = await deps.database.db.transaction((tx) => saveReviewGroup(tx, staffActor(c), form.data, deps.now()));
    if (!res.ok) return groupsPage(c, { state: { ok: false, errors: { [res.field ?? '_form']: res.message }, values: form.values } });
    return redirectWith(c, GROUPS, `Le groupe « ${form.data.name} » est créé.`);
  });

  r.post(`${GROUPS}/reglages/:callId`, reviewAccess('review.configure'), async (c) => {
    const callId = c.req.param('callId');
    const calls = await listCallsWithCutoffs(c.get('deps').database.db);
    if (!isUuid(callId) || !calls.some((x) => x.call.id === callId.toLowerCase())) return renderErrorPage(c, 404);
    const form = await parseForm(c, settingsForm);
    if (!form.ok) return groupsPage(c, { settingsState: form, callId: callId.toLowerCase() });
    const deps = c.get('deps');
    await deps.database.db.transaction((tx) => saveReviewSettings(tx, staffActor(c), {
      callId: callId.toLowerCase(), discussionGap: form.data.discussionGap, reviewersPerApplication: form.data.reviewersPerApplication, seedGrantMaxShare: form.data.seedGrantMaxPercent / 100,
    }, deps.now()));
    return redirectWith(c, `${GROUPS}?appel=${callId.toLowerCase()}`, 'Les réglages de l’instruction sont enregistrés.');
  });

  r.get(`${GROUPS}/:groupId`, reviewAccess('review.configure'), async (c) => {
    const id = groupId(c);
    return id ? groupsPage(c, { editing: id }) : renderErrorPage(c, 404);
  });

  r.post(`${GROUPS}/:groupId`, reviewAccess('review.configure'), async (c) => {
    const id = groupId(c);
    if (!id || !(await findGroup(c.get('deps').database.db, id))) return renderErrorPage(c, 404);
    const form = await parseForm(c, groupForm);
    if (!form.ok) return groupsPage(c, { state: form, editing: id });
    const deps = c.get('deps');
    const res = await deps.database.db.transaction((tx) => saveReviewGroup(tx, staffActor(c), { ...form.data, id }, deps.now()));
    if (!res.ok) return groupsPage(c, { state: { ok: false, errors: { [res.field ?? '_form']: res.message }, values: form.values }, editing: id });
    return redirectWith(c, GROUPS, `Le groupe « ${form.data.name} » est enregistré.`);
  });

  r.post(`${GROUPS}/:groupId/supprimer`, reviewAccess('review.configure'), async (c) => {
    const id = groupId(c);
    if (!id) return renderErrorPage(c, 404);
    const deps = c.get('deps');
    const res = await deps.database.db.transaction((tx) => deleteReviewGroup(tx, staffActor(c), id, deps.now()));
    return res.ok ? redirectWith(c, GROUPS, 'Le groupe est supprimé.') : renderErrorPage(c, 404);
  });

  r.get(TAGS, reviewAccess('review.organise'), (c) => tagsPage(c));

  r.post(TAGS, reviewAccess('review.configure'), async (c) => {
    const form = await parseForm(c, tagForm);
    if (!form.ok) return tagsPage(c, form);
    const deps = c.get('deps');
    const res = await deps.database.db.transaction((tx) => createTag(tx, staffActor(c), form.data, deps.now()));
    if (!res.ok) return tagsPage(c, { ok: false, errors: { [res.field ?? '_form']: res.message }, values: form.values });
    return redirectWith(c, TAGS, `L’étiquette « ${form.data.label} » est ajoutée.`);
  });

  r.post(`${TAGS}/:tagId/supprimer`, reviewAccess('review.configure'), async (c) => {
    const id = c.req.param('tagId');
    if (!isUuid(id)) return renderErrorPage(c, 404);
    const deps = c.get('deps');
    const res = await deps.database.db.transaction((tx) => removeTagFromList(tx, staffActor(c), id.toLowerCase(), deps.now()));
    return res.ok ? redirectWith(c, TAGS, 'L’étiquette est supprimée.') : renderErrorPage(c, 404);
  });

  // On one application: tags and follow (whoever may see it).
  const P = `${WORKSPACE}/:applicationId`;
  const load = async (c: Context<AppEnv>) => {
    const id = c.req.param('applicationId');
    if (!isUuid(id)) return null;
    const deps = c.get('deps');
    const s = await loadStaffDossier(deps.database.db, c.get('actor')!, id.toLowerCase(), deps.now());
    return s && s.may.organise ? s : null;
  };

  r.post(`${P}/etiquettes`, reviewAccess('review.organise'), async (c) => {
    const s = await load(c);
    if (!s) return renderErrorPage(c, 404);
    const form = await parseForm(c, applyTagForm);
    if (!form.ok || !s.allTags.some((t) => t.id === form.data.tagId)) return render(c, <ApplicationPage ctx={pageContext(c)} s={s} state={{ errors: { tagId: 'Choisissez une étiquette de la liste.' }, values: form.values }} />, 422);
    const deps = c.get('deps');
    await deps.database.db.transaction((tx) => tagApplications(tx, staffActor(c), { tagId: form.data.tagId, applicationIds: [s.dossier.application.id] }, deps.now()));
    return redirectWith(c, reviewPath(s.dossier.application.id), 'L’étiquette est posée.');
  });

  r.post(`${P}/etiquettes/retirer`, reviewAccess('review.organise'), async (c) => {
    const s = await load(c);
    if (!s) return renderErrorPage(c, 404);
    const form = await parseForm(c, applyTagForm);
    if (!form.ok) return renderErrorPage(c, 404);
    const deps = c.get('deps');
    const res = await deps.database.db.transaction((tx) => untagApplication(tx, staffActor(c), { tagId: form.data.tagId, applicationId: s.dossier.application.id }, deps.now()));
    if (!res.ok) return render(c, <ApplicationPage ctx={pageContext(c)} s={s} message={res.message} />, 422);
    return redirectWith(c, reviewPath(s.dossier.application.id), 'L’étiquette est retirée.');
  });

  r.post(`${P}/suivre`, reviewAccess('review.organise'), async (c) => {
    const s = await load(c);
    if (!s) return renderErrorPage(c, 404);
    const deps = c.get('deps');
    const res = await deps.database.db.transaction((tx) => followApplication(tx, staffActor(c), s.dossier.application.id, deps.now()));
    return redirectWith(c, reviewPath(s.dossier.application.id), res.ok && res.following ? 'Vous suivez cette candidature.' : 'Vous ne suivez plus cette candidature.');
  });
}
