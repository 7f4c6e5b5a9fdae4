import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../platform/testing/harness.js';
import { createPendingLabel, setLabelState, SECTION_DATA } from '../labels/labels.fixtures.js';
import { applicationSections } from '../applications/applications.schema.js';
import { trainingSessions } from '../sessions/sessions.schema.js';
import { setInterimDelay, setVersionTtl } from './catalogue.index.js';

let t: TestApp;
let montreuil: Awaited<ReturnType<typeof createPendingLabel>>;
let lyon: Awaited<ReturnType<typeof createPendingLabel>>;

before(async () => {
  t = await createTestApp({ now: () => new Date('2026-06-01T10:00:00Z') });
  // These tests write straight to the database, as another process would: no version kept (PostgreSQL).
  setVersionTtl(t.deps, 0);
  montreuil = await createPendingLabel(t.deps, { orgName: 'Simplon Montreuil' });
  await setLabelState(t.deps, montreuil.label.id, { status: 'active', validFrom: '2026-01-15', validUntil: '2029-01-14' });
  lyon = await createPendingLabel(t.deps, { orgName: 'École du réseau lyonnais' });
  await t.deps.database.db.update(applicationSections).set({ data: {
    ...SECTION_DATA.training, jobFamily: 'F3', summary: 'Administrer des réseaux et des systèmes.', targetJobs: 'Technicienne réseaux', certCode: 'RNCP31115', certTitle: 'Technicien supérieur systèmes et réseaux', certLevel: '5',
  } }).where(and(eq(applicationSections.applicationId, lyon.app.id), eq(applicationSections.sectionKey, 'training'))).execute();
  await t.deps.database.db.update(applicationSections).set({ data: {
    places: [{ name: 'Campus Part-Dieu', address: '10 rue Garibaldi', postcode: '69003', city: 'Lyon' }], sessions: [{ start: '2026-10-05', end: '2027-04-30', learners: 16 }],
  } }).where(and(eq(applicationSections.applicationId, lyon.app.id), eq(applicationSections.sectionKey, 'places'))).execute();
  await setLabelState(t.deps, lyon.label.id, { status: 'active', validFrom: '2026-02-01', validUntil: '2029-01-31', trainingTitle: 'Technicien supérieur systèmes et réseaux' });
});
after(() => t.close());

const number = (l: typeof montreuil) => l.label.number;

test('la recherche par mot-clé trouve « développeur » en tapant « développeuse », sans JavaScript', async () => {
  const res = await t.client().get('/formations?q=D%C3%A9veloppeuse');
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.match(html, /1 formation/);
  assert.match(html, new RegExp(`href="/formations/${number(montreuil)}"`));
  assert.doesNotMatch(html, new RegExp(number(lyon)));
});

test('filtres de lieu : rayon autour de Paris, département, région', async () => {
  const c = t.client();
  const paris = await (await c.get('/formations?commune=Paris&rayon=10')).text();
  assert.match(paris, new RegExp(number(montreuil)));
  assert.doesNotMatch(paris, new RegExp(number(lyon)));
  assert.match(paris, /à \d+(,\d)? km/);
  const rhone = await (await c.get('/formations?departement=69')).text();
  assert.match(rhone, new RegExp(number(lyon)));
  assert.doesNotMatch(rhone, new RegExp(number(montreuil)));
  const idf = await (await c.get('/formations?region=11')).text();
  assert.match(idf, /Île-de-France \(1\)/, 'le nombre par région est affiché');
  assert.match(idf, /Auvergne-Rhône-Alpes \(1\)/, 'les autres régions gardent leur nombre');
});

test('des paramètres invalides réaffichent le formulaire avec le résumé d’erreurs (422)', async () => {
  const res = await t.client().get('/formations?debut=2026-13-40&q=web');
  assert.equal(res.status, 422);
  const html = await res.text();
  assert.match(html, /<title>Erreur : /);
  assert.match(html, /La date de début doit être une date valide/);
  assert.match(html, /value="web"/);
});

test('la page de la formation : certification, lieux, sessions, contact, label, données schema.org et QR code', async () => {
  const res = await t.client().get(`/formations/${number(montreuil)}`);
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.match(html, /<h1>Développeur web et web mobile<\/h1>/);
  assert.match(html, /RNCP – RNCP31114/);
  assert.match(html, /Campus de Montreuil/);
  assert.match(html, /Du 1er septembre 2026 au 31 mars 2027<\/strong> \(dates prévisionnelles\)/);
  assert.match(html, /Simplon Montreuil/);
  assert.match(html, /Valable du 15 janvier 2026 au 14 janvier 2029/);
  assert.match(html, new RegExp(`href="/labels/verifier/${number(montreuil)}"`));
  assert.match(html, /<img class="lg-catalogue-qr" src="data:image\/png;base64,/);
  const ld = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html);
  assert.ok(ld, 'JSON-LD présent');
  const course = JSON.parse(ld[1]!);
  assert.equal(course['@type'], 'Course');
  assert.equal(course.courseCode, number(montreuil));
  assert.equal(course.hasCourseInstance[0].startDate, '2026-09-01');
});

test('les sessions déclarées remplacent les sessions prévues et apparaissent aussitôt', async () => {
  await t.deps.database.db.insert(trainingSessions).values({
    labelId: montreuil.label.id, organisationId: montreuil.org.id, name: 'Session d’automne 2026', initialStart: '2026-10-12', plannedStart: '2026-10-12', plannedEnd: '2027-05-28',
    place: { address: '55 rue de Vincennes', postcode: '93100', commune: 'Montreuil', inseeCode: '93048', qpv: null }, modality: 'hybride', places: 18, workStudy: true,
  });
  const html = await (await t.client().get(`/formations/${number(montreuil)}`)).text();
  assert.match(html, /Du 12 octobre 2026 au 28 mai 2027<\/strong> – Montreuil, hybride – 18 places/);
  assert.doesNotMatch(html, /prévisionnelle/);
  const api = await (await t.client().get('/api/v1/formations?alternance=oui&modalite=hybride')).json() as { total: number; results: { number: string; nextSession: { places: number } }[] };
  assert.equal(api.total, 1);
  assert.equal(api.results[0]!.nextSession.places, 18);
});

test('l’API : mêmes filtres, CORS, ETag et 304, erreur 400 en français', async () => {
  const c = t.client();
  const res = await c.get('/api/v1/formations?q=reseaux');
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('access-control-allow-origin'), '*');
  const body = await res.json() as { total: number; results: { number: string; url: string; certification: { code: string } }[]; facets: Record<string, Record<string, number>> };
  assert.equal(body.total, 1);
  assert.equal(body.results[0]!.number, number(lyon));
  assert.equal(body.results[0]!.certification.code, 'RNCP31115');
  assert.equal(body.facets.region!['84'], 1);
  const etag = res.headers.get('etag')!;
  assert.ok(etag);
  const again = await t.app.request('/api/v1/formations?q=reseaux', { headers: { 'If-None-Match': etag } });
  assert.equal(again.status, 304);
  const doc = await (await c.get('/api/v1/openapi.json')).json() as { paths: Record<string, { get?: { parameters: { name: string }[] } }> };
  assert.ok(doc.paths['/api/v1/territoire/point'], 'même fichier OpenAPI que l’API territoire');
  assert.deepEqual(doc.paths['/api/v1/formations']!.get!.parameters.map((p) => p.name).sort(), ['alternance', 'commune', 'debut', 'departement', 'famille', 'fin', 'modalite', 'niveau', 'page', 'q', 'qpv', 'rayon', 'region', 'repertoire', 'tri']);
  const bad = await c.get('/api/v1/formations?niveau=12');
  assert.equal(bad.status, 400);
  assert.deepEqual(await bad.json(), { error: 'Ce niveau n’existe pas.', field: 'niveau' });
});

test('la carte par région et par département donne les mêmes chiffres que le tableau, chaque zone menant à la recherche', async () => {
  const html = await (await t.client().get('/formations/carte')).text();
  assert.match(html, /<svg class="lg-france-map"/);
  assert.match(html, /<a href="\/formations\?region=11" aria-label="Île-de-France : 1 formation labellisée">/);
  assert.match(html, /<a href="\/formations\?region=11">Île-de-France<\/a><\/th><td>1<\/td>/);
  const deps = await (await t.client().get('/formations/carte?niveau=departements')).text();
  assert.match(deps, /<a href="\/formations\?departement=69" aria-label="Rhône : 1 formation labellisée">/);
});

test('vérifier un label : formulaire, redirection vers la page du numéro, numéro invalide', async () => {
  const c = t.client();
  const form = await c.get('/labels/verifier');
  assert.equal(form.status, 200);
  const typed = number(montreuil).toLowerCase().replace(/-0+/, '-');
  const go = await c.get(`/labels/verifier?numero=${encodeURIComponent(typed)}`);
  assert.equal(go.status, 303);
  assert.equal(go.headers.get('location'), `/labels/verifier/${number(montreuil)}`);
  const page = await (await c.get(`/labels/verifier/${number(montreuil)}`)).text();
  assert.match(page, /Label valide/);
  const bad = await c.get('/labels/verifier?numero=1234');
  assert.equal(bad.status, 422);
  assert.match(await bad.text(), /s’écrit GEN, l’année puis 4 chiffres/);
  const unknown = await c.get('/labels/verifier/GEN-1999-0001');
  assert.equal(unknown.status, 404);
  assert.match(await unknown.text(), /Label inconnu/);
});

test('un label suspendu ou retiré disparaît aussitôt du catalogue, de la page et de l’API', async () => {
  const c = t.client();
  // Answer without waiting for the rebuild: the previous index, minus the labels no longer visible.
  setInterimDelay(t.deps, 0);
  assert.match(await (await c.get('/formations')).text(), new RegExp(number(lyon)));
  await setLabelState(t.deps, lyon.label.id, { status: 'suspended', statusChangedAt: new Date('2026-05-30T09:00:00Z') });
  assert.doesNotMatch(await (await c.get('/formations')).text(), new RegExp(number(lyon)));
  assert.equal((await c.get(`/formations/${number(lyon)}`)).status, 404);
  const check = await (await c.get(`/labels/verifier/${number(lyon)}`)).text();
  assert.match(check, /Label suspendu/);
  assert.match(check, /30 mai 2026/);
  await setLabelState(t.deps, montreuil.label.id, { status: 'withdrawn' });
  const api = await (await c.get('/api/v1/formations')).json() as { total: number };
  assert.equal(api.total, 0);
});

test('une page gardée en cache pour les visiteurs anonymes n’est jamais servie à une personne connectée', async () => {
  const anon = await (await t.client().get('/formations/carte')).text();
  assert.match(anon, /Se connecter/);
  const c = t.client();
  await c.loginAs(montreuil.admin.id);
  const signedIn = await (await c.get('/formations/carte')).text();
  assert.doesNotMatch(signedIn, /Se connecter/);
  assert.match(signedIn, /action="\/deconnexion"/);
});
