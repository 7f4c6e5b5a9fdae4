import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { createTestApp } from '../platform/testing/harness.js';
import { seedDemoAccounts } from '../demo/accounts.js';
import { seedDemoSupport } from '../support/seed.js';
import { supportTickets } from '../support/support.schema.js';
import { computeFigures } from '../support/figures.js';
import { inspections } from './inspections.schema.js';
import { createActiveLabel } from './inspections.testing.js';
import { seedDemoInspections } from './seed.js';

test('démo : une réclamation sur un label avec une inspection planifiée, une inspection passée avec rapport, des demandes clôturées pour les chiffres', async () => {
  const now = new Date('2025-07-11T08:00:00Z');
  const t = await createTestApp({ now: () => now });
  try {
    const { label } = await createActiveLabel(t.deps);
    const s = { baseUrl: 'http://localhost:3000', smtp: false, workingDays: 2 };
    await t.deps.database.db.transaction(async (tx) => {
      await seedDemoAccounts(tx, t.deps.config.appSecret);
      await seedDemoSupport(tx, s, now);
      await seedDemoInspections(tx, s, now);
    });
    const db = t.deps.database.db;
    const rows = await db.select().from(inspections).where(eq(inspections.labelId, label.id));
    assert.deepEqual(rows.map((r) => r.status).sort(), ['planned', 'reported']);
    const planned = rows.find((r) => r.status === 'planned')!;
    assert.ok(planned.ticketId, 'l’inspection planifiée suit une réclamation');
    const [complaint] = await db.select().from(supportTickets).where(eq(supportTickets.id, planned.ticketId));
    assert.equal(complaint!.topic, 'complaint');
    assert.equal(complaint!.trainingRef, `label:${label.id}`);
    const all = await db.select().from(supportTickets);
    const closed = all.filter((x) => x.status === 'closed');
    assert.ok(closed.length >= 15);
    const f = computeFigures(all, '2025-04-01', '2025-07-11');
    assert.ok(f.firstAnswer.count >= 15 && f.resolution.count >= 15 && f.satisfaction.count >= 10);
    assert.ok(f.byWeek.filter((w) => w.count > 0).length >= 8, 'des demandes sur plusieurs semaines');
  } finally {
    await t.close();
  }
});
