import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp } from '../platform/testing/harness.js';
import { seedDemoAccounts } from '../demo/accounts.js';
import { seedCall2021 } from '../calls/seed.js';
import { seedDemoLabels } from '../labels/seed.js';
import { seedDemoSessions } from '../sessions/seed.js';
import { seedDemoLearners } from '../learners/seed.js';
import { annualReports, sanctionProcedures } from './compliance.schema.js';
import { seedDemoCompliance } from './seed.js';

const NOW = new Date('2026-11-23T10:00:00Z');
const t = await createTestApp({ now: () => NOW });
after(() => t.close());

test('démonstration : un bilan annuel transmis en attente d’examen, les autres acceptés, une procédure en délai de réponse', async () => {
  const db = t.deps.database.db;
  const n = await db.transaction(async (tx) => {
    await seedDemoAccounts(tx, t.deps.config.appSecret);
    await seedCall2021(tx);
    await seedDemoLabels(tx, t.deps, NOW);
    const ids = await seedDemoSessions(tx, NOW);
    await seedDemoLearners(tx, ids, NOW);
    return seedDemoCompliance(tx, NOW);
  });
  const rows = await db.select().from(annualReports);
  assert.equal(rows.length, n);
  assert.ok(n >= 1);
  assert.equal(rows.filter((r) => r.status === 'submitted').length, 1, 'exactement un bilan attend l’examen');
  assert.ok(rows.every((r) => (r.indicators ?? []).some((i) => i.key === 'women')));
  const procedures = await db.select().from(sanctionProcedures);
  assert.equal(procedures.length, 1);
  assert.equal(procedures[0]!.status, 'answer_period');
  assert.equal(procedures[0]!.noticeOn, '2026-11-18');
  assert.equal(procedures[0]!.answerDueOn, '2026-12-03', 'le délai de réponse court encore');
});
