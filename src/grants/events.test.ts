import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { and, asc, eq, like } from 'drizzle-orm';
import { createTestApp, createUser, type TestApp } from '../platform/testing/harness.js';
import { mailOutbox } from '../platform/mail/mail.schema.js';
import { trainingSessions } from '../sessions/sessions.schema.js';
import { learners } from '../learners/learners.schema.js';
import { createPendingLabel } from '../labels/labels.fixtures.js';
import { grantTranches } from './grants.schema.js';

const NOW = new Date('2026-03-16T10:00:00Z');
let t: TestApp;
before(async () => { t = await createTestApp({ now: () => NOW }); });
after(async () => { await t.close(); });

test('l’attestation de démarrage transmise par l’organisme rend aussitôt sa tranche à verser, sans attendre le travail quotidien', async () => {
  const db = t.deps.database.db;
  const fx = await createPendingLabel(t.deps);
  const agent = t.client();
  await agent.loginAs((await createUser(t.deps, { staff: ['monitoring'] })).id);
  const org = t.client();
  await org.loginAs(fx.admin.id);
  assert.equal((await org.post(`/organisations/${fx.org.id}/labels/${fx.label.id}/signer`, { jeSigne: 'oui' })).status, 303);
  assert.equal((await agent.post(`/gestion/labels/${fx.label.id}/contresigner`, { contresigne: 'oui' })).status, 303);
  const [session] = await db.insert(trainingSessions).values({
    labelId: fx.label.id, organisationId: fx.org.id, name: 'Printemps', initialStart: '2026-03-02', plannedStart: '2026-03-02', plannedEnd: '2026-10-30',
    place: { address: '55 rue de Vincennes', region: 'Île-de-France' }, modality: 'presentiel', places: 14,
  }).returning();
  await db.insert(learners).values({
    sessionId: session!.id, organisationId: fx.org.id, lastName: 'Martin', firstName: 'Camille', sex: 'F', educationLevel: 'bac', entrySituation: 'job_seeker',
  });
  const tranches = () => db.select().from(grantTranches).where(eq(grantTranches.labelId, fx.label.id)).orderBy(asc(grantTranches.sessionRank), asc(grantTranches.position));
  assert.deepEqual((await tranches()).map((r) => r.state), ['planned', 'planned', 'planned', 'planned']);

  const res = await org.post(`/organisations/${fx.org.id}/sessions/${session!.id}/attestation`, { date_demarrage: '02/03/2026', certifie: 'oui' });
  assert.equal(res.status, 303, await res.clone().text());
  const rows = await tranches();
  assert.deepEqual(rows.map((r) => [r.sessionRank, r.condition, r.state]), [
    [1, 'start_attestation', 'payable'], [1, 'end_report', 'planned'], [2, 'start_attestation', 'planned'], [2, 'end_report', 'planned'],
  ]);
  assert.equal(rows[0]!.sessionId, session!.id);
  const mails = await db.select().from(mailOutbox).where(and(eq(mailOutbox.to, fx.admin.email), like(mailOutbox.subject, '%à verser%')));
  assert.equal(mails.length, 1, 'l’organisme est prévenu une fois');
});
