import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { consultationTestbed, linkIn, dayIn, DAY } from './consultations.fixtures.js';
import { mailOutbox } from '../platform/mail/mail.schema.js';
import { auditLog } from '../platform/audit/audit.schema.js';
import { sha256 } from '../platform/auth/tokens.js';
import { applicationSections } from '../applications/applications.schema.js';
import { createSubmittedApplication, assignClearedReviewer } from '../review/review.fixtures.js';
import { partnerConfirmations, regionContacts, regionOpinions } from './consultations.schema.js';
import { CONSULTATION_JOB } from './routes.js';
import {
  parisToday, partnerResendReason, regionLinkExpiry, regionResendReason, requestToken, PARTNER_LINK_DAYS,
} from './consultations.js';

const { t, db, call, staff, as, mailsTo } = await consultationTestbed();
after(() => t.close());
let n = 0;

const partnerRow = async (email: string) => (await db.select().from(partnerConfirmations).where(eq(partnerConfirmations.email, email)))[0]!;
const regionRow = async (appId: string) => (await db.select().from(regionOpinions).where(eq(regionOpinions.applicationId, appId)))[0]!;
const audits = (appId: string, action: string) => db.select().from(auditLog).where(and(eq(auditLog.objectId, appId), eq(auditLog.action, action)));

/** A submitted application citing one partner, with a training place in Montreuil, assigned to the instructor. */
async function setup() {
  n++;
  const s = await createSubmittedApplication(t.deps, call, { title: `Développeur d’applications ${n}` });
  const email = `rh${n}.${Date.now()}@employeur.fr`;
  await db.insert(applicationSections).values({ applicationId: s.app.id, sectionKey: 'partners', values: {}, completed: true, data: { partners: [
    { name: `Employeur ${n}`, type: 'employer', contactName: 'Rémi Recruteur', email, commitment: 'Accueillir 4 stagiaires', hiringPromises: 2 },
  ] } });
  await db.update(applicationSections).set({ data: { places: [{ name: 'Montreuil', postcode: '93100' }] } })
    .where(and(eq(applicationSections.applicationId, s.app.id), eq(applicationSections.sectionKey, 'places')));
  await assignClearedReviewer(t.deps, { applicationId: s.app.id, reviewerId: staff.instructor.id, assignedBy: staff.admin.id });
  return { ...s, email, page: `/gestion/candidatures/${s.app.id}/consultations`, staffPage: `/gestion/candidatures/${s.app.id}` };
}

test('règles : un lien se renvoie seulement expiré sans réponse ou non distribué ; chaque envoi a son propre jeton', () => {
  const now = new Date('2026-03-10T10:00:00Z');
  const sent = { status: 'sent' as const, expiresAt: new Date('2026-03-20T00:00:00Z'), answeredAt: null, tokenHash: 'x'.repeat(64), email: 'a@b.fr' };
  assert.equal(partnerResendReason(sent, false, now), null, 'lien encore valable, courriel distribué');
  assert.equal(partnerResendReason(sent, true, now), 'bounced');
  assert.equal(partnerResendReason({ ...sent, expiresAt: new Date('2026-03-01T00:00:00Z') }, false, now), 'expired');
  assert.equal(partnerResendReason({ ...sent, status: 'no_answer', expiresAt: new Date('2026-03-01T00:00:00Z') }, false, now), 'expired');
  assert.equal(partnerResendReason({ ...sent, status: 'confirmed', answeredAt: now }, true, now), null, 'réponse donnée');
  assert.equal(partnerResendReason({ ...sent, tokenHash: null }, true, now), null, 'réponse par téléphone, sans lien');
  assert.equal(regionResendReason({ dueOn: '2026-03-10', answeredAt: null }, false, '2026-03-10'), null, 'le jour de l’échéance, l’avis est encore attendu');
  assert.equal(regionResendReason({ dueOn: '2026-03-09', answeredAt: null }, false, '2026-03-10'), 'overdue');
  assert.equal(regionResendReason({ dueOn: '2026-03-20', answeredAt: null }, true, '2026-03-10'), 'bounced');
  assert.equal(regionResendReason({ dueOn: '2026-03-01', answeredAt: now }, true, '2026-03-10'), null);
  const id = crypto.randomUUID();
  const first = requestToken('secret', 'partner', id);
  assert.equal(requestToken('secret', 'partner', id, 0), first, 'les liens déjà envoyés restent valables');
  assert.notEqual(requestToken('secret', 'partner', id, 1), first);
  assert.notEqual(requestToken('secret', 'partner', id, 2), requestToken('secret', 'partner', id, 1));
  assert.notEqual(requestToken('secret', 'region', id, 1), requestToken('secret', 'partner', id, 1));
});

test('partenaire « sans réponse » : un nouveau lien (nouveau jeton, 30 jours, ancien lien invalide), statut « envoyée », relance repartie, audité', async () => {
  const s = await setup();
  const inst = await as(staff.instructor.id);
  assert.equal((await inst.post(`${s.page}/partenaires`)).status, 303);
  const oldLink = linkIn((await mailsTo(s.email))[0]!.text, 'partenaire');
  const before = await partnerRow(s.email);

  // Link still valid: no resend offered, and a forced one is refused.
  assert.doesNotMatch(await (await inst.get(s.staffPage)).text(), /Envoyer un nouveau lien/);
  const early = await inst.post(`${s.page}/partenaires/relance`, { resendPartner: before.id });
  assert.equal(early.status, 422);
  assert.match(await early.text(), /est encore valable/);

  // Reminded after 7 days, then the link expires unanswered: the job marks it "sans réponse".
  await db.update(partnerConfirmations).set({ sentAt: new Date(Date.now() - 8 * DAY) }).where(eq(partnerConfirmations.id, before.id));
  await t.jobs.send(CONSULTATION_JOB, {});
  assert.ok((await partnerRow(s.email)).remindedAt, 'la relance est partie');
  await db.update(partnerConfirmations).set({ expiresAt: new Date(Date.now() - 1000), sentAt: new Date(Date.now() - 31 * DAY) }).where(eq(partnerConfirmations.id, before.id));
  await t.jobs.send(CONSULTATION_JOB, {});
  assert.equal((await partnerRow(s.email)).status, 'no_answer');
  assert.equal((await t.client().get(oldLink)).status, 410);

  const page = await (await inst.get(s.staffPage)).text();
  assert.match(page, /Envoyer un nouveau lien à un partenaire/, 'le formulaire est sur la page de la candidature');
  assert.match(page, new RegExp(`action="${s.page}/partenaires/relance"`));
  assert.match(page, /lien expiré sans réponse/);

  const res = await inst.post(`${s.page}/partenaires/relance`, { resendPartner: before.id, resendMotivation: 'Le partenaire a appelé : il n’avait pas vu le premier courriel.' });
  assert.equal(res.status, 303);
  const after = await partnerRow(s.email);
  assert.equal(after.status, 'sent');
  assert.equal(after.linkRound, 1);
  assert.notEqual(after.tokenHash, before.tokenHash);
  assert.equal(after.remindedAt, null, 'la relance repart de zéro');
  assert.equal(after.sentBy, staff.instructor.id);
  assert.ok(Math.abs(after.expiresAt!.getTime() - (Date.now() + PARTNER_LINK_DAYS * DAY)) < 60_000, 'nouveau lien valable 30 jours');
  assert.equal(after.answeredAt, null);

  const mails = await mailsTo(s.email);
  const fresh = mails.at(-1)!;
  assert.equal(fresh.template, 'consultations.partner_new_link');
  assert.match(fresh.subject, /^Nouveau lien : confirmez votre partenariat/);
  assert.match(fresh.text, /n’est plus valable : voici un nouveau lien personnel/);
  assert.equal(after.lastMailId, fresh.id);
  const newLink = linkIn(fresh.text, 'partenaire');
  assert.notEqual(newLink, oldLink);
  assert.equal(after.tokenHash, sha256(newLink.split('/').pop()!), 'seule l’empreinte du nouveau jeton est gardée');

  assert.equal((await t.client().get(oldLink)).status, 404, 'l’ancien lien ne mène plus nulle part');
  assert.equal((await t.client().post(oldLink, { partnership: 'oui', commitment: 'oui' })).status, 404);
  const [audit] = await audits(s.app.id, 'consultation.partner_link_reissued');
  assert.equal(audit!.actorId, staff.instructor.id);
  assert.deepEqual({ status: (audit!.before as Record<string, unknown>).status, reason: (audit!.after as Record<string, unknown>).reason, motivation: (audit!.after as Record<string, unknown>).motivation },
    { status: 'no_answer', reason: 'lien expiré sans réponse', motivation: 'Le partenaire a appelé : il n’avait pas vu le premier courriel.' });

  // The reminder restarts from the new sending, with the new link.
  await t.jobs.send(CONSULTATION_JOB, {});
  assert.equal((await mailsTo(s.email)).length, mails.length, 'pas de relance le jour du nouvel envoi');
  await db.update(partnerConfirmations).set({ sentAt: new Date(Date.now() - 8 * DAY) }).where(eq(partnerConfirmations.id, before.id));
  await t.jobs.send(CONSULTATION_JOB, {});
  const reminder = (await mailsTo(s.email)).at(-1)!;
  assert.match(reminder.subject, /^Rappel : /);
  assert.equal(linkIn(reminder.text, 'partenaire'), newLink);

  const visitor = t.client();
  assert.equal((await visitor.get(newLink)).status, 200);
  assert.equal((await visitor.post(newLink, { partnership: 'oui', commitment: 'oui', comment: 'Confirmé.' })).status, 303);
  assert.equal((await partnerRow(s.email)).status, 'confirmed');
  const answered = await inst.post(`${s.page}/partenaires/relance`, { resendPartner: before.id });
  assert.equal(answered.status, 422);
  assert.match(await answered.text(), /a déjà répondu/);
  assert.equal((await audits(s.app.id, 'consultation.partner_link_reissued')).length, 1);
});

test('courriel non distribué : signalé, renvoyé à une adresse corrigée ; adresse invalide ou demande d’une autre candidature refusées', async () => {
  const s = await setup();
  const other = await setup();
  const inst = await as(staff.instructor.id);
  await inst.post(`${s.page}/partenaires`);
  await inst.post(`${other.page}/partenaires`);
  const row = await partnerRow(s.email);
  await db.update(mailOutbox).set({ status: 'failed', error: '550 5.1.1 Unknown user' }).where(eq(mailOutbox.id, row.lastMailId!));

  const page = await (await inst.get(s.page)).text();
  assert.match(page, /Courriel non distribué/);
  assert.match(page, new RegExp(`<option value="${row.id}" selected="">${row.partnerName} – courriel non distribué</option>`), 'la seule demande à renvoyer est déjà choisie');

  const bad = await inst.post(`${s.page}/partenaires/relance`, { resendPartner: row.id, resendEmail: 'pas une adresse', resendMotivation: 'Adresse corrigée' });
  assert.equal(bad.status, 422);
  const badText = await bad.text();
  assert.match(badText, /href="#resendEmail"/);
  assert.match(badText, /value="pas une adresse"/, 'la saisie est gardée');
  assert.match(badText, /Adresse corrigée<\/textarea>/);

  const foreign = await inst.post(`${s.page}/partenaires/relance`, { resendPartner: (await partnerRow(other.email)).id });
  assert.equal(foreign.status, 422);
  assert.match(await foreign.text(), /n’existe pas pour cette candidature/);
  assert.equal((await inst.post(`${s.page}/partenaires/relance`, { resendPartner: 'pas-un-id' })).status, 422);
  assert.equal((await (await as(staff.committee.id)).post(`${s.page}/partenaires/relance`, { resendPartner: row.id })).status, 403);

  const fixed = `${s.email}.corrige.fr`;
  assert.equal((await inst.post(`${s.page}/partenaires/relance`, { resendPartner: row.id, resendEmail: fixed.toUpperCase() })).status, 303);
  const after = await partnerRow(fixed);
  assert.equal(after.id, row.id);
  assert.equal(after.status, 'sent');
  assert.equal(after.linkRound, 1);
  const mail = (await mailsTo(fixed))[0]!;
  assert.ok(mail, 'le nouveau lien part à l’adresse corrigée');
  assert.equal(after.lastMailId, mail.id);
  const [audit] = await audits(s.app.id, 'consultation.partner_link_reissued');
  assert.equal((audit!.before as Record<string, unknown>).email, s.email);
  assert.equal((audit!.after as Record<string, unknown>).email, fixed);
  assert.equal((audit!.after as Record<string, unknown>).reason, 'courriel non distribué');
  assert.equal((audit!.after as Record<string, unknown>).motivation, null, 'le motif est facultatif');
  assert.doesNotMatch(await (await inst.get(s.page)).text(), /Courriel non distribué/, 'le nouveau courriel n’a pas échoué');
});

test('Région sans avis à l’échéance : redemandée avec une nouvelle échéance au contact actuel, ancien lien invalide, rappel reparti', async () => {
  const s = await setup();
  const admin = await as(staff.admin.id);
  const inst = await as(staff.instructor.id);
  const idf = `avis.${Date.now()}@iledefrance.fr`;
  await admin.post('/gestion/regions/avis', { 'email-11': idf });
  assert.equal((await inst.post(`${s.page}/region`, { dueOn: dayIn(10) })).status, 303);
  const oldLink = linkIn((await mailsTo(idf)).at(-1)!.text, 'region');
  const before = await regionRow(s.app.id);
  const notYet = await inst.post(`${s.page}/region/relance`, { resendRegion: before.id, resendDueOn: dayIn(20) });
  assert.equal(notYet.status, 422);
  assert.match(await notYet.text(), /n’est pas dépassée/);

  // The due date passed, after the reminder; an admin corrected the Région's address meanwhile.
  await db.update(regionOpinions).set({ dueOn: dayIn(-2), remindedAt: new Date(Date.now() - 5 * DAY) }).where(eq(regionOpinions.id, before.id));
  const idf2 = `formation.${Date.now()}@iledefrance.fr`;
  await admin.post('/gestion/regions/avis', { 'email-11': idf2 });
  const page = await (await inst.get(s.staffPage)).text();
  assert.match(page, /Redemander l’avis d’une Région/);
  assert.match(page, /Échéance dépassée/);

  const noDate = await inst.post(`${s.page}/region/relance`, { resendRegion: before.id, regionResendMotivation: 'Relance demandée par le comité.' });
  assert.equal(noDate.status, 422);
  const noDateText = await noDate.text();
  assert.match(noDateText, /href="#resendDueOn"/);
  assert.match(noDateText, /Relance demandée par le comité.<\/textarea>/);
  assert.equal((await inst.post(`${s.page}/region/relance`, { resendRegion: before.id, resendDueOn: dayIn(0) })).status, 422, 'une échéance dans le futur');

  const due = dayIn(15);
  assert.equal((await inst.post(`${s.page}/region/relance`, { resendRegion: before.id, resendDueOn: due, regionResendMotivation: 'Relance demandée par le comité.' })).status, 303);
  const after = await regionRow(s.app.id);
  assert.equal(after.dueOn, due);
  assert.equal(after.email, idf2, 'le lien part au contact actuel de la Région');
  assert.equal(after.linkRound, 1);
  assert.equal(after.remindedAt, null);
  assert.notEqual(after.tokenHash, before.tokenHash);
  assert.equal(after.expiresAt.getTime(), regionLinkExpiry(due).getTime());
  const mail = (await mailsTo(idf2)).at(-1)!;
  assert.equal(mail.template, 'consultations.region_new_link');
  assert.match(mail.subject, /^Nouveau lien : avis de la Région Île-de-France/);
  const newLink = linkIn(mail.text, 'region');
  assert.equal((await t.client().get(oldLink)).status, 404);
  const [audit] = await audits(s.app.id, 'consultation.region_link_reissued');
  assert.deepEqual(audit!.before, { region: 'Île-de-France', email: idf, dueOn: dayIn(-2) });
  assert.equal((audit!.after as Record<string, unknown>).dueOn, due);
  assert.equal((audit!.after as Record<string, unknown>).reason, 'échéance dépassée sans avis');
  assert.equal((audit!.after as Record<string, unknown>).motivation, 'Relance demandée par le comité.');

  // The reminder goes again three days before the new due date, with the new link.
  await db.update(regionOpinions).set({ dueOn: dayIn(2) }).where(eq(regionOpinions.id, before.id));
  await t.jobs.send(CONSULTATION_JOB, {});
  const reminder = (await mailsTo(idf2)).at(-1)!;
  assert.match(reminder.subject, /^Rappel : /);
  assert.equal(linkIn(reminder.text, 'region'), newLink);
  assert.equal((await t.client().post(newLink, { opinion: 'favourable', respondentName: 'Nadia Région' })).status, 303);
  const answered = await inst.post(`${s.page}/region/relance`, { resendRegion: before.id, resendDueOn: dayIn(30) });
  assert.equal(answered.status, 422);
  assert.match(await answered.text(), /a déjà donné son avis/);

  // Without a contact any more, a Région cannot be asked again.
  const s2 = await setup();
  await inst.post(`${s2.page}/region`, { dueOn: dayIn(10) });
  const r2 = await regionRow(s2.app.id);
  await db.update(regionOpinions).set({ dueOn: dayIn(-1) }).where(eq(regionOpinions.id, r2.id));
  await db.delete(regionContacts).where(eq(regionContacts.regionCode, '11'));
  const noContact = await inst.post(`${s2.page}/region/relance`, { resendRegion: r2.id, resendDueOn: dayIn(10) });
  assert.equal(noContact.status, 422);
  assert.match(await noContact.text(), /Aucun contact n’est renseigné pour la région Île-de-France/);
});
