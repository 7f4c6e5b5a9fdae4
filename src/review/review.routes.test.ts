import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { createTestApp } from '../platform/testing/harness.js';
import { mailOutbox } from '../platform/mail/mail.schema.js';
import { applications } from '../applications/applications.schema.js';
import { applicationReviews, correctionRequests, decisionMails } from './review.schema.js';
import { verdictField, verdictCommentField } from './admissibility-review.js';
import { createReviewCall, createSubmittedApplication, createReviewStaff } from './review.fixtures.js';

const t = await createTestApp();
after(() => t.close());
const db = t.deps.database.db;
const call = await createReviewCall(t.deps);
const staff = await createReviewStaff(t.deps);
const codes = call.admissibility.map((c) => c.code);

async function as(userId: string) {
  const c = t.client();
  await c.loginAs(userId);
  return c;
}
const reviewState = async (id: string) => (await db.select().from(applicationReviews).where(eq(applicationReviews.applicationId, id)))[0];
const allMet = () => Object.fromEntries(codes.map((c) => [verdictField(c), 'met']));

test('l’espace d’instruction est refusé au suivi et au comité, ouvert aux instructeurs ; un brouillon n’y existe pas', async () => {
  const { app } = await createSubmittedApplication(t.deps, call, { title: 'Technicien fibre optique' });
  assert.equal((await (await as(staff.monitoring.id)).get('/gestion/candidatures')).status, 403);
  assert.equal((await (await as(staff.committee.id)).get('/gestion/candidatures')).status, 403);
  const committee = await (await as(staff.committee.id)).get(`/gestion/candidatures/${app.id}`);
  assert.equal(committee.status, 404, 'un membre du comité ne voit que les candidatures à l’ordre du jour de ses séances');
  const inst = await as(staff.instructor.id);
  const page = await (await inst.get('/gestion/candidatures?q=fibre')).text();
  assert.match(page, /Technicien fibre optique/);
  assert.equal((await inst.get('/gestion/candidatures/pas-un-uuid')).status, 404);
  await db.update(applications).set({ state: 'draft', submittedAt: null }).where(eq(applications.id, app.id));
  assert.equal((await inst.get(`/gestion/candidatures/${app.id}`)).status, 404);
});

test('la recherche française trouve les formations sans accents ni terminaison exacte ; les filtres et l’export CSV suivent', async () => {
  const { app } = await createSubmittedApplication(t.deps, call, { title: 'Développeuse d’applications mobiles', postcode: '35000' });
  const inst = await as(staff.instructor.id);
  const page = await (await inst.get(`/gestion/candidatures?appel=${call.call.id}&q=developpeuse`)).text();
  assert.match(page, /Développeuse d’applications mobiles/);
  const bretagne = await (await inst.get(`/gestion/candidatures?appel=${call.call.id}&region=53`)).text();
  assert.match(bretagne, /Développeuse/);
  assert.doesNotMatch(bretagne, /Technicien fibre/);
  const csv = await (await inst.get(`/gestion/candidatures/export.csv?appel=${call.call.id}&region=53`)).text();
  assert.match(csv, /Développeuse d’applications mobiles;.*;Bretagne;35;/);
  assert.ok(app.id);
});

test('irrecevable : motivation obligatoire, avis sur chaque critère, notification nommant les critères non remplis', async () => {
  const { app, admin } = await createSubmittedApplication(t.deps, call);
  const inst = await as(staff.instructor.id);
  const base = `/gestion/candidatures/${app.id}/recevabilite`;
  assert.equal((await inst.post(base, {})).status, 422, 'sans avis, le formulaire est refusé');
  const verdicts = { ...allMet(), [verdictField('R7')]: 'not_met', [verdictCommentField('R7')]: 'Les frais de certification restent à la charge des apprenants.' };
  assert.equal((await inst.post(base, verdicts)).status, 303);
  const version = String((await reviewState(app.id))!.version);
  const missing = await inst.post(`${base}/decision`, { outcome: 'inadmissible', motivation: '', version });
  assert.equal(missing.status, 422);
  assert.match(await missing.text(), /Motivez la décision/);
  assert.equal((await inst.post(`${base}/decision`, { outcome: 'admissible', version })).status, 422, 'recevable refusé : un critère n’est pas rempli');
  const ok = await inst.post(`${base}/decision`, { outcome: 'inadmissible', motivation: 'La gratuité n’est pas assurée.', version });
  assert.equal(ok.status, 303);
  assert.equal((await reviewState(app.id))!.state, 'inadmissible');
  const [mail] = await db.select().from(mailOutbox).where(eq(mailOutbox.to, admin.email));
  assert.equal(mail!.template, 'review.inadmissible');
  assert.match(mail!.text, /gratuite pour les publics cibles[\s\S]*frais de certification/);
  assert.equal((await inst.post(`${base}/decision`, { outcome: 'inadmissible', motivation: 'Encore.', version })).status, 422, 'pas de seconde décision');
});

test('demande de corrections : parties nommées, message, date limite future ; la candidature revient au porteur', async () => {
  const { app, admin } = await createSubmittedApplication(t.deps, call);
  const inst = await as(staff.instructor.id);
  const url = `/gestion/candidatures/${app.id}/recevabilite/decision`;
  const version = String((await (async () => { await inst.get(`/gestion/candidatures/${app.id}`); return reviewState(app.id); })())!.version);
  const bad = await inst.post(url, { outcome: 'correction', message: '', dueOn: '2000-01-01', version });
  assert.equal(bad.status, 422);
  const html = await bad.text();
  assert.match(html, /Cochez au moins une partie/);
  assert.match(html, /postérieure à aujourd’hui/);
  const due = new Date(t.deps.now().getTime() + 15 * 86_400_000).toISOString().slice(0, 10);
  const ok = await inst.post(url, { outcome: 'correction', sections: ['duration', 'documents'], message: 'Détaillez les heures des modules.', dueOn: due, version });
  assert.equal(ok.status, 303);
  const [a] = await db.select().from(applications).where(eq(applications.id, app.id));
  assert.equal(a!.state, 'in_correction');
  assert.equal((await db.select().from(correctionRequests).where(eq(correctionRequests.applicationId, app.id))).length, 1);
  const [mail] = await db.select().from(mailOutbox).where(eq(mailOutbox.to, admin.email));
  assert.match(mail!.text, /Durée et rythme, Pièces justificatives/);
  const list = await (await inst.get(`/gestion/candidatures?appel=${call.call.id}&statut=in_correction`)).text();
  assert.match(list, new RegExp(app.trainingTitle));
});

test('notation : réservée aux instructeurs affectés, niveaux 0 à 4, moyenne de plusieurs instructeurs ; conflit d’intérêts', async () => {
  const { app } = await createSubmittedApplication(t.deps, call, { title: 'Administrateur systèmes et réseaux' });
  const admin = await as(staff.admin.id);
  await admin.get(`/gestion/candidatures/${app.id}`);
  assert.equal((await admin.post(`/gestion/candidatures/${app.id}/recevabilite`, allMet())).status, 303);
  const version = String((await reviewState(app.id))!.version);
  assert.equal((await admin.post(`/gestion/candidatures/${app.id}/recevabilite/decision`, { outcome: 'admissible', version })).status, 303);
  assert.equal((await reviewState(app.id))!.state, 'scoring');

  const i1 = await as(staff.instructor.id);
  const i2 = await as(staff.instructor2.id);
  const sheet = (level: string) => Object.fromEntries(call.selection.flatMap((c) => [[`niveau-${c.code}`, level], [`commentaire-${c.code}`, 'Argumenté.']]));
  assert.equal((await i1.post(`/gestion/candidatures/${app.id}/notation`, sheet('4'))).status, 404, 'pas affecté : pas de notation');
  for (const id of [staff.instructor.id, staff.instructor2.id]) assert.equal((await admin.post(`/gestion/candidatures/${app.id}/instructeurs`, { reviewerId: id })).status, 303);
  assert.equal((await i1.post(`/gestion/candidatures/${app.id}/notation`, sheet('4'))).status, 403, 'affecté sans déclaration d’intérêts : pas de notation');
  for (const i of [i1, i2]) assert.equal((await i.post(`/gestion/candidatures/${app.id}/declaration`, { choice: 'none' })).status, 303);
  const out = await i1.post(`/gestion/candidatures/${app.id}/notation`, { ...sheet('4'), 'niveau-S3': '7' });
  assert.equal(out.status, 422);
  assert.match(await out.text(), /entre 0 et 4/);
  assert.equal((await i1.post(`/gestion/candidatures/${app.id}/notation`, sheet('4'))).status, 303);
  const before = await (await i2.get(`/gestion/candidatures/${app.id}`)).text();
  assert.match(before, /s’afficheront quand vous aurez enregistré la vôtre/);
  assert.equal((await i2.post(`/gestion/candidatures/${app.id}/notation`, sheet('2'))).status, 303);
  const page = await (await i2.get(`/gestion/candidatures/${app.id}`)).text();
  assert.match(page, /7,50 \/ 10/, 'moyenne de 10 et 5');

  assert.equal((await i2.post(`/gestion/candidatures/${app.id}/conflit`, { reason: 'Ancien salarié de l’organisme.' })).status, 303);
  assert.equal((await i2.get(`/gestion/candidatures/${app.id}`)).status, 404, 'la candidature est masquée après un conflit');
  const again = await admin.post(`/gestion/candidatures/${app.id}/instructeurs`, { reviewerId: staff.instructor2.id });
  assert.equal(again.status, 422);
  assert.match(await again.text(), /conflit d’intérêts/);
  assert.match(await (await admin.get(`/gestion/candidatures/${app.id}`)).text(), /10,00 \/ 10/, 'la note de l’instructeur en conflit est retirée');
});

test('comité : décision motivée, label créé et porteur notifié ; double décision refusée ; procès-verbal validé verrouille', async () => {
  const { app, admin: porteur } = await createSubmittedApplication(t.deps, call, { title: 'Data analyst' });
  const adm = await as(staff.admin.id);
  await adm.get(`/gestion/candidatures/${app.id}`);
  await adm.post(`/gestion/candidatures/${app.id}/recevabilite`, allMet());
  await adm.post(`/gestion/candidatures/${app.id}/recevabilite/decision`, { outcome: 'admissible', version: String((await reviewState(app.id))!.version) });
  await adm.post(`/gestion/candidatures/${app.id}/instructeurs`, { reviewerId: staff.admin.id });
  await adm.post(`/gestion/candidatures/${app.id}/declaration`, { choice: 'none' });
  await adm.post(`/gestion/candidatures/${app.id}/notation`, Object.fromEntries(call.selection.flatMap((c) => [[`niveau-${c.code}`, '3'], [`commentaire-${c.code}`, 'Solide.']])));

  const noMembers = await adm.post('/gestion/comite', { cutoffId: call.cutoffs[0]!.id, heldOn: '2099-09-15' });
  assert.equal(noMembers.status, 422);
  const created = await adm.post('/gestion/comite', { cutoffId: call.cutoffs[0]!.id, heldOn: '2099-09-15', place: 'Visioconférence', members: [staff.committee.id, staff.admin.id] });
  assert.equal(created.status, 303);
  const meeting = created.headers.get('location')!;
  assert.match(await (await adm.get(meeting)).text(), /Data analyst/);
  assert.equal((await (await as(staff.committee.id)).get(`/gestion/candidatures/${app.id}`)).status, 200, 'à l’ordre du jour : le membre du comité lit le dossier');

  const decide = `${meeting}/decisions/${app.id}`;
  const unmotivated = await adm.post(decide, { outcome: 'labelled', motivation: '' });
  assert.equal(unmotivated.status, 422);
  assert.match(await unmotivated.text(), /Renseignez la motivation/);
  const ok = await adm.post(decide, { outcome: 'labelled', motivation: 'Formation en adéquation avec les besoins de la région.' });
  assert.equal(ok.status, 303);
  const year = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', year: 'numeric' }).format(t.deps.now());
  const labelsPage = await (await adm.get('/gestion/labels')).text();
  assert.match(labelsPage, new RegExp(`GEN-${year}-0001[\\s\\S]*Data analyst[\\s\\S]*En attente de convention`));
  assert.equal((await db.select().from(mailOutbox).where(eq(mailOutbox.to, porteur.email))).length, 0, 'le courrier attend dans les courriers de la séance');
  const outbox = await (await adm.get(`${meeting}/courriers`)).text();
  assert.match(outbox, new RegExp(`Formation labellisée : Data analyst[\\s\\S]*GEN-${year}-0001`));
  const [draft] = await db.select().from(decisionMails);
  const edited = await adm.post(`${meeting}/courriers/${draft!.decisionId}`, { subject: 'Votre formation est labellisée', body: `${draft!.body}\n\nLa chargée de mission vous appellera cette semaine.` });
  assert.equal(edited.status, 303);
  assert.equal((await adm.post(`${meeting}/courriers/${draft!.decisionId}`, { subject: '', body: 'x' })).status, 422, 'objet obligatoire');
  assert.equal((await adm.post(`${meeting}/courriers/envoyer`, {})).status, 303);
  const [mail] = await db.select().from(mailOutbox).where(eq(mailOutbox.to, porteur.email));
  assert.equal(mail!.template, 'review.labelled');
  assert.equal(mail!.subject, 'Votre formation est labellisée');
  assert.match(mail!.text, new RegExp(`GEN-${year}-0001[\\s\\S]*La chargée de mission vous appellera`));
  assert.equal((await adm.post(`${meeting}/courriers/envoyer`, {})).status, 422, 'rien à renvoyer');
  assert.equal((await adm.post(`${meeting}/courriers/${draft!.decisionId}`, { subject: 'Trop tard', body: 'x' })).status, 422, 'un courrier envoyé ne se modifie plus');
  assert.equal((await adm.post(decide, { outcome: 'rejected', motivation: 'Double.' })).status, 422, 'double décision refusée');
  assert.match(await (await adm.get(`${meeting}/proces-verbal`)).text(), /Formation en adéquation avec les besoins/);
  assert.equal((await adm.post(`${meeting}/proces-verbal`, {})).status, 303);
  assert.equal((await adm.post(`${meeting}/proces-verbal`, {})).status, 422, 'déjà validé');
});
