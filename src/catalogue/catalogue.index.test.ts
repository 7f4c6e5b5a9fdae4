import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../platform/testing/harness.js';
import { createPendingLabel, setLabelState } from '../labels/labels.fixtures.js';
import { trainingSessions } from '../sessions/sessions.schema.js';
import { learners } from '../learners/learners.schema.js';
import { catalogueIndex, keepVersionAsPostgres, lastBuild, settleCatalogue, setVersionTtl } from './catalogue.index.js';
import { placesLeft } from './search.js';

let t: TestApp;
let a: Awaited<ReturnType<typeof createPendingLabel>>;
let b: Awaited<ReturnType<typeof createPendingLabel>>;

before(async () => {
  t = await createTestApp({ now: () => new Date('2026-06-01T10:00:00Z') });
  // The writes below go straight to the database, as another process would (PostgreSQL: no version kept).
  setVersionTtl(t.deps, 0);
  a = await createPendingLabel(t.deps, { orgName: 'Organisme A' });
  await setLabelState(t.deps, a.label.id, { status: 'active', validFrom: '2026-01-15', validUntil: '2029-01-14' });
  b = await createPendingLabel(t.deps, { orgName: 'Organisme B' });
  await setLabelState(t.deps, b.label.id, { status: 'active', validFrom: '2026-01-15', validUntil: '2029-01-14' });
});
after(() => t.close());

test('places restantes : places offertes moins les inscrits, sinon les places offertes', () => {
  assert.equal(placesLeft(18, null), 18);
  assert.equal(placesLeft(18, 0), 18);
  assert.equal(placesLeft(18, 5), 13);
  assert.equal(placesLeft(18, 20), 0);
  assert.equal(placesLeft(null, 5), null);
});

test('une modification ne reconstruit que les entrées du label concerné', async () => {
  const first = await settleCatalogue(t.deps);
  assert.equal(first.entries.length, 2);
  const untouched = first.byNumber.get(b.label.number)!;
  await t.deps.database.db.insert(trainingSessions).values({
    labelId: a.label.id, organisationId: a.org.id, name: 'Session d’automne', initialStart: '2026-10-12', plannedStart: '2026-10-12', plannedEnd: '2027-05-28',
    place: { address: '55 rue de Vincennes', postcode: '93100', commune: 'Montreuil', inseeCode: '93048', qpv: null }, modality: 'hybride', places: 18, workStudy: false,
  });
  const next = await catalogueIndex(t.deps);
  assert.ok(next.version > first.version, 'nouvelle version des données');
  assert.deepEqual({ kind: lastBuild(t.deps)?.kind, labels: lastBuild(t.deps)?.labels }, { kind: 'incremental', labels: 1 });
  assert.equal(next.byNumber.get(b.label.number), untouched, 'l’entrée de l’autre label est reprise telle quelle');
  assert.equal(next.byNumber.get(a.label.number)!.sessions[0]!.name, 'Session d’automne');
  await setLabelState(t.deps, a.label.id, { status: 'withdrawn' });
  const after = await catalogueIndex(t.deps);
  assert.equal(lastBuild(t.deps)?.kind, 'incremental');
  assert.deepEqual(after.entries.map((e) => e.number), [b.label.number], 'le label retiré disparaît');
  await setLabelState(t.deps, a.label.id, { status: 'active' });
  assert.equal((await catalogueIndex(t.deps)).entries.length, 2);
});

test('les places restantes d’une session tiennent compte de la liste des apprenants, et la page les affiche', async () => {
  const [session] = await t.deps.database.db.insert(trainingSessions).values({
    labelId: b.label.id, organisationId: b.org.id, name: 'Session de printemps', initialStart: '2026-09-07', plannedStart: '2026-09-07', plannedEnd: '2027-03-26',
    place: { address: '10 rue Garibaldi', postcode: '69003', commune: 'Lyon', inseeCode: '69383', qpv: null }, modality: 'presentiel', places: 12, workStudy: false,
  }).returning();
  const page = async () => (await t.client().get(`/formations/${b.label.number}`)).text();
  assert.match(await page(), /Lyon, présentiel – 12 places<\/li>/, 'sans liste d’apprenants : les places offertes');
  const learner = { sessionId: session!.id, organisationId: b.org.id, sex: 'F' as const, educationLevel: 'bac' as const, entrySituation: 'job_seeker' as const };
  await t.deps.database.db.insert(learners).values([learner, learner, learner, { ...learner, leftOn: '2026-09-01' }]);
  assert.match(await page(), /12 places, dont 9 places restantes/);
  const api = await (await t.client().get(`/api/v1/formations?q=${b.label.number}`)).json() as { results: { nextSession: { places: number; placesLeft: number } }[] };
  assert.deepEqual(api.results[0]!.nextSession, { ...api.results[0]!.nextSession, places: 12, placesLeft: 9 });
});

test('un visiteur anonyme est servi depuis le cache sans aucune requête à la base, avec ETag, 304 et gzip', async () => {
  // PGlite notifies each new version at commit; PostgreSQL keeps the version read for its TTL (the
  // bounded staleness of several processes is the next test's subject).
  const pglite = t.deps.database.kind === 'pglite';
  setVersionTtl(t.deps, pglite ? 1000 : 60_000);
  const client = (t.deps.database.db as unknown as { $client: { query: (...a: unknown[]) => Promise<unknown> } }).$client;
  const original = client.query.bind(client);
  let queries = 0;
  client.query = (...args: unknown[]) => { queries++; return original(...args); };
  try {
    const first = await t.app.request('/formations?q=developpeur');
    assert.equal(first.status, 200);
    const etag = first.headers.get('etag')!;
    assert.ok(etag);
    assert.match(first.headers.get('vary') ?? '', /Cookie/);
    assert.equal((await t.app.request('/api/v1/formations?q=developpeur')).status, 200);
    queries = 0;
    const again = await t.app.request('/formations?q=developpeur');
    assert.equal(await again.text(), await first.text());
    const gz = await t.app.request('/formations?q=developpeur', { headers: { 'Accept-Encoding': 'gzip, deflate' } });
    assert.equal(gz.headers.get('content-encoding'), 'gzip');
    const revalidated = await t.app.request('/formations?q=developpeur', { headers: { 'If-None-Match': etag } });
    assert.equal(revalidated.status, 304);
    assert.equal((await t.app.request('/api/v1/formations?q=developpeur')).status, 200);
    assert.equal(queries, 0, 'aucune requête à la base pour les réponses déjà en cache');
    // A change made by anyone is seen at once: PGlite notifies the new version at commit; on
    // PostgreSQL the version read is dropped (as after any POST of this process).
    await setLabelState(t.deps, b.label.id, { status: 'suspended' });
    if (!pglite) setVersionTtl(t.deps, 0);
    const changed = await t.app.request('/formations?q=developpeur');
    assert.notEqual(changed.headers.get('etag'), etag);
    assert.doesNotMatch(await changed.text(), new RegExp(b.label.number));
    await setLabelState(t.deps, b.label.id, { status: 'active' });
  } finally {
    client.query = original;
    setVersionTtl(t.deps, 0);
  }
});

test('comme avec PostgreSQL : la version lue est gardée un temps borné, et oubliée après toute requête d’écriture de ce processus', async () => {
  keepVersionAsPostgres(t.deps, 60_000);
  const url = `/formations/${b.label.number}`;
  try {
    assert.equal((await t.app.request(url)).status, 200);
    // Written by another process: seen once the version read expires (1 s in production, 60 s here).
    await setLabelState(t.deps, b.label.id, { status: 'suspended' });
    assert.equal((await t.app.request(url)).status, 200, 'la version gardée sert encore l’ancienne page');
    // Any write request of this process (here a POST refused for its missing CSRF token) drops it.
    assert.equal((await t.app.request('/deconnexion', { method: 'POST' })).status, 403);
    assert.equal((await t.app.request(url)).status, 404, 'le label suspendu a disparu');
  } finally {
    setVersionTtl(t.deps, 0);
    await setLabelState(t.deps, b.label.id, { status: 'active' });
  }
});
