/**
 * Application pages under /organisations/:orgId/candidatures (members of the organisation):
 * list, creation, task list, sections, summary and submission, withdrawal. Documents: routes-documents.
 */
import { z } from 'zod';
import type { Context } from 'hono';
import type { Module } from '../platform/http/app.js';
import type { AppEnv } from '../platform/http/context.js';
import { ORG_MEMBER, isUuid } from '../platform/http/access.js';
import { render, pageContext, redirectWith } from '../platform/http/render.js';
import { readForm, parseForm } from '../platform/http/forms.js';
import { requiredText } from '../platform/http/fields.js';
import { renderErrorPage } from '../platform/views/error-page.js';
import { dispatchMails } from '../platform/mail/mailer.js';
import { listCalls, getCallById } from '../calls/calls.store.js';
import { isCallOpen } from '../calls/call.js';
import { listApplications } from './applications.store.js';
import { dateIn } from './dossier.js';
import { BASE, orgOf, dossierOf } from './request.js';
import { memberActor, memberMay } from './applications.policy.js';
import { sectionBySlug } from './sections/catalogue.js';
import { pickValues, parseRowAction, applyRowAction } from './sections/parse.js';
import { createApplication } from './commands/create-application.js';
import { saveSection } from './commands/save-section.js';
import { submitApplication } from './commands/submit-application.js';
import { withdrawApplication } from './commands/withdraw-application.js';
import { placeClassifierOf, classifyPlaces } from './place-classifier.js';
import { ListPage, NewApplicationPage } from './views/list.js';
import { OverviewPage } from './views/overview.js';
import { SectionPage } from './views/section-page.js';
import { ConflictPage, LockedPage } from './views/conflict.js';
import { SummaryPage } from './views/summary.js';
import { WithdrawPage } from './views/withdraw.js';
import { PlacesStatus } from './views/places-status.js';
import { appPath, sectionPath } from './views/paths.js';
import { documentRoutes } from './routes-documents.js';

const newSchema = z.object({
  callId: z.string({ error: 'Choisissez un appel à labellisation.' }).refine(isUuid, 'Choisissez un appel à labellisation.'),
  trainingTitle: requiredText('l’intitulé de la formation', 200),
});
const withdrawSchema = z.object({ reason: requiredText('le motif du retrait', 2000), version: z.coerce.number().int().min(1) });

async function openCalls(c: Context<AppEnv>) {
  const { database, now } = c.get('deps');
  const out: { id: string; title: string }[] = [];
  for (const call of await listCalls(database.db)) {
    const details = await getCallById(database.db, call.id);
    if (details && isCallOpen({ opensAt: call.opensAt, closesAt: call.closesAt }, details.cutoffs, now())) out.push({ id: call.id, title: call.title });
  }
  return out;
}

/** Routes of the applications domain. */
export const applicationsModule: Module = (r) => {
  r.get(BASE, ORG_MEMBER, async (c) => {
    const orgId = orgOf(c);
    const orgName = c.get('actor')!.memberships.find((m) => m.organisationId === orgId)?.organisationName ?? '';
    const rows = await listApplications(c.get('deps').database.db, orgId);
    return render(c, <ListPage ctx={pageContext(c)} orgId={orgId} orgName={orgName} rows={rows} />);
  });

  r.get(`${BASE}/nouvelle`, ORG_MEMBER, async (c) => render(c, <NewApplicationPage ctx={pageContext(c)} orgId={orgOf(c)} calls={await openCalls(c)} state={{}} />));

  r.post(`${BASE}/nouvelle`, ORG_MEMBER, async (c) => {
    const form = await parseForm(c, newSchema);
    const deps = c.get('deps');
    const orgId = orgOf(c);
    const result = form.ok
      ? await deps.database.db.transaction((tx) => createApplication(tx, memberActor(c), { organisationId: orgId, callId: form.data.callId.toLowerCase(), trainingTitle: form.data.trainingTitle }, deps.now()))
      : { ok: false as const, errors: form.errors };
    if (result.ok) return redirectWith(c, appPath(orgId, result.id), 'La candidature a été créée. Remplissez les rubriques dans l’ordre de votre choix.');
    return render(c, <NewApplicationPage ctx={pageContext(c)} orgId={orgId} calls={await openCalls(c)} state={{ errors: result.errors, values: form.values }} />, 422);
  });

  r.get(`${BASE}/:appId`, ORG_MEMBER, async (c) => {
    const d = await dossierOf(c);
    if (!d) return renderErrorPage(c, 404);
    return render(c, <OverviewPage ctx={pageContext(c)} d={d} />);
  });

  r.get(`${BASE}/:appId/sections/:section`, ORG_MEMBER, async (c) => {
    const def = sectionBySlug(c.req.param('section') ?? '');
    const d = def && await dossierOf(c);
    if (!def || !d) return renderErrorPage(c, 404);
    const s = d.sections[def.key];
    const classifier = placeClassifierOf(c.get('deps'));
    const places = def.key === 'places' && classifier
      ? await classifyPlaces(classifier, (s.reading.data.places as Record<string, unknown>[] | undefined) ?? [], dateIn(c.get('deps').now(), d.call.call.timezone))
      : [];
    return render(c, <SectionPage ctx={pageContext(c)} app={d.application} def={def} fieldCtx={d.ctx} values={s.reading.values}
      errors={s.saved ? s.reading.errors : {}} version={s.version} editable={memberMay(d.application.state, 'edit')} before={<PlacesStatus places={places} />} />);
  });

  r.post(`${BASE}/:appId/sections/:section`, ORG_MEMBER, async (c) => {
    const def = sectionBySlug(c.req.param('section') ?? '');
    const d = def && await dossierOf(c);
    if (!def || !d) return renderErrorPage(c, 404);
    const deps = c.get('deps');
    const form = await readForm(c);
    const action = parseRowAction(def, typeof form._action === 'string' ? form._action : undefined);
    let values = pickValues(def, form);
    if (action) values = applyRowAction(def, values, action);
    const expected = Number.parseInt(String(form.version ?? ''), 10);
    const app = d.application;
    const result = await deps.database.db.transaction((tx) => saveSection(tx, memberActor(c), {
      organisationId: app.organisationId, applicationId: app.id, def, values, expected: Number.isFinite(expected) && expected >= 0 ? expected : -1, ctx: d.ctx,
    }, deps.now()));
    const ctx = pageContext(c);
    if (result.ok) {
      if (action) return redirectWith(c, `${sectionPath(app.organisationId, app.id, def.key)}#${action.group}-legende`, action.kind === 'add' ? 'Ligne ajoutée et rubrique enregistrée.' : 'Ligne retirée et rubrique enregistrée.');
      if (Object.keys(result.reading.errors).length === 0) return redirectWith(c, appPath(app.organisationId, app.id), `Rubrique « ${def.title} » enregistrée${result.reading.completed ? '' : ' (incomplète)'}.`);
      return render(c, <SectionPage ctx={ctx} app={app} def={def} fieldCtx={d.ctx} values={result.reading.values} errors={result.reading.errors} version={result.version} editable
        notice="Vos saisies ont été enregistrées comme brouillon. Corrigez les erreurs signalées : les valeurs concernées ne comptent pas tant qu’elles ne sont pas corrigées." />, 422);
    }
    if (result.reason === 'oversized') {
      return render(c, <SectionPage ctx={ctx} app={app} def={def} fieldCtx={d.ctx} values={values} errors={result.reading.errors} version={d.sections[def.key].version} editable
        notice="Rien n’a été enregistré : un texte dépasse la longueur autorisée. Raccourcissez-le puis enregistrez à nouveau." />, 422);
    }
    if (result.reason === 'conflict') {
      return render(c, <ConflictPage ctx={ctx} app={app} def={def} fieldCtx={d.ctx} mine={values} theirs={result.theirs} timezone={d.call.call.timezone} />, 409);
    }
    return render(c, <LockedPage ctx={ctx} app={app} def={def} fieldCtx={d.ctx} mine={values} />, 409);
  });

  r.get(`${BASE}/:appId/recapitulatif`, ORG_MEMBER, async (c) => {
    const d = await dossierOf(c);
    if (!d) return renderErrorPage(c, 404);
    return render(c, <SummaryPage ctx={pageContext(c)} d={d} now={c.get('deps').now()} />);
  });

  r.post(`${BASE}/:appId/recapitulatif/deposer`, ORG_MEMBER, async (c) => {
    const d = await dossierOf(c);
    if (!d) return renderErrorPage(c, 404);
    const deps = c.get('deps');
    const form = await readForm(c);
    const now = deps.now();
    const app = d.application;
    const result = await deps.database.db.transaction((tx) => submitApplication(tx, memberActor(c), {
      organisationId: app.organisationId, applicationId: app.id, sworn: form.sworn === 'oui', baseUrl: deps.config.baseUrl,
    }, now));
    if (result.ok) {
      await dispatchMails(deps, [result.mailId]);
      return redirectWith(c, appPath(app.organisationId, app.id), `Candidature déposée : récépissé n° ${result.receiptNumber}, examinée au ${result.cutoffLabel}. Un courriel de confirmation vous a été envoyé.`);
    }
    if (result.already) return redirectWith(c, appPath(app.organisationId, app.id), `Cette candidature est déjà déposée${result.receiptNumber ? ` (récépissé n° ${result.receiptNumber})` : ''}.`);
    const fresh = (await dossierOf(c))!;
    return render(c, <SummaryPage ctx={pageContext(c)} d={fresh} now={now} errors={result.errors} message={result.message} />, 422);
  });

  r.get(`${BASE}/:appId/retrait`, ORG_MEMBER, async (c) => {
    const d = await dossierOf(c);
    if (!d) return renderErrorPage(c, 404);
    if (!memberMay(d.application.state, 'withdraw')) return redirectWith(c, appPath(d.application.organisationId, d.application.id), 'Cette candidature ne peut plus être retirée.');
    return render(c, <WithdrawPage ctx={pageContext(c)} app={d.application} state={{}} />);
  });

  r.post(`${BASE}/:appId/retrait`, ORG_MEMBER, async (c) => {
    const d = await dossierOf(c);
    if (!d) return renderErrorPage(c, 404);
    const deps = c.get('deps');
    const app = d.application;
    const form = await parseForm(c, withdrawSchema);
    const result = form.ok
      ? await deps.database.db.transaction((tx) => withdrawApplication(tx, memberActor(c), { organisationId: app.organisationId, applicationId: app.id, reason: form.data.reason, expected: form.data.version }, deps.now()))
      : { ok: false as const, errors: form.errors };
    if (result.ok) return redirectWith(c, appPath(app.organisationId, app.id), 'La candidature a été retirée.');
    const errors = 'errors' in result ? result.errors : { _form: result.message };
    return render(c, <WithdrawPage ctx={pageContext(c)} app={app} state={{ errors, values: form.values }} />, 'errors' in result ? 422 : 409);
  });

  documentRoutes(r);
};
