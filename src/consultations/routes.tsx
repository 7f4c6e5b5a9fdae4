/**
 * Routes of the consultations: the staff page of an application (contact the partners, record a
 * phone answer, ask the Régions), the admin page of the Régions' contacts, and the public pages of
 * the personal links. Same steps everywhere: parse, load (404 when hidden), one command in a
 * transaction, then the mails, redirect or re-render with errors (422).
 */
import type { Context } from 'hono';
import type { Module } from '../platform/http/app.js';
import type { AppDeps, AppEnv } from '../platform/http/context.js';
import { PUBLIC, isUuid } from '../platform/http/access.js';
import { parseForm, readForm } from '../platform/http/forms.js';
import { email as emailField } from '../platform/http/fields.js';
import { render, pageContext, redirectWith } from '../platform/http/render.js';
import { RateLimiter } from '../platform/http/rate-limit.js';
import { clientIp } from '../platform/http/security.js';
import { renderErrorPage } from '../platform/views/error-page.js';
import { dispatchMails } from '../platform/mail/mailer.js';
import { sha256 } from '../platform/auth/tokens.js';
import type { FormState } from '../platform/views/ui.js';
import { allRegions } from '../review/region.js';
import { CONFIGURE_REGIONS, CONSULT, consultActor, consultationSettings, mayConsult } from './consultations.policy.js';
import { consultedApplication, listRegionContacts, partnerRequestByToken, regionRequestByToken } from './consultations.store.js';
import { isTokenShape, parisToday, partnerLinkPath, partnerStanding, regionLinkPath, type Opinion } from './consultations.js';
import { partnerAnswerForm, partnerResendForm, phoneAnswerForm, regionAnswerForm, regionRequestForm, regionResendForm } from './consultations.forms.js';
import { resendPartnerRequest, resendRegionRequest } from './commands/resend.js';
import { contactPartners, recordPhoneAnswer, answerByLink } from './commands/partners.js';
import { requestRegionOpinions, answerRegionByLink, saveRegionContacts } from './commands/regions.js';
import { loadConsultations } from './summary.js';
import { runConsultationReminders } from './commands/reminders.js';
import { ConsultationsPage } from './views/staff-page.js';
import { DeadLinkPage, PartnerAnswerPage, RegionAnswerPage } from './views/public-pages.js';
import { RegionContactsPage, contactField } from './views/region-contacts.js';
import { consultationsPath, partnerResendPath, regionResendPath, REGION_CONTACTS_PATH } from './views/parts.js';

const P = '/gestion/candidatures/:applicationId/consultations';

/** The application of the URL if this staff member may consult on it; else null (→ 404). */
async function staffApp(c: Context<AppEnv>): Promise<string | null> {
  const id = c.req.param('applicationId');
  if (!isUuid(id)) return null;
  const deps = c.get('deps');
  const appId = id.toLowerCase();
  return (await mayConsult(deps.database.db, c.get('actor')!, appId, deps.now())) ? appId : null;
}

async function showStaff(c: Context<AppEnv>, appId: string, o: { state?: FormState; message?: string } = {}) {
  const deps = c.get('deps');
  const summary = await loadConsultations(deps.database.db, appId, deps.now());
  if (!summary) return renderErrorPage(c, 404);
  const failed = !!(o.state?.errors && Object.keys(o.state.errors).length) || !!o.message;
  return render(c, <ConsultationsPage ctx={pageContext(c)} summary={summary} state={o.state} message={o.message} isAdmin={c.get('actor')!.staffRoles.includes('admin')} />, failed ? 422 : 200);
}

function registerStaffRoutes(r: Parameters<Module>[0], deps: AppDeps) {
  const db = deps.database.db;
  r.get(P, CONSULT, async (c) => {
    const appId = await staffApp(c);
    return appId ? showStaff(c, appId) : renderErrorPage(c, 404);
  });

  r.post(`${P}/partenaires`, CONSULT, async (c) => {
    const appId = await staffApp(c);
    if (!appId) return renderErrorPage(c, 404);
    const res = await db.transaction((tx) => contactPartners(tx, consultActor(c), appId, consultationSettings(deps), deps.now()));
    if (!res.ok) return showStaff(c, appId, { message: res.message });
    await dispatchMails(deps, res.mailIds);
    return redirectWith(c, consultationsPath(appId), res.contacted.length === 1 ? `La demande de confirmation est envoyée à ${res.contacted[0]}.` : `Les demandes de confirmation sont envoyées à ${res.contacted.length} partenaires.`);
  });

  r.post(`${P}/telephone`, CONSULT, async (c) => {
    const appId = await staffApp(c);
    if (!appId) return renderErrorPage(c, 404);
    const form = await parseForm(c, phoneAnswerForm);
    if (!form.ok) return showStaff(c, appId, { state: form });
    const res = await db.transaction((tx) => recordPhoneAnswer(tx, consultActor(c), appId, form.data, deps.now()));
    if (!res.ok) return showStaff(c, appId, res.field ? { state: { errors: { [res.field]: res.message }, values: form.values } } : { state: { values: form.values }, message: res.message });
    return redirectWith(c, consultationsPath(appId), 'La réponse du partenaire est enregistrée.');
  });

  r.post(`${P}/region`, CONSULT, async (c) => {
    const appId = await staffApp(c);
    if (!appId) return renderErrorPage(c, 404);
    const form = await parseForm(c, regionRequestForm(parisToday(deps.now())));
    if (!form.ok) return showStaff(c, appId, { state: form });
    const res = await db.transaction((tx) => requestRegionOpinions(tx, consultActor(c), { applicationId: appId, dueOn: form.data.dueOn }, consultationSettings(deps), deps.now()));
    if (!res.ok) return showStaff(c, appId, { state: { values: form.values }, message: res.message });
    await dispatchMails(deps, res.mailIds);
    const missing = res.withoutContact.length ? ` Sans contact renseigné : ${res.withoutContact.join(', ')}.` : '';
    return redirectWith(c, consultationsPath(appId), `L’avis est demandé à : ${res.asked.join(', ')}.${missing}`);
  });

  // A new personal link for a partner whose link expired unanswered or whose mail bounced.
  r.post(partnerResendPath(':applicationId'), CONSULT, async (c) => {
    const appId = await staffApp(c);
    if (!appId) return renderErrorPage(c, 404);
    const form = await parseForm(c, partnerResendForm);
    if (!form.ok) return showStaff(c, appId, { state: form });
    if (!isUuid(form.data.resendPartner)) return showStaff(c, appId, { state: { errors: { resendPartner: 'Choisissez le partenaire.' }, values: form.values } });
    const res = await db.transaction((tx) => resendPartnerRequest(tx, consultActor(c), {
      applicationId: appId, requestId: form.data.resendPartner.toLowerCase(), email: form.data.resendEmail, motivation: form.data.resendMotivation,
    }, consultationSettings(deps), deps.now()));
    if (!res.ok) return showStaff(c, appId, res.field ? { state: { errors: { [res.field]: res.message }, values: form.values } } : { state: { values: form.values }, message: res.message });
    await dispatchMails(deps, res.mailIds);
    return redirectWith(c, consultationsPath(appId), `Un nouveau lien personnel est envoyé à ${res.partnerName} (${res.email}) ; l’ancien ne fonctionne plus.`);
  });

  // The Région asked again, with a new due date (past due without answer, or mail bounced).
  r.post(regionResendPath(':applicationId'), CONSULT, async (c) => {
    const appId = await staffApp(c);
    if (!appId) return renderErrorPage(c, 404);
    const form = await parseForm(c, regionResendForm(parisToday(deps.now())));
    if (!form.ok) return showStaff(c, appId, { state: form });
    if (!isUuid(form.data.resendRegion)) return showStaff(c, appId, { state: { errors: { resendRegion: 'Choisissez la Région.' }, values: form.values } });
    const res = await db.transaction((tx) => resendRegionRequest(tx, consultActor(c), {
      applicationId: appId, requestId: form.data.resendRegion.toLowerCase(), dueOn: form.data.resendDueOn, motivation: form.data.regionResendMotivation,
    }, consultationSettings(deps), deps.now()));
    if (!res.ok) return showStaff(c, appId, res.field ? { state: { errors: { [res.field]: res.message }, values: form.values } } : { state: { values: form.values }, message: res.message });
    await dispatchMails(deps, res.mailIds);
    return redirectWith(c, consultationsPath(appId), `L’avis de la Région ${res.regionName} est redemandé à ${res.email}, avec la nouvelle échéance ; l’ancien lien ne fonctionne plus.`);
  });

  const contactsPage = async (c: Context<AppEnv>, state?: FormState) => {
    const regions = allRegions();
    const values = state?.values ?? Object.fromEntries((await listRegionContacts(db)).map((x) => [contactField(x.regionCode), x.email]));
    return render(c, <RegionContactsPage ctx={pageContext(c)} regions={regions} state={{ errors: state?.errors, values }} />, state?.errors ? 422 : 200);
  };
  r.get(REGION_CONTACTS_PATH, CONFIGURE_REGIONS, (c) => contactsPage(c));
  r.post(REGION_CONTACTS_PATH, CONFIGURE_REGIONS, async (c) => {
    const values = await readForm(c);
    const errors: Record<string, string> = {};
    const entries = allRegions().map((reg) => {
      const raw = values[contactField(reg.code)];
      const v = (Array.isArray(raw) ? raw[0] : raw)?.trim() ?? '';
      if (!v) return { regionCode: reg.code, regionName: reg.name, email: '' };
      const parsed = emailField.safeParse(v);
      if (!parsed.success) errors[contactField(reg.code)] = `${reg.name} : ${parsed.error.issues[0]!.message}`;
      return { regionCode: reg.code, regionName: reg.name, email: parsed.success ? parsed.data : '' };
    });
    if (Object.keys(errors).length) return contactsPage(c, { errors, values });
    const res = await db.transaction((tx) => saveRegionContacts(tx, consultActor(c), entries, deps.now()));
    if (!res.ok) return contactsPage(c, { errors: { _form: res.message }, values });
    return redirectWith(c, REGION_CONTACTS_PATH, res.changed ? `Contacts des Régions enregistrés (${res.changed} modification(s)).` : 'Aucune modification.');
  });
}

function registerPublicRoutes(r: Parameters<Module>[0], deps: AppDeps) {
  const db = deps.database.db;
  const limiter = new RateLimiter(30, 10 * 60_000);
  const ip = (c: Context<AppEnv>) => clientIp(c, deps.config.TRUST_PROXY);
  const dead = (c: Context<AppEnv>, reason: 'unknown' | 'expired') => render(c, <DeadLinkPage ctx={pageContext(c)} reason={reason} />, reason === 'unknown' ? 404 : 410);
  const info = async (applicationId: string) => {
    const app = await consultedApplication(db, applicationId);
    return { trainingTitle: app?.trainingTitle ?? '', organisationName: app?.organisationName ?? '' };
  };
  const limited = (c: Context<AppEnv>) => {
    const hit = limiter.hit(ip(c), deps.now().getTime());
    if (hit.allowed) return null;
    c.header('Retry-After', String(hit.retryAfterSeconds));
    return renderErrorPage(c, 429);
  };

  // Partners.
  const partnerOf = async (c: Context<AppEnv>) => {
    const token = c.req.param('token');
    return isTokenShape(token) ? { token, row: await partnerRequestByToken(db, sha256(token)) } : null;
  };
  r.get('/consultation/partenaire/:token', PUBLIC, async (c) => {
    const found = await partnerOf(c);
    if (!found?.row) return dead(c, 'unknown');
    if (!found.row.answeredAt && partnerStanding(found.row, deps.now()) === 'no_answer') return dead(c, 'expired');
    return render(c, <PartnerAnswerPage ctx={pageContext(c)} row={found.row} app={await info(found.row.applicationId)} action={partnerLinkPath(found.token)} />);
  });
  r.post('/consultation/partenaire/:token', PUBLIC, async (c) => {
    const stop = limited(c);
    if (stop) return stop;
    const found = await partnerOf(c);
    if (!found?.row) return dead(c, 'unknown');
    const row = found.row;
    if (!row.answeredAt && partnerStanding(row, deps.now()) === 'no_answer') return dead(c, 'expired');
    const form = await parseForm(c, partnerAnswerForm);
    if (!form.ok) return render(c, <PartnerAnswerPage ctx={pageContext(c)} row={row} app={await info(row.applicationId)} action={partnerLinkPath(found.token)} state={form} />, 422);
    const res = await db.transaction((tx) => answerByLink(tx, row, form.data, ip(c), deps.now()));
    if (!res.ok) return render(c, <PartnerAnswerPage ctx={pageContext(c)} row={row} app={await info(row.applicationId)} action={partnerLinkPath(found.token)} state={{ errors: { _form: res.message }, values: form.values }} />, 409);
    return redirectWith(c, partnerLinkPath(found.token), 'Merci, votre réponse est enregistrée.');
  });

  // Régions.
  const regionOf = async (c: Context<AppEnv>) => {
    const token = c.req.param('token');
    return isTokenShape(token) ? { token, row: await regionRequestByToken(db, sha256(token)) } : null;
  };
  r.get('/consultation/region/:token', PUBLIC, async (c) => {
    const found = await regionOf(c);
    if (!found?.row) return dead(c, 'unknown');
    if (!found.row.answeredAt && found.row.expiresAt <= deps.now()) return dead(c, 'expired');
    return render(c, <RegionAnswerPage ctx={pageContext(c)} row={found.row} app={await info(found.row.applicationId)} action={regionLinkPath(found.token)} />);
  });
  r.post('/consultation/region/:token', PUBLIC, async (c) => {
    const stop = limited(c);
    if (stop) return stop;
    const found = await regionOf(c);
    if (!found?.row) return dead(c, 'unknown');
    const row = found.row;
    if (!row.answeredAt && row.expiresAt <= deps.now()) return dead(c, 'expired');
    const form = await parseForm(c, regionAnswerForm);
    if (!form.ok) return render(c, <RegionAnswerPage ctx={pageContext(c)} row={row} app={await info(row.applicationId)} action={regionLinkPath(found.token)} state={form} />, 422);
    const res = await db.transaction((tx) => answerRegionByLink(tx, row, { ...form.data, opinion: form.data.opinion as Opinion }, ip(c), deps.now()));
    if (!res.ok) return render(c, <RegionAnswerPage ctx={pageContext(c)} row={row} app={await info(row.applicationId)} action={regionLinkPath(found.token)} state={{ errors: { _form: res.message }, values: form.values }} />, 409);
    return redirectWith(c, regionLinkPath(found.token), 'Merci, l’avis de la Région est enregistré.');
  });
}

/** Routes of the consultations domain. */
export const consultationsModule: Module = (r, deps) => {
  registerStaffRoutes(r, deps);
  registerPublicRoutes(r, deps);
};

/** The consultations' job: reminders, expiry, automatic consultation of admissible applications (hourly). */
export const CONSULTATION_JOB = 'consultations.reminders';
export function registerConsultationJobs(deps: AppDeps): void {
  deps.jobs.define(CONSULTATION_JOB, async () => {
    const run = await runConsultationReminders(deps.database.db, consultationSettings(deps), deps.now());
    await dispatchMails(deps, run.mailIds);
  });
  deps.jobs.schedule(CONSULTATION_JOB, '23 * * * *');
}
