import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../platform/testing/harness.js';
import { seedDemo } from '../demo/seed.js';
import { invitations } from './organisations.schema.js';
import { mailOutbox } from '../platform/mail/mail.schema.js';

let t: TestApp;
before(async () => { t = await createTestApp(); });
after(async () => { await t.close(); });

test('la démo contient une invitation en attente, avec son courriel dans la boîte d’envoi', async () => {
  await seedDemo(t.deps);
  const rows = await t.deps.database.db.select().from(invitations).where(eq(invitations.email, 'nouveau@demo.label-gen.fr'));
  assert.equal(rows.length, 1);
  assert.equal(rows[0]?.acceptedAt, null);
  const mails = await t.deps.database.db.select().from(mailOutbox).where(eq(mailOutbox.to, 'nouveau@demo.label-gen.fr'));
  assert.ok(mails.some((m) => /\/invitations\//.test(m.text)));
});
