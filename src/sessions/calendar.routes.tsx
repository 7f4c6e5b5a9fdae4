/** The organisation's calendar page and its private ICS feed. */
import type { Context } from 'hono';
import type { Router } from '../platform/http/router.js';
import type { AppEnv } from '../platform/http/context.js';
import { ORG_ADMIN, ORG_MEMBER, PUBLIC, isUuid } from '../platform/http/access.js';
import { parisDateTime } from '../platform/pdf/pdf.js';
import { render, pageContext } from '../platform/http/render.js';
import { renderErrorPage } from '../platform/views/error-page.js';
import { obligationsOfOrganisation, sessionsOfOrganisation, followedLabelsOfOrganisation, organisationName } from './sessions.store.js';
import { OBLIGATION_KIND_LABELS, OBLIGATION_STATE_LABELS, obligationState, parisDay, type ObligationKind } from './obligations.js';
import { SESSION_STATUS_LABELS } from './sessions.js';
import { buildIcs, type IcsEvent } from './ics.js';
import { calendarFeedTokenOpens, ensureCalendarFeed, regenerateCalendarFeed, shownCalendarToken } from './commands/calendar-feed.js';
import { sessionActor } from './sessions.policy.js';
import { CalendarPage } from './views/calendar-page.js';

/** The private URL of an organisation's feed for a token. */
export function calendarFeedUrl(c: Context<AppEnv>, orgId: string, token: string): string {
  return `${c.get('deps').config.baseUrl}/calendrier/${orgId}/${token}/echeances.ics`;
}

/** The calendar page; `newToken` right after a regeneration (the only time a random token is shown). */
async function calendarPage(c: Context<AppEnv>, r: Router, newToken?: string) {
  const deps = c.get('deps');
  const db = deps.database.db;
  const orgId = c.req.param('orgId')!.toLowerCase();
  const name = await organisationName(db, orgId);
  if (!name) return renderErrorPage(c, 404);
  const [obligations, sessions, labels] = await Promise.all([obligationsOfOrganisation(db, orgId), sessionsOfOrganisation(db, orgId), followedLabelsOfOrganisation(db, orgId)]);
  const feed = await ensureCalendarFeed(db, deps.config.appSecret, orgId, deps.now());
  const shown = newToken ?? shownCalendarToken(feed, deps.config.appSecret);
  const isAdmin = !!c.get('actor')?.memberships.some((m) => m.organisationId === orgId && m.role === 'admin');
  return render(c, <CalendarPage ctx={pageContext(c)} orgId={orgId} orgName={name} obligations={obligations} sessions={sessions} labels={labels}
    today={parisDay(deps.now())} feedUrl={shown ? calendarFeedUrl(c, orgId, shown) : null} feedSince={parisDateTime(feed.createdAt)} regenerated={!!newToken} isAdmin={isAdmin}
    show={c.req.query('voir') === 'toutes' ? 'all' : 'open'}
    learnerPages={r.entries.some((e) => e.method === 'GET' && e.path === '/organisations/:orgId/sessions/:sessionId/attestation')} />);
}

/** Registers the calendar routes. */
export function registerCalendarRoutes(r: Router): void {
  r.get('/organisations/:orgId/calendrier', ORG_MEMBER, (c) => calendarPage(c, r));

  r.post('/organisations/:orgId/calendrier/lien', ORG_ADMIN, async (c) => {
    const deps = c.get('deps');
    const orgId = c.req.param('orgId')!.toLowerCase();
    if (!(await organisationName(deps.database.db, orgId))) return renderErrorPage(c, 404);
    const res = await deps.database.db.transaction((tx) => regenerateCalendarFeed(tx, sessionActor(c), orgId, deps.now()));
    return calendarPage(c, r, res.token);
  });

  r.get('/calendrier/:orgId/:token/echeances.ics', PUBLIC, async (c) => {
    const deps = c.get('deps');
    const orgId = c.req.param('orgId');
    const token = c.req.param('token') ?? '';
    if (!isUuid(orgId) || !(await calendarFeedTokenOpens(deps.database.db, deps.config.appSecret, orgId.toLowerCase(), token, deps.now()))) return renderErrorPage(c, 404);
    const db = deps.database.db;
    const id = orgId.toLowerCase();
    const name = await organisationName(db, id);
    if (!name) return renderErrorPage(c, 404);
    const today = parisDay(deps.now());
    const base = deps.config.baseUrl;
    const events: IcsEvent[] = [];
    for (const o of await obligationsOfOrganisation(db, id)) {
      const ob = o.obligation;
      const what = `${OBLIGATION_KIND_LABELS[ob.kind as ObligationKind]}${ob.year ? ` ${ob.year}` : ''}`;
      const state = OBLIGATION_STATE_LABELS[obligationState(ob.dueOn, !!ob.doneAt, today)];
      events.push({
        uid: `obligation-${ob.key.replace(/:/g, '-')}@label-gen`, start: ob.dueOn, stamp: ob.doneAt ?? ob.createdAt,
        summary: `${what} – ${o.trainingTitle}${o.sessionName ? `, ${o.sessionName}` : ''}`,
        description: `Label ${o.labelNumber}. État : ${state}.`,
        url: `${base}/organisations/${id}/calendrier`,
      });
    }
    for (const { session: s, trainingTitle, labelNumber } of await sessionsOfOrganisation(db, id)) {
      if (s.status === 'cancelled') continue;
      events.push({
        uid: `session-${s.id}@label-gen`, start: s.actualStart ?? s.plannedStart, end: s.actualEnd ?? s.plannedEnd, stamp: s.updatedAt,
        summary: `Session ${s.name} – ${trainingTitle}`,
        description: `Label ${labelNumber}. ${SESSION_STATUS_LABELS[s.status]}. ${s.places} places.`,
        location: [s.place.address, s.place.postcode, s.place.commune].filter(Boolean).join(', '),
        url: `${base}/organisations/${id}/labels/${s.labelId}/sessions/${s.id}`,
      });
    }
    return new Response(buildIcs(`Échéances GEN – ${name}`, events), {
      headers: { 'content-type': 'text/calendar; charset=utf-8', 'content-disposition': 'inline; filename="echeances-gen.ics"', 'cache-control': 'private, max-age=300', 'x-robots-tag': 'noindex' },
    });
  });
}
