import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { territoryCommuneStatuses, territoryGeographyVersions, territoryQpvZones } from './territory.schema.js';
import { listGeographyVersions, loadCommuneStatuses, loadQpvZones, setVersionPeriod } from './territory.store.js';
import { importFrr, importQpv, importZrr } from './commands/import-geography.js';
import { importShippedGeographies } from './commands/import-shipped-geographies.js';
import { assetPath } from './shipped-data.js';
import { TERRITORY_TEST_DDL, loadShippedQpv } from './territory.fixtures.js';

let client: PGlite;
let db: ReturnType<typeof drizzle>;

before(async () => {
  client = new PGlite();
  db = drizzle(client);
  await client.exec(TERRITORY_TEST_DDL);
});
after(() => client.close());

test('le DDL de test a exactement les colonnes du schéma drizzle', async () => {
  for (const table of [territoryGeographyVersions, territoryQpvZones, territoryCommuneStatuses]) {
    const config = getTableConfig(table);
    const { rows } = await client.query<{ column_name: string; is_nullable: string }>(
      'select column_name, is_nullable from information_schema.columns where table_name = $1 order by column_name', [config.name]);
    const expected = config.columns.map((c) => [c.name, c.notNull ? 'NO' : 'YES']).sort();
    assert.deepEqual(rows.map((r) => [r.column_name, r.is_nullable]), expected);
  }
});

test('les géographies livrées s\'importent et se relisent à l\'identique', async () => {
  const outcomes = await importShippedGeographies(db);
  assert.deepEqual(Object.keys(outcomes), ['qpv-2015', 'qpv-2024', 'zrr-2017', 'frr-2025']);
  const versions = await listGeographyVersions(db);
  assert.deepEqual(versions.map((v) => [v.name, v.itemCount]), [
    ['frr-2025', 34875], ['qpv-2015', 3], ['qpv-2024', 21], ['zrr-2017', 34965],
  ]);
  const stored = await loadQpvZones(db, 'qpv-2024');
  const original = loadShippedQpv('qpv2024_paris.geojson', 'qpv-2024').sort((a, b) => a.code.localeCompare(b.code));
  assert.deepEqual(stored, original);
  assert.equal((await loadCommuneStatuses(db, 'frr-2025')).get('01187'), 'beneficiaire_partiel');
});

test('un import refusé ne touche pas la version en place', async () => {
  const bad = '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code_qp":"QN07501M","lib_qp":"X"},"geometry":{"type":"Polygon","coordinates":[[[2,48],[2.1,48],[2.1,48.1]]]}}]}';
  const outcome = await importQpv(db, { text: bad, version: 'qpv-2024', validFrom: '2024-01-01' });
  assert.equal(outcome.ok, false);
  assert.equal((await loadQpvZones(db, 'qpv-2024')).length, 21);
});

test('un nouvel import remplace la version en entier', async () => {
  const outcome = await importZrr(db, { text: 'insee_code,zrr_status\n01001,C\n01002,PC\n', version: 'zrr-2017', validFrom: '2017-07-01', validTo: '2024-06-30' });
  assert.ok(outcome.ok);
  assert.deepEqual([...(await loadCommuneStatuses(db, 'zrr-2017'))], [['01001', 'C'], ['01002', 'PC']]);
  await importZrr(db, { text: readFileSync(assetPath('zrr_2022_communes.csv'), 'utf8'), version: 'zrr-2017', validFrom: '2017-07-01', validTo: '2024-06-30' });
  assert.equal((await loadCommuneStatuses(db, 'zrr-2017')).size, 34965);
});

test('une erreur au milieu de l\'écriture annule toute la transaction', async () => {
  const version = { name: 'frr-2025', kind: 'frr' as const, validFrom: '2024-07-01', validTo: null, source: '' };
  const { replaceCommuneStatusVersion } = await import('./territory.store.js');
  const rows = Array.from({ length: 2500 }, (_, i) => ({ inseeCode: String(10000 + i), status: 'classee' }));
  rows.push({ inseeCode: '10000', status: 'classee' });
  await assert.rejects(replaceCommuneStatusVersion(db, version, rows));
  assert.equal((await loadCommuneStatuses(db, 'frr-2025')).size, 34875);
});

test('les arguments de version sont contrôlés avant toute lecture du fichier', async () => {
  const wrongKind = await importFrr(db, { text: '', version: 'zrr-2025', validFrom: '2024-07-01' });
  assert.equal(wrongKind.ok, false);
  if (!wrongKind.ok) assert.match(wrongKind.errors[0]!.message, /n'est pas une géographie FRR/);
  const badDates = await importFrr(db, { text: '', version: 'frr-2026', validFrom: '2026-13-01', validTo: '2020-01-01' });
  assert.equal(badDates.ok, false);
  if (!badDates.ok) assert.equal(badDates.errors.length, 2);
});

test('la période de validité d\'une version se modifie sans réimporter', async () => {
  assert.equal(await setVersionPeriod(db, 'qpv-2015', '2015-01-01', '2023-12-30'), true);
  assert.equal((await listGeographyVersions(db)).find((v) => v.name === 'qpv-2015')?.validTo, '2023-12-30');
  assert.equal(await setVersionPeriod(db, 'qpv-1999', '1999-01-01', null), false);
});

test('le moteur se charge depuis la base et voit un nouvel import après reload()', async () => {
  const { TerritoryEngine } = await import('./engine.js');
  const engine = await TerritoryEngine.load(db, () => '2025-01-01');
  assert.equal(engine.classifyPoint(2.354, 48.8865).qpv?.code, 'QN07511M');
  assert.equal(engine.communeStatus('01187').frr?.status, 'beneficiaire_partiel');
  await importFrr(db, { text: 'insee_code,codefrr\n01187,5\n', version: 'frr-2025', validFrom: '2024-07-01' });
  assert.equal(engine.communeStatus('01187').frr?.status, 'beneficiaire_partiel');
  await engine.reload(db);
  assert.equal(engine.communeStatus('01187').frr?.status, 'classee_frr_plus');
});
