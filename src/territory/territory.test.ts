import { test } from 'node:test';
import assert from 'node:assert/strict';
import { communeOfArrondissement, isIsoDate, kindOfVersionName, resolveVersions, type GeographyVersion } from './territory.js';

const versions: GeographyVersion[] = [
  { name: 'qpv-2015', kind: 'qpv', validFrom: '2015-01-01', validTo: '2023-12-31', source: '' },
  { name: 'qpv-2024', kind: 'qpv', validFrom: '2024-01-01', validTo: null, source: '' },
  { name: 'zrr-2017', kind: 'zrr', validFrom: '2017-07-01', validTo: '2024-06-30', source: '' },
  { name: 'frr-2025', kind: 'frr', validFrom: '2024-07-01', validTo: null, source: '' },
];

test('la géographie en vigueur dépend de la date : QPV 2015 fin 2023, QPV 2024 ensuite', () => {
  assert.equal(resolveVersions(versions, '2023-12-31').qpv?.name, 'qpv-2015');
  assert.equal(resolveVersions(versions, '2024-01-01').qpv?.name, 'qpv-2024');
});

test('la ZRR s\'applique jusqu\'au 30 juin 2024 et la FRR à partir du 1er juillet 2024', () => {
  const june = resolveVersions(versions, '2024-06-30');
  assert.equal(june.zrr?.name, 'zrr-2017');
  assert.equal(june.frr, undefined);
  const july = resolveVersions(versions, '2024-07-01');
  assert.equal(july.zrr, undefined);
  assert.equal(july.frr?.name, 'frr-2025');
});

test('avant toute géographie, aucune version n\'est retenue', () => {
  assert.deepEqual(resolveVersions(versions, '2010-05-05'), {});
});

test('les arrondissements de Paris, Lyon et Marseille renvoient à leur commune', () => {
  assert.equal(communeOfArrondissement('75118'), '75056');
  assert.equal(communeOfArrondissement('69381'), '69123');
  assert.equal(communeOfArrondissement('13216'), '13055');
  assert.equal(communeOfArrondissement('13217'), '13217');
  assert.equal(communeOfArrondissement('75121'), '75121');
  assert.equal(communeOfArrondissement('01001'), '01001');
});

test('les dates et les noms de version sont contrôlés', () => {
  assert.equal(isIsoDate('2024-02-29'), true);
  assert.equal(isIsoDate('2023-02-29'), false);
  assert.equal(isIsoDate('2024-1-01'), false);
  assert.equal(kindOfVersionName('frr-2025'), 'frr');
  assert.equal(kindOfVersionName('FRR 2025'), null);
});
