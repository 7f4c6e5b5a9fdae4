import { test } from 'node:test';
import assert from 'node:assert/strict';
import { labelVerdict, normaliseLabelNumber } from './label-check.js';

const base = { number: 'GEN-2026-0001', validFrom: '2026-01-15', validUntil: '2029-01-14', statusChangedAt: new Date('2026-03-02T10:00:00Z') };

test('un numéro de label saisi librement est remis en forme', () => {
  assert.equal(normaliseLabelNumber('gen-2021-7'), 'GEN-2021-0007');
  assert.equal(normaliseLabelNumber(' GEN 2021 0042 '), 'GEN-2021-0042');
  assert.equal(normaliseLabelNumber('GEN-21-7'), null);
  assert.equal(normaliseLabelNumber('<script>'), null);
});

test('un label actif dans ses dates est valide', () => {
  const v = labelVerdict({ ...base, status: 'active' }, '2026-06-01');
  assert.equal(v.valid, true);
  assert.match(v.reason, /du 15 janvier 2026 au 14 janvier 2029/);
});

test('un label actif mais dépassé est expiré, même avant le passage du traitement quotidien', () => {
  const v = labelVerdict({ ...base, status: 'active' }, '2029-01-15');
  assert.equal(v.valid, false);
  assert.equal(v.title, 'Label expiré');
});

test('suspendu, retiré, résilié, en attente de convention : non valide, avec la raison', () => {
  assert.match(labelVerdict({ ...base, status: 'suspended' }, '2026-06-01').reason, /suspendu depuis le 2 mars 2026/);
  assert.match(labelVerdict({ ...base, status: 'withdrawn' }, '2026-06-01').reason, /retiré le 2 mars 2026/);
  assert.match(labelVerdict({ ...base, status: 'terminated' }, '2026-06-01').reason, /résiliée/);
  assert.match(labelVerdict({ ...base, status: 'pending_agreement' }, '2026-06-01').reason, /convention/);
  for (const s of ['suspended', 'withdrawn', 'terminated', 'pending_agreement', 'expired']) assert.equal(labelVerdict({ ...base, status: s }, '2026-06-01').valid, false, s);
});
