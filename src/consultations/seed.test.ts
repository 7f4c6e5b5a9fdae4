import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp } from '../platform/testing/harness.js';
import { seedDemo } from '../demo/seed.js';
import { applicationMessages } from '../messages/messages.schema.js';
import { userByEmail } from '../platform/testing/harness.js';
import { staffUnread } from '../messages/index.js';
import { partnerConfirmations, regionOpinions } from './consultations.schema.js';
import { loadConsultations, missingOpinions, uncontactedPartners } from './index.js';
import { applications } from '../applications/applications.schema.js';
import { and, eq } from 'drizzle-orm';

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
  const partners = await db.select().from(partnerConfirmations).where(eq(partnerConfirmations.applicationId, appId));
  assert.deepEqual(partners.map((p) => `${p.status}/${p.channel ?? '-'}`).sort(), ['confirmed/link', 'confirmed/phone', 'sent/-']);
  assert.deepEqual(await uncontactedPartners(db, appId), []);
  const opinions = await db.select().from(regionOpinions).where(eq(regionOpinions.applicationId, appId));
  assert.deepEqual(opinions.map((o) => `${o.regionName}:${o.opinion ?? 'en attente'}`).sort(), ['Hauts-de-France:en attente', 'Île-de-France:favourable']);
  assert.deepEqual([...await missingOpinions(db, [appId])], [appId]);
});

test('la démonstration montre aussi un partenaire « sans réponse » et une Région à l’échéance dépassée, à relancer par un nouveau lien', async () => {
  const db = t.deps.database.db;
  const [deferred] = await db.select().from(applications).where(and(eq(applications.trainingTitle, 'Concepteur développeur d’applications'), eq(applications.state, 'submitted')));
  assert.ok(deferred);
  const summary = (await loadConsultations(db, deferred.id, new Date()))!;
  assert.deepEqual(summary.partners.map((p) => [p.standing, p.resend]), [['no_answer', 'expired']]);
  assert.equal(summary.partners[0]!.row!.status, 'no_answer');
  assert.deepEqual(summary.regions.map((r) => [r.regionName, r.resend]), [['Île-de-France', 'overdue']]);
  // The freshly submitted demo application is consulted by nobody yet (the browser journey starts there).
  const [fresh] = await db.select().from(applications).where(eq(applications.trainingTitle, 'Administrateur systèmes DevOps'));
  assert.equal(fresh!.state, 'submitted');
  assert.equal((await uncontactedPartners(db, fresh!.id)).length, 2);
  assert.equal((await db.select().from(regionOpinions).where(eq(regionOpinions.applicationId, fresh!.id))).length, 0);
});
