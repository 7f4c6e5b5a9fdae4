import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, createUser, type TestApp, type TestClient } from '../platform/testing/harness.js';
import { seedCall2021 } from './seed.js';
import { getCallBySlug, type CallDetails } from './calls.store.js';
import { listAudit } from '../platform/audit/audit.store.js';

let t: TestApp;
let admin: TestClient;
let call: CallDetails;
before(async () => {
  // A day of June 2021: the 2021 call is open and its first cut-off is ahead.
  t = await createTestApp({ now: () => new Date('2021-06-15T10:00:00Z') });
  await t.deps.database.db.transaction((tx) => seedCall2021(tx));
  call = (await getCallBySlug(t.deps.database.db, 'appel-2021'))!;
  admin = t.client();
  await admin.loginAs((await createUser(t.deps, { staff: ['admin'] })).id);
});
after(async () => { await t.close(); });

const reload = async () => (await getCallBySlug(t.deps.database.db, 'appel-2021'))!;
const cutoffFields = (d: CallDetails) => Object.fromEntries(d.cutoffs.flatMap((c) => {
  const [date, time] = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' }).format(c.closesAt).split(' ');
  return [[`libelle_${c.position}`, c.label], [`date_${c.position}`, date!], [`heure_${c.position}`, time!], [`perimetre_${c.position}`, c.scopeNote], [`resultats_${c.position}`, c.resultsNote]];
}));

test('la liste des appels montre l’état et le prochain relevé en heure de Paris', async () => {
  const html = await (await t.client().get('/appels')).text();
  assert.match(html, /href="\/appels\/appel-2021"/);
  assert.match(html, /Ouvert/);
  assert.match(html, /31\/07\/2021 à 23:59 \(heure de Paris\)/);
  assert.match(html, /<caption>/);
});

test('la page de l’appel 2021 montre le calendrier, les 10 critères, les 6 pondérations sur 10, les règles, les 9 familles et les régions', async () => {
  const res = await t.client().get('/appels/appel-2021');
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.match(html, /31\/07\/2021 à 23:59 \(heure de Paris\)/);
  assert.match(html, /30\/09\/2021 à 23:59 \(heure de Paris\)/);
  assert.match(html, /Annonce des résultats en septembre 2021/);
  assert.match(html, /Les 10 critères suivants/);
  assert.equal((html.match(/<tr><th scope="row">S\d\./g) ?? []).length, 6);
  assert.match(html, /2,5 \/ 10/);
  assert.match(html, /<td>10 \/ 10<\/td>/);
  assert.match(html, /au moins 400\u00a0heures et au plus 18\u00a0mois/);
  assert.match(html, /plus de 50\u00a0% des modules sont à distance dure au plus 6\u00a0mois/);
  assert.match(html, /Au moins 30\u00a0% de femmes/);
  assert.match(html, /Plus de 70\u00a0% de sorties positives/);
  assert.match(html, /Les 9 familles des métiers du numérique/);
  assert.match(html, /Expertise et conseil/);
  assert.match(html, /<th scope="row">Île-de-France<\/th>/);
  assert.equal((html.match(/<h1/g) ?? []).length, 1);
});

test('un appel inconnu répond 404', async () => {
  assert.equal((await t.client().get('/appels/appel-1999')).status, 404);
  assert.equal((await t.client().get('/appels/%00%27')).status, 404);
});

test('les pondérations qui ne font pas 10 sont refusées, avec les valeurs gardées', async () => {
  const fields = Object.fromEntries(call.selection.map((c) => [`poids_${c.code}`, '2']));
  const res = await admin.post(`/gestion/appels/${call.call.id}/ponderations`, { ...fields, motivationPonderations: 'Essai' });
  assert.equal(res.status, 422);
  const html = await res.text();
  assert.match(html, /La somme des pondérations vaut 12 au lieu de 10/);
  assert.match(html, /id="poids_S1" name="poids_S1" value="2"/);
  assert.deepEqual((await reload()).selection.map((c) => c.weight), [2.5, 1.5, 1.5, 1.5, 1.5, 1.5]);
});

test('des pondérations qui font 10 sont enregistrées et journalisées ; la motivation est obligatoire', async () => {
  const fields = { poids_S1: '2', poids_S2: '2', poids_S3: '1,5', poids_S4: '1,5', poids_S5: '1,5', poids_S6: '1,5' };
  const missing = await admin.post(`/gestion/appels/${call.call.id}/ponderations`, fields);
  assert.equal(missing.status, 422);
  assert.match(await missing.text(), /href="#motivationPonderations"/);
  const res = await admin.post(`/gestion/appels/${call.call.id}/ponderations`, { ...fields, motivationPonderations: 'Décision du comité de pilotage' });
  assert.equal(res.status, 303);
  assert.deepEqual((await reload()).selection.map((c) => c.weight), [2, 2, 1.5, 1.5, 1.5, 1.5]);
  const { rows } = await listAudit(t.deps.database.db, { action: 'call.weights_updated' }, 1);
  assert.deepEqual(rows[0]!.before, { weights: { S1: 2.5, S2: 1.5, S3: 1.5, S4: 1.5, S5: 1.5, S6: 1.5 } });
  assert.equal((rows[0]!.after as { weights: Record<string, number> }).weights.S2, 2);
});

test('les durées et objectifs se modifient en nombres, les pourcentages en %', async () => {
  const page = await (await admin.get(`/gestion/appels/${call.call.id}`)).text();
  assert.match(page, /id="womenShare" name="womenShare" value="30"/);
  const values = Object.fromEntries([...page.matchAll(/<input class="fr-input" type="text" id="(\w+)" name="\w+" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
  const bad = await admin.post(`/gestion/appels/${call.call.id}/regles`, { ...values, minHours: 'beaucoup', womenShare: '140', motivationRegles: 'Essai' });
  assert.equal(bad.status, 422);
  const badHtml = await bad.text();
  assert.match(badHtml, /Durée minimale \(heures\) : saisissez un nombre\./);
  assert.match(badHtml, /entre 0 et 100/);
  const ok = await admin.post(`/gestion/appels/${call.call.id}/regles`, { ...values, minHours: '420', womenShare: '35', motivationRegles: 'Nouvel arrêté' });
  assert.equal(ok.status, 303);
  const after = (await reload()).call.rules;
  assert.equal(after.durations.minHours, 420);
  assert.equal(after.targets.womenShare, 0.35);
  assert.equal(after.durations.annualReportDue, '01-31');
  const { rows } = await listAudit(t.deps.database.db, { action: 'call.rules_updated' }, 1);
  assert.equal((rows[0]!.before as { durations: { minHours: number } }).durations.minHours, 400);
  assert.match(await (await t.client().get('/appels/appel-2021')).text(), /au moins 420\u00a0heures/);
});

test('le calendrier se modifie en heure de Paris : dates après l’ouverture et croissantes, ajout d’un relevé', async () => {
  const base = cutoffFields(await reload());
  let res = await admin.post(`/gestion/appels/${call.call.id}/releves`, { ...base, date_2: '15/07/2021', motivationReleves: 'Essai' });
  assert.equal(res.status, 422);
  assert.match(await res.text(), /Le relevé 2 doit fermer après le relevé 1 \(31\/07\/2021 à 23:59\)/);
  res = await admin.post(`/gestion/appels/${call.call.id}/releves`, { ...base, date_1: '01/05/2021', motivationReleves: 'Essai' });
  assert.equal(res.status, 422);
  assert.match(await res.text(), /après l’ouverture de l’appel/);
  res = await admin.post(`/gestion/appels/${call.call.id}/releves`, { ...base, date_1: '31/02/2021', motivationReleves: 'Essai' });
  assert.equal(res.status, 422);
  assert.match(await res.text(), /href="#date_1">La date du relevé 1 doit être une date réelle/);

  res = await admin.post(`/gestion/appels/${call.call.id}/releves`, {
    ...base, libelle_nouveau: '3e relevé', date_nouveau: '2021-11-30', heure_nouveau: '12:00', resultats_nouveau: 'Janvier 2022', motivationReleves: 'Relevé supplémentaire',
  });
  assert.equal(res.status, 303);
  const d = await reload();
  assert.equal(d.cutoffs.length, 3);
  assert.equal(d.cutoffs[2]!.closesAt.toISOString(), '2021-11-30T11:00:59.999Z');
  assert.equal(d.cutoffs[0]!.closesAt.toISOString(), '2021-07-31T21:59:59.999Z');
  const { rows } = await listAudit(t.deps.database.db, { action: 'call.cutoffs_updated' }, 1);
  assert.equal((rows[0]!.after as { cutoffs: unknown[] }).cutoffs.length, 3);
  assert.match(await (await t.client().get('/appels/appel-2021')).text(), /30\/11\/2021 à 12:00 \(heure de Paris\)/);
});

test('la liste d’administration des appels lie vers chaque appel', async () => {
  const html = await (await admin.get('/gestion/appels')).text();
  assert.match(html, new RegExp(`href="/gestion/appels/${call.call.id}"`));
});
