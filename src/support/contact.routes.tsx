/** The contact page (no account needed): two steps, anti-spam checks, attachments, acknowledgement mail. */
import type { Context } from 'hono';
import type { Router } from '../platform/http/router.js';
import type { AppDeps, AppEnv } from '../platform/http/context.js';
import { PUBLIC } from '../platform/http/access.js';
import { readForm, validate, type FormValues } from '../platform/http/forms.js';
import { render, pageContext, redirectWith } from '../platform/http/render.js';
import { RateLimiter } from '../platform/http/rate-limit.js';
import { renderErrorPage } from '../platform/views/error-page.js';
import { dispatchMails } from '../platform/mail/mailer.js';
import { CONTACT_RATE, needsTraining, type RequesterKind, type Topic } from './support.js';
import { contactForm, contactStepForm } from './forms.js';
import { checkSubmission, issueStamp, spamMessage, HONEYPOT_FIELD, STAMP_FIELD } from './anti-spam.js';
import { searchArticles } from './faq.store.js';
import { searchTrainings, trainingByRef } from './trainings.store.js';
import { submitTicket } from './commands/submit-ticket.js';
import { discardFiles, ipOf, readAttachments, requesterActor, supportSettings } from './http.js';
import { ContactFormPage, ContactSentPage, ContactStepPage } from './views/contact.js';

const PURPOSE = 'support.contact';

/** Registers /contact and /contact/envoyee. */
export function registerContactRoutes(r: Router, deps: AppDeps): void {
  const db = deps.database.db;
  const limiter = new RateLimiter(CONTACT_RATE.limit, CONTACT_RATE.windowMs);

  const renderStep2 = async (c: Context<AppEnv>, step: { profil: RequesterKind; sujet: Topic }, values: FormValues, errors?: Record<string, string>, q = '') => {
    let training: { q: string; choices: { ref: string; label: string }[] } | null = null;
    if (needsTraining(step.sujet)) {
      const choices = q ? await searchTrainings(db, q) : [];
      const picked = typeof values.formation === 'string' && values.formation ? await trainingByRef(db, values.formation) : null;
      if (picked && !choices.some((x) => x.ref === picked.ref)) choices.unshift(picked);
      training = { q, choices };
    }
    const articles = await searchArticles(db, { topic: step.sujet, limit: 6 });
    const { [HONEYPOT_FIELD]: _drop, ...kept } = values;
    return render(c, (
      <ContactFormPage ctx={pageContext(c)} profil={step.profil} sujet={step.sujet} articles={articles} training={training}
        stamp={issueStamp(deps.config.appSecret, PURPOSE, deps.now())} state={{ errors, values: kept }} />
    ), errors && Object.keys(errors).length > 0 ? 422 : 200);
  };

  r.get('/contact', PUBLIC, async (c) => {
    const query = c.req.query();
    const step = validate(contactStepForm, query);
    // Errors only once the first step was submitted; a link may preselect a topic.
    if (!step.ok && !query.etape) return render(c, <ContactStepPage ctx={pageContext(c)} state={{ values: query }} />);
    if (!step.ok) return render(c, <ContactStepPage ctx={pageContext(c)} state={step} />, 422);
    if (query.modifier) return render(c, <ContactStepPage ctx={pageContext(c)} state={{ values: query }} />);
    return renderStep2(c, step.data, { email: c.get('actor')?.email ?? '', nom: c.get('actor')?.fullName ?? '' }, undefined, (query.formation_q ?? '').slice(0, 100));
  });

  r.post('/contact', PUBLIC, async (c) => {
    const hit = limiter.hit(ipOf(c), deps.now().getTime());
    if (!hit.allowed) {
      c.header('Retry-After', String(hit.retryAfterSeconds));
      return renderErrorPage(c, 429);
    }
    const values = await readForm(c);
    const step = validate(contactStepForm, values);
    if (!step.ok) return render(c, <ContactStepPage ctx={pageContext(c)} state={step} />, 422);
    const form = validate(contactForm, values);
    const errors: Record<string, string> = form.ok ? {} : { ...form.errors };
    const spam = checkSubmission(deps.config.appSecret, PURPOSE, { honeypot: str(values[HONEYPOT_FIELD]), stamp: str(values[STAMP_FIELD]) }, deps.now());
    if (spam !== 'ok') errors._form = spamMessage(spam);
    if (needsTraining(step.data.sujet) && !str(values.formation) && !str(values.formation_libre).trim()) {
      errors.formation_libre = 'Choisissez la formation concernée dans la recherche, ou indiquez son intitulé, son organisme et sa ville.';
    }
    if (!form.ok || Object.keys(errors).length > 0) return renderStep2(c, step.data, values, errors);
    const files = await readAttachments(c, 'demandes');
    if (!files.ok) return renderStep2(c, step.data, values, { pieces: files.message });
    const d = form.data;
    const actor = c.get('actor');
    const input = {
      requesterKind: d.profil, topic: d.sujet, subject: d.objet, email: d.email, name: d.nom, message: d.message,
      trainingRef: d.formation, trainingText: d.formation_libre, shareIdentity: d.partage_identite,
    };
    const res = await db.transaction((tx) => submitTicket(tx, requesterActor(c, d.email), input, files.files,
      actor && actor.email.toLowerCase() === d.email ? actor.userId : null, supportSettings(deps), deps.now()))
      .catch(async (e: unknown) => { await discardFiles(deps, files.files); throw e; });
    if (!res.ok) {
      await discardFiles(deps, files.files);
      return renderStep2(c, step.data, values, res.errors ?? { _form: res.message });
    }
    await dispatchMails(deps, [res.mailId]);
    return redirectWith(c, '/contact/envoyee', `Votre demande ${res.number} est enregistrée. Conservez ce numéro.`);
  });

  r.get('/contact/envoyee', PUBLIC, (c) => render(c, <ContactSentPage ctx={pageContext(c)} />));
}

function str(v: string | string[] | undefined): string {
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
}
