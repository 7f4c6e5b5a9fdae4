import { test } from 'node:test';
import assert from 'node:assert/strict';
import { easterSunday, frenchHolidays, isWorkingDay, addWorkingDays, firstAnswerDue, isoDay } from './working-days.js';

test('le dimanche de Pâques est calculé pour plusieurs années connues', () => {
  const known: Record<number, string> = { 2019: '2019-04-21', 2024: '2024-03-31', 2025: '2025-04-20', 2026: '2026-04-05', 2038: '2038-04-25' };
  for (const [y, iso] of Object.entries(known)) assert.equal(isoDay(easterSunday(Number(y))), iso, y);
});

test('les onze jours fériés nationaux de 2025 comprennent le lundi de Pâques, l’Ascension et le lundi de Pentecôte', () => {
  const h = frenchHolidays(2025);
  assert.equal(h.size, 11);
  assert.equal(h.get('2025-04-21'), 'Lundi de Pâques');
  assert.equal(h.get('2025-05-29'), 'Ascension');
  assert.equal(h.get('2025-06-09'), 'Lundi de Pentecôte');
  assert.equal(h.get('2025-07-14'), 'Fête nationale');
  assert.equal(h.has('2025-04-18'), false, 'le Vendredi saint n’est férié qu’en Alsace-Moselle');
});

test('le samedi, le dimanche et les jours fériés ne sont pas ouvrés', () => {
  assert.equal(isWorkingDay({ year: 2025, month: 7, day: 12 }), false);
  assert.equal(isWorkingDay({ year: 2025, month: 7, day: 13 }), false);
  assert.equal(isWorkingDay({ year: 2025, month: 7, day: 14 }), false);
  assert.equal(isWorkingDay({ year: 2025, month: 7, day: 15 }), true);
});

test('deux jours ouvrés après un vendredi tombent le mardi (week-end sauté)', () => {
  assert.equal(isoDay(addWorkingDays({ year: 2025, month: 3, day: 7 }, 2)), '2025-03-11');
});

test('deux jours ouvrés après le vendredi 11 juillet 2025 sautent le week-end et le 14 juillet', () => {
  assert.equal(isoDay(addWorkingDays({ year: 2025, month: 7, day: 11 }, 2)), '2025-07-16');
});

test('deux jours ouvrés après le jeudi 17 avril 2025 sautent le week-end de Pâques et le lundi de Pâques', () => {
  assert.equal(isoDay(addWorkingDays({ year: 2025, month: 4, day: 17 }, 2)), '2025-04-22');
});

test('une demande reçue un samedi compte à partir du lundi suivant', () => {
  assert.equal(isoDay(addWorkingDays({ year: 2025, month: 3, day: 8 }, 2)), '2025-03-11');
});

test('l’échéance est la fin du jour ouvré, heure de Paris, même reçue tard le soir (UTC du lendemain)', () => {
  // Vendredi 11 juillet 2025 à 23 h 30 à Paris = 21 h 30 UTC.
  const due = firstAnswerDue(new Date('2025-07-11T21:30:00Z'), 2);
  assert.equal(due.toISOString(), '2025-07-16T21:59:59.999Z');
  // En hiver (UTC+1) : reçue le vendredi 7 mars 2025 à 0 h 30 à Paris = jeudi 23 h 30 UTC.
  assert.equal(firstAnswerDue(new Date('2025-03-06T23:30:00Z'), 2).toISOString(), '2025-03-11T22:59:59.999Z');
});
