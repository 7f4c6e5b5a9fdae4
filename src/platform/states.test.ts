import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stateMachine } from './states.js';

test('un mouvement absent de la table est refusé avec le message du domaine', () => {
  const m = stateMachine<'a' | 'b', 'go' | 'back'>({ a: { go: 'b' }, b: {} }, (from, e) => `refus ${from} ${e}`);
  assert.deepEqual(m.transition('a', 'go'), { ok: true, from: 'a', to: 'b' });
  assert.deepEqual(m.transition('b', 'back'), { ok: false, message: 'refus b back' });
  assert.equal(m.can('a', 'go'), true);
  assert.equal(m.can('a', 'back'), false);
});
