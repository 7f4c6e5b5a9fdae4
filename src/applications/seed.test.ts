import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp } from '../platform/testing/harness.js';
import { seedDemo } from '../demo/seed.js';
import { applications } from './applications.schema.js';

test('les données de démonstration créent deux brouillons et une candidature déposée', async () => {
  const t = await createTestApp();
  await seedDemo(t.deps);
  const rows = await t.deps.database.db.select().from(applications);
  assert.deepEqual(rows.map((r) => r.state).sort(), ['draft', 'draft', 'submitted']);
  assert.match(rows.find((r) => r.state === 'submitted')!.receiptNumber!, /^GEN-\d{4}-00001$/);
  await t.close();
});
