import { test } from 'node:test';
import assert from 'node:assert/strict';
import { communeInfo, isKnownCommune } from './communes.js';

test('une commune donne son nom, son département, sa région et ses codes postaux', () => {
  const info = communeInfo('01015');
  assert.equal(info?.name, 'Arboys en Bugey');
  assert.deepEqual(info?.departement, { code: '01', name: 'Ain' });
  assert.equal(info?.region?.name, 'Auvergne-Rhône-Alpes');
  assert.deepEqual(info?.postcodes, ['01300']);
  assert.equal(info?.parentCommuneCode, null);
});

test('un arrondissement parisien est connu et renvoie à la commune de Paris', () => {
  assert.equal(isKnownCommune('75118'), true);
  assert.equal(communeInfo('75118')?.parentCommuneCode, '75056');
  assert.equal(communeInfo('75056')?.name, 'Paris');
});

test('un code inconnu ne donne rien', () => {
  assert.equal(communeInfo('99999'), null);
  assert.equal(isKnownCommune('00000'), false);
});
