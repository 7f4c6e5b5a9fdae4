import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readVerdicts, outcomeRefusal, unmetCriteria, verdictField, verdictCommentField, type CriterionVerdict } from './admissibility-review.js';
import { ADMISSIBILITY_2021 } from '../calls/call-2021.data.js';
import { territorialBalance } from './balance.js';
import { areaOfPostcode, departementOfPostcode } from './region.js';

const criteria = ADMISSIBILITY_2021.map((c) => ({ code: c.code, title: c.title }));
const all = (v: 'met' | 'not_met'): CriterionVerdict[] => criteria.map((c) => ({ criterionCode: c.code, verdict: v, comment: v === 'not_met' ? 'Motif.' : '' }));

test('un critère non rempli doit être commenté, car le commentaire figure dans la notification', () => {
  const values = Object.fromEntries(criteria.map((c) => [verdictField(c.code), 'met']));
  values[verdictField('R3')] = 'not_met';
  const r = readVerdicts(criteria, values);
  assert.ok(!r.ok && r.errors[verdictCommentField('R3')]);
  values[verdictCommentField('R3')] = 'La formation dure 350 heures.';
  const ok = readVerdicts(criteria, values);
  assert.ok(ok.ok && ok.verdicts.length === 10);
  assert.ok(!readVerdicts(criteria, {}).ok, 'aucun avis : chaque critère est signalé');
});

test('recevable seulement si les 10 critères sont remplis ; irrecevable seulement si l’un ne l’est pas', () => {
  assert.equal(outcomeRefusal('admissible', criteria, all('met')), null);
  assert.match(outcomeRefusal('admissible', criteria, all('met').slice(0, 9))!, /chaque critère/);
  const oneUnmet = all('met').map((v) => (v.criterionCode === 'R7' ? { ...v, verdict: 'not_met' as const, comment: 'Frais de certification à la charge des apprenants.' } : v));
  assert.match(outcomeRefusal('admissible', criteria, oneUnmet)!, /10 critères/);
  assert.equal(outcomeRefusal('inadmissible', criteria, oneUnmet), null);
  assert.match(outcomeRefusal('inadmissible', criteria, all('met'))!, /Tous les critères sont remplis/);
  assert.equal(outcomeRefusal('correction', criteria, []), null, 'une demande de corrections ne dépend pas des avis');
  assert.deepEqual(unmetCriteria(criteria, oneUnmet).map((c) => c.code), ['R7']);
});

test('la région se déduit du code postal, Corse et outre-mer compris', () => {
  assert.equal(departementOfPostcode('93100'), '93');
  assert.equal(departementOfPostcode('20000'), '2A');
  assert.equal(departementOfPostcode('20200'), '2B');
  assert.equal(departementOfPostcode('97400'), '974');
  assert.equal(departementOfPostcode('9310'), null);
  assert.deepEqual(areaOfPostcode('93100'), { departementCode: '93', regionCode: '11', regionName: 'Île-de-France' });
  assert.equal(areaOfPostcode('20090')?.regionName, 'Corse');
  assert.equal(areaOfPostcode('97400')?.regionName, 'La Réunion');
});

test('l’équilibre territorial compte par région les candidatures déposées, recevables, labellisées et refusées', () => {
  const b = territorialBalance(
    [{ regionCode: '11', regionName: 'Île-de-France', n: 3 }, { regionCode: '53', regionName: 'Bretagne', n: 1 }, { regionCode: null, regionName: null, n: 1 }],
    [{ regionCode: '11', regionName: 'Île-de-France', decision: { outcome: 'labelled' } }, { regionCode: '11', regionName: 'Île-de-France', decision: null }, { regionCode: '53', regionName: 'Bretagne', decision: { outcome: 'rejected' } }],
  );
  assert.deepEqual(b.lines.map((l) => [l.regionName, l.applied, l.admissible, l.labelled, l.rejected]), [
    ['Bretagne', 1, 1, 0, 1], ['Île-de-France', 3, 2, 1, 0], ['Région inconnue', 1, 0, 0, 0],
  ]);
  assert.deepEqual([b.total.applied, b.total.admissible, b.total.labelled, b.total.rejected], [5, 3, 1, 1]);
});
