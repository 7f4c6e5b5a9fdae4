import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { callCutoffs } from '../calls/calls.schema.js';
import { setup, createDraft, appRow } from './applications.test-helpers.js';

/** An app on the 2021 call whose clock reads `at` once the draft exists. */
async function submitAt(at: string) {
  let clock = new Date('2021-07-01T10:00:00Z');
  const s = await setup({ now: () => clock, call2021: true });
  const url = await createDraft(s);
  clock = new Date(at);
  await s.client.loginAs(s.userId); // the first session expired with the clock's jump
  const res = await s.client.post(`${url}/recapitulatif/deposer`, { sworn: 'oui' });
  const app = await appRow(s, url);
  const cutoff = app.cutoffId ? (await s.t.deps.database.db.select().from(callCutoffs).where(eq(callCutoffs.id, app.cutoffId)))[0] : null;
  return { s, res, app, cutoff };
}

test('déposée le 31/07/2021 à 23:59:59 heure de Paris, la candidature rejoint le 1er relevé', async () => {
  const { s, res, app, cutoff } = await submitAt('2021-07-31T21:59:59.000Z');
  assert.equal(res.status, 303);
  assert.equal(app.state, 'submitted');
  assert.equal(cutoff?.position, 1);
  assert.equal(app.receiptNumber, 'GEN-2021-00001');
  const page = await (await s.client.get(res.headers.get('location')!)).text();
  assert.match(page, /déposée le 31\/07\/2021 à 23:59:59 \(heure de Paris\), examinée au 1er relevé/);
  await s.t.close();
});

test('déposée le 01/08/2021 à 00:00:00 heure de Paris, elle rejoint le 2e relevé', async () => {
  const { s, app, cutoff } = await submitAt('2021-07-31T22:00:00.000Z');
  assert.equal(app.state, 'submitted');
  assert.equal(cutoff?.position, 2);
  await s.t.close();
});

test('après le dernier relevé, le dépôt est refusé avec un message clair et la candidature reste un brouillon', async () => {
  const { s, res, app } = await submitAt('2021-09-30T22:00:00.000Z');
  assert.equal(res.status, 422);
  assert.match(await res.text(), /Le dernier relevé de cet appel est passé le 30\/09\/2021 à 23:59 \(heure de Paris\)/);
  assert.equal(app.state, 'draft');
  await s.t.close();
});

test('un appel fermé n’accepte pas de nouvelle candidature', async () => {
  const s = await setup({ now: () => new Date('2021-10-05T10:00:00Z'), call2021: true });
  const res = await s.client.post(`${s.base}/nouvelle`, { callId: s.callId, trainingTitle: 'Technicien réseaux' });
  assert.equal(res.status, 422);
  assert.match(await res.text(), /n’est pas ouvert aux candidatures/);
  await s.t.close();
});
