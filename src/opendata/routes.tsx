/**
 * Public key figures (/chiffres-cles) and open data (/donnees-ouvertes): the documentation page
 * and the files at stable URLs, served from the cached snapshot with ETag / If-None-Match.
 */
import type { Context } from 'hono';
import type { Module } from '../platform/http/app.js';
import type { AppEnv } from '../platform/http/context.js';
import { PUBLIC } from '../platform/http/access.js';
import { render, pageContext, redirectWith } from '../platform/http/render.js';
import { catalogueIndex, parisToday } from '../catalogue/catalogue.index.js';
import { renderPublic } from '../catalogue/routes.js';
import { keyFigures } from './figures.js';
import { activeCounts, currentCallRules, currentRegionalNeeds, figureSessions } from './opendata.store.js';
import { FILES, snapshot, type OpenFile } from './snapshot.js';
import { etagMatches } from './http.js';
import { FiguresPage } from './views/figures-page.js';
import { readForm } from '../platform/http/forms.js';
import { clientIp } from '../platform/http/security.js';
import { inRegion, needsOfRegion } from './needs.js';
import { NEEDS_EDIT } from './opendata.policy.js';
import { editRegionalNeeds } from './commands/edit-regional-needs.js';
import { NeedsAdminPage, NeedsEditPage, NeedsListPage, NeedsRegionPage } from './views/needs-pages.js';
import { OpenDataPage } from './views/opendata-page.js';

/** Sends a snapshot file, or 304 when the client already has it. */
export function sendFile(c: Context<AppEnv>, f: OpenFile, download: string): Response {
  c.header('ETag', f.etag);
  c.header('Cache-Control', 'public, max-age=300, must-revalidate');
  c.header('Access-Control-Allow-Origin', '*');
  c.header('X-Content-Type-Options', 'nosniff');
  if (etagMatches(c.req.header('If-None-Match'), f.etag)) return c.body(null, 304);
  c.header('Content-Type', f.contentType);
  c.header('Content-Disposition', `inline; filename="${download}"`);
  return c.body(f.body, 200);
}

/** The routes of key figures and open data. */
export const opendataModule: Module = (r, deps) => {
  // Key figures and regional needs follow the catalogue's data version (bumped by sessions, learners,
  // labels, calls and regional needs): anonymous pages are computed once per version and day.
  r.get('/chiffres-cles', PUBLIC, async (c) => {
    const db = deps.database.db;
    return renderPublic(c, await catalogueIndex(deps), 'chiffres-cles', async () => {
      const call = await currentCallRules(db);
      const figures = call ? keyFigures(await figureSessions(db), call.rules, await activeCounts(db, parisToday(deps.now()))) : null;
      return <FiguresPage ctx={pageContext(c)} figures={figures} callTitle={call?.title ?? null} />;
    });
  });

  r.get('/donnees-ouvertes', PUBLIC, async (c) => {
    const snap = await snapshot(deps);
    const sizes = Object.fromEntries([...snap.files].map(([k, f]) => [k, Buffer.byteLength(f.body)]));
    return render(c, <OpenDataPage ctx={pageContext(c)} baseUrl={deps.config.baseUrl} sizes={sizes} builtAt={snap.builtAt} />);
  });

  for (const name of FILES) {
    r.get(`/donnees-ouvertes/${name}`, PUBLIC, async (c) => {
      const f = (await snapshot(deps)).files.get(name)!;
      return sendFile(c, f, `label-gen-${name}`);
    });
  }

  r.get('/besoins-regionaux', PUBLIC, async (c) => {
    const index = await catalogueIndex(deps);
    return renderPublic(c, index, 'besoins-regionaux', async () => {
      const { call, needs } = await currentRegionalNeeds(deps.database.db);
      const counts = Object.fromEntries(needs.map((n) => [n.regionCode, new Set(needsOfRegion(n.jobs, n.regionCode, index.entries).flatMap((x) => x.trainings.map((e) => e.number))).size]));
      return <NeedsListPage ctx={pageContext(c)} needs={needs} counts={counts} callTitle={call?.title ?? null} />;
    });
  });

  r.get('/besoins-regionaux/:regionCode', PUBLIC, async (c) => {
    const { needs } = await currentRegionalNeeds(deps.database.db);
    const need = needs.find((n) => n.regionCode === c.req.param('regionCode'));
    if (!need) return c.notFound();
    const index = await catalogueIndex(deps);
    return render(c, <NeedsRegionPage ctx={pageContext(c)} need={need} rows={needsOfRegion(need.jobs, need.regionCode, index.entries.filter((e) => inRegion(e, need.regionCode)))} />);
  });

  r.get('/gestion/besoins-regionaux', NEEDS_EDIT, async (c) => {
    const { needs } = await currentRegionalNeeds(deps.database.db);
    return render(c, <NeedsAdminPage ctx={pageContext(c)} needs={needs} />);
  });

  r.get('/gestion/besoins-regionaux/:regionCode', NEEDS_EDIT, async (c) => {
    const { needs } = await currentRegionalNeeds(deps.database.db);
    const need = needs.find((n) => n.regionCode === c.req.param('regionCode'));
    if (!need) return c.notFound();
    return render(c, <NeedsEditPage ctx={pageContext(c)} need={need} />);
  });

  r.post('/gestion/besoins-regionaux/:regionCode', NEEDS_EDIT, async (c) => {
    const { needs } = await currentRegionalNeeds(deps.database.db);
    const need = needs.find((n) => n.regionCode === c.req.param('regionCode'));
    if (!need) return c.notFound();
    const raw = await readForm(c);
    const values = { metiers: String(raw.metiers ?? ''), motif: String(raw.motif ?? '') };
    const actor = c.get('actor')!;
    const res = await deps.database.db.transaction((tx) => editRegionalNeeds(tx, { id: actor.userId, label: `${actor.fullName} <${actor.email}>`, ip: clientIp(c, deps.config.TRUST_PROXY) }, need.id, { jobs: values.metiers, motivation: values.motif }, deps.now()));
    if (!res.ok) return render(c, <NeedsEditPage ctx={pageContext(c)} need={need} state={{ errors: Object.keys(res.errors).length ? res.errors : { _form: res.message }, values }} />, 422);
    return redirectWith(c, `/besoins-regionaux/${need.regionCode}`, `Les besoins de la région ${res.regionName} ont été enregistrés.`);
  });
};
