import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pointsFor, readSheet, sheetTotal, aggregate, levelField, commentField, formatScore } from './scoring.js';
import { SELECTION_2021 } from '../calls/call-2021.data.js';

const grid = SELECTION_2021.map((c) => ({ code: c.code, title: c.title, weight: c.weight! }));
const fill = (level: string, comment = 'Justifié.') => Object.fromEntries(grid.flatMap((c) => [[levelField(c.code), level], [commentField(c.code), comment]]));

test('un niveau de 0 à 4 donne une part de la pondération du critère', () => {
  assert.equal(pointsFor(0, 2.5), 0);
  assert.equal(pointsFor(4, 2.5), 2.5);
  assert.equal(pointsFor(3, 1.5), 1.13, 'arrondi à deux décimales');
  assert.equal(pointsFor(1, 2.5), 0.63);
  assert.throws(() => pointsFor(5, 1.5), RangeError);
  assert.throws(() => pointsFor(-1, 1.5), RangeError);
  assert.throws(() => pointsFor(2.5, 1.5), RangeError);
});

test('une grille toute au niveau 4 vaut 10 / 10, toute au niveau 0 vaut 0 / 10', () => {
  const top = readSheet(grid, fill('4'));
  const bottom = readSheet(grid, fill('0'));
  assert.ok(top.ok && bottom.ok);
  assert.equal(top.total, 10);
  assert.equal(bottom.total, 0);
  const half = readSheet(grid, fill('2'));
  assert.ok(half.ok && half.total === 5);
});

test('un niveau hors de l’échelle, manquant ou non entier est refusé avec le critère en cause', () => {
  const v = fill('4');
  v[levelField('S2')] = '5';
  v[levelField('S3')] = '';
  v[levelField('S4')] = '2.5';
  const r = readSheet(grid, v);
  assert.ok(!r.ok);
  assert.match(r.errors[levelField('S2')]!, /entre 0 et 4/);
  assert.match(r.errors[levelField('S3')]!, /choisissez un niveau/);
  assert.ok(r.errors[levelField('S4')]);
  assert.equal(r.errors[levelField('S1')], undefined);
});

test('chaque note doit être justifiée par un commentaire', () => {
  const r = readSheet(grid, fill('3', '  '));
  assert.ok(!r.ok);
  assert.equal(Object.keys(r.errors).length, grid.length);
});

test('les notes de plusieurs instructeurs donnent moyenne, médiane et écart ; un écart de plus de 2 points est à discuter', () => {
  assert.equal(aggregate([]), null);
  assert.deepEqual(aggregate([7]), { count: 1, mean: 7, median: 7, spread: 0, needsDiscussion: false });
  assert.deepEqual(aggregate([6, 8]), { count: 2, mean: 7, median: 7, spread: 2, needsDiscussion: false });
  assert.deepEqual(aggregate([5, 7.5, 8.25]), { count: 3, mean: 6.92, median: 7.5, spread: 3.25, needsDiscussion: true });
  assert.equal(sheetTotal([{ points: 1.13 }, { points: 2.5 }]), 3.63);
  assert.equal(formatScore(7.5), '7,50 / 10');
  assert.equal(formatScore(null), '—');
});
