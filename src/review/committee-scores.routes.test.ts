import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { createTestApp } from '../platform/testing/harness.js';
import { applicationReviews } from './review.schema.js';
import { verdictField } from './admissibility-review.js';
import { createReviewCall, createSubmittedApplication, createReviewStaff } from './review.fixtures.js';

const t = await createTestApp();
after(() => t.close());
const db = t.deps.database.db;
const call = await createReviewCall(t.deps);
const staff = await createReviewStaff(t.deps);
const W = '/gestion/candidatures';

async function as(userId: string) {
  const c = t.client();
  await c.loginAs(userId);
  return c;
}
const adm = await as(staff.admin.id);
const ines = await as(staff.instructor.id);
const sheet = (level: string) => Object.fromEntries(call.selection.flatMap((c) => [[`niveau-${c.code}`, level], [`commentaire-${c.code}`, 'Argumenté.']]));

test('ordre du jour de la séance : les notes restent masquées à un instructeur affecté tant qu’il n’a pas noté', async () => {
  const { app } = await createSubmittedApplication(t.deps, call, { title: 'Intégrateur web' });
  await adm.get(`${W}/${app.id}`);
  await adm.post(`${W}/${app.id}/recevabilite`, Object.fromEntries(call.admissibility.map((c) => [verdictField(c.code), 'met'])));
  const [r] = await db.select().from(applicationReviews).where(eq(applicationReviews.applicationId, app.id));
  assert.equal((await adm.post(`${W}/${app.id}/recevabilite/decision`, { outcome: 'admissible', version: String(r!.version) })).status, 303);
  // Inès first: once assigned, the admin too must declare before touching the application.
  for (const id of [staff.instructor.id, staff.admin.id]) assert.equal((await adm.post(`${W}/${app.id}/instructeurs`, { reviewerId: id })).status, 303);
  for (const reviewer of [adm, ines]) assert.equal((await reviewer.post(`${W}/${app.id}/declaration`, { choice: 'none' })).status, 303);
  assert.equal((await adm.post(`${W}/${app.id}/notation`, sheet('4'))).status, 303);
  const res = await adm.post('/gestion/comite', { cutoffId: call.cutoffs[0]!.id, heldOn: '2099-09-15', place: 'Salle Hopper', members: [staff.committee.id] });
  assert.equal(res.status, 303);
  const meeting = res.headers.get('location')!;

  // The admin scored: the mean is on the agenda.
  assert.match(await (await adm.get(meeting)).text(), /Intégrateur web[\s\S]*10,00 \/ 10/);
  // Inès is assigned and has not scored yet: neither the mean nor the spread, nor on the decision page or the application page.
  const hidden = await (await ines.get(meeting)).text();
  assert.match(hidden, /Intégrateur web[\s\S]*masquée jusqu’à votre notation[\s\S]*masquée jusqu’à votre notation/);
  assert.doesNotMatch(hidden, /10,00 \/ 10/);
  const decision = await (await ines.get(`${meeting}/decisions/${app.id}`)).text();
  assert.match(decision, /masquée jusqu’à votre notation/);
  assert.doesNotMatch(decision, /10,00 \/ 10/);
  const dossier = await (await ines.get(`${W}/${app.id}`)).text();
  assert.match(dossier, /Note moyenne<\/dt><dd>masquée jusqu’à votre notation/);
  assert.doesNotMatch(dossier, /10,00 \/ 10/);
  const list = await (await ines.get(W)).text();
  const row = list.slice(list.indexOf(`href="${W}/${app.id}"`));
  assert.match(row.slice(0, row.indexOf('</tr>')), /masquée jusqu’à votre notation/, 'la liste de l’espace de travail masque aussi la note');
  // A committee member who is not a reviewer of the application sees the scores.
  assert.match(await (await (await as(staff.committee.id)).get(meeting)).text(), /10,00 \/ 10/);

  // Once Inès has submitted her sheet, she sees the aggregates (mean of 10 and 5).
  assert.equal((await ines.post(`${W}/${app.id}/notation`, sheet('2'))).status, 303);
  const shown = await (await ines.get(meeting)).text();
  assert.doesNotMatch(shown, /masquée jusqu’à votre notation/);
  assert.match(shown, /Intégrateur web[\s\S]*7,50 \/ 10/);
  assert.match(await (await ines.get(`${meeting}/decisions/${app.id}`)).text(), /7,50 \/ 10/);
});
