import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseNumber, parseParisDeadline, calendarProblem, parseWeightsForm, parseRulesForm, rulesValues } from './call-forms.js';
import { RULES_2021 } from './call-2021.data.js';

test('les nombres se saisissent avec une virgule ou un point', () => {
  assert.equal(parseNumber('2,5'), 2.5);
  assert.equal(parseNumber(' 10 '), 10);
  assert.equal(parseNumber('deux'), null);
  assert.equal(parseNumber(''), null);
});

test('une échéance saisie en heure de Paris ferme à la fin de la minute indiquée', () => {
  assert.equal(parseParisDeadline('31/07/2021', '23:59')?.toISOString(), '2021-07-31T21:59:59.999Z');
  assert.equal(parseParisDeadline('2021-12-31', '23h59')?.toISOString(), '2021-12-31T22:59:59.999Z');
  assert.equal(parseParisDeadline('31/06/2021', '12:00'), null);
  assert.equal(parseParisDeadline('30/06/2021', '24:00'), null);
});

test('les relevés ferment après l’ouverture et chacun après le précédent', () => {
  const open = new Date('2021-05-19T22:00:00Z');
  assert.equal(calendarProblem(open, [new Date('2021-07-31T21:59:59Z'), new Date('2021-09-30T21:59:59Z')]), null);
  assert.equal(calendarProblem(open, [new Date('2021-05-01T00:00:00Z')])?.index, 0);
  assert.equal(calendarProblem(open, [new Date('2021-09-30T21:59:59Z'), new Date('2021-07-31T21:59:59Z')])?.index, 1);
});

test('une pondération hors de 0 à 10 ou à plus de deux décimales est refusée', () => {
  const crit = [{ id: 'a', code: 'S1' }, { id: 'b', code: 'S2' }];
  assert.deepEqual(parseWeightsForm({ poids_S1: '2,55', poids_S2: '7,45' }, crit), { ok: true, data: [{ id: 'a', code: 'S1', weight: 2.55 }, { id: 'b', code: 'S2', weight: 7.45 }] });
  const bad = parseWeightsForm({ poids_S1: '11', poids_S2: '1,234' }, crit);
  assert.equal(bad.ok, false);
  assert.deepEqual(Object.keys((bad as { errors: object }).errors), ['poids_S1', 'poids_S2']);
});

test('le formulaire des règles fait l’aller-retour et convertit les pourcentages', () => {
  const values = rulesValues(RULES_2021);
  assert.equal(values.womenShare, '30');
  assert.equal(values.minSupportShareOfHours, '10');
  assert.deepEqual(parseRulesForm(values, RULES_2021), { ok: true, data: RULES_2021 });
  const zero = parseRulesForm({ ...values, labelYears: '0' }, RULES_2021);
  assert.equal(zero.ok, false);
  assert.match((zero as { errors: Record<string, string> }).errors.labelYears!, /strictement positive/);
});
