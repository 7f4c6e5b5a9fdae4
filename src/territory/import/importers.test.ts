import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { assetPath } from '../shipped-data.js';
import { isKnownCommune } from '../communes.js';
import { parseQpvGeoJson } from './qpv-geojson.js';
import { parseZrrCsv } from './zrr-csv.js';
import { parseFrrCsv } from './frr-csv.js';
import { decodeText, parseCsv } from './csv.js';

const read = (file: string) => readFileSync(assetPath(file), 'utf8');
const square = [[2.3, 48.8], [2.31, 48.8], [2.31, 48.81], [2.3, 48.81], [2.3, 48.8]];
const feature = (props: Record<string, unknown>, coordinates: unknown = [square]) => ({
  type: 'Feature', properties: props, geometry: { type: 'Polygon', coordinates },
});
const collection = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });

test('le fichier QPV 2024 de Paris livré avec le projet s\'importe : 21 quartiers QN', () => {
  const result = parseQpvGeoJson(read('qpv2024_paris.geojson'), { versionName: 'qpv-2024', isKnownCommune });
  assert.ok(result.ok);
  assert.equal(result.counts.quartiers, 21);
  const goutte = result.items.find((z) => z.code === 'QN07511M');
  assert.deepEqual([goutte?.name, goutte?.communeCode, goutte?.communeName, goutte?.departementCode], ["Goutte D'Or", '75056', 'Paris', '75']);
  assert.deepEqual(result.warnings, []);
});

test('les exemples QPV 2015 s\'importent avec leurs propres noms de propriétés', () => {
  const result = parseQpvGeoJson(read('qpv2015_sample_polygons.geojson'), { versionName: 'qpv-2015', isKnownCommune });
  assert.ok(result.ok);
  assert.deepEqual(result.items.map((z) => z.code), ['QP075019', 'QP094025', 'QP093028']);
  assert.equal(result.items[0]!.communeName, 'Paris 20ème arrondissement');
  assert.equal(result.items[0]!.communeCode, null);
});

test('des codes 2024 importés comme version 2015 sont refusés', () => {
  const result = parseQpvGeoJson(read('qpv2024_paris.geojson'), { versionName: 'qpv-2015', isKnownCommune });
  assert.equal(result.ok, false);
  if (!result.ok) assert.match(result.errors[0]!.message, /n'appartient pas à la géographie 2015/);
});

test('les erreurs QPV citent l\'objet fautif : doublon, code invalide, anneau ouvert, nom absent', () => {
  const text = collection(
    feature({ code_qp: 'QN07501M', lib_qp: 'A' }),
    feature({ code_qp: 'QN07501M', lib_qp: 'B' }),
    feature({ code_qp: 'XX123', lib_qp: 'C' }),
    feature({ code_qp: 'QN07503M', lib_qp: 'D' }, [square.slice(0, 4)]),
    feature({ code_qp: 'QN07504M' }),
  );
  const result = parseQpvGeoJson(text, { isKnownCommune });
  assert.equal(result.ok, false);
  if (result.ok) return;
  assert.deepEqual(result.errors.map((e) => e.where), ['objet 2 (QN07501M)', 'objet 3 (XX123)', 'objet 4 (QN07503M)', 'objet 5 (QN07504M)']);
  assert.match(result.errors[0]!.message, /figure déjà à l'objet 1/);
  assert.match(result.errors[2]!.message, /pas fermé/);
});

test('un QPV sur plusieurs communes garde la première comme commune principale', () => {
  const text = collection(feature({ code_qp: 'QN09301M', lib_qp: 'A', insee_com: '93001, 93027', lib_com: 'Aubervilliers, La Courneuve' }));
  const result = parseQpvGeoJson(text, { isKnownCommune });
  assert.ok(result.ok);
  assert.equal(result.items[0]!.communeCode, '93001');
  const bad = parseQpvGeoJson(collection(feature({ code_qp: 'QN09301M', lib_qp: 'A', insee_com: '93001,9302' })), { isKnownCommune });
  assert.equal(bad.ok, false);
});

test('un fichier QPV illisible, vide ou en Lambert-93 est refusé clairement', () => {
  for (const text of ['{pas du json', collection(), JSON.stringify({ type: 'FeatureCollection', crs: { properties: { name: 'EPSG:2154' } }, features: [] })]) {
    const result = parseQpvGeoJson(text, { isKnownCommune });
    assert.equal(result.ok, false, text);
  }
});

test('la liste ZRR livrée compte les effectifs officiels C / NC / PC', () => {
  const result = parseZrrCsv(read('zrr_2022_communes.csv'), isKnownCommune);
  assert.ok(result.ok);
  assert.equal(result.counts.C, 17694);
  assert.equal(result.counts.NC, 17235);
  assert.equal(result.counts.PC, 36);
  assert.ok(result.counts.inconnues_du_cog! > 0, 'des codes COG 2021 ont disparu depuis');
});

test('la liste FRR livrée suit la légende codefrr 0 à 5', () => {
  const result = parseFrrCsv(read('frr_2025_communes.csv'), isKnownCommune);
  assert.ok(result.ok);
  assert.deepEqual(
    [result.counts.non_classee, result.counts.beneficiaire, result.counts.beneficiaire_partiel, result.counts.classee_partiellement, result.counts.classee, result.counts.classee_frr_plus],
    [14941, 2134, 11, 20, 13313, 4456],
  );
  assert.equal(result.items.find((c) => c.inseeCode === '01187')?.status, 'beneficiaire_partiel');
});

test('les erreurs des listes de communes citent la ligne : code invalide, statut inconnu, doublon, colonne manquante', () => {
  const zrr = parseZrrCsv('insee_code,zrr_status\n01001,NC\n1001,C\n01002,X\n01001,C\n', isKnownCommune);
  assert.equal(zrr.ok, false);
  if (!zrr.ok) {
    assert.deepEqual(zrr.errors.map((e) => e.where), ['ligne 3', 'ligne 4', 'ligne 5']);
    assert.match(zrr.errors[2]!.message, /figure déjà à la ligne 2/);
  }
  const frr = parseFrrCsv('insee_code;nom\n01001;A\n', isKnownCommune);
  assert.equal(frr.ok, false);
  if (!frr.ok) assert.match(frr.errors[0]!.message, /colonne\(s\) manquante\(s\) : codefrr/);
  const bad = parseFrrCsv('insee_code,codefrr\n01001,7\n', isKnownCommune);
  assert.equal(bad.ok, false);
});

test('le CSV accepte BOM, point-virgule, CRLF, guillemets et Latin-1', () => {
  const parsed = parseCsv('\ufeffa;b\r\n1;"x;""y"""\r\n\r\n2;z');
  assert.ok(parsed.ok);
  assert.deepEqual(parsed.header, ['a', 'b']);
  assert.deepEqual(parsed.rows, [{ line: 2, fields: ['1', 'x;"y"'] }, { line: 4, fields: ['2', 'z'] }]);
  assert.equal(decodeText(Uint8Array.from([0x45, 0x76, 0xe9])), 'Evé');
  assert.equal(parseCsv('a,b\n"ouvert,1\n').ok, false);
});
