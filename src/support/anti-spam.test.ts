import { test } from 'node:test';
import assert from 'node:assert/strict';
import { issueStamp, checkSubmission, spamMessage } from './anti-spam.js';

const SECRET = 'un-secret-de-test-un-secret-de-test-0000';
const t0 = new Date('2025-03-10T09:00:00Z');
const later = (s: number) => new Date(t0.getTime() + s * 1000);

test('un formulaire rempli en un temps humain, honeypot vide, est accepté', () => {
  assert.equal(checkSubmission(SECRET, 'contact', { stamp: issueStamp(SECRET, 'contact', t0), honeypot: '' }, later(20)), 'ok');
});

test('le honeypot rempli, l’envoi trop rapide, le tampon falsifié ou périmé sont refusés', () => {
  const stamp = issueStamp(SECRET, 'contact', t0);
  assert.equal(checkSubmission(SECRET, 'contact', { stamp, honeypot: 'http://spam' }, later(20)), 'honeypot');
  assert.equal(checkSubmission(SECRET, 'contact', { stamp }, later(1)), 'too_fast');
  assert.equal(checkSubmission(SECRET, 'contact', { stamp }, later(25 * 3600)), 'expired');
  assert.equal(checkSubmission(SECRET, 'contact', { stamp: `${t0.getTime() - 60_000}.${stamp.split('.')[1]}` }, later(20)), 'forged');
  assert.equal(checkSubmission('autre-secret', 'contact', { stamp }, later(20)), 'forged');
  assert.equal(checkSubmission(SECRET, 'autre-formulaire', { stamp }, later(20)), 'forged');
  assert.equal(checkSubmission(SECRET, 'contact', {}, later(20)), 'forged');
  assert.match(spamMessage('too_fast'), /trop vite/);
});
