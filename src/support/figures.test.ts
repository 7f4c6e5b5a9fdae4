import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeFigures, formatDuration, mondayOf, stats, weeksBetween, type FigureTicket } from './figures.js';

const H = 3_600_000;

function ticket(createdAt: string, o: Partial<FigureTicket> & { answerH?: number; resolveH?: number } = {}): FigureTicket {
  const c = new Date(createdAt);
  return {
    topic: o.topic ?? 'applying', createdAt: c, firstAnswerDueAt: o.firstAnswerDueAt ?? new Date(c.getTime() + 48 * H),
    firstAnsweredAt: o.answerH === undefined ? null : new Date(c.getTime() + o.answerH * H),
    resolvedAt: o.resolveH === undefined ? null : new Date(c.getTime() + o.resolveH * H),
    closedAt: null, satisfaction: o.satisfaction ?? null,
  };
}

test('médiane et moyenne : nombre pair, impair, liste vide', () => {
  assert.deepEqual(stats([]), { count: 0, medianMs: null, meanMs: null });
  assert.deepEqual(stats([5, 1, 3]), { count: 3, medianMs: 3, meanMs: 3 });
  assert.deepEqual(stats([4, 1, 10, 2]), { count: 4, medianMs: 3, meanMs: 4.25 });
});

test('les semaines commencent le lundi, heure de Paris, et couvrent toute la période', () => {
  assert.equal(mondayOf({ year: 2025, month: 7, day: 13 }), '2025-07-07', 'un dimanche appartient à la semaine du lundi précédent');
  assert.equal(mondayOf({ year: 2025, month: 7, day: 14 }), '2025-07-14');
  assert.equal(mondayOf({ year: 2025, month: 1, day: 1 }), '2024-12-30', 'à cheval sur deux années');
  assert.deepEqual(weeksBetween('2025-07-09', '2025-07-22'), ['2025-07-07', '2025-07-14', '2025-07-21']);
});

test('par sujet, par semaine, délais, réponses dans le délai, satisfaction', () => {
  const f = computeFigures([
    ticket('2025-07-07T08:00:00Z', { topic: 'applying', answerH: 2, resolveH: 10, satisfaction: 5 }),
    ticket('2025-07-08T08:00:00Z', { topic: 'complaint', answerH: 60, resolveH: 100 }),
    ticket('2025-07-13T21:30:00Z', { topic: 'applying', answerH: 4, satisfaction: 3 }),
    // Sunday 23:30 in Paris is still the week of 7 July, Monday 00:30 Paris (22:30 UTC on Sunday) the next.
    ticket('2025-07-13T22:30:00Z', { topic: 'technical' }),
  ], '2025-07-07', '2025-07-20');
  assert.equal(f.total, 4);
  assert.deepEqual(f.byTopic.filter((x) => x.count > 0), [{ topic: 'applying', count: 2 }, { topic: 'complaint', count: 1 }, { topic: 'technical', count: 1 }]);
  assert.equal(f.byTopic.length, 6, 'chaque sujet figure, même à zéro');
  assert.deepEqual(f.byWeek, [{ monday: '2025-07-07', count: 3 }, { monday: '2025-07-14', count: 1 }]);
  assert.equal(f.firstAnswer.count, 3);
  assert.equal(f.firstAnswer.medianMs, 4 * H);
  assert.equal(f.firstAnswer.meanMs, 22 * H);
  assert.equal(f.firstAnswer.onTime, 2, 'la réponse à 60 h dépasse l’échéance de 48 h');
  assert.equal(f.firstAnswer.unanswered, 1);
  assert.equal(f.resolution.count, 2);
  assert.equal(f.resolution.medianMs, 55 * H);
  assert.equal(f.resolution.unresolved, 2);
  assert.deepEqual(f.satisfaction, { count: 2, mean: 4 });
});

test('les durées en français', () => {
  assert.equal(formatDuration(null), '—');
  assert.equal(formatDuration(25 * 60_000), '25 min');
  assert.equal(formatDuration(5 * H), '5 h');
  assert.equal(formatDuration(60 * H), '2,5 jours');
});
