import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { createTestApp } from '../platform/testing/harness.js';
import { users } from '../platform/auth/auth.schema.js';
import { seedDemoAccounts } from '../demo/accounts.js';
import { seedCall2021 } from '../calls/seed.js';
import { seedDemoLabels } from '../labels/seed.js';
import { seedDemoSessions } from '../sessions/seed.js';
import { seedDemoLearners } from '../learners/seed.js';
import { grantClawbacks, grantTranches } from './grants.schema.js';
import { seedDemoGrants } from './seed.js';
import { runGrantsDaily } from './jobs.js';

const NOW = new Date('2026-11-23T10:00:00Z');
const t = await createTestApp({ now: () => NOW });
after(() => t.close());

test('démonstration : des tranches dans chaque état, une reprise, et un travail quotidien qui n’a plus rien à faire', async () => {
  const db = t.deps.database.db;
  await db.transaction(async (tx) => {
    await seedDemoAccounts(tx, t.deps.config.appSecret);
    await seedCall2021(tx);
    await seedDemoLabels(tx, t.deps, NOW);
    const ids = await seedDemoSessions(tx, NOW);
    await seedDemoLearners(tx, ids, NOW);
    await seedDemoGrants(tx, t.deps, NOW);
  });
  const rows = await db.select().from(grantTranches);
  const states = new Set(rows.map((r) => r.state));
  assert.deepEqual([...states].sort(), ['paid', 'payable', 'planned', 'withheld']);
  const byLabel = new Map<string, number>();
  for (const r of rows) byLabel.set(r.labelId, (byLabel.get(r.labelId) ?? 0) + r.amountCents);
  assert.deepEqual([...byLabel.values()].sort((a, b) => a - b), [1_500_000, 1_800_000, 3_000_000], 'chaque label reçoit exactement sa subvention');
  assert.equal(rows.filter((r) => r.sessionRank === 2).length, 2, 'une subvention sur les deux premières sessions');
  const claws = await db.select().from(grantClawbacks);
  assert.equal(claws.length, 1);
  assert.deepEqual(await runGrantsDaily(t.deps), { planned: 0, payable: 0, mails: 0 });

  const agent = t.client();
  const [samir] = await db.select().from(users).where(eq(users.email, 'suivi@demo.label-gen.fr'));
  await agent.loginAs(samir!.id);
  const html = await (await agent.get('/gestion/subventions')).text();
  assert.match(html, /Tranches \(8\)/);
  assert.match(html, /Hauts-de-France/);
});
