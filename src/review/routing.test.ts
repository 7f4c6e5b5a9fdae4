import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planAssignments, conflictKey, seedGrantCeiling, checkSeedGrant, isTagColour } from './routing.js';
import { territorialBalance, percent } from './balance.js';

const reviewers = [
  { id: 'a', fullName: 'Anne', load: 2 },
  { id: 'b', fullName: 'Bruno', load: 0 },
  { id: 'c', fullName: 'Chloé', load: 1 },
];

test('affectation automatique : chaque candidature reçoit N instructeurs, les moins chargés d’abord, la charge grandit au fil du plan', () => {
  const apps = ['x1', 'x2', 'x3'].map((id) => ({ applicationId: id, organisationId: `org-${id}`, assigned: [], candidates: ['a', 'b', 'c'] }));
  const { plan, short } = planAssignments(apps, reviewers, new Set(), 2);
  assert.deepEqual(short, []);
  assert.deepEqual(plan.map((p) => `${p.applicationId}:${p.reviewerId}`), ['x1:b', 'x1:c', 'x2:b', 'x2:a', 'x3:b', 'x3:c']);
  const load = (id: string) => reviewers.find((r) => r.id === id)!.load + plan.filter((p) => p.reviewerId === id).length;
  assert.deepEqual(['a', 'b', 'c'].map(load), [3, 3, 3], 'la charge finale est équilibrée');
});

test('affectation automatique : jamais un instructeur lié à l’organisme, ni un déjà affecté ; manque signalé', () => {
  const apps = [
    { applicationId: 'x1', organisationId: 'org1', assigned: ['c'], candidates: ['a', 'b', 'c'] },
    { applicationId: 'x2', organisationId: 'org2', assigned: [], candidates: ['b'] },
  ];
  const { plan, short } = planAssignments(apps, reviewers, new Set([conflictKey('b', 'org1')]), 2);
  assert.deepEqual(plan, [{ applicationId: 'x1', reviewerId: 'a' }, { applicationId: 'x2', reviewerId: 'b' }]);
  assert.deepEqual(short, ['x2'], 'un seul candidat pour deux places');
  assert.ok(!plan.some((p) => p.applicationId === 'x1' && p.reviewerId === 'b'), 'conflit respecté');
});

test('affectation automatique : un candidat hors de la liste des instructeurs actifs n’est jamais choisi', () => {
  const { plan } = planAssignments([{ applicationId: 'x', organisationId: 'o', assigned: [], candidates: ['inconnu', 'b'] }], reviewers, new Set(), 1);
  assert.deepEqual(plan, [{ applicationId: 'x', reviewerId: 'b' }]);
});

test('subvention d’amorçage : au plus le montant demandé et 80 % du budget des sessions concernées', () => {
  const c = seedGrantCeiling({ seedGrantRequested: 'oui', seedGrantAmount: '30000', seedGrantSessions: 'first', budgetPerSession: '25000' }, 0.8);
  assert.deepEqual(c, { requested: 30000, budgetCap: 20000, max: 20000 });
  assert.equal(checkSeedGrant(20000, c, 0.8), null);
  assert.match(checkSeedGrant(20001, c, 0.8)!, /80 % du budget/);
  const two = seedGrantCeiling({ seedGrantRequested: 'oui', seedGrantAmount: '30000', seedGrantSessions: 'first_two', budgetPerSession: '25000' }, 0.8);
  assert.equal(two.max, 30000);
  assert.match(checkSeedGrant(30500, two, 0.8)!, /montant demandé/);
  const none = seedGrantCeiling({ seedGrantRequested: 'non' }, 0.8);
  assert.equal(checkSeedGrant(0, none, 0.8), null);
  assert.match(checkSeedGrant(1000, none, 0.8)!, /pas demandé/);
  assert.match(checkSeedGrant(12.5, c, 0.8)!, /entier/);
});

test('étiquettes : seules les couleurs DSFR de la liste sont acceptées', () => {
  assert.ok(isTagColour('green-emeraude'));
  assert.ok(!isTagColour('rouge-vif'));
  assert.ok(!isTagColour('constructor'));
});

test('équilibre : subventions par région, part des formations en QPV et parts attendues des publics', () => {
  const b = territorialBalance(
    [{ regionCode: '11', regionName: 'Île-de-France', n: 3 }, { regionCode: '53', regionName: 'Bretagne', n: 1 }],
    [
      { applicationId: 'a', regionCode: '11', regionName: 'Île-de-France', decision: { outcome: 'labelled', seedGrant: 10000 }, publics: { womenShare: '40', qpvShare: '30', ruralShare: '0' } },
      { applicationId: 'b', regionCode: '11', regionName: 'Île-de-France', decision: { outcome: 'labelled', seedGrant: null }, publics: { womenShare: '20', qpvShare: '50' } },
      { applicationId: 'c', regionCode: '53', regionName: 'Bretagne', decision: { outcome: 'rejected' } },
    ],
    new Map([['a', true], ['b', false]]),
  );
  assert.equal(b.lines.find((l) => l.regionCode === '11')!.seedGrants, 10000);
  assert.equal(b.total.seedGrants, 10000);
  assert.equal(b.total.labelled, 2);
  assert.equal(b.shares.inQpv, 0.5);
  assert.equal(percent(b.shares.women), '30 %');
  assert.equal(percent(b.shares.qpvLearners), '40 %');
  assert.equal(percent(b.shares.ruralLearners), '0 %');
  assert.equal(territorialBalance([], []).shares.inQpv, null, 'sans formation localisée, la part est inconnue');
});
