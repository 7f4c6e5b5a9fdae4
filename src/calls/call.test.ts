import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cutoffFor, isCallOpen, checkSelectionWeights, zonedInstant, formatParis } from './call.js';

const r1 = zonedInstant({ year: 2021, month: 7, day: 31, hour: 23, minute: 59, second: 59, ms: 999 }, 'Europe/Paris');
const r2 = zonedInstant({ year: 2021, month: 9, day: 30, hour: 23, minute: 59, second: 59, ms: 999 }, 'Europe/Paris');
const cutoffs = [
  { id: 'b', position: 2, label: 'Relevé 2', closesAt: r2 },
  { id: 'a', position: 1, label: 'Relevé 1', closesAt: r1 },
];

test('le relevé 1 ferme le 31/07/2021 à 23:59:59 heure de Paris (21:59:59 UTC, heure d’été)', () => {
  assert.equal(r1.toISOString(), '2021-07-31T21:59:59.999Z');
  assert.equal(formatParis(r1), '31/07/2021 à 23:59');
});

test('une candidature déposée à 23:59:59 le 31/07 rejoint le relevé 1, une seconde après le relevé 2', () => {
  assert.equal(cutoffFor(cutoffs, new Date('2021-07-31T21:59:59.000Z'))?.id, 'a');
  assert.equal(cutoffFor(cutoffs, new Date('2021-07-31T22:00:00.000Z'))?.id, 'b');
  assert.equal(cutoffFor(cutoffs, new Date('2021-10-01T00:00:00.000Z')), null);
});

test('l’heure d’hiver est prise en compte', () => {
  const d = zonedInstant({ year: 2021, month: 12, day: 31, hour: 23, minute: 59 }, 'Europe/Paris');
  assert.equal(d.toISOString(), '2021-12-31T22:59:00.000Z');
});

test('un appel est ouvert entre son ouverture et son dernier relevé', () => {
  const call = { opensAt: new Date('2021-05-19T22:00:00Z'), closesAt: null };
  assert.equal(isCallOpen(call, cutoffs, new Date('2021-05-19T21:59:59Z')), false);
  assert.equal(isCallOpen(call, cutoffs, new Date('2021-06-01T10:00:00Z')), true);
  assert.equal(isCallOpen(call, cutoffs, new Date('2021-10-01T10:00:00Z')), false);
  assert.equal(isCallOpen({ ...call, closesAt: new Date('2021-06-01T00:00:00Z') }, cutoffs, new Date('2021-06-02T00:00:00Z')), false);
});

test('les pondérations des critères de sélection doivent faire 10', () => {
  assert.deepEqual(checkSelectionWeights([2, 2, 1.5, 1.5, 1.5, 1.5]), { ok: true });
  const bad = checkSelectionWeights([2, 2, 2]);
  assert.equal(bad.ok, false);
  assert.match((bad as { message: string }).message, /6 au lieu de 10/);
});
