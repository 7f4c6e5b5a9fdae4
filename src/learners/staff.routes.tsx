/** Staff routes of learners: roster (monitoring staff, audited), override, acceptance, right of access, CROUS offices. */
import type { Context } from 'hono';
import { z } from 'zod';
import type { Router } from '../platform/http/router.js';
import type { AppEnv } from '../platform/http/context.js';
import { isUuid } from '../platform/http/access.js';
import { parseForm } from '../platform/http/forms.js';
import { render, pageContext, redirectWith } from '../platform/http/render.js';
import { renderErrorPage } from '../platform/views/error-page.js';
import { dispatchMails } from '../platform/mail/mailer.js';
import type { FormState } from '../platform/views/ui.js';
import { indicators } from './indicators.js';
import { learnerOfSession, learnersOfSession, listCrousOffices, sessionContext, surveysOfSession, type LearnerRow, type SessionContext } from './learners.store.js';
import { learnerAccess, learnerActor, learnerMay } from './learners.policy.js';
import { acceptEndReport, overridePlacement } from './commands/reports.js';
import { auditRosterView, sendAccessCopy } from './commands/privacy.js';
import { saveCrousOffice } from './commands/crous.js';
import { CrousOfficesPage, StaffLearnerPage, StaffRosterPage, staffBase } from './views/staff.js';

const VIEW = learnerAccess('learners.view');
const OVERRIDE = learnerAccess('learners.override');
const ACCEPT = learnerAccess('learners.accept');
const RIGHTS = learnerAccess('learners.rights');
const CROUS = learnerAccess('crous.manage');

const overrideForm = z.object({
  qpv: z.enum(['oui', 'non'], { message: 'Indiquez si l’apprenant réside en QPV.' }),
  code_qpv: z.string().trim().max(20, 'Le code du QPV est trop long.').optional().default(''),
  zrr_frr: z.enum(['oui', 'non'], { message: 'Indiquez si l’apprenant réside en ZRR ou FRR.' }),
  commune: z.string().trim().max(120, 'Le nom de la commune est trop long.').optional().default(''),
  motif: z.string().trim().min(10, 'Motivez la correction (au moins 10 caractères).').max(1000, 'Le motif ne doit pas dépasser 1 000 caractères.'),
});
const acceptForm = z.object({ motivation: z.string().trim().min(5, 'Motivez l’acceptation du bilan (au moins 5 caractères).').max(2000, 'La motivation ne doit pas dépasser 2 000 caractères.') });
const crousForm = z.object({
  nom: z.string().trim().min(3, 'Indiquez le nom du CROUS.').max(120, 'Le nom est trop long.'),
  courriel: z.string().trim().email('Indiquez une adresse électronique valide.'),
});

/** Registers the staff learner routes. */
export function registerStaffLearnerRoutes(r: Router): void {
  const db = (c: Context<AppEnv>) => c.get('deps').database.db;
  const sessionOf = async (c: Context<AppEnv>) => {
    const id = c.req.param('sessionId');
    return isUuid(id) ? sessionContext(db(c), id.toLowerCase()) : null;
  };
  const learnerOf = async (c: Context<AppEnv>, s: SessionContext) => {
    const id = c.req.param('learnerId');
    return isUuid(id) ? learnerOfSession(db(c), s.session.id, id.toLowerCase()) : null;
  };

  const renderRoster = async (c: Context<AppEnv>, s: SessionContext, state?: FormState) => {
    const deps = c.get('deps');
    const rows = await learnersOfSession(deps.database.db, s.session.id);
    const surveys = (await surveysOfSession(deps.database.db, s.session.id)).map(({ survey: x }) => ({ learnerId: x.learnerId, wave: x.wave, answeredAt: x.answeredAt, situation: x.situation, satisfaction: x.satisfaction }));
    await deps.database.db.transaction((tx) => auditRosterView(tx, learnerActor(c), s.session.id, rows.length, 'staff', deps.now()));
    return render(c, <StaffRosterPage ctx={pageContext(c)} s={s} learners={rows} indicators={indicators(rows, s.rules)} surveys={surveys} state={state} mayManageCrous={learnerMay(c.get('actor'), 'crous.manage')} />, state?.errors ? 422 : 200);
  };
  const renderLearner = (c: Context<AppEnv>, s: SessionContext, l: LearnerRow, states: { overrideState?: FormState; accessState?: FormState } = {}) =>
    render(c, <StaffLearnerPage ctx={pageContext(c)} s={s} learner={l} {...states} />, states.overrideState?.errors || states.accessState?.errors ? 422 : 200);

  r.get('/gestion/suivi/sessions/:sessionId/apprenants', VIEW, async (c) => {
    const s = await sessionOf(c);
    return s ? renderRoster(c, s) : renderErrorPage(c, 404);
  });

  r.post('/gestion/suivi/sessions/:sessionId/bilan/acceptation', ACCEPT, async (c) => {
    const s = await sessionOf(c);
    if (!s) return renderErrorPage(c, 404);
    const form = await parseForm(c, acceptForm);
    if (!form.ok) return renderRoster(c, s, form);
    const deps = c.get('deps');
    const res = await deps.database.db.transaction(async (tx) => {
      const locked = await sessionContext(tx, s.session.id, { lock: true });
      return acceptEndReport(tx, learnerActor(c), locked ?? s, form.data.motivation, deps.now());
    });
    if (!res.ok) return renderRoster(c, s, { errors: { motivation: res.message }, values: form.values });
    return redirectWith(c, `${staffBase(s.session.id)}/apprenants`, `Le bilan est accepté ; ${res.count} adresse(s) réduite(s) à la commune.`);
  });

  r.get('/gestion/suivi/sessions/:sessionId/apprenants/:learnerId', VIEW, async (c) => {
    const s = await sessionOf(c);
    const l = s ? await learnerOf(c, s) : null;
    if (!s || !l) return renderErrorPage(c, 404);
    const deps = c.get('deps');
    await deps.database.db.transaction((tx) => auditRosterView(tx, learnerActor(c), s.session.id, 1, 'staff', deps.now()));
    return renderLearner(c, s, l);
  });

  r.post('/gestion/suivi/sessions/:sessionId/apprenants/:learnerId/placement', OVERRIDE, async (c) => {
    const s = await sessionOf(c);
    const l = s ? await learnerOf(c, s) : null;
    if (!s || !l) return renderErrorPage(c, 404);
    const form = await parseForm(c, overrideForm);
    if (!form.ok) return renderLearner(c, s, l, { overrideState: form });
    const d = form.data;
    const deps = c.get('deps');
    const res = await deps.database.db.transaction((tx) => overridePlacement(tx, learnerActor(c), s, l, {
      inQpv: d.qpv === 'oui', qpvCode: d.code_qpv ? d.code_qpv.toUpperCase() : null, inZrrFrr: d.zrr_frr === 'oui', commune: d.commune || null, reason: d.motif,
    }, deps.now()));
    if (!res.ok) return renderLearner(c, s, l, { overrideState: { errors: res.errors ?? { _form: res.message }, values: form.values } });
    return redirectWith(c, `${staffBase(s.session.id)}/apprenants/${l.id}`, 'Le résultat territorial est corrigé ; le motif est enregistré.');
  });

  r.post('/gestion/suivi/sessions/:sessionId/apprenants/:learnerId/droit-acces', RIGHTS, async (c) => {
    const s = await sessionOf(c);
    const l = s ? await learnerOf(c, s) : null;
    if (!s || !l) return renderErrorPage(c, 404);
    const deps = c.get('deps');
    const res = await deps.database.db.transaction((tx) => sendAccessCopy(tx, learnerActor(c), s, l, !!deps.config.SMTP_URL, deps.now()));
    if (!res.ok) return renderLearner(c, s, l, { accessState: { errors: { _form: res.message } } });
    await dispatchMails(deps, [res.mailId]);
    return redirectWith(c, `${staffBase(s.session.id)}/apprenants/${l.id}`, 'La copie de ses données est envoyée à l’apprenant.');
  });

  r.get('/gestion/crous', CROUS, async (c) => render(c, <CrousOfficesPage ctx={pageContext(c)} offices={await listCrousOffices(db(c))} />));

  r.post('/gestion/crous', CROUS, async (c) => {
    const form = await parseForm(c, crousForm);
    if (!form.ok) return render(c, <CrousOfficesPage ctx={pageContext(c)} offices={await listCrousOffices(db(c))} state={form} />, 422);
    const deps = c.get('deps');
    await deps.database.db.transaction((tx) => saveCrousOffice(tx, learnerActor(c), form.data.nom, form.data.courriel.toLowerCase(), deps.now()));
    return redirectWith(c, '/gestion/crous', `L’adresse du ${form.data.nom} est enregistrée.`);
  });
}
