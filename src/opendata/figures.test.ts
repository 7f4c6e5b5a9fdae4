import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CallRules } from '../calls/call.js';
import type { LearnerFacts } from '../learners/indicators.js';
import { formatPublicCount, formatPublicShare, keyFigures, publishCount, publishShare, UNLOCATED_REGION, type FigureSession } from './figures.js';

const rules: CallRules = {
  durations: { minHours: 400, maxMonths: 12, maxMonthsDistance: 18, distanceShareThreshold: 0.5, labelYears: 3, reportingDelayMonths: 1, maxPostponementMonths: 3, firstSessionWithinMonths: 12, annualReportDue: '03-31' },
  targets: { womenShare: 0.3, priorityAreaShare: 0.2, positiveOutcomeShare: 0.6, minLearnersPerSession: 8, minSupportShareOfHours: 0.1, minSessionsPerYear: 1 },
};

const learner = (o: Partial<LearnerFacts> = {}): LearnerFacts => ({
  sex: 'M', educationLevel: 'bac_2', placement: 'placed', inQpv: false, inZrrFrr: false, leftOn: null, completion: null, certification: null, situation3m: null, situation6m: null, ...o,
});
const session = (id: string, o: Partial<FigureSession>, learners: LearnerFacts[]): FigureSession => ({ id, labelId: 'L1', organisationId: 'O1', start: '2025-03-01', region: 'Île-de-France', learners, ...o });

test('secret statistique : un effectif de 1 à 4 apprenants est masqué, 0 et 5 sont publiés', () => {
  assert.deepEqual(publishCount(0), { hidden: false, value: 0 });
  for (const n of [1, 2, 3, 4]) assert.deepEqual(publishCount(n), { hidden: true }, `effectif ${n}`);
  assert.deepEqual(publishCount(5), { hidden: false, value: 5 });
  assert.equal(formatPublicCount(publishCount(3)), 'Secret statistique');
  assert.equal(formatPublicCount(publishCount(1200)), (1200).toLocaleString('fr-FR'));
});

test('secret statistique : une part calculée sur moins de 5 apprenants est masquée, avec sa base et son verdict', () => {
  const small = publishShare('women', 'Femmes', { num: 1, den: 4, value: 0.25, target: 0.3, meets: false, small: true });
  assert.deepEqual(small.share, { hidden: true });
  assert.deepEqual(small.base, { hidden: true });
  assert.equal(small.meets, null, 'le verdict révélerait la part');
  assert.equal(formatPublicShare(small.share), 'Secret statistique');
  const ok = publishShare('women', 'Femmes', { num: 2, den: 5, value: 0.4, target: 0.3, meets: true, small: false });
  assert.deepEqual(ok.share, { hidden: false, value: 0.4 });
  assert.equal(formatPublicShare(ok.share), '40 %');
  const none = publishShare('positive3m', 'Sorties', { num: 0, den: 0, value: null, target: 0.6, meets: null, small: false });
  assert.equal(formatPublicShare(none.share), '—', 'personne à compter : un tiret, pas 0 %');
});

test('chiffres clés : national, par année et par région, avec les objectifs de l’appel', () => {
  const six = [learner({ sex: 'F', inQpv: true }), learner({ sex: 'F' }), learner({ educationLevel: 'infra_bac' }), learner({ inZrrFrr: true }), learner(), learner({ educationLevel: 'bac' })];
  const three = [learner({ sex: 'F', situation3m: 'cdi' }), learner({ situation3m: 'job_seeking' }), learner({ situation3m: 'cdi' })];
  const f = keyFigures([
    session('S1', {}, six),
    session('S2', { labelId: 'L2', organisationId: 'O2', start: '2026-01-10', region: 'Hauts-de-France' }, three),
    session('S3', { labelId: 'L2', organisationId: 'O2', start: '2026-09-01', region: null }, []),
  ], rules, { trainings: 4, organisations: 3 });
  assert.equal(f.national.sessions, 3);
  assert.equal(f.national.trainings, 2);
  assert.equal(f.national.organisations, 2);
  assert.deepEqual(f.national.learners, { hidden: false, value: 9 });
  const women = f.national.shares.find((s) => s.key === 'women')!;
  assert.deepEqual(women.share, { hidden: false, value: 3 / 9 });
  assert.equal(women.target, 0.3);
  assert.equal(women.meets, true);
  const bac = f.national.shares.find((s) => s.key === 'bacOrBelow')!;
  assert.deepEqual(bac.share, { hidden: false, value: 2 / 9 });
  // The 3-month outcomes are known for 3 learners only: hidden everywhere.
  assert.deepEqual(f.national.shares.find((s) => s.key === 'positive3m')!.share, { hidden: true });
  assert.deepEqual(f.byYear.map((g) => g.key), ['2025', '2026']);
  assert.deepEqual(f.byYear[1]!.learners, { hidden: true }, '3 apprenants en 2026 : masqué');
  assert.equal(f.byYear[1]!.sessions, 2);
  assert.deepEqual(f.byRegion.map((g) => g.key), ['Hauts-de-France', 'Île-de-France', UNLOCATED_REGION]);
  assert.deepEqual(f.byRegion[2]!.learners, { hidden: false, value: 0 });
  assert.ok(f.byRegion[0]!.shares.every((s) => s.share.hidden || s.share.value === null), 'aucune part publiée pour 3 apprenants');
  assert.ok(f.byRegion[0]!.shares.some((s) => s.share.hidden));
  assert.equal(f.activeTrainings, 4);
  assert.equal(f.targets.positiveOutcomeShare, 0.6);
});
