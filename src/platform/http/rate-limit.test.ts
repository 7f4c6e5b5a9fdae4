import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RateLimiter } from './rate-limit.js';

test('au-delà de la limite dans la fenêtre, la requête est refusée avec un délai d’attente', () => {
  const r = new RateLimiter(3, 60_000);
  const t0 = 1_000_000;
  assert.equal(r.hit('a', t0).allowed, true);
  assert.equal(r.hit('a', t0 + 1).allowed, true);
  assert.equal(r.hit('a', t0 + 2).allowed, true);
  const d = r.hit('a', t0 + 3);
  assert.equal(d.allowed, false);
  assert.equal(d.retryAfterSeconds, 60);
  assert.equal(r.hit('b', t0 + 3).allowed, true, 'une autre adresse n’est pas touchée');
  assert.equal(r.hit('a', t0 + 60_000).allowed, true, 'une nouvelle fenêtre repart à zéro');
});
