import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { createTestApp } from '../platform/testing/harness.js';
import { seedDemo } from '../demo/seed.js';
import { applications, rncpCertifications } from './applications.schema.js';
import { correctionRequests } from '../review/review.schema.js';

test('les données de démonstration : deux brouillons, une candidature déposée, une en correction, la table RNCP importée', async () => {
  const t = await createTestApp();
  await seedDemo(t.deps);
  const db = t.deps.database.db;
  // Other domains seed more applications (review, labels): look at this domain's own.
  const rows = await db.select().from(applications);
  const state = (title: string) => rows.find((r) => r.trainingTitle === title)?.state;
  assert.equal(state('Technicien support et réseaux'), 'draft');
  assert.equal(state('Développeuse et développeur d’applications'), 'draft');
  assert.equal(state('Technicien·ne d’assistance en informatique'), 'in_correction');
  assert.match(rows.find((r) => r.trainingTitle === 'Développeur web et web mobile')!.receiptNumber!, /^GEN-\d{4}-\d{5}$/);
  const inCorrection = rows.find((r) => r.state === 'in_correction')!;
  const [request] = await db.select().from(correctionRequests).where(eq(correctionRequests.applicationId, inCorrection.id));
  assert.deepEqual(request!.sections, ['duration', 'documents']);
  assert.match(request!.message, /volume horaire/);
  const [dwwm] = await db.select().from(rncpCertifications).where(eq(rncpCertifications.code, 'RNCP31114'));
  assert.equal(dwwm!.validUntil, '2023-09-01');
  await t.close();
});
