import { test } from 'node:test';
import assert from 'node:assert/strict';
import { REVIEW_STATES, REVIEW_EVENTS, REVIEW_TRANSITIONS, reviewTransition, canReview, type ReviewState, type ReviewEvent } from './review.states.js';

const ALLOWED: [ReviewState, ReviewEvent, ReviewState][] = [
  ['admissibility', 'admit', 'scoring'],
  ['admissibility', 'declare_inadmissible', 'inadmissible'],
  ['admissibility', 'request_correction', 'admissibility'],
  ['scoring', 'label', 'labelled'],
  ['scoring', 'reject', 'rejected'],
  ['scoring', 'defer', 'scoring'],
];

for (const from of REVIEW_STATES) {
  for (const event of REVIEW_EVENTS) {
    const allowed = ALLOWED.find(([f, e]) => f === from && e === event);
    test(`instruction : depuis « ${from} », « ${event} » est ${allowed ? `permis vers « ${allowed[2]} »` : 'refusé avec un message'}`, () => {
      const r = reviewTransition(from, event);
      assert.equal(canReview(from, event), !!allowed);
      if (allowed) assert.deepEqual(r, { ok: true, from, to: allowed[2] });
      else assert.ok(!r.ok && r.message.length > 10);
    });
  }
}

test('la table des transitions ne contient que les mouvements attendus', () => {
  const count = Object.values(REVIEW_TRANSITIONS).reduce((n, m) => n + Object.keys(m).length, 0);
  assert.equal(count, ALLOWED.length);
});
