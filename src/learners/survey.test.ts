import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { createTestApp, createUser, type TestApp } from '../platform/testing/harness.js';
import { mailOutbox } from '../platform/mail/mail.schema.js';
import { createActiveLabel } from '../inspections/inspections.testing.js';
import { trainingSessions } from '../sessions/index.js';
import { learners, learnerSurveys } from './learners.schema.js';

const NOW = new Date('2026-06-05T08:00:00Z');
let t: TestApp;
before(async () => { t = await createTestApp({ now: () => NOW }); });
after(async () => { await t.close(); });

test('la tâche quotidienne envoie une seule fois le lien d’enquête à 3 mois ; la réponse apparaît à côté de la déclaration', async () => {
  const db = t.deps.database.db;
  const { label, org } = await createActiveLabel(t.deps);
  const [s] = await db.insert(trainingSessions).values({
    labelId: label.id, organisationId: org.id, name: 'Session d’hiver', initialStart: '2025-09-01', plannedStart: '2025-09-01', plannedEnd: '2026-03-01',
    actualStart: '2025-09-01', actualEnd: '2026-03-01', status: 'ended', startAttestedAt: NOW, endReportedAt: NOW,
    place: { address: '1 rue de Rivoli', postcode: '75001', commune: 'Paris' }, modality: 'presentiel', places: 12,
  }).returning();
  const [l] = await db.insert(learners).values({
    sessionId: s!.id, organisationId: org.id, lastName: 'Martin', firstName: 'Camille', email: 'camille@exemple.fr', sex: 'F', educationLevel: 'bac',
    entrySituation: 'job_seeker', completion: 'completed', situationAtExit: 'job_seeking', situation3m: 'interim',
  }).returning();
  await t.jobs.send('learners.daily', {});
  await t.jobs.send('learners.daily', {});
  const mails = await db.select().from(mailOutbox).where(eq(mailOutbox.template, 'learners.survey'));
  assert.equal(mails.length, 1, 'un seul courriel malgré deux passages');
  const surveys = await db.select().from(learnerSurveys).where(eq(learnerSurveys.learnerId, l!.id));
  assert.deepEqual(surveys.map((x) => x.wave), ['3m'], 'pas encore d’enquête à 6 mois');
  const link = /\/enquete\/[A-Za-z0-9_-]+/.exec(mails[0]!.text)![0];

  const visitor = t.client();
  assert.equal((await visitor.get(link)).status, 200);
  assert.equal((await visitor.get('/enquete/jeton-inconnu')).status, 404);
  const empty = await visitor.post(link, {});
  assert.equal(empty.status, 422);
  assert.match(await empty.text(), /Indiquez votre situation/);
  const ok = await visitor.post(link, { situation: 'cdi', satisfaction: '4', commentaire: 'Très bien.' });
  assert.equal(ok.status, 200);
  assert.match(await ok.text(), /votre réponse est enregistrée/);

  const monitor = await createUser(t.deps, { staff: ['monitoring'] });
  const mc = t.client();
  await mc.loginAs(monitor.id);
  const html = await (await mc.get(`/gestion/suivi/sessions/${s!.id}/apprenants`)).text();
  assert.match(html, /Réponse de l’apprenant/);
  assert.match(html, /<td>Intérim<\/td><td>CDI \(différente\)<\/td><td>4<\/td>/);
});
