/**
 * Application pages under /organisations/:orgId/candidatures (members of the organisation):
 * list, creation, task list, sections, summary and submission, withdrawal. Documents: routes-documents.
 */
import { z } from 'zod';
import type { Context } from 'hono';
import { randomBytes } from 'node:crypto';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import type { Module } from '../platform/http/app.js';
import type { Handler } from '../platform/http/router.js';
import type { AppEnv } from '../platform/http/context.js';
import { ORG_MEMBER, isUuid } from '../platform/http/access.js';
import { render, pageContext, redirectWith } from '../platform/http/render.js';
import { readForm, parseForm } from '../platform/http/forms.js';
import { requiredText } from '../platform/http/fields.js';
import { renderErrorPage } from '../platform/views/error-page.js';
import { dispatchMails } from '../platform/mail/mailer.js';
import { listCalls, getCallById } from '../calls/calls.store.js';
import { isCallOpen } from '../calls/call.js';
import { pdfResponse } from '../platform/pdf/pdf.js';
import { listApplications, findApplication, listSubmissions, insertPendingSave, findPendingSave, deletePendingSave } from './applications.store.js';
import { loadStaffDossier } from '../review/staff-dossier.js';
import { reviewAccess } from '../review/review.policy.js';
import { dateIn } from './dossier.js';
import { BASE, orgOf, dossierOf } from './request.js';
import { memberActor, memberMay, memberMayChange } from './applications.policy.js';
import { applicantOutcome } from './outcome.js';
import { renderReceipt, renderApplicationPdf } from './pdf.js';
import { receiptOf, fullApplicationFacts } from './receipt.js';
import { renewApplication } from './commands/renew-application.js';
import { ResubmitPage } from './views/resubmit.js';
import { RenewPage } from './views/renew.js';
import type { Dossier } from './dossier.js';
import { sectionBySlug } from './sections/catalogue.js';
import { pickValues, parseRowAction, applyRowAction, type RawValues } from './sections/parse.js';
import { createApplication } from './commands/create-application.js';
import { saveSection } from './commands/save-section.js';
import { submitApplication } from './commands/submit-application.js';
import { withdrawApplication } from './commands/withdraw-application.js';
import { placeClassifierOf, classifyPlaces } from './place-classifier.js';
import { ListPage, NewApplicationPage } from './views/list.js';
import { OverviewPage } from './views/overview.js';
import { memberUnread } from '../messages/index.js'; // H2: unread count of the thread with the GEN team
import { SectionPage } from './views/section-page.js';
import { ConflictPage, LockedPage } from './views/conflict.js';
import { SummaryPage } from './views/summary.js';
import { WithdrawPage } from './views/withdraw.js';
import { PlacesStatus } from './views/places-status.js';
import { appPath, sectionPath } from './views/paths.js';
import { timeIn } from './format.js';
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

/** Cookie naming the values kept when a section was posted after the session expired. */
const PENDING_COOKIE = 'gen_saisie';
/** How long such values are kept. */
const PENDING_MS = 2 * 3600_000;
const sectionNotice = (d: Dossier) => (d.application.state === 'in_correction'
  ? 'Cette rubrique n’est pas concernée par la demande de corrections de la GEN : elle reste en lecture seule.'
  : undefined);

/**
 * A section posted after the session expired: the values are kept for two hours under a random
 * token (cookie), then the login page sends the member back to the section, where they reappear.
 * The values are only ever shown to a signed-in member of the organisation (the GET's access).
 */
const keepAfterTimeout: Handler = async (c) => {
  const login = (retour?: string) => c.redirect(`/connexion${retour ? `?retour=${encodeURIComponent(retour)}` : ''}`, 303);
  if (c.req.header('x-autosave') === '1') return c.json({ ok: false, reason: 'session', message: 'Votre session a expiré : reconnectez-vous. Vos saisies restent dans ce navigateur.' }, 401);
  const def = sectionBySlug(c.req.param('section') ?? '');
  const appId = c.req.param('appId');
  const orgId = c.req.param('orgId');
  if (!def || !isUuid(appId) || !isUuid(orgId)) return login();
  const deps = c.get('deps');
  const app = await findApplication(deps.database.db, orgId.toLowerCase(), appId.toLowerCase());
  if (!app) return login();
  const form = await readForm(c);
  const values: RawValues = pickValues(def, form);
  if (Object.values(values).some((v) => v.length > 20_000)) return login(sectionPath(app.organisationId, app.id, def.key));
  const token = randomBytes(24).toString('base64url');
  const now = deps.now();
  await deps.database.db.transaction((tx) => insertPendingSave(tx, {
    token, applicationId: app.id, sectionKey: def.key, values: { ...values, __version: String(form.version ?? '') }, createdAt: now, expiresAt: new Date(now.getTime() + PENDING_MS),
  }));
  setCookie(c, PENDING_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'Lax', secure: deps.config.secureCookies, maxAge: PENDING_MS / 1000 });
  return login(sectionPath(app.organisationId, app.id, def.key));
};

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
    const db = c.get('deps').database.db;
    const [outcome, subs, unread] = await Promise.all([applicantOutcome(db, d), listSubmissions(db, d.application.id), memberUnread(db, c.get('actor')!.userId, [d.application.id])]);
    return render(c, <OverviewPage ctx={pageContext(c)} d={d} outcome={outcome} submissions={subs.map((x) => x.submission)} unreadMessages={unread.get(d.application.id) ?? 0} />);
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
    const editable = memberMayChange(d.application.state, def.key, d.openParts);
    const token = getCookie(c, PENDING_COOKIE);
    const pending = token && editable ? await findPendingSave(c.get('deps').database.db, token, d.application.id, def.key, c.get('deps').now()) : null;
    if (pending) {
      const { __version, ...values } = pending.values;
      const version = Number.parseInt(__version ?? '', 10);
      return render(c, <SectionPage ctx={pageContext(c)} app={d.application} def={def} fieldCtx={d.ctx} values={values} errors={{}} version={Number.isFinite(version) ? version : s.version} editable
        notice="Votre session avait expiré quand vous avez enregistré : vos saisies ont été conservées et sont affichées ci-dessous. Vérifiez-les puis cliquez sur « Enregistrer »." />);
    }
    return render(c, <SectionPage ctx={pageContext(c)} app={d.application} def={def} fieldCtx={d.ctx} values={s.reading.values}
      errors={s.saved ? s.reading.errors : {}} version={s.version} editable={editable} lockedNotice={sectionNotice(d)} before={<PlacesStatus places={places} />}
      warnings={def.key === 'training' ? d.rncpWarnings : []} />);
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
    const now = deps.now();
    const result = await deps.database.db.transaction((tx) => saveSection(tx, memberActor(c), {
      organisationId: app.organisationId, applicationId: app.id, def, values, expected: Number.isFinite(expected) && expected >= 0 ? expected : -1, ctx: d.ctx,
    }, now));
    const pendingToken = getCookie(c, PENDING_COOKIE);
    if (pendingToken && (result.ok || result.reason === 'locked')) {
      await deletePendingSave(deps.database.db, pendingToken);
      deleteCookie(c, PENDING_COOKIE, { path: '/' });
    }
    if (c.req.header('x-autosave') === '1') {
      // Autosave (public/application-autosave.js): the same command, answered in JSON.
      const tz = d.call.call.timezone;
      if (result.ok) return c.json({ ok: true, version: result.version, savedAt: timeIn(now, tz), completed: result.reading.completed, errors: Object.keys(result.reading.errors).length });
      if (result.reason === 'oversized') return c.json({ ok: false, reason: 'oversized', message: 'Un texte dépasse la longueur autorisée : rien n’a été enregistré.' }, 422);
      if (result.reason === 'conflict') {
        const who = result.theirs.updatedByName ?? 'un autre membre';
        return c.json({ ok: false, reason: 'conflict', message: `${who} a enregistré cette rubrique à ${timeIn(result.theirs.updatedAt, tz)} : l’enregistrement automatique est suspendu. Cliquez sur « Enregistrer » pour comparer les deux versions ; rien n’est perdu.` }, 409);
      }
      return c.json({ ok: false, reason: 'locked', message: 'Cette rubrique n’est plus modifiable : rien n’a été enregistré.' }, 409);
    }
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
  }, { onLogin: keepAfterTimeout });

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
      organisationId: app.organisationId, applicationId: app.id, sworn: form.sworn === 'oui', baseUrl: deps.config.baseUrl, smtp: !!deps.config.SMTP_URL,
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

  r.get(`${BASE}/:appId/redeposer`, ORG_MEMBER, async (c) => {
    const d = await dossierOf(c);
    if (!d) return renderErrorPage(c, 404);
    if (!memberMay(d.application.state, 'resubmit')) return redirectWith(c, appPath(d.application.organisationId, d.application.id), 'Aucune correction n’est demandée sur cette candidature.');
    return render(c, <ResubmitPage ctx={pageContext(c)} d={d} today={dateIn(c.get('deps').now(), d.call.call.timezone)} />);
  });

  r.post(`${BASE}/:appId/redeposer`, ORG_MEMBER, async (c) => {
    const d = await dossierOf(c);
    if (!d) return renderErrorPage(c, 404);
    const deps = c.get('deps');
    const form = await readForm(c);
    const now = deps.now();
    const app = d.application;
    const result = await deps.database.db.transaction((tx) => submitApplication(tx, memberActor(c), {
      organisationId: app.organisationId, applicationId: app.id, sworn: form.sworn === 'oui', baseUrl: deps.config.baseUrl, resubmit: true, smtp: !!deps.config.SMTP_URL,
    }, now));
    if (result.ok) {
      await dispatchMails(deps, [result.mailId]);
      return redirectWith(c, appPath(app.organisationId, app.id), `Candidature déposée à nouveau : récépissé n° ${result.receiptNumber}. La GEN reprend son examen.`);
    }
    if (result.already) return redirectWith(c, appPath(app.organisationId, app.id), 'Cette candidature a déjà été déposée à nouveau.');
    const fresh = (await dossierOf(c))!;
    return render(c, <ResubmitPage ctx={pageContext(c)} d={fresh} today={dateIn(now, fresh.call.call.timezone)} errors={result.errors ?? { _form: result.message }} />, 422);
  });

  r.get(`${BASE}/:appId/recepisse.pdf`, ORG_MEMBER, async (c) => {
    const d = await dossierOf(c);
    if (!d) return renderErrorPage(c, 404);
    const subs = await listSubmissions(c.get('deps').database.db, d.application.id);
    const wanted = Number.parseInt(c.req.query('depot') ?? '', 10);
    const sub = Number.isFinite(wanted) ? subs.find((x) => x.submission.sequence === wanted) : subs[subs.length - 1];
    if (!sub) return renderErrorPage(c, 404);
    return pdfResponse(await renderReceipt(receiptOf(d, sub)), `recepisse-${sub.submission.receiptNumber}.pdf`, 'attachment');
  });

  r.get(`${BASE}/:appId/dossier.pdf`, ORG_MEMBER, async (c) => {
    const d = await dossierOf(c);
    if (!d) return renderErrorPage(c, 404);
    const deps = c.get('deps');
    const bytes = await renderApplicationPdf(await fullApplicationFacts(deps.database.db, d, deps.now()));
    return pdfResponse(bytes, `dossier-${d.application.receiptNumber ?? d.application.id}.pdf`, 'attachment');
  });

  // The committee's copy: staff who may see the application in the review (a conflicted reviewer gets 404).
  r.get('/gestion/candidatures/:applicationId/dossier.pdf', reviewAccess('review.view'), async (c) => {
    const id = c.req.param('applicationId');
    if (!isUuid(id)) return renderErrorPage(c, 404);
    const deps = c.get('deps');
    const s = await loadStaffDossier(deps.database.db, c.get('actor')!, id.toLowerCase(), deps.now());
    if (!s) return renderErrorPage(c, 404);
    const bytes = await renderApplicationPdf(await fullApplicationFacts(deps.database.db, s.dossier, deps.now()));
    return pdfResponse(bytes, `dossier-${s.dossier.application.receiptNumber ?? s.dossier.application.id}.pdf`, 'attachment');
  });

  r.get(`${BASE}/:appId/renouveler`, ORG_MEMBER, async (c) => {
    const d = await dossierOf(c);
    if (!d) return renderErrorPage(c, 404);
    if (!memberMay(d.application.state, 'renew')) return redirectWith(c, appPath(d.application.organisationId, d.application.id), 'Seule une candidature déjà déposée peut être renouvelée.');
    return render(c, <RenewPage ctx={pageContext(c)} app={d.application} calls={await openCalls(c)} state={{}} />);
  });

  r.post(`${BASE}/:appId/renouveler`, ORG_MEMBER, async (c) => {
    const d = await dossierOf(c);
    if (!d) return renderErrorPage(c, 404);
    const deps = c.get('deps');
    const app = d.application;
    const form = await parseForm(c, newSchema);
    const result = form.ok
      ? await deps.database.db.transaction((tx) => renewApplication(tx, memberActor(c), { organisationId: app.organisationId, fromId: app.id, callId: form.data.callId.toLowerCase(), trainingTitle: form.data.trainingTitle }, deps.now()))
      : { ok: false as const, errors: form.errors };
    if (result.ok) return redirectWith(c, appPath(app.organisationId, result.id), 'Candidature de renouvellement créée : les réponses ont été reprises. Relisez chaque rubrique et joignez des pièces à jour.');
    return render(c, <RenewPage ctx={pageContext(c)} app={app} calls={await openCalls(c)} state={{ errors: result.errors, values: form.values }} />, 422);
  });

  documentRoutes(r);
};
