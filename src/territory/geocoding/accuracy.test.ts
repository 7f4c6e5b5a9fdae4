import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parisGeocoder } from './test-fixture.js';
import { measureAccuracy, sampleTypedAddresses } from './typed-addresses.js';

// The Paris BAN extract ships in assets/ban: these tests always run.

test('place au moins 98 % de 2 000 adresses BAN tapées comme on les tape à moins de 30 m', async () => {
  const geocoder = await parisGeocoder();
  const typed = sampleTypedAddresses(geocoder.index, 2000, 20240621);
  const results = await geocoder.geocodeMany(typed.map(({ q }) => ({ q })));
  const measure = measureAccuracy(typed, results, 30);
  assert.ok(measure.accuracy >= 0.98, `précision ${measure.accuracy}, exemples ratés : ${JSON.stringify(measure.misses.slice(0, 5))}`);
});

test('le jeu d’adresses tapées est reproductible et varié', async () => {
  const geocoder = await parisGeocoder();
  const first = sampleTypedAddresses(geocoder.index, 300, 7);
  const again = sampleTypedAddresses(geocoder.index, 300, 7);
  assert.deepEqual(first, again);
  assert.ok(first.some(({ q }) => q === q.toLowerCase()));
  assert.ok(first.some(({ q }) => / (bd|av|r\.?) /i.test(q)), 'des types abrégés');
  assert.ok(first.some(({ q }) => /paris \d+/i.test(q)), 'des « Paris 18e »');
  assert.ok(first.some(({ q }) => !/75\d{3}|paris/i.test(q)), 'des adresses sans code postal ni ville');
});
