import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dedupeRows, spreadResults } from './batch.js';
import { parseCsv, writeCsv } from './csv.js';
import { GeocoderUnavailableError, validateQuery } from './geocoder.js';
import { LruCache } from './lru.js';

test('validateQuery explique en français pourquoi une saisie est refusée', () => {
  assert.equal(validateQuery('12 rue Myrha'), null);
  assert.equal(validateQuery(''), 'Saisissez une adresse.');
  assert.equal(validateQuery('   '), 'Saisissez une adresse.');
  assert.equal(validateQuery(undefined), 'Saisissez une adresse.');
  assert.match(validateQuery('a'.repeat(2000))!, /ne doit pas dépasser 200 caractères/);
  assert.match(validateQuery('12 rue\u0000myrha')!, /caractères non autorisés/);
  assert.match(validateQuery('!!!---')!, /au moins un mot/);
  assert.equal(validateQuery('<script>alert(1)</script>'), null, 'accepté puis simplement non trouvé');
});

test('GeocoderUnavailableError porte un message français et le statut HTTP', () => {
  const error = new GeocoderUnavailableError('erreur 503', { status: 503 });
  assert.match(error.message, /^Le service de géocodage .* indisponible \(erreur 503\)/);
  assert.equal(error.status, 503);
});

test('le cache LRU oublie l’entrée la moins récemment lue', () => {
  const cache = new LruCache<string, number>(2);
  cache.set('a', 1);
  cache.set('b', 2);
  cache.get('a');
  cache.set('c', 3);
  assert.equal(cache.get('b'), undefined);
  assert.equal(cache.get('a'), 1);
  assert.equal(cache.size, 2);
});

test('un lot regroupe les adresses identiques une fois normalisées', () => {
  const deduped = dedupeRows([{ q: '12 Rue Myrha' }, { q: '12 rue myrha ' }, { q: '12 rue myrha', postcode: '75018' }]);
  assert.equal(deduped.unique.length, 2);
  assert.deepEqual(spreadResults(deduped, ['x', 'y']), ['x', 'x', 'y']);
});

test('CSV : les champs avec virgules, guillemets et retours sont préservés', () => {
  const text = writeCsv(['q'], [['12, rue "Myrha"'], ['a\nb']]);
  assert.deepEqual(parseCsv(text), [['q'], ['12, rue "Myrha"'], ['a\nb']]);
});
