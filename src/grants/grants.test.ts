import { test } from 'node:test';
import assert from 'node:assert/strict';
import { callRulesSchema } from '../calls/call.js';
import { RULES_2021 } from '../calls/call-2021.data.js';
import {
  conditionMet, eurosFromCents, parseClawback, parseDecision, parseEurosToCents, planOf, planProblem, sessionsCovered, splitGrant, totals,
  trancheCan, trancheTransition, type PlanItem,
} from './grants.js';

const PLAN: PlanItem[] = [
  { label: 'Démarrage', sharePercent: 50, condition: 'start_attestation' },
  { label: 'Bilan', sharePercent: 50, condition: 'end_report' },
];

test('le plan de versement est une donnée de l’appel, validée : les parts totalisent 100 %', () => {
  assert.deepEqual(planOf(RULES_2021).map((p) => [p.sharePercent, p.condition]), [[50, 'start_attestation'], [50, 'end_report']]);
  const { seedGrantTranches: _, ...older } = RULES_2021;
  assert.deepEqual(planOf(older as typeof RULES_2021), RULES_2021.seedGrantTranches, 'un appel sans plan reprend celui de 2021');
  const own: PlanItem[] = [{ label: 'Avance', sharePercent: 30, condition: 'start_attestation' }, { label: 'Solde', sharePercent: 70, condition: 'end_report' }];
  assert.deepEqual(planOf({ seedGrantTranches: own }), own);
  assert.equal(planProblem(PLAN), null);
  assert.match(planProblem([{ ...PLAN[0]!, sharePercent: 60 }, PLAN[1]!])!, /totalisent 110 % au lieu de 100 %/);
  assert.match(planProblem([])!, /aucune tranche/);
  assert.equal(callRulesSchema.safeParse(RULES_2021).success, true);
  const bad = callRulesSchema.safeParse({ ...RULES_2021, seedGrantTranches: [{ ...PLAN[0]!, sharePercent: 40 }, PLAN[1]!] });
  assert.equal(bad.success, false);
  assert.match(JSON.stringify(bad.error?.issues), /totaliser 100 %/);
});

test('la subvention est répartie au centime près : la somme des tranches égale exactement la subvention', () => {
  assert.deepEqual(splitGrant(3_000_000, 1, PLAN).map((t) => [t.sessionRank, t.position, t.amountCents]), [[1, 1, 1_500_000], [1, 2, 1_500_000]]);
  assert.deepEqual(splitGrant(3_000_000, 2, PLAN).map((t) => [t.sessionRank, t.condition, t.amountCents]),
    [[1, 'start_attestation', 750_000], [1, 'end_report', 750_000], [2, 'start_attestation', 750_000], [2, 'end_report', 750_000]]);
  // 1 € on two sessions of 50/50: 25 cents each; 1,01 € : one cent more on the first tranche.
  assert.deepEqual(splitGrant(101, 2, PLAN).map((t) => t.amountCents), [26, 25, 25, 25]);
  const thirds: PlanItem[] = [{ label: 'a', sharePercent: 33, condition: 'start_attestation' }, { label: 'b', sharePercent: 33, condition: 'start_attestation' }, { label: 'c', sharePercent: 34, condition: 'end_report' }];
  for (const total of [1, 99, 100, 1_234_567, 2_400_000, 1_500_001]) {
    for (const sessions of [1, 2]) {
      const split = splitGrant(total, sessions, thirds);
      assert.equal(split.reduce((s, t) => s + t.amountCents, 0), total, `${total} sur ${sessions} session(s)`);
      assert.ok(split.every((t) => t.amountCents >= 0));
    }
  }
  assert.throws(() => splitGrant(100, 1, [{ ...PLAN[0]!, sharePercent: 10 }]), /totalisent 10 %/);
  assert.equal(sessionsCovered({ seedGrantSessions: 'first_two' }), 2);
  assert.equal(sessionsCovered({ seedGrantSessions: 'first' }), 1);
  assert.equal(sessionsCovered({}), 1);
});

test('transitions permises d’une tranche : prévue → à verser → versée ; retenue avant versement ; rétablissement', () => {
  assert.deepEqual(trancheTransition('planned', 'condition_met'), { ok: true, from: 'planned', to: 'payable' });
  assert.deepEqual(trancheTransition('payable', 'pay'), { ok: true, from: 'payable', to: 'paid' });
  assert.deepEqual(trancheTransition('planned', 'withhold'), { ok: true, from: 'planned', to: 'withheld' });
  assert.deepEqual(trancheTransition('payable', 'withhold'), { ok: true, from: 'payable', to: 'withheld' });
  assert.deepEqual(trancheTransition('withheld', 'release'), { ok: true, from: 'withheld', to: 'planned' });
  const refused = trancheTransition('planned', 'pay');
  assert.equal(refused.ok, false);
  assert.match((refused as { message: string }).message, /Tranche « prévue » : seule une tranche à verser/);
  assert.equal(trancheCan('paid', 'withhold'), false);
  assert.equal(trancheCan('paid', 'pay'), false);
  assert.equal(trancheCan('withheld', 'pay'), false);
  assert.equal(trancheCan('payable', 'condition_met'), false);
});

test('une condition est remplie par la session de son rang (sessions annulées écartées, ordre des débuts)', () => {
  const at = new Date('2026-04-10T09:00:00Z');
  const sessions = [
    { id: 's-b', status: 'planned', plannedStart: '2026-09-01', actualStart: null, startAttestedAt: null, endReportedAt: null },
    { id: 's-x', status: 'cancelled', plannedStart: '2026-01-05', actualStart: null, startAttestedAt: at, endReportedAt: at },
    { id: 's-a', status: 'started', plannedStart: '2026-03-01', actualStart: '2026-03-02', startAttestedAt: at, endReportedAt: null },
  ];
  assert.deepEqual(conditionMet({ sessionRank: 1, condition: 'start_attestation' }, sessions), { sessionId: 's-a', at });
  assert.equal(conditionMet({ sessionRank: 1, condition: 'end_report' }, sessions), null);
  assert.equal(conditionMet({ sessionRank: 2, condition: 'start_attestation' }, sessions), null);
  assert.equal(conditionMet({ sessionRank: 3, condition: 'start_attestation' }, sessions), null, 'pas de troisième session');
  assert.equal(conditionMet({ sessionRank: 1, condition: 'start_attestation' }, []), null);
});

test('montants en euros saisis en français, totaux par état et reprises', () => {
  assert.equal(parseEurosToCents('1 234,56'), 123456);
  assert.equal(parseEurosToCents('1500'), 150000);
  assert.equal(parseEurosToCents('12,5 €'), 1250);
  assert.equal(parseEurosToCents('12,345'), null);
  assert.equal(parseEurosToCents('-3'), null);
  assert.equal(parseEurosToCents('abc'), null);
  assert.equal(eurosFromCents(1234567), '12 345,67 €');
  assert.equal(eurosFromCents(-150000), '-1 500,00 €');
  const t = totals([{ state: 'paid', amountCents: 500 }, { state: 'paid', amountCents: 300 }, { state: 'planned', amountCents: 200 }, { state: 'withheld', amountCents: 100 }], [{ amountCents: 250 }]);
  assert.deepEqual(t, { planned: 200, payable: 0, paid: 800, withheld: 100, clawedBack: 250, netPaid: 550, total: 1100 });
});

test('formulaires : versement daté et référencé, retenue motivée, reprise au plus égale au versé non repris', () => {
  const id = '0f8fad5b-d9cb-469f-a165-70867728950e';
  const ok = parseDecision({ tranche: id, decision: 'pay', paidOn: '14/03/2026', reference: 'MANDAT-42' }, '2026-03-20');
  assert.deepEqual(ok, { ok: true, decision: { kind: 'pay', trancheId: id, paidOn: '2026-03-14', reference: 'MANDAT-42', motivation: '' } });
  const future = parseDecision({ tranche: id, decision: 'pay', paidOn: '21/03/2026', reference: 'x' }, '2026-03-20');
  assert.equal(future.ok, false);
  assert.match((future as { errors: Record<string, string> }).errors.paidOn!, /futur/);
  assert.match((future as { errors: Record<string, string> }).errors.reference!, /référence du paiement/);
  const unmotivated = parseDecision({ tranche: id, decision: 'withhold', motivation: 'non' }, '2026-03-20');
  assert.match((unmotivated as { errors: Record<string, string> }).errors.motivation!, /Motivez la décision/);
  assert.equal(parseDecision({ tranche: id, decision: 'withhold', motivation: 'Sanction de retenue prononcée.' }, '2026-03-20').ok, true);
  const none = parseDecision({}, '2026-03-20') as { errors: Record<string, string> };
  assert.deepEqual(Object.keys(none.errors).sort(), ['decision', 'tranche']);

  const over = parseClawback({ montant: '1 500,01', dateReprise: '01/03/2026', motifReprise: 'Session non tenue.' }, 150000, '2026-03-20') as { ok: false; errors: Record<string, string> };
  assert.match(over.errors.montant!, /ne peut pas dépasser ce qui a été versé et non encore repris \(1 500,00 €\)/);
  assert.deepEqual(parseClawback({ montant: '1 500', dateReprise: '01/03/2026', motifReprise: 'Session non tenue.' }, 150000, '2026-03-20'),
    { ok: true, amountCents: 150000, decidedOn: '2026-03-01', motivation: 'Session non tenue.' });
  const bad = parseClawback({ montant: '0', dateReprise: '31/02/2026', motifReprise: '' }, 150000, '2026-03-20') as { ok: false; errors: Record<string, string> };
  assert.deepEqual(Object.keys(bad.errors).sort(), ['dateReprise', 'montant', 'motifReprise']);
});
