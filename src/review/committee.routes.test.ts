import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { createTestApp, createUser } from '../platform/testing/harness.js';
import { pdfText } from '../platform/pdf/pdf-text.js';
import { applications } from '../applications/applications.schema.js';
import { applicationReviews, committeeDecisions } from './review.schema.js';
import { verdictField } from './admissibility-review.js';
import { createReviewCall, createSubmittedApplication, createReviewStaff } from './review.fixtures.js';

const t = await createTestApp();
after(() => t.close());
const db = t.deps.database.db;
const call = await createReviewCall(t.deps);
const staff = await createReviewStaff(t.deps);
const member2 = await createUser(t.deps, { staff: ['committee'], fullName: 'Camille Comité' });
const W = '/gestion/candidatures';

async function as(userId: string) {
  const c = t.client();
  await c.loginAs(userId);
  return c;
}
const adm = await as(staff.admin.id);

/** Admissible, assigned to the admin and scored at `level` on every criterion. */
async function scored(o: Parameters<typeof createSubmittedApplication>[2], level = '3') {
  const a = await createSubmittedApplication(t.deps, call, o);
  await adm.get(`${W}/${a.app.id}`);
  await adm.post(`${W}/${a.app.id}/recevabilite`, Object.fromEntries(call.admissibility.map((c) => [verdictField(c.code), 'met'])));
  const [r] = await db.select().from(applicationReviews).where(eq(applicationReviews.applicationId, a.app.id));
  assert.equal((await adm.post(`${W}/${a.app.id}/recevabilite/decision`, { outcome: 'admissible', version: String(r!.version) })).status, 303);
  await adm.post(`${W}/${a.app.id}/instructeurs`, { reviewerId: staff.admin.id });
  assert.equal((await adm.post(`${W}/${a.app.id}/declaration`, { choice: 'none' })).status, 303);
  assert.equal((await adm.post(`${W}/${a.app.id}/notation`, Object.fromEntries(call.selection.flatMap((c) => [[`niveau-${c.code}`, level], [`commentaire-${c.code}`, 'Argumenté.']])))).status, 303);
  return a;
}
async function meeting(cutoff: number, members: string[]) {
  const res = await adm.post('/gestion/comite', { cutoffId: call.cutoffs[cutoff]!.id, heldOn: '2099-09-15', place: 'Salle Turing', members });
  assert.equal(res.status, 303);
  return res.headers.get('location')!;
}

const funding = { seedGrantRequested: 'oui', seedGrantAmount: '30000', seedGrantSessions: 'first', budgetPerSession: '25000' };
const labelled = await scored({ title: 'Développeur full stack', funding, publics: { womenShare: '40', qpvShare: '35', ruralShare: '5' } }, '4');
const deferred = await scored({ title: 'Technicien support', orgName: 'Organisme lié' }, '2');
const m1 = await meeting(0, [staff.committee.id, staff.admin.id, member2.id]);
const m2 = await meeting(1, [staff.admin.id]);

test('labellisation : subvention d’amorçage plafonnée au montant demandé et à 80 % du budget ; motivation obligatoire', async () => {
  const decide = `${m1}/decisions/${labelled.app.id}`;
  const page = await (await adm.get(decide)).text();
  assert.match(page, /Montant demandé : 30[\s\u202f]000 €[\s\S]*80 % du budget des sessions concernées : 20[\s\u202f]000 €/);
  const tooMuch = await adm.post(decide, { outcome: 'labelled', motivation: 'Très bon dossier.', seedGrant: '25000' });
  assert.equal(tooMuch.status, 422);
  assert.match(await tooMuch.text(), /80 % du budget/);
  assert.equal((await adm.post(decide, { outcome: 'rejected', motivation: 'Non.', seedGrant: '1000' })).status, 422, 'une subvention n’accompagne qu’une labellisation');
  assert.equal((await adm.post(decide, { outcome: 'labelled', motivation: '', seedGrant: '20000' })).status, 422);
  assert.equal((await adm.post(decide, { outcome: 'labelled', motivation: 'Très bon dossier.', seedGrant: '20 000' })).status, 303);
  const [d] = await db.select().from(committeeDecisions).where(eq(committeeDecisions.applicationId, labelled.app.id));
  assert.equal(d!.seedGrant, 20000);
  assert.match(await (await adm.get(`${W}/${labelled.app.id}`)).text(), /Subvention d’amorçage accordée : 20[\s\u202f]000 €/);
});

test('report au relevé suivant : la candidature passe à l’ordre du jour de la séance suivante, puis y est décidée ; pas de report après le dernier relevé', async () => {
  assert.equal((await adm.post(`${m1}/decisions/${deferred.app.id}`, { outcome: 'deferred', motivation: '' })).status, 422, 'motivation obligatoire');
  assert.equal((await adm.post(`${m1}/decisions/${deferred.app.id}`, { outcome: 'deferred', motivation: 'Attendre l’avis de la Région.' })).status, 303);
  const [app] = await db.select().from(applications).where(eq(applications.id, deferred.app.id));
  assert.equal(app!.cutoffId, call.cutoffs[1]!.id);
  const first = await (await adm.get(m1)).text();
  assert.match(first, /Candidatures reportées au relevé suivant[\s\S]*Technicien support/);
  const second = await (await adm.get(m2)).text();
  assert.match(second, /Technicien support/);
  assert.match(await (await adm.get(`${m2}/decisions/${deferred.app.id}`)).text(), /Déjà reportée 1 fois/);
  const last = await adm.post(`${m2}/decisions/${deferred.app.id}`, { outcome: 'deferred', motivation: 'Encore.' });
  assert.equal(last.status, 422);
  assert.match(await last.text(), /dernier de l’appel/);
  assert.equal((await adm.post(`${m2}/decisions/${deferred.app.id}`, { outcome: 'rejected', motivation: 'Besoins non démontrés.' })).status, 303);
  assert.equal((await db.select().from(committeeDecisions).where(eq(committeeDecisions.applicationId, deferred.app.id))).length, 2);
  assert.match(await (await adm.get(`${W}/${deferred.app.id}`)).text(), /Décision reportée par le comité[\s\S]*Attendre l’avis de la Région/);
});

test('membres du comité : seulement leurs séances et leur ordre du jour, jamais une candidature avec conflit déclaré', async () => {
  const camille = await as(member2.id);
  assert.equal((await camille.get(m1)).status, 200);
  assert.equal((await camille.get(m2)).status, 404, 'pas membre de cette séance');
  assert.equal((await camille.get(`${W}/${labelled.app.id}`)).status, 200, 'à l’ordre du jour de sa séance');
  assert.equal((await camille.post(`${W}/${labelled.app.id}/conflit`, { reason: 'Membre du conseil d’administration.' })).status, 303);
  assert.equal((await camille.get(`${W}/${labelled.app.id}`)).status, 404);
  assert.doesNotMatch(await (await camille.get(m1)).text(), /Développeur full stack/);
});

test('procès-verbal en PDF : présents, conflits déclarés, chaque décision avec sa note et sa motivation ; décisions verrouillées après validation', async () => {
  const third = await scored({ title: 'Administrateur cloud' });
  const res = await adm.get(`${m1}/proces-verbal.pdf`);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'application/pdf');
  const text = (await pdfText(new Uint8Array(await res.arrayBuffer()))).text.replace(/\s+/g, ' ');
  assert.match(text, /Procès-verbal du comité de labellisation/);
  assert.match(text, /Camille Comité/);
  assert.match(text, /Claire Comité/);
  assert.match(text, /Camille Comité avec/, 'le conflit déclaré figure au procès-verbal');
  assert.match(text, /Développeur full stack/);
  assert.match(text, /Développeur full stack .*10,00 \/ 10 Labellisée, subvention 20 000 € Très bon dossier/);
  assert.match(text, /Très bon dossier/);
  assert.match(text, /Reportée au relevé suivant/);
  assert.match(text, /Attendre l’avis de la Région/);
  assert.match(text, /20\s?000 €/);
  assert.equal((await (await as(staff.committee.id)).get(`${m1}/proces-verbal.pdf`)).status, 200, 'un membre lit le procès-verbal de sa séance');
  assert.equal((await (await as(member2.id)).get(`${m2}/proces-verbal.pdf`)).status, 404);
  assert.equal((await adm.post(`${m1}/proces-verbal`)).status, 303);
  const locked = await adm.post(`${m1}/decisions/${third.app.id}`, { outcome: 'labelled', motivation: 'Après coup.' });
  assert.equal(locked.status, 422);
  assert.match(await locked.text(), /verrouillées/);
});

test('équilibre de la séance : subventions par région, parts attendues des publics', async () => {
  const page = await (await adm.get(m1)).text();
  assert.match(page, /Île-de-France<\/th><td>\d+<\/td><td>\d+<\/td><td>1<\/td><td>0<\/td><td>20[\s\u202f]000 €/);
  assert.match(page, /Part attendue de femmes : 40 %/);
  assert.match(page, /Part attendue d’habitants des QPV : 35 %/);
});
