import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp } from '../platform/testing/harness.js';
import { createReviewCall, createSubmittedApplication, createReviewStaff } from './review.fixtures.js';

const t = await createTestApp();
after(() => t.close());
const call = await createReviewCall(t.deps);
const staff = await createReviewStaff(t.deps);

async function as(userId: string) {
  const c = t.client();
  await c.loginAs(userId);
  return c;
}
function form(fields: Record<string, string>) {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
}
/** The workspace row of an application (from its link to the end of its table row). */
function rowOf(page: string, appId: string): string {
  const start = page.indexOf(`href="/gestion/candidatures/${appId}"`);
  assert.ok(start >= 0, 'la candidature est listée');
  return page.slice(start, page.indexOf('</tr>', start));
}

test('espace de travail : nombre de messages non lus de l’organisme par candidature, pour chaque membre de l’équipe', async () => {
  const a = await createSubmittedApplication(t.deps, call, { title: 'Développeur mobile' });
  const b = await createSubmittedApplication(t.deps, call, { title: 'Analyste de données' });
  const org = await as(a.admin.id);
  const thread = `/organisations/${a.org.id}/candidatures/${a.app.id}/messages`;
  for (const body of ['Bonjour, une question sur le budget.', 'Et une seconde sur les partenaires.']) assert.equal((await org.postMultipart(thread, form({ message: body }))).status, 303);

  const adm = await as(staff.admin.id);
  const page = await (await adm.get('/gestion/candidatures')).text();
  const rowA = rowOf(page, a.app.id);
  assert.match(rowA, /2 messages non lus/);
  assert.match(rowA, new RegExp(`href="/gestion/candidatures/${a.app.id}/messages"`));
  assert.doesNotMatch(rowOf(page, b.app.id), /non lu/);

  // Reading the thread clears the count for the reader only.
  assert.equal((await adm.get(`/gestion/candidatures/${a.app.id}/messages`)).status, 200);
  assert.doesNotMatch(rowOf(await (await adm.get('/gestion/candidatures')).text(), a.app.id), /non lu/);
  const ines = await as(staff.instructor.id);
  assert.match(rowOf(await (await ines.get('/gestion/candidatures')).text(), a.app.id), /2 messages non lus/);
});
