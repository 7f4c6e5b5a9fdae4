import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { createTestApp, createUser, type TestApp, type TestClient } from '../platform/testing/harness.js';
import { supportTickets } from './support.schema.js';
import { sendContact, testClock } from './support.testing.js';

// Monday 7 July 2025, 10:00 Paris.
const clock = testClock(new Date('2025-07-07T08:00:00Z'));
let t: TestApp;
let admin: TestClient;
let instructor: TestClient;
let ids: { admin: string; instructor: string };
/** Sessions last hours: sign in again after the clock moved days ahead. */
async function login() {
  await admin.loginAs(ids.admin);
  await instructor.loginAs(ids.instructor);
}
before(async () => {
  t = await createTestApp({ now: clock.now });
  admin = t.client();
  instructor = t.client();
  ids = { admin: (await createUser(t.deps, { staff: ['admin'] })).id, instructor: (await createUser(t.deps, { staff: ['instructor'] })).id };
  await login();
});
after(async () => { await t.close(); });

let ip = 1;
async function writeIn(sujet: string) {
  const email = `chiffres${ip}@exemple.fr`;
  assert.equal((await sendContact(t.client({ ip: `192.0.2.${ip++}` }), clock, { sujet, email, objet: `Sujet ${sujet}`, formation_libre: 'Formation X' })).status, 303);
  return (await t.deps.database.db.select().from(supportTickets).where(eq(supportTickets.email, email)))[0]!;
}

test('les chiffres : par sujet, par semaine, délais de première réponse et de résolution, période choisie', async () => {
  const a = await writeIn('applying');
  const c = await writeIn('complaint');
  clock.advance(3 * 3600);
  assert.equal((await admin.post(`/gestion/support/${a.id}/repondre`, { reponse: 'Réponse', apres: 'resolve', version: String(a.version) })).status, 303);
  clock.advance(7 * 86_400);
  await writeIn('applying');
  await login();
  const page = await admin.get('/gestion/support/chiffres?du=2025-07-01&au=2025-07-20');
  assert.equal(page.status, 200);
  const html = await page.text();
  assert.match(html, /3 demandes reçues du 01\/07\/2025 au 20\/07\/2025/);
  assert.match(html, /<th scope="row">Candidature<\/th><td>2<\/td><td>67 %<\/td>/);
  assert.match(html, /<th scope="row">Réclamation<\/th><td>1<\/td>/);
  assert.match(html, /<th scope="row">07\/07\/2025<\/th><td>2<\/td>/);
  assert.match(html, /<th scope="row">14\/07\/2025<\/th><td>1<\/td>/);
  assert.match(html, /<th scope="row">Première réponse<\/th><td>3 h<\/td><td>3 h<\/td><td>1 \(dont 100 % dans le délai\)<\/td><td>2 sans réponse<\/td>/);
  assert.match(html, /<th scope="row">Résolution<\/th><td>3 h<\/td>/);
  assert.match(html, /<svg class="lg-chart"[^>]*role="img"/);
  void c;

  const before = await (await admin.get('/gestion/support/chiffres?du=2025-07-14&au=2025-07-20')).text();
  assert.match(before, /1 demande reçue du 14\/07\/2025/);
});

test('une période invalide est signalée ; chacun ne compte que les sujets qu’il traite ; le comité n’y a pas accès', async () => {
  const bad = await admin.get('/gestion/support/chiffres?du=2025-07-20&au=2025-07-01');
  assert.equal(bad.status, 422);
  assert.match(await bad.text(), /La date de fin doit suivre la date de début/);
  assert.equal((await admin.get('/gestion/support/chiffres?du=2025-02-30')).status, 422);
  const inst = await (await instructor.get('/gestion/support/chiffres?du=2025-07-01&au=2025-07-20')).text();
  assert.match(inst, /2 demandes reçues/, 'la réclamation ne compte pas pour l’instruction');
  const committee = t.client();
  await committee.loginAs((await createUser(t.deps, { staff: ['committee'] })).id);
  assert.equal((await committee.get('/gestion/support/chiffres')).status, 403);
});
