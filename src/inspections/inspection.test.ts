import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canInspection, frenchDay, inspectionTransition, isUpcoming, plannedDateProblem } from './inspection.js';

test('une inspection planifiée reçoit un rapport ou est annulée, une seule fois', () => {
  assert.deepEqual(inspectionTransition('planned', 'report'), { ok: true, from: 'planned', to: 'reported' });
  assert.deepEqual(inspectionTransition('planned', 'cancel'), { ok: true, from: 'planned', to: 'cancelled' });
  const twice = inspectionTransition('reported', 'report');
  assert.equal(twice.ok, false);
  assert.match(!twice.ok ? twice.message : '', /déjà rendu/);
  assert.equal(canInspection('cancelled', 'report'), false);
  assert.equal(canInspection('reported', 'cancel'), false);
});

test('la date : au plus un an après coup, au plus deux ans à l’avance', () => {
  assert.equal(plannedDateProblem('2025-07-11', '2025-07-11'), null);
  assert.equal(plannedDateProblem('2024-07-11', '2025-07-11'), null, '365 jours avant : accepté');
  assert.match(plannedDateProblem('2024-07-10', '2025-07-11') ?? '', /plus d’un an/);
  assert.equal(plannedDateProblem('2027-07-11', '2025-07-11'), null, '730 jours après : accepté');
  assert.match(plannedDateProblem('2027-07-12', '2025-07-11') ?? '', /deux ans/);
});

test('à venir : planifiée et datée d’aujourd’hui ou après ; date en français', () => {
  assert.equal(isUpcoming({ status: 'planned', plannedOn: '2025-07-11' }, '2025-07-11'), true);
  assert.equal(isUpcoming({ status: 'planned', plannedOn: '2025-07-10' }, '2025-07-11'), false);
  assert.equal(isUpcoming({ status: 'cancelled', plannedOn: '2025-08-01' }, '2025-07-11'), false);
  assert.equal(frenchDay('2025-02-03'), '03/02/2025');
});
