import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../platform/testing/harness.js';
import { createPendingLabel, setLabelState } from '../labels/labels.fixtures.js';
import { trainingSessions } from '../sessions/sessions.schema.js';
import { learners } from '../learners/learners.schema.js';
import { setVersionTtl } from '../catalogue/catalogue.index.js';
import { sql } from 'drizzle-orm';
import { calls } from '../calls/calls.schema.js';

let t: TestApp;
let label: Awaited<ReturnType<typeof createPendingLabel>>;
let other: Awaited<ReturnType<typeof createPendingLabel>>;

const learner = (sessionId: string, organisationId: string, i: number) => ({
  sessionId, organisationId, sex: i % 2 === 0 ? 'F' as const : 'M' as const, educationLevel: i % 3 === 0 ? 'infra_bac' as const : 'bac_2' as const, entrySituation: 'job_seeker' as const,
  placement: 'placed' as const, inQpv: i === 0, inZrrFrr: false, situation3m: 'cdi' as const,
});

before(async () => {
  t = await createTestApp({ now: () => new Date('2026-06-01T10:00:00Z') });
  // These tests write straight to the database, as another process would: no version kept (PostgreSQL).
  setVersionTtl(t.deps, 0);
  const db = t.deps.database.db;
  label = await createPendingLabel(t.deps, { orgName: 'Simplon Montreuil' });
  await setLabelState(t.deps, label.label.id, { status: 'active', validFrom: '2025-01-15', validUntil: '2028-01-14', trainingTitle: 'Développeur web, "mobile" et cloud' });
  other = await createPendingLabel(t.deps, { orgName: 'École du Nord' });
  await setLabelState(t.deps, other.label.id, { status: 'active', validFrom: '2025-02-01', validUntil: '2028-01-31' });
  const [past] = await db.insert(trainingSessions).values({
    labelId: label.label.id, organisationId: label.org.id, name: 'Première promotion', initialStart: '2025-03-03', plannedStart: '2025-03-03', plannedEnd: '2025-12-19', actualStart: '2025-03-03',
    place: { address: '55 rue de Vincennes', postcode: '93100', commune: 'Montreuil', inseeCode: '93048', departement: 'Seine-Saint-Denis', region: 'Île-de-France', qpv: null }, modality: 'presentiel', places: 12, status: 'ended',
  }).returning();
  await db.insert(learners).values([0, 1, 2, 3, 4, 5].map((i) => learner(past!.id, label.org.id, i)));
  const [small] = await db.insert(trainingSessions).values({
    labelId: other.label.id, organisationId: other.org.id, name: 'Promotion de Roubaix', initialStart: '2026-01-12', plannedStart: '2026-01-12', plannedEnd: '2026-09-30', actualStart: '2026-01-12',
    place: { address: '2 rue de l’Alma', postcode: '59100', commune: 'Roubaix', inseeCode: '59512', departement: 'Nord', region: 'Hauts-de-France', qpv: 'QN05920M' }, modality: 'hybride', places: 10, status: 'started',
  }).returning();
  await db.insert(learners).values([0, 1, 2].map((i) => learner(small!.id, other.org.id, i)));
  await db.insert(trainingSessions).values({
    labelId: label.label.id, organisationId: label.org.id, name: 'Promotion d’automne', initialStart: '2026-09-07', plannedStart: '2026-09-07', plannedEnd: '2027-04-30',
    place: { address: '55 rue de Vincennes', postcode: '93100', commune: 'Montreuil', inseeCode: '93048', departement: 'Seine-Saint-Denis', region: 'Île-de-France', qpv: null, lat: 48.86, lon: 2.44 }, modality: 'presentiel', places: 14, workStudy: true,
  });
});
after(() => t.close());

/** Parses RFC 4180 CSV (quotes, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (ch === '"') quoted = false; else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; } else if (ch === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; } else field += ch;
  }
  return rows;
}

test('chiffres clés : comptes, parts et objectifs de l’appel, secret statistique sous 5 apprenants', async () => {
  const res = await t.client().get('/chiffres-cles');
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.equal(html.match(/<h1/g)?.length, 1);
  assert.match(html, /<p class="lg-figures-tiles__value">2<\/p><p>formations labellisées aujourd’hui/);
  assert.match(html, /<p class="lg-figures-tiles__value">9<\/p><p>apprenants/);
  assert.match(html, /<svg class="lg-figures-chart"[^>]*role="img"/);
  assert.match(html, /Indicateurs nationaux et objectifs de l’appel/);
  // Hauts-de-France: 3 learners only, every figure on learners is hidden; Île-de-France: 6, published.
  const hdf = html.match(/<th scope="row">Hauts-de-France<\/th>(.*?)<\/tr>/s)![1]!;
  assert.match(hdf, /Secret statistique/);
  assert.doesNotMatch(hdf, /\d+ %/);
  const idf = html.match(/<th scope="row">Île-de-France<\/th>(.*?)<\/tr>/s)![1]!;
  assert.match(idf, /<td>6<\/td>/);
  assert.match(idf, /<td>50 %/, '3 femmes sur 6');
  assert.match(html, /<th scope="row">2025<\/th>/);
});

test('chiffres clés : la page anonyme est gardée (ETag, 304) et suit tout changement, ici le titre de l’appel', async () => {
  const first = await t.app.request('/chiffres-cles');
  const etag = first.headers.get('etag');
  assert.ok(etag, 'ETag de la page anonyme');
  assert.equal((await t.app.request('/chiffres-cles', { headers: { 'If-None-Match': etag } })).status, 304);
  const db = t.deps.database.db;
  await db.update(calls).set({ title: sql`${calls.title} || ' (modifié)'` });
  try {
    const changed = await t.app.request('/chiffres-cles');
    assert.notEqual(changed.headers.get('etag'), etag);
    assert.match(await changed.text(), /\(modifié\) »/);
  } finally {
    await db.update(calls).set({ title: sql`replace(${calls.title}, ' (modifié)', '')` });
  }
});

test('données ouvertes : la page documente les jeux et leur schéma', async () => {
  const res = await t.client().get('/donnees-ouvertes');
  assert.equal(res.status, 200);
  const html = await res.text();
  for (const f of ['formations.csv', 'formations.json', 'sessions.csv', 'sessions.json']) assert.match(html, new RegExp(`href="/donnees-ouvertes/${f.replace('.', '\\.')}"`));
  assert.match(html, /<code>numero_label<\/code>/);
  assert.match(html, /<code>lieu_latitude<\/code>/);
  assert.match(html, /Licence Ouverte/);
});

test('CSV des formations : en-tête documenté, une ligne par label actif, champs échappés', async () => {
  const res = await t.client().get('/donnees-ouvertes/formations.csv');
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^text\/csv; charset=utf-8/);
  const rows = parseCsv(await res.text());
  const header = rows[0]!;
  assert.equal(header[0], 'numero_label');
  assert.ok(header.includes('organisme_siret'));
  assert.equal(rows.length, 3);
  assert.ok(rows.every((r) => r.length === header.length), 'toutes les lignes ont autant de champs que l’en-tête');
  const mine = rows.find((r) => r[0] === label.label.number)!;
  assert.equal(mine[header.indexOf('intitule')], 'Développeur web, "mobile" et cloud');
  assert.equal(mine[header.indexOf('certification_code')], 'RNCP31114');
  assert.equal(mine[header.indexOf('prochaine_session')], '2026-09-07');
  assert.equal(mine[header.indexOf('alternance_possible')], 'true');
});

test('JSON des sessions : mêmes noms que le CSV, sessions à venir ou en cours des labels actifs', async () => {
  const res = await t.client().get('/donnees-ouvertes/sessions.json');
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('access-control-allow-origin'), '*');
  const body = await res.json() as { date: string; total: number; donnees: Record<string, unknown>[] };
  assert.equal(body.date, '2026-06-01');
  const names = body.donnees.map((d) => d.nom).sort();
  assert.deepEqual(names, ['Promotion de Roubaix', 'Promotion d’automne'], 'la session terminée n’est pas une offre');
  const autumn = body.donnees.find((d) => d.nom === 'Promotion d’automne')!;
  assert.equal(autumn.numero_label, label.label.number);
  assert.equal(autumn.lieu_latitude, 48.86);
  assert.equal(autumn.places, 14);
  assert.equal(autumn.places_restantes, 14, 'pas encore d’inscrits : les places offertes');
  assert.equal(body.donnees.find((d) => d.nom === 'Promotion de Roubaix')!.places_restantes, 7, '10 places, 3 inscrits');
  assert.equal(autumn.previsionnelle, false);
  const csv = parseCsv(await (await t.client().get('/donnees-ouvertes/sessions.csv')).text());
  assert.deepEqual(csv[0], Object.keys(autumn));
});

test('ETag : 304 sur If-None-Match, puis nouveau contenu et nouvel ETag quand un label est retiré', async () => {
  const c = t.client();
  const first = await c.get('/donnees-ouvertes/formations.json');
  const etag = first.headers.get('etag')!;
  assert.match(etag, /^"[\w-]+"$/);
  assert.match(first.headers.get('cache-control') ?? '', /must-revalidate/);
  const again = await c.get('/donnees-ouvertes/formations.json', { 'If-None-Match': etag });
  assert.equal(again.status, 304);
  assert.equal(await again.text(), '');
  assert.equal((await c.get('/donnees-ouvertes/formations.json', { 'If-None-Match': '"autre"' })).status, 200);
  await setLabelState(t.deps, other.label.id, { status: 'withdrawn' });
  const after = await c.get('/donnees-ouvertes/formations.json', { 'If-None-Match': etag });
  assert.equal(after.status, 200);
  assert.notEqual(after.headers.get('etag'), etag);
  const body = await after.json() as { donnees: { numero_label: string }[] };
  assert.deepEqual(body.donnees.map((d) => d.numero_label), [label.label.number]);
  await setLabelState(t.deps, other.label.id, { status: 'active' });
});

test('le travail quotidien reconstruit les fichiers', async () => {
  await t.jobs.send('opendata.refresh', {});
  assert.ok(t.jobs.ran.some((j) => j.name === 'opendata.refresh'));
  const snap = t.deps.services.opendata as { current: { files: Map<string, unknown> } };
  assert.ok(snap.current.files.has('sessions.csv'));
});

test('flux LHÉO : XML de l’offre active avec organisme, SIRET, NDA et ETag', async () => {
  const c = t.client();
  const res = await c.get('/donnees-ouvertes/lheo.xml');
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^application\/xml/);
  const xml = await res.text();
  assert.match(xml, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<lheo xmlns="http:\/\/lheo.gouv.fr\/2.3">/);
  assert.match(xml, new RegExp(`<formation numero="${label.label.number}">`));
  assert.match(xml, /<intitule-formation>Développeur web, &quot;mobile&quot; et cloud<\/intitule-formation>/);
  assert.match(xml, /<SIRET>\d{14}<\/SIRET>/);
  assert.match(xml, /<numero-activite>[^<]+<\/numero-activite>/);
  assert.match(xml, /<code-RNCP>31114<\/code-RNCP>/);
  assert.match(xml, /<debut>20260907<\/debut>/);
  assert.equal((await c.get('/donnees-ouvertes/lheo.xml', { 'If-None-Match': res.headers.get('etag')! })).status, 304);
  assert.match(await (await c.get('/donnees-ouvertes')).text(), /href="\/donnees-ouvertes\/lheo\.xml"/);
});

test('les fichiers JSON sont décrits dans le fichier OpenAPI de la plateforme, colonne par colonne', async () => {
  const doc = await (await t.client().get('/api/v1/openapi.json')).json() as { paths: Record<string, { get: { responses: Record<string, { content?: Record<string, { schema: { properties: { donnees: { items: { properties: Record<string, unknown> } } } } }> }> } }> };
  const sessions = doc.paths['/donnees-ouvertes/sessions.json']!.get.responses['200']!.content!['application/json']!.schema.properties.donnees.items.properties;
  const body = await (await t.client().get('/donnees-ouvertes/sessions.json')).json() as { donnees: Record<string, unknown>[] };
  assert.deepEqual(Object.keys(sessions), Object.keys(body.donnees[0]!));
  assert.ok(doc.paths['/donnees-ouvertes/formations.json']);
});
