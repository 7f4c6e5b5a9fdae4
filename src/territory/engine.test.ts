import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TerritoryEngine, TerritoryInputError, todayInParis } from './engine.js';
import { loadShippedTerritoryData } from './territory.fixtures.js';

const engine = new TerritoryEngine(loadShippedTerritoryData(), () => '2025-03-01');
const GOUTTE_D_OR = { lon: 2.354, lat: 48.8865 };

test('un point de la Goutte d\'Or est dans le QPV QN07511M en 2025, et la version est citée', () => {
  const answer = engine.classifyPoint(GOUTTE_D_OR.lon, GOUTTE_D_OR.lat);
  assert.deepEqual(answer, {
    qpv: { code: 'QN07511M', name: "Goutte D'Or", commune: 'Paris', communeCode: '75056', version: 'qpv-2024' },
    qpvVersion: 'qpv-2024',
  });
});

test('un point hors quartier prioritaire donne qpv null mais nomme la version utilisée', () => {
  assert.deepEqual(engine.classifyPoint(2.3376, 48.8606), { qpv: null, qpvVersion: 'qpv-2024' });
});

test('à une date de 2020, c\'est la géographie 2015 qui répond', () => {
  const answer = engine.classifyPoint(2.41299, 48.85592, '2020-06-15');
  assert.equal(answer.qpv?.code, 'QP075019');
  assert.equal(answer.qpv?.version, 'qpv-2015');
  assert.equal(engine.classifyPoint(2.41299, 48.85592, '2024-01-01').qpv?.code, 'QN07517I');
});

test('avant toute géographie QPV, aucune version ne répond', () => {
  assert.deepEqual(engine.classifyPoint(2.41299, 48.85592, '2010-01-01'), { qpv: null, qpvVersion: null });
});

test('le statut ZRR vaut jusqu\'au 30 juin 2024, le statut FRR à partir du 1er juillet 2024', () => {
  const before = engine.communeStatus('01080', '2024-06-30');
  assert.deepEqual(before.zrr, { status: 'C', label: 'classée en ZRR', version: 'zrr-2017' });
  assert.equal(before.frr, null);
  const afterwards = engine.communeStatus('01080', '2024-07-01');
  assert.equal(afterwards.zrr, null);
  assert.deepEqual(afterwards.frr, { status: 'beneficiaire', label: 'bénéficiaire des effets FRR (ancienne ZRR, mesure transitoire)', version: 'frr-2025' });
});

test('un arrondissement de Paris, Lyon ou Marseille répond pour sa commune', () => {
  for (const [arrondissement, commune] of [['75118', '75056'], ['69383', '69123'], ['13201', '13055']]) {
    const answer = engine.communeStatus(arrondissement!, '2025-01-01');
    assert.equal(answer.inseeCode, commune);
    assert.equal(answer.frr?.status, 'non_classee');
  }
});

test('une commune absente des listes n\'a pas de statut, sans erreur', () => {
  assert.deepEqual(engine.communeStatus('97501', '2025-01-01'), { inseeCode: '97501', zrr: null, frr: null });
});

test('les entrées invalides donnent une erreur typée avec un message en français', () => {
  const cases: [() => unknown, string][] = [
    [() => engine.classifyPoint(Number.NaN, 48), 'lon'],
    [() => engine.classifyPoint(2, 91), 'lat'],
    [() => engine.classifyPoint(2, 48, '2024-02-30'), 'date'],
    [() => engine.classifyPoint(2, 48, '01/02/2024'), 'date'],
    [() => engine.communeStatus('7505'), 'inseeCode'],
    [() => engine.communeStatus('<script>'), 'inseeCode'],
  ];
  for (const [call, field] of cases) {
    assert.throws(call, (error: unknown) => error instanceof TerritoryInputError && error.field === field && /[a-zé]/.test(error.message));
  }
});

test('le contour d\'un quartier est disponible pour la carte', () => {
  assert.equal(engine.qpvZone('QN07511M')?.polygons.length, 1);
  assert.equal(engine.qpvZone('QN07511M', { version: 'qpv-2015' }), null);
});

test('la date du jour est celle de Paris, pas celle de Greenwich', () => {
  assert.equal(todayInParis(new Date('2024-06-30T22:30:00Z')), '2024-07-01');
});
