import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq, like, sql } from 'drizzle-orm';
import { trainingSessions } from '../sessions/sessions.schema.js';
import { labels } from '../labels/labels.schema.js';
import { createTestApp } from '../platform/testing/harness.js';
import { seedCall2021 } from '../calls/seed.js';
import { seedDemoCatalogue } from './seed.js';
import { seedSyntheticCatalogue } from './synthetic.js';
import { settleCatalogue, setVersionTtl } from './catalogue.index.js';

const t = await createTestApp({ now: () => new Date('2026-06-01T10:00:00Z') });
setVersionTtl(t.deps, 0);
after(() => t.close());

test('les données de démonstration rendent le catalogue vivant : formations, sessions, carte et API', async () => {
  await t.deps.database.db.transaction(async (tx) => { await seedCall2021(tx); await seedDemoCatalogue(tx, t.deps.now()); });
  const index = await settleCatalogue(t.deps);
  assert.equal(index.entries.length, 12);
  assert.ok(index.entries.every((e) => /^GEN-2026-\d{4}$/.test(e.number)), 'numéros de l’année, dans la séquence des labels');
  assert.ok(index.entries.some((e) => e.places.some((p) => p.city === 'Paris' && p.postcode === '75018')), 'un lieu à la Goutte d’Or');
  assert.ok(index.entries.some((e) => e.sessions.some((s) => !s.provisional)), 'des sessions déclarées');
  const filling = index.entries.flatMap((e) => e.sessions).filter((s) => s.places !== null && s.placesLeft !== null && s.placesLeft < s.places && s.start > index.today);
  assert.equal(filling.length, 2, 'deux sessions à venir ont déjà des inscrits : leurs places restantes sont affichées');
  const api = await (await t.client().get('/api/v1/formations')).json() as { total: number; facets: { region: Record<string, number> } };
  assert.equal(api.total, 12);
  assert.ok(Object.keys(api.facets.region).length >= 3, 'formations réparties dans plusieurs régions');
  assert.equal((await t.client().get('/formations/carte')).status, 200);
});

test('les données synthétiques du banc : le nombre demandé, sur de vraies communes, chaque session rattachée à un label actif', async () => {
  const out = await t.deps.database.db.transaction((tx) => seedSyntheticCatalogue(tx, { trainings: 40, sessions: 120, now: t.deps.now(), callSlug: 'appel-2021', numberYear: 2020 }));
  assert.equal(out.labels, 40);
  assert.equal(out.sessions, 120);
  const [row] = await t.deps.database.db.select({ n: sql<number>`count(*)::int` }).from(trainingSessions).innerJoin(labels, eq(labels.id, trainingSessions.labelId))
    .where(and(eq(labels.status, 'active'), like(labels.number, 'GEN-2020-%')));
  assert.equal(row?.n, 120);
  const index = await settleCatalogue(t.deps);
  assert.equal(index.entries.length, 52);
  assert.ok(index.entries.filter((e) => e.number.startsWith('GEN-2020-')).every((e) => e.places[0]?.communeCode && e.places[0].lat !== null), 'chaque lieu est situé');
});
