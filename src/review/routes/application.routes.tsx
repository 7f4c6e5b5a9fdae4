/**
 * Routes of one application on the staff side: its page, assignments, conflict declaration,
 * admissibility (verdicts and outcome) and scoring. Same steps everywhere: parse, load (404 when
 * hidden), authorise, one command in a transaction, redirect or re-render with errors (422).
 * An assigned reviewer who has not declared their ties yet gets the declaration page on every
 * page of the application (and 403 on the other content routes, raised by the loader).
 */
import type { Context } from 'hono';
import type { Router } from '../../platform/http/router.js';
import type { AppEnv } from '../../platform/http/context.js';
import { isUuid } from '../../platform/http/access.js';
import { parseForm, readForm, type FormValues } from '../../platform/http/forms.js';
import { render, pageContext, redirectWith } from '../../platform/http/render.js';
import { renderErrorPage } from '../../platform/views/error-page.js';
import { dispatchMails } from '../../platform/mail/mailer.js';
import { reviewAccess, staffActor } from '../review.policy.js';
import { loadStaffDossier, type StaffDossier } from '../staff-dossier.js';
import { assignForm, conflictForm, admissibilityDecisionForm, declarationForm } from '../review.forms.js';
import { loadDeclaration, type DeclarationSubject } from '../declaration.js';
import { declareNoConflict } from '../commands/declaration.js';
import { DeclarationPage } from '../views/declaration-page.js';
import { assignReviewer, unassignReviewer } from '../commands/assign-reviewer.js';
import { declareConflict, submitScores } from '../commands/scoring.js';
import { recordVerdicts, decideAdmissibility } from '../commands/admissibility.js';
import { readVerdicts } from '../admissibility-review.js';
import { readSheet } from '../scoring.js';
import { parisToday } from '../review.js';
import { ApplicationPage } from '../views/application-page.js';
import { StaffApplicationPanels } from '../../consultations/index.js';
import { AdmissibilityPage } from '../views/admissibility-page.js';
import { ScoringPage } from '../views/scoring-page.js';
import { WORKSPACE, reviewPath } from '../views/parts.js';

const P = `${WORKSPACE}/:applicationId`;

/** Loads the application for this actor, or null (the caller answers 404). */
async function load(c: Context<AppEnv>): Promise<StaffDossier | null> {
  const id = c.req.param('applicationId');
  if (!isUuid(id)) return null;
  const deps = c.get('deps');
  return loadStaffDossier(deps.database.db, c.get('actor')!, id.toLowerCase(), deps.now());
}

const notFound = (c: Context<AppEnv>) => renderErrorPage(c, 404);

/** The declaration the actor must make before this application's content, or null. */
async function declarationOf(c: Context<AppEnv>): Promise<DeclarationSubject | null> {
  const id = c.req.param('applicationId');
  if (!isUuid(id)) return null;
  return loadDeclaration(c.get('deps').database.db, c.get('actor')!, id.toLowerCase());
}

/** Registers the routes of one application. */
export function registerApplicationRoutes(r: Router): void {
  r.get(P, reviewAccess('review.view'), async (c) => {
    const d = await declarationOf(c);
    if (d) return render(c, <DeclarationPage ctx={pageContext(c)} d={d} />);
    const s = await load(c);
    if (!s) return notFound(c);
    const deps = c.get('deps');
    const panels = <StaffApplicationPanels db={deps.database.db} actor={c.get('actor')!} applicationId={s.dossier.application.id} now={deps.now()} csrf={c.get('csrfToken') ?? ''} />;
    return render(c, <ApplicationPage ctx={pageContext(c)} s={s} panels={panels} />);
  });

  const assignment = (remove: boolean) => async (c: Context<AppEnv>) => {
    const s = await load(c);
    if (!s || !s.may.assign) return notFound(c);
    const form = await parseForm(c, assignForm);
    if (!form.ok) return render(c, <ApplicationPage ctx={pageContext(c)} s={s} state={form} />, 422);
    const deps = c.get('deps');
    const v = { applicationId: s.dossier.application.id, reviewerId: form.data.reviewerId };
    const res = await deps.database.db.transaction((tx) => (remove ? unassignReviewer : assignReviewer)(tx, staffActor(c), v, deps.now()));
    if (!res.ok) return render(c, <ApplicationPage ctx={pageContext(c)} s={s} state={res.field ? { errors: { [res.field]: res.message }, values: form.values } : undefined} message={res.field ? undefined : res.message} />, 422);
    return redirectWith(c, reviewPath(v.applicationId), remove ? 'L’instructeur a été retiré de la candidature.' : 'L’instructeur a été affecté à la candidature.');
  };
  r.post(`${P}/instructeurs`, reviewAccess('review.assign'), assignment(false));
  r.post(`${P}/instructeurs/retirer`, reviewAccess('review.assign'), assignment(true));

  // Before the content: "aucun lien d’intérêt" (clearance) or a conflict (hidden and unassigned).
  r.post(`${P}/declaration`, reviewAccess('review.declare'), async (c) => {
    const d = await declarationOf(c);
    if (!d) return notFound(c);
    const form = await parseForm(c, declarationForm);
    if (!form.ok) return render(c, <DeclarationPage ctx={pageContext(c)} d={d} state={form} />, 422);
    const deps = c.get('deps');
    const v = { applicationId: d.application.id };
    if (form.data.choice === 'conflict') {
      const res = await deps.database.db.transaction((tx) => declareConflict(tx, staffActor(c), { ...v, reason: form.data.reason }, deps.now()));
      if (!res.ok) return render(c, <DeclarationPage ctx={pageContext(c)} d={d} state={{ values: form.values }} message={res.message} />, 422);
      return redirectWith(c, WORKSPACE, 'Votre conflit d’intérêts est enregistré : vous êtes retiré de l’instruction et les candidatures de cet organisme ne vous sont plus présentées.');
    }
    const res = await deps.database.db.transaction((tx) => declareNoConflict(tx, staffActor(c), v, deps.now()));
    if (!res.ok) return render(c, <DeclarationPage ctx={pageContext(c)} d={d} state={{ values: form.values }} message={res.message} />, 422);
    return redirectWith(c, reviewPath(v.applicationId), 'Votre déclaration d’absence de lien d’intérêt est enregistrée : le dossier vous est ouvert.');
  });

  r.post(`${P}/conflit`, reviewAccess('review.declare_conflict'), async (c) => {
    const s = await load(c);
    if (!s || !s.may.declareConflict) return notFound(c);
    const form = await parseForm(c, conflictForm);
    if (!form.ok) return render(c, <ApplicationPage ctx={pageContext(c)} s={s} state={form} />, 422);
    const deps = c.get('deps');
    const res = await deps.database.db.transaction((tx) => declareConflict(tx, staffActor(c), { applicationId: s.dossier.application.id, reason: form.data.reason }, deps.now()));
    if (!res.ok) return render(c, <ApplicationPage ctx={pageContext(c)} s={s} message={res.message} />, 422);
    return redirectWith(c, WORKSPACE, 'Votre conflit d’intérêts est enregistré : les candidatures de cet organisme ne vous sont plus présentées.');
  });

  r.get(`${P}/recevabilite`, reviewAccess('review.admissibility'), async (c) => {
    const d = await declarationOf(c);
    if (d) return render(c, <DeclarationPage ctx={pageContext(c)} d={d} />);
    const s = await load(c);
    return s && s.may.admissibility ? render(c, <AdmissibilityPage ctx={pageContext(c)} s={s} />) : notFound(c);
  });

  r.post(`${P}/recevabilite`, reviewAccess('review.admissibility'), async (c) => {
    const s = await load(c);
    if (!s || !s.may.admissibility) return notFound(c);
    const values: FormValues = await readForm(c);
    const read = readVerdicts(s.dossier.call.admissibility, values);
    if (!read.ok) return render(c, <AdmissibilityPage ctx={pageContext(c)} s={s} verdictState={{ errors: read.errors, values }} />, 422);
    const deps = c.get('deps');
    const res = await deps.database.db.transaction((tx) => recordVerdicts(tx, staffActor(c), { applicationId: s.dossier.application.id, verdicts: read.verdicts }, deps.now()));
    if (!res.ok) return render(c, <AdmissibilityPage ctx={pageContext(c)} s={s} verdictState={{ values }} message={res.message} />, 422);
    return redirectWith(c, `${reviewPath(s.dossier.application.id)}/recevabilite#decision`, 'Les avis de recevabilité sont enregistrés.');
  });

  r.post(`${P}/recevabilite/decision`, reviewAccess('review.admissibility'), async (c) => {
    const s = await load(c);
    if (!s || !s.may.admissibility) return notFound(c);
    const deps = c.get('deps');
    const form = await parseForm(c, admissibilityDecisionForm(parisToday(deps.now())));
    if (!form.ok) return render(c, <AdmissibilityPage ctx={pageContext(c)} s={s} decisionState={form} />, 422);
    const res = await deps.database.db.transaction((tx) => decideAdmissibility(tx, staffActor(c), {
      applicationId: s.dossier.application.id, ...form.data, baseUrl: deps.config.baseUrl, smtp: !!deps.config.SMTP_URL,
    }, deps.now()));
    if (!res.ok) return render(c, <AdmissibilityPage ctx={pageContext(c)} s={s} decisionState={{ values: form.values }} message={res.message} />, 422);
    await dispatchMails(deps, res.mailIds);
    const done = { admissible: 'La candidature est recevable : elle passe à la notation.', inadmissible: 'La candidature est déclarée irrecevable ; le porteur est notifié.', correction: 'La demande de corrections est envoyée au porteur.' };
    return redirectWith(c, reviewPath(s.dossier.application.id), done[form.data.outcome]);
  });

  r.get(`${P}/notation`, reviewAccess('review.score'), async (c) => {
    const d = await declarationOf(c);
    if (d) return render(c, <DeclarationPage ctx={pageContext(c)} d={d} />);
    const s = await load(c);
    return s && s.may.score ? render(c, <ScoringPage ctx={pageContext(c)} s={s} />) : notFound(c);
  });

  r.post(`${P}/notation`, reviewAccess('review.score'), async (c) => {
    const s = await load(c);
    if (!s || !s.may.score) return notFound(c);
    const values = await readForm(c);
    const sheet = readSheet(s.dossier.call.selection, values);
    if (!sheet.ok) return render(c, <ScoringPage ctx={pageContext(c)} s={s} state={{ errors: sheet.errors, values }} />, 422);
    const deps = c.get('deps');
    const res = await deps.database.db.transaction((tx) => submitScores(tx, staffActor(c), { applicationId: s.dossier.application.id, lines: sheet.lines, total: sheet.total }, deps.now()));
    if (!res.ok) return render(c, <ScoringPage ctx={pageContext(c)} s={s} state={{ values }} message={res.message} />, 422);
    return redirectWith(c, reviewPath(s.dossier.application.id), `Votre notation est enregistrée : ${sheet.total.toLocaleString('fr-FR')} / 10.`);
  });
}
