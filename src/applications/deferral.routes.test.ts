import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eq, asc } from 'drizzle-orm';
import { callCutoffs } from '../calls/calls.schema.js';
import { applications } from './applications.schema.js';
import { applicationReviews, committeeMeetings, committeeDecisions } from '../review/review.schema.js';
import { findReview } from '../review/index.js';
import { completeValues } from './sample-values.js';
import { SECTIONS } from './sections/catalogue.js';
import { setup, createDraft, appRow, type Setup } from './applications.test-helpers.js';

/** A complete application with its documents, submitted; returns its URL and row. */
async function submitted(s: Setup, title = 'Développeur web') {
  const url = await createDraft(s, title);
  const values = completeValues();
  for (const def of SECTIONS) assert.equal((await s.client.post(`${url}/sections/${def.slug}`, { ...values[def.key], version: '0' })).status, 303);
  for (const kind of ['qualiopi', 'nda', 'tax_social', 'budget']) {
    const f = new FormData();
    f.append('kind', kind);
    f.append('file', new Blob([Buffer.from('%PDF-1.4\n%%EOF\n')]), `${kind}.pdf`);
    assert.equal((await s.client.postMultipart(`${url}/pieces`, f)).status, 303);
  }
  assert.equal((await s.client.post(`${url}/recapitulatif/deposer`, { sworn: 'oui' })).status, 303);
  return { url, app: await appRow(s, url) };
}

test('report du comité visible par le porteur : « Examen reporté au relevé suivant », motivation et nouveau relevé ; la décision finale le remplace', async () => {
  const s = await setup({ now: () => new Date('2026-03-10T14:05:09Z') });
  const db = s.t.deps.database.db;
  const { url, app } = await submitted(s);
  await findReview(db, app.id);
  const before = await (await s.client.get(url)).text();
  assert.doesNotMatch(before, /Examen reporté/);

  const cutoffs = await db.select().from(callCutoffs).where(eq(callCutoffs.callId, app.callId)).orderBy(asc(callCutoffs.position));
  const next = cutoffs.find((c) => c.id !== app.cutoffId)!;
  const [meeting] = await db.insert(committeeMeetings).values({ callId: app.callId, cutoffId: app.cutoffId!, heldOn: '2026-04-20' }).returning();
  // As the committee's "Reporter" does: a deferred decision, and the application moves to the next cut-off.
  await db.insert(committeeDecisions).values({
    meetingId: meeting!.id, applicationId: app.id, outcome: 'deferred', motivation: 'Attendre l’avis de la Région sur les besoins.',
    deferredToCutoffId: next.id, decidedAt: new Date('2026-04-20T10:00:00Z'),
  });
  await db.update(applications).set({ cutoffId: next.id }).where(eq(applications.id, app.id));

  const page = await (await s.client.get(url)).text();
  assert.match(page, /Examen reporté au relevé suivant/);
  assert.match(page, /Attendre l’avis de la Région sur les besoins\./);
  assert.match(page, new RegExp(`au <strong>${next.label}</strong>`));
  assert.match(page, /comité de labellisation du 20\/04\/2026/);
  assert.match(page, /Retirer la candidature/, 'un report n’est pas une décision : la candidature peut encore être retirée');

  // The final decision of the next meeting replaces the deferral.
  const [meeting2] = await db.insert(committeeMeetings).values({ callId: app.callId, cutoffId: next.id, heldOn: '2026-06-20' }).returning();
  await db.insert(committeeDecisions).values({ meetingId: meeting2!.id, applicationId: app.id, outcome: 'rejected', motivation: 'Besoins non démontrés.', decidedAt: new Date('2026-06-20T10:00:00Z') });
  await db.update(applicationReviews).set({ state: 'rejected' }).where(eq(applicationReviews.applicationId, app.id));
  const decided = await (await s.client.get(url)).text();
  assert.match(decided, /Candidature non retenue par le comité de labellisation/);
  assert.doesNotMatch(decided, /Examen reporté au relevé suivant/);
  await s.t.close();
});
