import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp } from '../platform/testing/harness.js';
import { seedDemoAccounts } from '../demo/accounts.js';
import { seedCall2021 } from '../calls/seed.js';
import { listLabels } from './labels.store.js';
import { signaturesOf } from './agreement.store.js';
import { seedDemoLabels } from './seed.js';
import { inRenewalWindow } from './label.js';

const NOW = new Date('2026-11-23T10:00:00Z');
const t = await createTestApp({ now: () => NOW });
after(() => t.close());

test('démonstration : des labels en attente de signature, actif avec convention signée, suspendu et bientôt échu', async () => {
  const db = t.deps.database.db;
  await db.transaction(async (tx) => {
    await seedDemoAccounts(tx, t.deps.config.appSecret);
    await seedCall2021(tx);
    await seedDemoLabels(tx, t.deps, NOW);
  });
  const rows = await listLabels(db);
  const by = (title: string) => rows.find((r) => r.label.trainingTitle.startsWith(title))!.label;
  assert.equal(rows.length, 4);
  assert.equal(by('Concepteur').status, 'pending_agreement');
  const active = by('Technicien');
  assert.equal(active.status, 'active');
  assert.equal(active.validFrom, '2026-03-23');
  assert.deepEqual((await signaturesOf(db, active.id)).map((s) => s.kind), ['organisation', 'countersignature']);
  assert.equal(by('Analyste').status, 'suspended');
  const ending = by('Développeur web');
  assert.equal(ending.status, 'active');
  assert.equal(ending.validUntil, '2027-03-22');
  assert.ok(inRenewalWindow(ending, '2026-11-23'));
});
