import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { createTestApp } from '../platform/testing/harness.js';
import { seedDemoAccounts } from '../demo/accounts.js';
import { seedCall2021 } from '../calls/seed.js';
import { seedDemoLabels } from '../labels/seed.js';
import { listLabels } from '../labels/labels.store.js';
import { seedDemoSessions } from './seed.js';
import { obligations } from './sessions.schema.js';
import { obligationState, type ObligationState } from './obligations.js';
import { sessionBreaches } from './sessions.js';
import { sessionsOfLabel, labelWithRules } from './sessions.store.js';

const NOW = new Date('2026-11-23T10:00:00Z');
const t = await createTestApp({ now: () => NOW });
after(() => t.close());

test('démonstration : des sessions passées, en cours et à venir, des obligations dans chaque état et un manquement', async () => {
  const db = t.deps.database.db;
  const ids = await db.transaction(async (tx) => {
    await seedDemoAccounts(tx, t.deps.config.appSecret);
    await seedCall2021(tx);
    await seedDemoLabels(tx, t.deps, NOW);
    return seedDemoSessions(tx, NOW);
  });
  assert.equal(ids.length, 8, '3 sessions pour chacun des deux labels actifs, 2 pour le label suspendu');
  const rows = await db.select().from(obligations);
  const states = new Set<ObligationState>(rows.map((o) => obligationState(o.dueOn, !!o.doneAt, '2026-11-23')));
  assert.deepEqual([...states].sort(), ['done', 'due', 'late', 'upcoming']);
  const labels = await listLabels(db);
  const suspended = labels.find((l) => l.label.status === 'suspended')!.label;
  const [report2025] = await db.select().from(obligations).where(eq(obligations.key, `${suspended.id}:annual_report:2025`));
  assert.equal(report2025!.doneAt, null, 'le bilan annuel 2025 du label suspendu manque');
  const found = (await labelWithRules(db, suspended.id))!;
  const sessions = await sessionsOfLabel(db, suspended.id);
  const { breaches } = sessionBreaches(found.label, found.rules, sessions, '2026-11-23');
  assert.ok(breaches.some((b) => b.code === 'too_few_places'));
});
