import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { BanImportError } from './ban-csv.js';
import { deserializeBanIndex, openBanIndex, serializeBanIndex } from './ban-cache.js';
import { importBanCsv, splitCommuneName } from './ban-import.js';
import { locateNumber } from './housenumber.js';
import { LocalGeocoder } from './local-geocoder.js';

const HEADER = 'id;id_fantoir;numero;rep;nom_voie;code_postal;code_insee;nom_commune;code_insee_ancienne_commune;nom_ancienne_commune;x;y;lon;lat;type_position;alias;nom_ld;libelle_acheminement;nom_afnor;source_position;source_nom_voie;certification_commune;cad_parcelles';
const row = (numero: number, rep: string, voie: string, lon: number, lat: number, cp = '75018', insee = '75118', commune = 'Paris 18e Arrondissement') =>
  `x;;${numero};${rep};${voie};${cp};${insee};${commune};;;0;0;${lon};${lat};parcelle;;;PARIS;;commune;commune;1;`;
const SAMPLE = [
  HEADER,
  row(2, '', 'Rue Myrha', 2.3500, 48.8870),
  row(10, '', 'Rue Myrha', 2.3540, 48.8870),
  row(1, '', 'Rue Myrha', 2.3500, 48.8872),
  row(4, 'b', 'Rue Myrha', 2.3510, 48.8870),
  row(4, '', 'Rue Myrha', 2.3509, 48.8870),
  row(3, '', 'Rue Réaumur', 2.3530, 48.8660, '75002', '75102', 'Paris 2e Arrondissement'),
  'ligne;cassée;sans;position',
].join('\n');

const stream = (text: string | Buffer) => Readable.from([Buffer.from(text)]);

test('importe un CSV BAN avec BOM et regroupe les adresses par voie', async () => {
  let report = null as null | { rows: number; skipped: number; streets: number; communes: number };
  const index = await importBanCsv(stream('\ufeff' + SAMPLE), (counts) => (report = counts));
  assert.deepEqual(report, { rows: 6, skipped: 1, streets: 2, communes: 2 });
  assert.equal(index.addressCount, 6);
  const myrha = index.streetsByKey('rue myrha')[0]!;
  const start = index.data.streetStart[myrha]!;
  assert.deepEqual([...index.data.numbers.slice(start, start + 5)], [1, 2, 4, 4, 10]);
  assert.equal(index.repOf(start + 3), 'b');
});

test('importe un CSV BAN compressé en gzip, détecté par son contenu', async () => {
  const index = await importBanCsv(stream(gzipSync(SAMPLE)));
  assert.equal(index.addressCount, 6);
});

test('refuse un fichier sans les colonnes BAN avec un message en français', async () => {
  await assert.rejects(importBanCsv(stream('a,b,c\n1,2,3\n')), (error: unknown) =>
    error instanceof BanImportError && /colonne « numero »/.test(error.message));
  await assert.rejects(importBanCsv(stream('')), /vide/);
});

test('sépare ville et arrondissement du nom de commune BAN', () => {
  assert.deepEqual(splitCommuneName('Paris 18e Arrondissement'), { city: 'Paris', district: 18 });
  assert.deepEqual(splitCommuneName('Paris 1er Arrondissement'), { city: 'Paris', district: 1 });
  assert.deepEqual(splitCommuneName('Lyon 3e Arrondissement'), { city: 'Lyon', district: 3 });
  assert.deepEqual(splitCommuneName('Saint-Denis'), { city: 'Saint-Denis', district: 0 });
});

test('la forme sérialisée redonne le même index', async () => {
  const index = await importBanCsv(stream(SAMPLE));
  const copy = deserializeBanIndex(serializeBanIndex(index));
  assert.deepEqual([...copy.data.numbers], [...index.data.numbers]);
  assert.deepEqual([...copy.data.lon], [...index.data.lon]);
  assert.deepEqual(copy.data.streetName, index.data.streetName);
  assert.deepEqual(copy.streetKeys, index.streetKeys);
});

test('le cache est écrit une fois par fichier source puis relu', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'ban-cache-'));
  try {
    const source = join(dir, 'adresses.csv');
    await writeFile(source, SAMPLE);
    const first = await openBanIndex([source], { cacheDir: join(dir, 'cache') });
    const second = await openBanIndex([source], { cacheDir: join(dir, 'cache') });
    assert.equal(first.origin.fromCache, false);
    assert.equal(second.origin.fromCache, true);
    assert.equal(second.index.addressCount, 6);
    await writeFile(source, SAMPLE.replace('Rue Réaumur', 'Rue Turbigo'));
    const changed = await openBanIndex([source], { cacheDir: join(dir, 'cache') });
    assert.equal(changed.origin.fromCache, false, 'un autre contenu donne une autre clé de cache');
    assert.equal((await readdir(join(dir, 'cache'))).length, 2);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('place les numéros : exact, autre indice, interpolé du même côté, voie', async () => {
  const index = await importBanCsv(stream(SAMPLE));
  const myrha = index.streetsByKey('rue myrha')[0]!;
  assert.equal(locateNumber(index, myrha, 4, 'b').match, 'exact');
  assert.equal(locateNumber(index, myrha, 4, 't').match, 'other_index');
  const six = locateNumber(index, myrha, 6, '');
  assert.equal(six.match, 'interpolated');
  assert.ok(six.lon > 2.3509 && six.lon < 2.354, 'entre le 4 et le 10');
  assert.equal(locateNumber(index, myrha, 12, '').match, 'nearest');
  assert.equal(locateNumber(index, myrha, null, '').match, 'street');
});

test('un géocodeur local se construit depuis un extrait BAN quelconque', async () => {
  const geocoder = new LocalGeocoder(await importBanCsv(stream(SAMPLE)));
  const result = await geocoder.geocode('4 bis r myrha paris 18e');
  assert.equal(result.address?.label, '4 bis Rue Myrha 75018 Paris');
  const other = await geocoder.geocode('3 rue reaumur 75002');
  assert.equal(other.address?.label, '3 Rue Réaumur 75002 Paris');
});
