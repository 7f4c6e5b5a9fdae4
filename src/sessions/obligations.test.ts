import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addMonths, addDays, annualReportDueOn, obligationKey, obligationState, computeObligations, reminderStageOn, exceedsMonths, isDay,
  type SessionFacts,
} from './obligations.js';

const durations = { reportingDelayMonths: 1, firstSessionWithinMonths: 3, annualReportDue: '01-31' };

function session(over: Partial<SessionFacts> = {}): SessionFacts {
  return {
    id: 's1', status: 'planned', plannedStart: '2026-03-02', plannedEnd: '2026-09-30', actualStart: null, actualEnd: null,
    startAttestedAt: null, endReportedAt: null, learners: 0, with3m: 0, with6m: 0, learnersUpdatedAt: null, ...over,
  };
}

test('addMonths : le 31 janvier plus un mois donne le dernier jour de février', () => {
  assert.equal(addMonths('2026-01-31', 1), '2026-02-28');
  assert.equal(addMonths('2028-01-31', 1), '2028-02-29');
  assert.equal(addMonths('2026-03-31', 1), '2026-04-30');
  assert.equal(addMonths('2026-01-15', 1), '2026-02-15');
  assert.equal(addMonths('2026-12-31', 1), '2027-01-31');
  assert.equal(addMonths('2026-08-31', -6), '2026-02-28');
  assert.equal(addMonths('2024-02-29', 12), '2025-02-28');
});

test('addDays traverse les fins de mois et le 29 février', () => {
  assert.equal(addDays('2028-02-28', 1), '2028-02-29');
  assert.equal(addDays('2026-02-28', 1), '2026-03-01');
  assert.equal(addDays('2026-01-07', -7), '2025-12-31');
});

test('isDay refuse les jours qui n’existent pas', () => {
  assert.ok(isDay('2028-02-29'));
  assert.ok(!isDay('2026-02-29'));
  assert.ok(!isDay('2026-13-01'));
  assert.ok(!isDay('02/03/2026'));
});

test('bilan annuel : dû le 31 janvier de l’année suivante, 29 février ramené au 28 en année commune', () => {
  assert.equal(annualReportDueOn(2025, '01-31'), '2026-01-31');
  assert.equal(annualReportDueOn(2027, '02-29'), '2028-02-29');
  assert.equal(annualReportDueOn(2025, '02-29'), '2026-02-28');
});

test('état : à venir, à échéance dans les 7 jours ou le jour même, en retard le lendemain, fait', () => {
  assert.equal(obligationState('2026-03-31', false, '2026-03-23'), 'upcoming');
  assert.equal(obligationState('2026-03-31', false, '2026-03-24'), 'due');
  assert.equal(obligationState('2026-03-31', false, '2026-03-31'), 'due');
  assert.equal(obligationState('2026-03-31', false, '2026-04-01'), 'late');
  assert.equal(obligationState('2026-03-31', true, '2026-05-01'), 'done');
});

test('report : plus de 2 mois de décalage par rapport au démarrage initial est un manquement', () => {
  assert.equal(exceedsMonths('2026-03-15', '2026-05-15', 2), false);
  assert.equal(exceedsMonths('2026-03-15', '2026-05-16', 2), true);
  assert.equal(exceedsMonths('2026-12-31', '2027-02-28', 2), false);
  assert.equal(exceedsMonths('2026-12-31', '2027-03-01', 2), true);
  assert.equal(exceedsMonths('2026-05-31', '2026-03-31', 2), false);
  assert.equal(exceedsMonths('2026-05-31', '2026-03-30', 2), true);
});

test('sans date de début de validité, un label n’a aucune obligation', () => {
  assert.deepEqual(computeObligations({ id: 'L', validFrom: null }, durations, [session()], '2026-01-01'), []);
});

test('échéances d’un label signé le 30 novembre 2025 avec une session prévue', () => {
  const list = computeObligations({ id: 'L', validFrom: '2025-11-30' }, durations, [session()], '2026-01-10');
  const due = Object.fromEntries(list.map((o) => [o.key, o.dueOn]));
  assert.deepEqual(due, {
    'L:first_session': '2026-02-28',
    's1:start_attestation': '2026-04-02',
    's1:end_report': '2026-10-30',
    's1:outcomes_3m': '2027-01-30',
    's1:outcomes_6m': '2027-04-30',
    'L:annual_report:2026': '2027-01-31',
  });
  assert.equal(list.find((o) => o.kind === 'first_session')!.doneAt, null, 'pas encore démarrée');
  assert.equal(list.find((o) => o.kind === 'annual_report')!.doneAt, undefined, 'le bilan annuel n’est pas déduit');
});

test('le démarrage réel remplace le démarrage prévu, et un report déplace les échéances', () => {
  const planned = computeObligations({ id: 'L', validFrom: '2026-01-31' }, durations, [session({ plannedStart: '2026-01-31', plannedEnd: '2026-12-31' })], '2026-01-01');
  assert.equal(planned.find((o) => o.kind === 'start_attestation')!.dueOn, '2026-02-28');
  const postponed = computeObligations({ id: 'L', validFrom: '2026-01-31' }, durations, [session({ plannedStart: '2026-03-31', plannedEnd: '2027-01-31' })], '2026-01-01');
  assert.equal(postponed.find((o) => o.kind === 'start_attestation')!.dueOn, '2026-04-30');
  assert.equal(postponed.find((o) => o.kind === 'end_report')!.dueOn, '2027-02-28');
  assert.deepEqual(postponed.filter((o) => o.kind === 'annual_report').map((o) => o.year), [2026, 2027]);
  const actual = computeObligations({ id: 'L', validFrom: '2026-01-31' }, durations, [session({ plannedStart: '2026-03-31', actualStart: '2028-01-31', plannedEnd: '2028-12-31' })], '2028-02-01');
  assert.equal(actual.find((o) => o.kind === 'start_attestation')!.dueOn, '2028-02-29');
});

test('la première session est faite dès qu’une session non annulée a démarré', () => {
  const s = [session({ id: 'a', status: 'cancelled', plannedStart: '2026-01-10' }), session({ id: 'b', plannedStart: '2026-02-20' })];
  const before = computeObligations({ id: 'L', validFrom: '2026-01-01' }, durations, s, '2026-02-19');
  assert.equal(before.find((o) => o.kind === 'first_session')!.doneAt, null);
  assert.ok(!before.some((o) => o.sessionId === 'a'), 'une session annulée n’a pas d’échéance');
  const after = computeObligations({ id: 'L', validFrom: '2026-01-01' }, durations, s, '2026-02-20');
  assert.equal(after.find((o) => o.kind === 'first_session')!.doneAt?.toISOString(), '2026-02-20T00:00:00.000Z');
});

test('attestations, bilans et situations faits d’après la session et ses apprenants', () => {
  const at = new Date('2026-03-10T10:00:00Z');
  const last = new Date('2027-01-05T10:00:00Z');
  const list = computeObligations({ id: 'L', validFrom: '2026-01-01' }, durations, [session({ startAttestedAt: at, endReportedAt: at, learners: 12, with3m: 12, with6m: 11, learnersUpdatedAt: last })], '2027-02-01');
  assert.equal(list.find((o) => o.kind === 'start_attestation')!.doneAt, at);
  assert.equal(list.find((o) => o.kind === 'end_report')!.doneAt, at);
  assert.equal(list.find((o) => o.kind === 'outcomes_3m')!.doneAt, last);
  assert.equal(list.find((o) => o.kind === 'outcomes_6m')!.doneAt, null, 'il manque une situation à 6 mois');
  const empty = computeObligations({ id: 'L', validFrom: '2026-01-01' }, durations, [session()], '2027-02-01');
  assert.equal(empty.find((o) => o.kind === 'outcomes_3m')!.doneAt, null, 'sans apprenants, rien n’est fait');
});

test('relances : J-7, J0 puis J+7, chacune jusqu’à la suivante', () => {
  const due = '2026-03-31';
  assert.equal(reminderStageOn(due, '2026-03-23'), null);
  assert.equal(reminderStageOn(due, '2026-03-24'), 'J-7');
  assert.equal(reminderStageOn(due, '2026-03-30'), 'J-7');
  assert.equal(reminderStageOn(due, '2026-03-31'), 'J0');
  assert.equal(reminderStageOn(due, '2026-04-06'), 'J0');
  assert.equal(reminderStageOn(due, '2026-04-07'), 'J+7');
  assert.equal(reminderStageOn(due, '2026-04-13'), 'J+7');
  assert.equal(reminderStageOn(due, '2026-04-14'), null);
});

test('les clés d’obligation calculées sont celles que donne obligationKey', () => {
  const list = computeObligations({ id: 'L', validFrom: '2026-01-01' }, durations, [session()], '2026-01-10');
  for (const o of list) assert.equal(o.key, obligationKey(o.kind, { labelId: 'L', sessionId: o.sessionId, year: o.year }));
});
