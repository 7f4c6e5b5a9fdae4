import { test } from 'node:test';
import assert from 'node:assert/strict';
import { transition, can, manualEvents, type TicketEvent } from './support.states.js';
import { STATUSES, type TicketStatus } from './support.js';

/** The whole expected table: [from, event] → to, or null when refused. */
const EXPECTED: Record<TicketStatus, Record<TicketEvent, TicketStatus | null>> = {
  new: { take: 'open', await_requester: 'waiting', requester_replied: null, resolve: 'resolved', reopen: null, close: 'closed', merge: 'closed' },
  open: { take: null, await_requester: 'waiting', requester_replied: null, resolve: 'resolved', reopen: null, close: 'closed', merge: 'closed' },
  waiting: { take: null, await_requester: null, requester_replied: 'open', resolve: 'resolved', reopen: null, close: 'closed', merge: 'closed' },
  resolved: { take: null, await_requester: null, requester_replied: 'open', resolve: null, reopen: 'open', close: 'closed', merge: null },
  closed: { take: null, await_requester: null, requester_replied: null, resolve: null, reopen: null, close: null, merge: null },
};

for (const from of STATUSES) {
  for (const [event, to] of Object.entries(EXPECTED[from]) as [TicketEvent, TicketStatus | null][]) {
    test(`${from} + ${event} → ${to ?? 'refusé'}`, () => {
      const r = transition(from, event);
      if (to === null) {
        assert.equal(r.ok, false);
        assert.match((r as { message: string }).message, /pas possible/);
        assert.equal(can(from, event), false);
      } else {
        assert.deepEqual(r, { ok: true, from, to });
        assert.equal(can(from, event), true);
      }
    });
  }
}

test('une demande clôturée n’offre plus aucune action', () => {
  assert.deepEqual(manualEvents('closed'), []);
  assert.deepEqual(manualEvents('new'), ['take', 'await_requester', 'resolve', 'close']);
});
