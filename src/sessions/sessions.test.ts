import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RULES_2021 } from '../calls/call-2021.data.js';
import { parseSessionInput, postponementNeedsChangeRequest, sessionBreaches, sessionDatesRequestHref, type SessionForRules } from './sessions.js';
import { buildIcs, escapeText, foldLine, calendarToken, calendarTokenValid, calendarTokenMatches, hashCalendarToken, newCalendarToken } from './ics.js';
import { compliance, type LabelInput } from './compliance.js';

const label = { validFrom: '2026-01-15', validUntil: '2029-01-14' };

function s(over: Partial<SessionForRules> = {}): SessionForRules {
  return { id: 's1', name: 'Printemps', status: 'planned', initialStart: '2026-03-02', plannedStart: '2026-03-02', plannedEnd: '2026-10-30', actualStart: null, places: 12, ...over };
}

test('déclaration : champs obligatoires, dates réelles, fin après démarrage, places entières', () => {
  const r = parseSessionInput({}, label);
  assert.equal(r.ok, false);
  if (!r.ok) {
    assert.equal(r.errors.name, 'Indiquez le nom de la session.');
    assert.equal(r.errors.modality, 'Choisissez la modalité de la session.');
    assert.equal(r.errors.workStudy, 'Indiquez si la session est ouverte à l’alternance.');
  }
  const bad = parseSessionInput({ name: 'A', plannedStart: '2026-02-30', plannedEnd: '2026-03-01', address: 'x', postcode: '93100', city: 'M', modality: 'presentiel', places: '2,5', workStudy: 'oui' }, label);
  assert.equal(bad.ok, false);
  if (!bad.ok) {
    assert.match(bad.errors.plannedStart!, /date valide/);
    assert.match(bad.errors.places!, /nombre entier/);
  }
  const late = parseSessionInput({ name: 'A', plannedStart: '2029-02-01', plannedEnd: '2029-06-01', address: 'x', postcode: '93100', city: 'M', modality: 'distance', places: '12', workStudy: 'non' }, label);
  assert.equal(late.ok, false);
  if (!late.ok) assert.match(late.errors.plannedStart!, /après la fin de validité du label \(14\/01\/2029\)/);
  const ok = parseSessionInput({ name: ' Printemps ', plannedStart: '2026-03-02', plannedEnd: '2026-10-30', address: '1 rue A', postcode: '93100', city: 'Montreuil', modality: 'hybride', places: '12', workStudy: 'oui' }, label);
  assert.deepEqual(ok, { ok: true, data: { name: 'Printemps', plannedStart: '2026-03-02', plannedEnd: '2026-10-30', address: '1 rue A', postcode: '93100', city: 'Montreuil', modality: 'hybride', places: 12, workStudy: true } });
});

test('manquements : première session hors délai, places insuffisantes, report de plus de 2 mois', () => {
  const { breaches } = sessionBreaches(label, RULES_2021, [s({ plannedStart: '2026-05-18', places: 8 })], '2026-02-01');
  assert.deepEqual(breaches.map((b) => b.code).sort(), ['first_session_late', 'postponed_too_far', 'too_few_places']);
  assert.match(breaches.find((b) => b.code === 'first_session_late')!.message, /au plus tard le 15\/04\/2026/);
  const approved = sessionBreaches(label, RULES_2021, [s({ plannedStart: '2026-05-18', places: 8 })], '2026-02-01', { postponementApproved: (id) => id === 's1' });
  assert.ok(!approved.breaches.some((b) => b.code === 'postponed_too_far'), 'un report approuvé par une demande de modification n’est pas un manquement');
  const fine = sessionBreaches(label, RULES_2021, [s({ plannedStart: '2026-04-15' })], '2026-02-01');
  assert.deepEqual(fine.breaches, [], 'report de 2 mois pile au dernier jour du délai : pas de manquement');
});

test('report approuvé par la GEN : mesuré ensuite depuis la date approuvée ; un nouveau report au-delà redevient un manquement', () => {
  const moved = s({ initialStart: '2026-03-02', plannedStart: '2026-07-06', approvedStart: '2026-07-06' });
  assert.deepEqual(sessionBreaches(label, RULES_2021, [moved], '2026-02-01').breaches.filter((b) => b.code === 'postponed_too_far'), [], 'le report approuvé n’est pas un manquement');
  assert.deepEqual(sessionBreaches(label, RULES_2021, [{ ...moved, plannedStart: '2026-09-04' }], '2026-02-01').breaches.filter((b) => b.code === 'postponed_too_far'), [], 'deux mois de plus que la date approuvée restent permis');
  const again = sessionBreaches(label, RULES_2021, [{ ...moved, actualStart: '2026-09-07' }], '2026-09-08').breaches.filter((b) => b.code === 'postponed_too_far');
  assert.equal(again.length, 1);
  assert.match(again[0]!.message, /démarre le 07\/09\/2026, à plus de 2 mois du 06\/07\/2026 approuvé par la GEN/);
  const unapproved = sessionBreaches(label, RULES_2021, [s({ plannedStart: '2026-07-06' })], '2026-02-01').breaches.find((b) => b.code === 'postponed_too_far');
  assert.match(unapproved!.message, /sans demande de modification approuvée est un manquement/);

  assert.equal(postponementNeedsChangeRequest('2026-03-02', '2026-05-02', 2), false, '2 mois pile : permis');
  assert.equal(postponementNeedsChangeRequest('2026-03-02', '2026-05-03', 2), true);
  assert.equal(postponementNeedsChangeRequest('2026-03-31', '2026-05-31', 2), false, 'fin de mois');
  assert.equal(postponementNeedsChangeRequest('2026-03-02', '2025-12-01', 2), true, 'avancer de plus de 2 mois aussi');
  assert.equal(postponementNeedsChangeRequest('2026-03-02', '2026-07-20', 2, '2026-07-06'), false, 'près de la date approuvée');
  assert.equal(postponementNeedsChangeRequest('2026-03-02', '2026-09-07', 2, '2026-07-06'), true);
  assert.equal(sessionDatesRequestHref('o1', { labelId: 'l1', id: 's1' }, '2026-07-06', '2027-01-29'),
    '/organisations/o1/conformite/modifications?type=session_dates&labelId=l1&sessionId=s1&newStart=2026-07-06&newEnd=2027-01-29&requestedOn=2026-07-06#nouvelle-demande');
});

test('première session : à surveiller avant l’échéance, manquement ensuite si rien n’a démarré', () => {
  assert.deepEqual(sessionBreaches(label, RULES_2021, [], '2026-04-15').warnings.map((w) => w.code), ['first_session_pending', 'year_without_session']);
  assert.deepEqual(sessionBreaches(label, RULES_2021, [], '2026-04-16').breaches.map((b) => b.code), ['first_session_late']);
  const cancelled = sessionBreaches(label, RULES_2021, [s({ status: 'cancelled' })], '2026-04-16');
  assert.deepEqual(cancelled.breaches.map((b) => b.code), ['first_session_late'], 'une session annulée ne compte pas');
});

test('au moins une session par année de label pour une formation de moins d’un an', () => {
  const sessions = [s()];
  assert.deepEqual(sessionBreaches(label, RULES_2021, sessions, '2027-01-14').breaches, []);
  const r = sessionBreaches(label, RULES_2021, sessions, '2028-01-15');
  assert.deepEqual(r.breaches.map((b) => b.code), ['no_session_in_year']);
  assert.match(r.breaches[0]!.message, /du 15\/01\/2027 au 14\/01\/2028/);
  // A training of more than a year does not need a session every year.
  assert.deepEqual(sessionBreaches(label, RULES_2021, [s({ plannedEnd: '2027-06-30' })], '2028-01-15').breaches, []);
});

test('ICS : échappement des textes et pliage à 75 octets sans couper un caractère', () => {
  assert.equal(escapeText('a;b,c\\d\ne'), 'a\\;b\\,c\\\\d\\ne');
  const line = `SUMMARY:${'é'.repeat(60)}`;
  const folded = foldLine(line);
  const parts = folded.split('\r\n');
  assert.ok(parts.length > 1);
  for (const p of parts) assert.ok(Buffer.byteLength(p, 'utf8') <= 75);
  assert.ok(parts.slice(1).every((p) => p.startsWith(' ')));
  assert.equal(folded.replace(/\r\n /g, ''), line, 'le dépliage redonne la ligne');
  const ics = buildIcs('Échéances', [{ uid: 'u1@x', start: '2028-02-28', end: '2028-02-29', summary: 'Bilan', stamp: new Date('2026-01-01T10:00:00Z') }]);
  assert.match(ics, /DTSTAMP:20260101T100000Z\r\nDTSTART;VALUE=DATE:20280228\r\nDTEND;VALUE=DATE:20280301\r\n/);
});

test('jeton du calendrier : propre à chaque organisme', () => {
  const a = calendarToken('secret-secret-secret-secret-secret', 'org-a');
  assert.ok(calendarTokenValid('secret-secret-secret-secret-secret', 'org-a', a));
  assert.ok(!calendarTokenValid('secret-secret-secret-secret-secret', 'org-b', a));
  assert.ok(!calendarTokenValid('secret-secret-secret-secret-secret', 'org-a', a.slice(1)));
});

test('jeton du calendrier : aléatoire, conservé sous forme d’empreinte, comparé en temps constant', () => {
  const t1 = newCalendarToken();
  const t2 = newCalendarToken();
  assert.match(t1, /^[A-Za-z0-9_-]{32}$/);
  assert.notEqual(t1, t2);
  const h = hashCalendarToken(t1);
  assert.match(h, /^[0-9a-f]{64}$/);
  assert.ok(!h.includes(t1));
  assert.ok(calendarTokenMatches(h, t1));
  assert.ok(!calendarTokenMatches(h, t2));
  assert.ok(!calendarTokenMatches(h, ''));
  assert.ok(!calendarTokenMatches(h, '../../etc'), 'un jeton mal formé est refusé');
});

test('conformité : retards, labels à risque, indicateurs par région et au niveau national', () => {
  const base: Omit<LabelInput, 'id' | 'number' | 'sessions' | 'obligations' | 'learners'> = {
    trainingTitle: 'Dév', status: 'active', organisationId: 'o', organisationName: 'Org', validFrom: '2026-01-15', validUntil: '2029-01-14', rules: RULES_2021,
  };
  const learner = (sex: 'F' | 'M', inQpv: boolean) => ({ sex, educationLevel: 'bac' as const, placement: 'placed' as const, inQpv, inZrrFrr: false, leftOn: null, completion: null, certification: null, situation3m: null, situation6m: null });
  const inputs: LabelInput[] = [
    { ...base, id: 'A', number: 'GEN-2026-0001', sessions: [{ ...s(), region: 'Bretagne' }],
      obligations: [{ id: '1', kind: 'start_attestation', year: null, dueOn: '2026-04-02', done: false, sessionId: 's1' }, { id: '2', kind: 'first_session', year: null, dueOn: '2026-04-15', done: true, sessionId: null }],
      learners: [learner('F', true), learner('M', false)] },
    { ...base, id: 'B', number: 'GEN-2026-0002', sessions: [{ ...s({ id: 's2' }), region: 'Normandie' }],
      obligations: [{ id: '3', kind: 'start_attestation', year: null, dueOn: '2026-04-02', done: true, sessionId: 's2' }],
      learners: [learner('F', false), learner('F', false), learner('M', false)] },
  ];
  const c = compliance(inputs, '2026-04-12', RULES_2021);
  assert.equal(c.late.length, 1);
  assert.equal(c.late[0]!.daysLate, 10);
  assert.equal(c.late[0]!.sessionName, 'Printemps');
  assert.deepEqual(c.atRisk.map((l) => l.id), ['A']);
  assert.deepEqual(c.regions.map((r) => [r.region, r.indicators.count, r.late]), [['Bretagne', 2, 1], ['Normandie', 3, 0]]);
  assert.equal(c.national!.indicators.count, 5);
  assert.equal(c.national!.indicators.women.num, 3);
  assert.equal(c.national!.late, 1);
});
