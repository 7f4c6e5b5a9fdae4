import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp } from '../platform/testing/harness.js';
import { seedDemo } from '../demo/seed.js';
import { applicationReviews, committeeMeetings, scoreSheets } from './review.schema.js';

const t = await createTestApp();
after(() => t.close());

test('la démonstration présente une candidature recevable, notée, et une séance du comité à tenir', async () => {
  await seedDemo(t.deps);
  const db = t.deps.database.db;
  const reviews = await db.select().from(applicationReviews);
  assert.deepEqual(reviews.map((r) => [r.state, r.regionName]), [['scoring', 'Île-de-France']]);
  assert.equal((await db.select().from(scoreSheets)).length, 1);
  assert.equal((await db.select().from(committeeMeetings)).length, 1);
});
