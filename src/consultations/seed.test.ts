import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp } from '../platform/testing/harness.js';
import { seedDemo } from '../demo/seed.js';
import { applicationMessages } from '../messages/messages.schema.js';
import { userByEmail } from '../platform/testing/harness.js';
import { staffUnread } from '../messages/index.js';
import { partnerConfirmations, regionOpinions } from './consultations.schema.js';
import { missingOpinions, uncontactedPartners } from './index.js';

const t = await createTestApp();
after(() => t.close());

test('la démonstration montre des messages (dont un non lu), des partenaires dans plusieurs statuts, un avis de Région rendu et un en attente', async () => {
  await seedDemo(t.deps);
  const db = t.deps.database.db;
  const messages = await db.select().from(applicationMessages);
  assert.deepEqual(messages.map((m) => m.side).sort(), ['organisation', 'organisation', 'staff']);
  const appId = messages[0]!.applicationId;
  const ines = await userByEmail(t.deps, 'instructeur@demo.label-gen.fr');
  assert.equal((await staffUnread(db, ines!.id, [appId])).get(appId), 1);
  const partners = await db.select().from(partnerConfirmations);
  assert.deepEqual(partners.map((p) => `${p.status}/${p.channel ?? '-'}`).sort(), ['confirmed/link', 'confirmed/phone', 'sent/-']);
  assert.deepEqual(await uncontactedPartners(db, appId), []);
  const opinions = await db.select().from(regionOpinions);
  assert.deepEqual(opinions.map((o) => `${o.regionName}:${o.opinion ?? 'en attente'}`).sort(), ['Hauts-de-France:en attente', 'Île-de-France:favourable']);
  assert.deepEqual([...await missingOpinions(db, [appId])], [appId]);
});
