import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CityEntry } from './ban-index.js';
import { parseQuery, type CityLookup } from './query.js';

const paris: CityEntry = {
  citycodes: Array.from({ length: 20 }, (_, i) => String(75101 + i)),
  byDistrict: new Map(Array.from({ length: 20 }, (_, i) => [i + 1, String(75101 + i)] as const)),
};
const cities: CityLookup = {
  city: (name) => (name === 'paris' ? paris : undefined),
  cityNames: () => ['paris'],
  knowsRep: (rep) => ['b', 't', 'bv', 'p1'].includes(rep),
};

test('lit numéro, indice, voie, code postal et ville', () => {
  assert.deepEqual(parseQuery('12 bis, rue Myrha, 75018 Paris', cities), {
    number: 12, rep: 'b', streetTokens: ['rue', 'myrha'], streetTokensWithCity: ['rue', 'myrha', 'paris'],
    postcode: '75018', citycodes: paris.citycodes,
  });
});

test('comprend les arrondissements écrits de plusieurs façons', () => {
  for (const q of ['12 r myrha paris 18e', '12 r myrha Paris 18ème', '12 r myrha paris 18', '12 r myrha 18e arrondissement', '12 r myrha PARIS XVIIIe', '12 r myrha paris 18 eme']) {
    const parsed = parseQuery(q, cities);
    assert.deepEqual(parsed.citycodes, ['75118'], q);
    assert.deepEqual(parsed.streetTokens, ['rue', 'myrha'], q);
  }
});

test('comprend les indices collés ou séparés', () => {
  assert.equal(parseQuery('12b rue myrha', cities).rep, 'b');
  assert.equal(parseQuery('12ter rue myrha', cities).rep, 't');
  assert.equal(parseQuery('12 t rue myrha', cities).rep, 't');
  assert.equal(parseQuery('56 bv bd ney', cities).rep, 'bv');
  assert.equal(parseQuery('10 bd voltaire', cities).rep, '');
  assert.deepEqual(parseQuery('12 r myrha', cities).streetTokens, ['rue', 'myrha']);
});

test('ne prend pas pour un arrondissement le nom d’une voie', () => {
  assert.deepEqual(parseQuery('1 bd henri iv', cities).streetTokens, ['boulevard', 'henri', 'iv']);
  assert.deepEqual(parseQuery('5 avenue de france 75013 paris', cities).streetTokens, ['avenue', 'france']);
  assert.equal(parseQuery('rue myrha', cities).number, null);
});
