import { test } from 'node:test';
import assert from 'node:assert/strict';
import { labelNumber, validity } from './label.js';
import { LABEL_STATUSES, LABEL_EVENTS, LABEL_TRANSITIONS, labelTransition, type LabelEvent, type LabelStatus } from './label.states.js';

test('le numéro de label suit le format GEN-<année>-<séquence sur 4 chiffres>', () => {
  assert.equal(labelNumber(2021, 7), 'GEN-2021-0007');
  assert.equal(labelNumber(2022, 12345), 'GEN-2022-12345');
});

test('un label signé le 15/03/2022 est valide 3 ans, jusqu’au 14/03/2025 inclus', () => {
  assert.deepEqual(validity('2022-03-15', 3), { validFrom: '2022-03-15', validUntil: '2025-03-14' });
  assert.deepEqual(validity('2022-01-01', 3), { validFrom: '2022-01-01', validUntil: '2024-12-31' });
  assert.deepEqual(validity('2024-02-29', 3), { validFrom: '2024-02-29', validUntil: '2027-02-28' });
});

const ALLOWED: [LabelStatus, LabelEvent, LabelStatus][] = [
  ['pending_agreement', 'sign_agreement', 'active'], ['pending_agreement', 'withdraw', 'withdrawn'],
  ['active', 'suspend', 'suspended'], ['active', 'withdraw', 'withdrawn'], ['active', 'terminate', 'terminated'], ['active', 'expire', 'expired'],
  ['suspended', 'reinstate', 'active'], ['suspended', 'withdraw', 'withdrawn'], ['suspended', 'expire', 'expired'],
];

for (const from of LABEL_STATUSES) {
  for (const event of LABEL_EVENTS) {
    const ok = ALLOWED.find(([f, e]) => f === from && e === event);
    test(`label : depuis « ${from} », « ${event} » est ${ok ? 'permis' : 'refusé'}`, () => {
      const r = labelTransition(from, event);
      if (ok) assert.deepEqual(r, { ok: true, from, to: ok[2] });
      else assert.equal(r.ok, false);
    });
  }
}

test('la table des statuts du label ne contient que les mouvements attendus', () => {
  assert.equal(Object.values(LABEL_TRANSITIONS).reduce((n, m) => n + Object.keys(m).length, 0), ALLOWED.length);
});

test('les mois s’ajoutent en restant dans le mois visé (31/08 − 6 mois = 28/02 ou 29/02)', async () => {
  const { addMonths, renewalOpensOn, firstSessionDeadline, inRenewalWindow, dayIn } = await import('./label.js');
  assert.equal(addMonths('2027-08-31', -6), '2027-02-28');
  assert.equal(addMonths('2028-08-31', -6), '2028-02-29');
  assert.equal(addMonths('2026-10-05', 3), '2027-01-05');
  assert.equal(addMonths('2026-11-30', 3), '2027-02-28');
  assert.equal(renewalOpensOn('2029-10-04'), '2029-04-04');
  assert.equal(firstSessionDeadline('2026-10-05', 3), '2027-01-05');
  assert.equal(inRenewalWindow({ status: 'active', validUntil: '2029-10-04' }, '2029-04-04'), true);
  assert.equal(inRenewalWindow({ status: 'active', validUntil: '2029-10-04' }, '2029-04-03'), false);
  assert.equal(inRenewalWindow({ status: 'suspended', validUntil: '2029-10-04' }, '2029-05-01'), false);
  assert.equal(dayIn(new Date('2026-10-04T22:30:00Z')), '2026-10-05', 'minuit passé à Paris');
});

test('signature de la convention : l’organisme d’abord, une seule fois ; la contresignature ensuite', async () => {
  const { organisationSignatureProblem, countersignatureProblem, signedCopyProblem } = await import('./agreement.js');
  assert.equal(organisationSignatureProblem('pending_agreement', []), null);
  assert.match(organisationSignatureProblem('pending_agreement', [{ kind: 'organisation' }])!, /déjà été signée/);
  assert.match(organisationSignatureProblem('withdrawn', [])!, /n’est plus à signer/);
  assert.match(countersignatureProblem('pending_agreement', [])!, /pas encore signé/);
  assert.equal(countersignatureProblem('pending_agreement', [{ kind: 'organisation' }]), null);
  assert.match(countersignatureProblem('active', [{ kind: 'organisation' }, { kind: 'countersignature' }])!, /deux parties/);
  assert.equal(signedCopyProblem('pending_agreement', [{ kind: 'organisation' }], '2026-10-02', '2026-10-05', '2026-09-20'), null);
  assert.equal(signedCopyProblem('pending_agreement', [], '2026-10-06', '2026-10-05', '2026-09-20')?.field, 'signedOn');
  assert.equal(signedCopyProblem('pending_agreement', [], '2026-09-19', '2026-10-05', '2026-09-20')?.field, 'signedOn');
});
