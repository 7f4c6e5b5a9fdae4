/** The organisation's session routes: a label's sessions, declaring, changing, cancelling a session. */
import type { Context } from 'hono';
import type { Router } from '../platform/http/router.js';
import type { AppEnv } from '../platform/http/context.js';
import { ORG_MEMBER, isUuid } from '../platform/http/access.js';
import { readForm, type FormValues } from '../platform/http/forms.js';
import { render, pageContext, redirectWith } from '../platform/http/render.js';
import { renderErrorPage } from '../platform/views/error-page.js';
import { objectHistory } from '../platform/audit/audit.store.js';
import { parisDateTime } from '../platform/pdf/pdf.js';
import type { FormState } from '../platform/views/ui.js';
import { placeClassifierOf } from '../applications/place-classifier.js';
import type { SessionPlace } from './sessions.schema.js';
import { labelForOrg, sessionForOrg, sessionsOfLabel, obligationsOfLabel, type SessionRow } from './sessions.store.js';
import { parseSessionInput, sessionBreaches, sessionDatesRequestHref, type SessionInput } from './sessions.js';
import { parisDay } from './obligations.js';
import { declareSession, changeSession, cancelSession } from './commands/declare-session.js';
import { sessionActor } from './sessions.policy.js';
import { LabelSessionsPage, NewSessionPage, SessionPage, type LabelHead } from './views/session-pages.js';

const orgIdOf = (c: Context<AppEnv>) => c.req.param('orgId')!.toLowerCase();

type FoundLabel = NonNullable<Awaited<ReturnType<typeof labelForOrg>>>;

async function labelOf(c: Context<AppEnv>): Promise<FoundLabel | null> {
  const id = c.req.param('labelId');
  if (!isUuid(id)) return null;
  return labelForOrg(c.get('deps').database.db, orgIdOf(c), id.toLowerCase());
}

async function sessionOf(c: Context<AppEnv>, found: FoundLabel): Promise<SessionRow | null> {
  const id = c.req.param('sessionId');
  if (!isUuid(id)) return null;
  const s = await sessionForOrg(c.get('deps').database.db, orgIdOf(c), id.toLowerCase());
  return s && s.labelId === found.label.id ? s : null;
}

function head(f: FoundLabel): LabelHead {
  return { id: f.label.id, number: f.label.number, trainingTitle: f.label.trainingTitle, status: f.label.status, validFrom: f.label.validFrom, validUntil: f.label.validUntil, organisationName: f.organisationName };
}

const asRules = (s: SessionRow) => ({ id: s.id, name: s.name, status: s.status, initialStart: s.initialStart, plannedStart: s.plannedStart, plannedEnd: s.plannedEnd, actualStart: s.actualStart, places: s.places, approvedStart: s.approvedStart });

/** Classifies the session's place with the geography in force at its start; the address alone when the engine cannot place it. */
export async function classifySessionPlace(c: Context<AppEnv>, i: SessionInput): Promise<SessionPlace> {
  const place: SessionPlace = { address: i.address, postcode: i.postcode, commune: i.city };
  const classifier = placeClassifierOf(c.get('deps'));
  if (!classifier) return place;
  let timer: NodeJS.Timeout | undefined;
  try {
    const r = await Promise.race([
      classifier.classify({ address: i.address, postcode: i.postcode, city: i.city }, i.plannedStart),
      new Promise<null>((resolve) => { timer = setTimeout(() => resolve(null), 5000); }),
    ]);
    if (!r) return place;
    return { ...place, commune: r.communeName, inseeCode: r.communeCode, departement: r.departement, region: r.region, qpv: r.qpv?.code ?? null, qpvVersion: r.qpvVersion ?? undefined };
  } catch {
    return place;
  } finally {
    clearTimeout(timer);
  }
}

function sessionValues(s: SessionRow): FormValues {
  return {
    name: s.name, plannedStart: s.plannedStart, plannedEnd: s.plannedEnd, address: s.place.address, postcode: s.place.postcode ?? '', city: s.place.commune ?? '',
    modality: s.modality, places: String(s.places), workStudy: s.workStudy ? 'oui' : 'non',
  };
}

/** Whether the learners domain's pages (roster, attestation, reports) are registered, so links never lead to a 404. */
let learnerPages = () => false;

async function listPage(c: Context<AppEnv>, found: FoundLabel) {
  const deps = c.get('deps');
  const db = deps.database.db;
  const today = parisDay(deps.now());
  const sessions = await sessionsOfLabel(db, found.label.id);
  const { breaches, warnings } = sessionBreaches(found.label, found.rules, sessions.map(asRules), today);
  return render(c, <LabelSessionsPage ctx={pageContext(c)} orgId={orgIdOf(c)} label={head(found)} sessions={sessions} obligations={await obligationsOfLabel(db, found.label.id)}
    breaches={breaches} warnings={warnings} today={today} minPlaces={found.rules.targets.minLearnersPerSession} learnerPages={learnerPages()} />);
}

async function sessionPage(c: Context<AppEnv>, found: FoundLabel, s: SessionRow, state?: FormState, status = 200, changeRequestHref?: string) {
  const deps = c.get('deps');
  const db = deps.database.db;
  const today = parisDay(deps.now());
  const all = await sessionsOfLabel(db, found.label.id);
  const breaches = sessionBreaches(found.label, found.rules, all.map(asRules), today).breaches.filter((b) => b.sessionId === s.id);
  const obligations = (await obligationsOfLabel(db, found.label.id)).filter((o) => o.sessionId === s.id);
  const history = (await objectHistory(db, 'session', s.id)).map((e) => ({
    at: parisDateTime(new Date(e.at)), actorLabel: e.actorLabel, action: e.action, reason: ((e.meta ?? {}) as { reason?: string }).reason ?? null,
  }));
  return render(c, <SessionPage ctx={pageContext(c)} orgId={orgIdOf(c)} label={head(found)} session={s} obligations={obligations} breaches={breaches} today={today}
    state={state ?? { values: sessionValues(s) }} minPlaces={found.rules.targets.minLearnersPerSession} history={history} learnerPages={learnerPages()}
    maxPostponementMonths={found.rules.durations.maxPostponementMonths} changeRequestHref={changeRequestHref} />, status);
}

/** Registers the organisation's session routes. */
export function registerOrganisationSessionRoutes(r: Router): void {
  const base = '/organisations/:orgId/labels/:labelId/sessions';
  learnerPages = () => r.entries.some((e) => e.method === 'GET' && e.path === '/organisations/:orgId/sessions/:sessionId/attestation');

  r.get(base, ORG_MEMBER, async (c) => {
    const found = await labelOf(c);
    return found ? listPage(c, found) : renderErrorPage(c, 404);
  });

  r.get(`${base}/nouvelle`, ORG_MEMBER, async (c) => {
    const found = await labelOf(c);
    if (!found) return renderErrorPage(c, 404);
    return render(c, <NewSessionPage ctx={pageContext(c)} orgId={orgIdOf(c)} label={head(found)} minPlaces={found.rules.targets.minLearnersPerSession} state={{ values: { workStudy: 'non' } }} />);
  });

  r.post(`${base}/nouvelle`, ORG_MEMBER, async (c) => {
    const found = await labelOf(c);
    if (!found) return renderErrorPage(c, 404);
    const deps = c.get('deps');
    const values = await readForm(c);
    const again = (errors: Record<string, string>) => render(c, <NewSessionPage ctx={pageContext(c)} orgId={orgIdOf(c)} label={head(found)} minPlaces={found.rules.targets.minLearnersPerSession} state={{ errors, values }} />, 422);
    if (found.label.status !== 'active') return again({ _form: 'Une session ne peut être déclarée que pour un label actif.' });
    const parsed = parseSessionInput(values, found.label);
    if (!parsed.ok) return again(parsed.errors);
    const place = await classifySessionPlace(c, parsed.data);
    const now = deps.now();
    const res = await deps.database.db.transaction((tx) => declareSession(tx, sessionActor(c), { labelId: found.label.id, organisationId: found.label.organisationId, input: parsed.data, place }, now));
    if (!res.ok) return again({ [res.field ?? '_form']: res.message });
    return redirectWith(c, `/organisations/${found.label.organisationId}/labels/${found.label.id}/sessions/${res.session.id}`, `La session « ${res.session.name} » est déclarée ; ses échéances sont au calendrier.`);
  });

  r.get(`${base}/:sessionId`, ORG_MEMBER, async (c) => {
    const found = await labelOf(c);
    const s = found && await sessionOf(c, found);
    return found && s ? sessionPage(c, found, s) : renderErrorPage(c, 404);
  });

  r.post(`${base}/:sessionId/modifier`, ORG_MEMBER, async (c) => {
    const found = await labelOf(c);
    const s = found && await sessionOf(c, found);
    if (!found || !s) return renderErrorPage(c, 404);
    const deps = c.get('deps');
    const values = await readForm(c);
    const parsed = parseSessionInput(values, found.label);
    const reason = typeof values.reason === 'string' ? values.reason : '';
    const errors: Record<string, string> = parsed.ok ? {} : { ...parsed.errors };
    if (reason.trim().length < 5) errors.reason = 'Indiquez le motif de la modification (5 caractères au moins).';
    if (!parsed.ok || Object.keys(errors).length) return sessionPage(c, found, s, { errors, values }, 422);
    const place = await classifySessionPlace(c, parsed.data);
    const res = await deps.database.db.transaction((tx) => changeSession(tx, sessionActor(c), { sessionId: s.id, organisationId: s.organisationId, version: Number(values.version), input: parsed.data, place, reason }, deps.now()));
    if (!res.ok) {
      const href = res.needsChangeRequest ? sessionDatesRequestHref(s.organisationId, s, parsed.data.plannedStart, parsed.data.plannedEnd) : undefined;
      return sessionPage(c, found, (await sessionOf(c, found)) ?? s, { errors: { [res.field ?? '_form']: res.message }, values }, 422, href);
    }
    return redirectWith(c, `/organisations/${s.organisationId}/labels/${found.label.id}/sessions/${s.id}`, res.warning ?? 'La session est modifiée ; ses échéances sont recalculées.');
  });

  r.post(`${base}/:sessionId/annuler`, ORG_MEMBER, async (c) => {
    const found = await labelOf(c);
    const s = found && await sessionOf(c, found);
    if (!found || !s) return renderErrorPage(c, 404);
    const deps = c.get('deps');
    const values = await readForm(c);
    const reason = typeof values.cancelReason === 'string' ? values.cancelReason : '';
    const res = await deps.database.db.transaction((tx) => cancelSession(tx, sessionActor(c), { sessionId: s.id, organisationId: s.organisationId, version: Number(values.version), reason }, deps.now()));
    if (!res.ok) return sessionPage(c, found, (await sessionOf(c, found)) ?? s, { errors: { [res.field ?? '_form']: res.message }, values: { ...sessionValues(s), ...values } }, 422);
    return redirectWith(c, `/organisations/${s.organisationId}/labels/${found.label.id}/sessions`, `La session « ${s.name} » est annulée.`);
  });
}
