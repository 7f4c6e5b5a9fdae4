import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { createTestApp, createUser } from '../platform/testing/harness.js';
import { mailOutbox } from '../platform/mail/mail.schema.js';
import { applicationMessages } from '../messages/messages.schema.js';
import { regionOpinions } from '../consultations/consultations.schema.js';
import { applicationReviews, reviewAssignments, reviewGroups, savedViews, reviewTags, applicationTags } from './review.schema.js';
import { settingsOf } from './staffing.store.js';
import { createReviewCall, createSubmittedApplication, createReviewStaff } from './review.fixtures.js';

const t = await createTestApp();
after(() => t.close());
const db = t.deps.database.db;
const call = await createReviewCall(t.deps);
const staff = await createReviewStaff(t.deps, { nationalGroup: false });
const lead = await createUser(t.deps, { staff: ['instructor'], fullName: 'Bertrand Breton' });
const member = await createUser(t.deps, { staff: ['instructor'], fullName: 'Béa Bretonne' });
const francilien = await createUser(t.deps, { staff: ['instructor'], fullName: 'Ilan Francilien' });
const breton = await createSubmittedApplication(t.deps, call, { title: 'Technicien réseaux à Rennes', postcode: '35000' });
const breton2 = await createSubmittedApplication(t.deps, call, { title: 'Développeur à Brest', postcode: '29200' });
const breton3 = await createSubmittedApplication(t.deps, call, { title: 'Data analyst à Vannes', postcode: '56000' });
const francilienne = await createSubmittedApplication(t.deps, call, { title: 'Développeur à Montreuil', postcode: '93100' });

async function as(userId: string) {
  const c = t.client();
  await c.loginAs(userId);
  return c;
}
const W = '/gestion/candidatures';
const assigned = async (appId: string) => (await db.select().from(reviewAssignments).where(eq(reviewAssignments.applicationId, appId))).map((a) => a.reviewerId).sort();

test('groupes : seuls les administrateurs les configurent ; le responsable doit être membre ; une région au moins', async () => {
  assert.equal((await (await as(lead.id)).get('/gestion/groupes')).status, 403);
  const adm = await as(staff.admin.id);
  const page = await adm.get('/gestion/groupes');
  assert.equal(page.status, 200);
  const badLead = await adm.post('/gestion/groupes', { name: 'Bretagne', regions: '53', members: [member.id], leadId: lead.id });
  assert.equal(badLead.status, 422);
  assert.match(await badLead.text(), /Le responsable du groupe doit en être membre/);
  const noRegion = await adm.post('/gestion/groupes', { name: 'Bretagne', members: [member.id] });
  assert.equal(noRegion.status, 422);
  assert.match(await noRegion.text(), /au moins une région/);
  assert.equal((await adm.post('/gestion/groupes', { name: 'Bretagne', regions: '53', members: [lead.id, member.id], leadId: lead.id })).status, 303);
  assert.equal((await adm.post('/gestion/groupes', { name: 'Île-de-France', regions: '11', members: [francilien.id], leadId: francilien.id })).status, 303);
  const clash = await adm.post('/gestion/groupes', { name: 'bretagne', regions: '28', members: [member.id] });
  assert.equal(clash.status, 422, 'nom déjà pris');
  const [g] = await db.select().from(reviewGroups).where(eq(reviewGroups.name, 'Bretagne'));
  assert.match(await (await adm.get(`/gestion/groupes/${g!.id}`)).text(), /Bertrand Breton/);
});

test('routage : un instructeur ne voit que les candidatures des régions de son groupe, dans la liste, l’export et les pages', async () => {
  const bea = await as(member.id);
  const list = await (await bea.get(`${W}?appel=${call.call.id}`)).text();
  assert.match(list, /Technicien réseaux à Rennes/);
  assert.doesNotMatch(list, /Développeur à Montreuil/);
  assert.equal((await bea.get(`${W}/${francilienne.app.id}`)).status, 404, 'candidature d’une autre région : introuvable');
  assert.equal((await bea.get(`${W}/${breton.app.id}`)).status, 200);
  const csv = await (await bea.get(`${W}/export.csv?appel=${call.call.id}`)).text();
  assert.doesNotMatch(csv, /Montreuil/);
  const ilan = await as(francilien.id);
  assert.equal((await ilan.get(`${W}/${breton.app.id}`)).status, 404);
  const adminList = await (await (await as(staff.admin.id)).get(`${W}?appel=${call.call.id}`)).text();
  assert.match(adminList, /Technicien réseaux à Rennes[\s\S]*|Développeur à Montreuil/);
  assert.match(adminList, /Développeur à Montreuil/, 'l’administrateur voit tout');
});

test('affectation : le responsable du groupe affecte, un simple membre ne le peut pas ; l’instructeur affecté voit la candidature', async () => {
  const bea = await as(member.id);
  assert.equal((await bea.post(`${W}/${breton.app.id}/instructeurs`, { reviewerId: member.id })).status, 404);
  const bertrand = await as(lead.id);
  assert.match(await (await bertrand.get(`${W}/${breton.app.id}`)).text(), /Affecter un instructeur/);
  assert.equal((await bertrand.post(`${W}/${breton.app.id}/instructeurs`, { reviewerId: francilien.id })).status, 303);
  const first = await (await as(francilien.id)).get(`${W}/${breton.app.id}`);
  assert.equal(first.status, 200, 'affecté hors de son groupe : il voit la candidature');
  assert.match(await first.text(), /<h1>Déclaration d’intérêts<\/h1>/, 'après sa déclaration d’intérêts');
  assert.deepEqual(await assigned(breton.app.id), [francilien.id].sort());
});

test('affectation automatique par la sélection : équilibrée selon la charge, jamais à un instructeur en conflit', async () => {
  const bea = await as(member.id);
  assert.equal((await bea.post(`${W}/${breton3.app.id}/conflit`, { reason: 'Ancienne salariée de l’organisme.' })).status, 303);
  const adm = await as(staff.admin.id);
  assert.equal((await adm.post(`/gestion/groupes/reglages/${call.call.id}`, { discussionGap: '1,5', reviewersPerApplication: '2', seedGrantMaxPercent: '80' })).status, 303);
  assert.equal((await settingsOf(db, call.call.id)).discussionGap, 1.5);
  assert.equal((await bea.post(`${W}/selection`, { action: 'auto', ids: [breton2.app.id] })).status, 422, 'un simple membre n’affecte pas');
  const bertrand = await as(lead.id);
  const res = await bertrand.post(`${W}/selection`, { action: 'auto', ids: [breton2.app.id, breton3.app.id], back: `?appel=${call.call.id}` });
  assert.equal(res.status, 303);
  assert.deepEqual(await assigned(breton2.app.id), [lead.id, member.id].sort());
  assert.deepEqual(await assigned(breton3.app.id), [lead.id], 'Béa a déclaré un conflit : seul Bertrand reste');
  assert.equal((await bertrand.post(`${W}/selection`, { action: 'auto', ids: [francilienne.app.id] })).status, 404, 'hors de son groupe : introuvable');
});

test('étiquettes : liste gérée par les administrateurs, posées en masse, filtre, retrait ; suivre une candidature', async () => {
  const bea = await as(member.id);
  assert.equal((await bea.post('/gestion/etiquettes', { label: 'Prioritaire', colour: 'green-emeraude' })).status, 403);
  const adm = await as(staff.admin.id);
  const badColour = await adm.post('/gestion/etiquettes', { label: 'Prioritaire', colour: 'rouge' });
  assert.equal(badColour.status, 422);
  assert.equal((await adm.post('/gestion/etiquettes', { label: 'Prioritaire', colour: 'green-emeraude' })).status, 303);
  const [tag] = await db.select().from(reviewTags).where(eq(reviewTags.label, 'Prioritaire'));
  assert.equal((await bea.post(`${W}/selection`, { action: 'tag', tagId: tag!.id, ids: [breton.app.id, francilienne.app.id] })).status, 404, 'une candidature invisible dans la sélection');
  assert.equal((await bea.post(`${W}/selection`, { action: 'tag', ids: [breton.app.id] })).status, 422, 'étiquette à choisir');
  assert.equal((await bea.post(`${W}/selection`, { action: 'tag', tagId: tag!.id, ids: [breton.app.id, breton2.app.id] })).status, 303);
  const filtered = await (await bea.get(`${W}?appel=${call.call.id}&etiquette=${tag!.id}`)).text();
  assert.match(filtered, /Technicien réseaux à Rennes/);
  assert.doesNotMatch(filtered, /Data analyst à Vannes/);
  assert.match(await (await bea.get('/gestion/etiquettes')).text(), /Prioritaire[\s\S]*2 candidatures/);
  // Béa was assigned Brest by the automatic assignment: she declares no conflict before working on it.
  assert.equal((await bea.post(`${W}/${breton2.app.id}/etiquettes/retirer`, { tagId: tag!.id })).status, 403);
  assert.equal((await bea.post(`${W}/${breton2.app.id}/declaration`, { choice: 'none' })).status, 303);
  assert.equal((await bea.post(`${W}/${breton2.app.id}/etiquettes/retirer`, { tagId: tag!.id })).status, 303);
  assert.equal((await db.select().from(applicationTags).where(eq(applicationTags.tagId, tag!.id))).length, 1);

  assert.equal((await bea.post(`${W}/${breton2.app.id}/suivre`)).status, 303);
  const followed = await (await bea.get(`${W}?appel=${call.call.id}&suivies=1`)).text();
  assert.match(followed, /Développeur à Brest/);
  assert.doesNotMatch(followed, /Technicien réseaux à Rennes/);
  assert.match(await (await bea.get(`${W}/${breton2.app.id}`)).text(), /Ne plus suivre/);
});

test('vues enregistrées : le filtre est gardé par personne ; on ne supprime que les siennes', async () => {
  const bea = await as(member.id);
  const saved = await bea.post(`${W}/vues`, { name: 'Bretagne à noter', query: `?appel=${call.call.id}&statut=admissibility&region=53&page=4` });
  assert.equal(saved.status, 303);
  assert.equal(saved.headers.get('location'), `${W}?appel=${call.call.id}&statut=admissibility&region=53`);
  assert.equal((await bea.post(`${W}/vues`, { name: '' })).status, 422);
  assert.match(await (await bea.get(`${W}/vues`)).text(), /Bretagne à noter/);
  assert.match(await (await bea.get(W)).text(), /Bretagne à noter/);
  const [view] = await db.select().from(savedViews).where(eq(savedViews.userId, member.id));
  assert.equal((await (await as(lead.id)).post(`${W}/vues/${view!.id}/supprimer`)).status, 404);
  assert.doesNotMatch(await (await (await as(lead.id)).get(`${W}/vues`)).text(), /Bretagne à noter/);
  assert.equal((await bea.post(`${W}/vues/${view!.id}/supprimer`)).status, 303);
});

test('export avec les colonnes choisies, et message groupé aux organismes de la sélection', async () => {
  const adm = await as(staff.admin.id);
  const csv = await (await adm.get(`${W}/export.csv?appel=${call.call.id}&colonnes=formation&colonnes=decision&colonnes=ecart`)).text();
  assert.equal(csv.split('\r\n')[0], 'Formation;Écart entre instructeurs;Décision du comité');
  const sel = await adm.post(`${W}/selection`, { action: 'export', ids: [breton.app.id], colonnes: ['formation', 'region'], back: `?appel=${call.call.id}` });
  assert.equal(sel.status, 200);
  assert.equal((await sel.text()).trim(), 'Formation;Région\r\nTechnicien réseaux à Rennes;Bretagne');
  const bea = await as(member.id);
  assert.equal((await bea.post(`${W}/selection`, { action: 'message', ids: [breton.app.id, breton2.app.id], body: '' })).status, 422);
  assert.equal((await bea.post(`${W}/selection`, { action: 'message', ids: [breton.app.id, breton2.app.id], body: 'Merci de préciser le calendrier des sessions.' })).status, 303);
  const msgs = await db.select().from(applicationMessages).where(and(eq(applicationMessages.applicationId, breton2.app.id), eq(applicationMessages.side, 'staff')));
  assert.equal(msgs.length, 1);
  assert.match(msgs[0]!.body, /calendrier des sessions/);
  assert.ok((await db.select().from(mailOutbox).where(eq(mailOutbox.to, breton2.admin.email))).length >= 1, 'l’organisme est prévenu par courriel');
});

test('un instructeur affecté ne voit pas les notes des autres (liste, export) avant d’avoir enregistré la sienne', async () => {
  const bertrand = await as(lead.id);
  const base = `${W}/${breton2.app.id}`;
  assert.equal((await bertrand.post(`${base}/declaration`, { choice: 'none' })).status, 303);
  await bertrand.post(`${base}/recevabilite`, Object.fromEntries(call.admissibility.map((c) => [`verdict-${c.code}`, 'met'])));
  const [r] = await db.select().from(applicationReviews).where(eq(applicationReviews.applicationId, breton2.app.id));
  assert.equal((await bertrand.post(`${base}/recevabilite/decision`, { outcome: 'admissible', version: String(r!.version) })).status, 303);
  assert.equal((await bertrand.post(`${base}/notation`, Object.fromEntries(call.selection.flatMap((c) => [[`niveau-${c.code}`, '4'], [`commentaire-${c.code}`, 'Très solide.']])))).status, 303);
  const bea = await as(member.id);
  const csv = await (await bea.get(`${W}/export.csv?appel=${call.call.id}&colonnes=formation&colonnes=moyenne`)).text();
  assert.match(csv, /Développeur à Brest;\r\n/, 'note masquée pour Béa, affectée sans note');
  assert.doesNotMatch(await (await bea.get(base)).text(), /10,00 \/ 10/);
  const adminCsv = await (await (await as(staff.admin.id)).get(`${W}/export.csv?appel=${call.call.id}&colonnes=formation&colonnes=moyenne`)).text();
  assert.match(adminCsv, /Développeur à Brest;10/);
});

test('filtre « avis de la Région manquant » : une candidature dont la Région a répondu en sort', async () => {
  const adm = await as(staff.admin.id);
  const url = `${W}?appel=${call.call.id}&avis_manquants=1`;
  assert.match(await (await adm.get(url)).text(), /Technicien réseaux à Rennes/);
  const now = t.deps.now();
  await db.insert(regionOpinions).values({
    applicationId: breton.app.id, regionCode: '53', regionName: 'Bretagne', email: 'avis@bretagne.exemple.fr', tokenHash: `h-${now.getTime()}`, dueOn: '2099-01-01',
    sentAt: now, expiresAt: new Date(now.getTime() + 86_400_000), answeredAt: now, opinion: 'favourable', respondentName: 'Service formation',
  });
  const after = await (await adm.get(url)).text();
  assert.doesNotMatch(after, /Technicien réseaux à Rennes/);
  assert.match(after, /Développeur à Brest/, 'les autres attendent toujours l’avis');
});
