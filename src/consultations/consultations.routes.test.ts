import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq, like } from 'drizzle-orm';
import { consultationTestbed, linkIn, dayIn, DAY } from './consultations.fixtures.js';
import { mailOutbox } from '../platform/mail/mail.schema.js';
import { auditLog } from '../platform/audit/audit.schema.js';
import { applicationSections } from '../applications/applications.schema.js';
import { applicationReviews, committeeMeetings, conflictDeclarations } from '../review/review.schema.js';
import { findReview } from '../review/review.store.js';
import { decideApplication } from '../review/commands/committee.js';
import { createSubmittedApplication, assignClearedReviewer } from '../review/review.fixtures.js';
import { partnerConfirmations, regionContacts, regionOpinions } from './consultations.schema.js';
import { missingOpinions, uncontactedPartners } from './index.js';
import { CONSULTATION_JOB } from './routes.js';

const { t, db, call, staff, as, mailsTo } = await consultationTestbed();
after(() => t.close());
let n = 0;

const rowsOf = (appId: string) => db.select().from(partnerConfirmations).where(eq(partnerConfirmations.applicationId, appId));

/** An application citing three partners (the third without an address) with places in Seine-Saint-Denis and Ille-et-Vilaine. */
async function setup() {
  n++;
  const s = await createSubmittedApplication(t.deps, call, { title: `Technicien réseaux ${n}` });
  const a = `rh${n}.${Date.now()}@employeur.fr`;
  const b = `contact${n}.${Date.now()}@mission-locale.fr`;
  const partners = { partners: [
    { name: 'Employeur Numérique', type: 'employer', contactName: 'Rémi Recruteur', email: a, phone: '0102030405', commitment: 'Accueillir 4 stagiaires et embaucher', hiringPromises: 3 },
    { name: 'Mission locale de l’Est', type: 'sourcing', contactName: 'Sonia Sourcing', email: b, commitment: 'Orienter 20 jeunes' },
    { name: 'Certificateur sans courriel', type: 'certifier', contactName: 'Paul', email: '', commitment: 'Jury' },
  ] };
  const places = { places: [{ name: 'Montreuil', postcode: '93100' }, { name: 'Rennes', postcode: '35000' }] };
  await db.insert(applicationSections).values({ applicationId: s.app.id, sectionKey: 'partners', values: {}, data: partners, completed: true });
  await db.update(applicationSections).set({ data: places }).where(and(eq(applicationSections.applicationId, s.app.id), eq(applicationSections.sectionKey, 'places')));
  await assignClearedReviewer(t.deps, { applicationId: s.app.id, reviewerId: staff.instructor.id, assignedBy: staff.admin.id });
  return { ...s, a, b, page: `/gestion/candidatures/${s.app.id}/consultations` };
}

test('contacter les partenaires : un lien personnel chacun (seule son empreinte est gardée), puis plus personne à contacter', async () => {
  const s = await setup();
  const inst = await as(staff.instructor.id);
  assert.equal((await inst.get(s.page)).status, 200);
  assert.equal((await uncontactedPartners(db, s.app.id)).length, 3);
  const before = await (await inst.get(`/gestion/candidatures/${s.app.id}`)).text();
  assert.match(before, /3 partenaires jamais contactés/);
  assert.match(before, new RegExp(`action="${s.page}/partenaires"`), 'le bouton « Contacter les partenaires » est sur la page de la candidature');
  const res = await inst.post(`${s.page}/partenaires`);
  assert.equal(res.status, 303);
  const mail = (await mailsTo(s.a))[0]!;
  assert.match(mail.subject, /confirmez votre partenariat/);
  assert.match(mail.text, /Accueillir 4 stagiaires et embaucher/);
  const token = linkIn(mail.text, 'partenaire').split('/').pop()!;
  const rows = await rowsOf(s.app.id);
  assert.equal(rows.length, 2, 'le partenaire sans adresse n’est pas contacté par courriel');
  assert.ok(rows.every((r) => r.status === 'sent' && r.tokenHash && r.tokenHash !== token && r.tokenHash.length === 64));
  assert.deepEqual((await uncontactedPartners(db, s.app.id)).map((p) => p.name), ['Certificateur sans courriel']);
  const again = await inst.post(`${s.page}/partenaires`);
  assert.equal(again.status, 422);
  assert.match(await again.text(), /Tous les partenaires ont déjà été contactés/);
  assert.equal((await mailsTo(s.a)).length, 1);
  const afterPage = await (await inst.get(`/gestion/candidatures/${s.app.id}`)).text();
  assert.match(afterPage, /1 partenaire jamais contacté/);
  assert.doesNotMatch(afterPage, new RegExp(`action="${s.page}/partenaires"`), 'plus personne à contacter par courriel : le bouton disparaît');
  const audit = await db.select().from(auditLog).where(and(eq(auditLog.objectId, s.app.id), eq(auditLog.action, 'consultation.partners_contacted')));
  assert.equal(audit.length, 1);
});

test('le partenaire répond par son lien (sans compte) ; une seconde réponse est refusée ; le lien n’ouvre que sa propre demande', async () => {
  const s = await setup();
  await (await as(staff.instructor.id)).post(`${s.page}/partenaires`);
  const linkA = linkIn((await mailsTo(s.a))[0]!.text, 'partenaire');
  const linkB = linkIn((await mailsTo(s.b))[0]!.text, 'partenaire');
  const visitor = t.client();
  const page = await visitor.get(linkA);
  assert.equal(page.status, 200);
  assert.match(await page.text(), /Employeur Numérique est-il bien partenaire de cette formation/);
  const empty = await visitor.post(linkA, {});
  assert.equal(empty.status, 422);
  assert.match(await empty.text(), /Indiquez si vous êtes partenaire de cette formation/);
  const ok = await visitor.post(linkA, { partnership: 'oui', commitment: 'non', comment: 'Nous embaucherons 1 personne, pas 3.' });
  assert.equal(ok.status, 303);
  const row = (await rowsOf(s.app.id)).find((r) => r.email === s.a)!;
  assert.equal(row.status, 'confirmed');
  assert.equal(row.commitmentConfirmed, false);
  assert.equal(row.channel, 'link');
  assert.match(await (await visitor.get(linkA)).text(), /Votre réponse est enregistrée/);
  const twice = await visitor.post(linkA, { partnership: 'non', commitment: 'non' });
  assert.equal(twice.status, 409);
  assert.match(await twice.text(), /déjà répondu/);
  assert.equal((await rowsOf(s.app.id)).find((r) => r.email === s.a)!.status, 'confirmed', 'la première réponse est gardée');
  const other = await (await visitor.get(linkB)).text();
  assert.match(other, /Mission locale de l’Est/);
  assert.doesNotMatch(other, /Nous embaucherons 1 personne/);
  const denied = await visitor.post(linkB, { partnership: 'non', commitment: 'non', comment: 'Nous ne connaissons pas cet organisme.' });
  assert.equal(denied.status, 303);
  assert.equal((await rowsOf(s.app.id)).find((r) => r.email === s.b)!.status, 'denied');
  const staffPage = await (await (await as(staff.instructor.id)).get(`/gestion/candidatures/${s.app.id}`)).text();
  assert.match(staffPage, /Partenaires et Région/);
  assert.match(staffPage, /Partenariat confirmé/);
  assert.match(staffPage, /Partenariat démenti/);
});

test('lien inconnu, malformé ou expiré : page claire, aucune réponse acceptée', async () => {
  const s = await setup();
  await (await as(staff.instructor.id)).post(`${s.page}/partenaires`);
  const link = linkIn((await mailsTo(s.a))[0]!.text, 'partenaire');
  const visitor = t.client();
  const unknown = await visitor.get(`/consultation/partenaire/${'A'.repeat(43)}`);
  assert.equal(unknown.status, 404);
  assert.match(await unknown.text(), /Ce lien n’est pas valable/);
  assert.equal((await visitor.get('/consultation/partenaire/court')).status, 404);
  await db.update(partnerConfirmations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(partnerConfirmations.email, s.a));
  const expired = await visitor.get(link);
  assert.equal(expired.status, 410);
  assert.match(await expired.text(), /a expiré/);
  assert.equal((await visitor.post(link, { partnership: 'oui', commitment: 'oui' })).status, 410);
  assert.equal((await rowsOf(s.app.id)).find((r) => r.email === s.a)!.answeredAt, null);
});

test('relance après 7 jours, une seule fois même si la tâche repasse ; lien expiré → sans réponse ; candidature recevable → partenaires contactés d’office', async () => {
  const s = await setup();
  await (await as(staff.instructor.id)).post(`${s.page}/partenaires`);
  await db.update(partnerConfirmations).set({ sentAt: new Date(Date.now() - 6 * DAY) }).where(eq(partnerConfirmations.applicationId, s.app.id));
  await t.jobs.send(CONSULTATION_JOB, {});
  assert.equal((await mailsTo(s.a)).length, 1, 'pas de relance avant 7 jours');
  await db.update(partnerConfirmations).set({ sentAt: new Date(Date.now() - 8 * DAY) }).where(eq(partnerConfirmations.applicationId, s.app.id));
  await t.jobs.send(CONSULTATION_JOB, {});
  await t.jobs.send(CONSULTATION_JOB, {});
  const mails = await mailsTo(s.a);
  assert.equal(mails.length, 2, 'une seule relance');
  assert.match(mails[1]!.subject, /^Rappel : /);
  assert.equal(linkIn(mails[1]!.text, 'partenaire'), linkIn(mails[0]!.text, 'partenaire'), 'la relance porte le même lien personnel');
  await db.update(partnerConfirmations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(partnerConfirmations.email, s.a));
  await t.jobs.send(CONSULTATION_JOB, {});
  assert.equal((await rowsOf(s.app.id)).find((r) => r.email === s.a)!.status, 'no_answer');

  const auto = await setup();
  await findReview(db, auto.app.id);
  await db.update(applicationReviews).set({ state: 'scoring' }).where(eq(applicationReviews.applicationId, auto.app.id));
  await t.jobs.send(CONSULTATION_JOB, {});
  assert.equal((await rowsOf(auto.app.id)).length, 2, 'une candidature recevable voit ses partenaires contactés automatiquement');
  assert.equal((await mailsTo(auto.b)).length, 1);
  const sys = await db.select().from(auditLog).where(and(eq(auditLog.objectId, auto.app.id), eq(auditLog.action, 'consultation.partners_contacted')));
  assert.equal(sys[0]!.actorLabel, 'système');
});

test('réponse par téléphone : motif obligatoire, auditée ; refusée quand le partenaire a déjà répondu', async () => {
  const s = await setup();
  const inst = await as(staff.instructor.id);
  await inst.post(`${s.page}/partenaires`);
  const partnerC = 'nom:certificateur sans courriel';
  const missing = await inst.post(`${s.page}/telephone`, { partnerKey: partnerC, partnership: 'oui', commitment: 'oui', comment: '' });
  assert.equal(missing.status, 422);
  const html = await missing.text();
  assert.match(html, /Renseignez le motif de l’enregistrement par téléphone/);
  const ok = await inst.post(`${s.page}/telephone`, { partnerKey: partnerC, partnership: 'oui', commitment: 'oui', comment: 'Confirme le jury', motivation: 'Pas d’adresse électronique : appel du 3 mars' });
  assert.equal(ok.status, 303);
  const row = (await rowsOf(s.app.id)).find((r) => r.partnerKey === partnerC)!;
  assert.equal(row.channel, 'phone');
  assert.equal(row.recordedBy, staff.instructor.id);
  assert.equal(row.status, 'confirmed');
  assert.deepEqual(await uncontactedPartners(db, s.app.id), []);
  const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.objectId, s.app.id), eq(auditLog.action, 'consultation.partner_phone_recorded')));
  assert.match(JSON.stringify(audit!.after), /appel du 3 mars/);
  await t.client().post(linkIn((await mailsTo(s.a))[0]!.text, 'partenaire'), { partnership: 'oui', commitment: 'oui' });
  const twice = await inst.post(`${s.page}/telephone`, { partnerKey: s.a, partnership: 'non', commitment: 'non', motivation: 'Appel' });
  assert.equal(twice.status, 422);
  assert.match(await twice.text(), /a déjà répondu/);
});

test('le comité refuse de labelliser une candidature dont un partenaire n’a jamais été contacté', async () => {
  const s = await setup();
  await findReview(db, s.app.id);
  await db.update(applicationReviews).set({ state: 'scoring' }).where(eq(applicationReviews.applicationId, s.app.id));
  const [meeting] = await db.insert(committeeMeetings).values({ callId: call.call.id, cutoffId: call.cutoffs[0]!.id, heldOn: dayIn(1), createdBy: staff.admin.id }).returning();
  const actor = { id: staff.admin.id, email: staff.admin.email, label: 'Alex Admin' };
  const decide = () => db.transaction((tx) => decideApplication(tx, actor, { meetingId: meeting!.id, applicationId: s.app.id, outcome: 'labelled', motivation: 'Projet solide.' }, new Date()));
  const refused = await decide();
  assert.equal(refused.ok, false);
  assert.match((refused as { message: string }).message, /les partenaires « Employeur Numérique », « Mission locale de l’Est », « Certificateur sans courriel » n’ont jamais été contactés/);
  await (await as(staff.instructor.id)).post(`${s.page}/partenaires`);
  const still = await decide();
  assert.match((still as { message: string }).message, /le partenaire « Certificateur sans courriel » n’a jamais été contacté/);
  await (await as(staff.instructor.id)).post(`${s.page}/telephone`, { partnerKey: 'nom:certificateur sans courriel', partnership: 'oui', commitment: 'oui', motivation: 'Sans adresse' });
  const next = await decide();
  assert.doesNotMatch((next as { message?: string }).message ?? '', /jamais été contacté/, 'une fois chaque partenaire contacté, ce motif de refus disparaît');
});

test('avis de la Région : contacts réglés par un administrateur, demande avec échéance, réponse unique, « avis manquants »', async () => {
  const s = await setup();
  const admin = await as(staff.admin.id);
  const inst = await as(staff.instructor.id);
  assert.equal((await inst.get('/gestion/regions/avis')).status, 403);
  assert.equal((await admin.get('/gestion/regions/avis')).status, 200);
  const bad = await admin.post('/gestion/regions/avis', { 'email-11': 'pas-une-adresse' });
  assert.equal(bad.status, 422);
  assert.match(await bad.text(), /value="pas-une-adresse"/);
  const idf = `avis.${Date.now()}@iledefrance.fr`;
  assert.equal((await admin.post('/gestion/regions/avis', { 'email-11': idf })).status, 303);
  assert.equal((await db.select().from(regionContacts).where(eq(regionContacts.regionCode, '11')))[0]!.email, idf);

  const past = await inst.post(`${s.page}/region`, { dueOn: dayIn(-1) });
  assert.equal(past.status, 422);
  assert.match(await past.text(), /postérieure à aujourd’hui/);
  const asked = await inst.post(`${s.page}/region`, { dueOn: dayIn(20) });
  assert.equal(asked.status, 303);
  const mail = (await mailsTo(idf)).at(-1)!;
  assert.match(mail.subject, /avis de la Région Île-de-France/);
  assert.deepEqual([...await missingOpinions(db, [s.app.id])], [s.app.id]);
  const link = linkIn(mail.text, 'region');
  const visitor = t.client();
  assert.match(await (await visitor.get(link)).text(), /Avis de la Région Île-de-France/);
  const noComment = await visitor.post(link, { opinion: 'reserved', respondentName: 'Nora Région, cheffe de service' });
  assert.equal(noComment.status, 422);
  assert.match(await noComment.text(), /Expliquez en commentaire/);
  assert.equal((await visitor.post(link, { opinion: 'reserved', respondentName: 'Nora Région, cheffe de service', comment: 'Offre déjà dense à Montreuil.' })).status, 303);
  assert.equal((await visitor.post(link, { opinion: 'favourable', respondentName: 'Autre' })).status, 409);
  const [op] = await db.select().from(regionOpinions).where(and(eq(regionOpinions.applicationId, s.app.id), eq(regionOpinions.regionCode, '11')));
  assert.equal(op!.opinion, 'reserved');
  assert.deepEqual([...await missingOpinions(db, [s.app.id])], [s.app.id], 'la Bretagne n’a pas encore donné son avis');

  await admin.post('/gestion/regions/avis', { 'email-11': idf, 'email-53': `avis.${Date.now()}@bretagne.bzh` });
  assert.equal((await inst.post(`${s.page}/region`, { dueOn: dayIn(2) })).status, 303);
  await t.jobs.send(CONSULTATION_JOB, {});
  await t.jobs.send(CONSULTATION_JOB, {});
  const bzh = await db.select().from(mailOutbox).where(like(mailOutbox.subject, '%Bretagne%'));
  const mine = bzh.filter((m) => m.text.includes(s.app.trainingTitle));
  assert.equal(mine.length, 2, 'la demande, puis un seul rappel avant l’échéance');
  assert.match(mine[1]!.subject, /^Rappel : /);
  assert.equal((await t.client().post(linkIn(mine[1]!.text, 'region'), { opinion: 'favourable', respondentName: 'Yann Région' })).status, 303);
  assert.equal((await missingOpinions(db, [s.app.id])).size, 0);
  const staffPage = await (await inst.get(`/gestion/candidatures/${s.app.id}`)).text();
  assert.match(staffPage, /Avis réservé/);
  assert.match(staffPage, /Offre déjà dense à Montreuil/);
});

test('accès : membre du comité refusé, instructeur en conflit d’intérêts → 404, candidature d’un autre → 404', async () => {
  const s = await setup();
  assert.equal((await (await as(staff.committee.id)).get(s.page)).status, 403);
  await db.insert(conflictDeclarations).values({ userId: staff.instructor2.id, organisationId: s.org.id, reason: 'Parenté', declaredAt: new Date() });
  const conflicted = await as(staff.instructor2.id);
  assert.equal((await conflicted.get(s.page)).status, 404);
  assert.equal((await conflicted.post(`${s.page}/partenaires`)).status, 404);
  assert.equal((await rowsOf(s.app.id)).length, 0);
  assert.equal((await (await as(staff.admin.id)).get(`/gestion/candidatures/${crypto.randomUUID()}/consultations`)).status, 404);
});
