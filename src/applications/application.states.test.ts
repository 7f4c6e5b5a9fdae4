import { test } from 'node:test';
import assert from 'node:assert/strict';
import { APPLICATION_STATES, APPLICATION_EVENTS, transition, can, isEditable, type ApplicationState, type ApplicationEvent } from './application.states.js';

const ALLOWED: [ApplicationState, ApplicationEvent, ApplicationState][] = [
  ['draft', 'submit', 'submitted'],
  ['draft', 'withdraw', 'withdrawn'],
  ['submitted', 'request_correction', 'in_correction'],
  ['submitted', 'withdraw', 'withdrawn'],
  ['in_correction', 'resubmit', 'submitted'],
  ['in_correction', 'withdraw', 'withdrawn'],
];

for (const [from, event, to] of ALLOWED) {
  test(`autorisé : ${from} --${event}--> ${to}`, () => {
    assert.deepEqual(transition(from, event), { ok: true, from, to });
    assert.equal(can(from, event), true);
  });
}

for (const from of APPLICATION_STATES) {
  for (const event of APPLICATION_EVENTS) {
    if (ALLOWED.some(([f, e]) => f === from && e === event)) continue;
    test(`refusé : ${from} --${event}--> avec un message en français`, () => {
      const r = transition(from, event);
      assert.equal(r.ok, false);
      assert.match((r as { message: string }).message, /candidature/);
      assert.equal(can(from, event), false);
    });
  }
}

test('seul un brouillon est modifiable', () => {
  assert.deepEqual(APPLICATION_STATES.filter(isEditable), ['draft']);
});
