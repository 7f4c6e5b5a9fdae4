import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, createUser, type TestApp } from '../platform/testing/harness.js';
import { SAMPLES } from '../platform/files/files.fixtures.js';
import { supportTickets } from './support.schema.js';
import { contactFields, lastMailTo, openContactForm, sendContact, testClock, tokenIn } from './support.testing.js';

const clock = testClock();
let t: TestApp;
before(async () => { t = await createTestApp({ now: clock.now }); });
after(async () => { await t.close(); });

const countTickets = async () => (await t.deps.database.db.select().from(supportTickets)).length;

test('la page de contact commence par la situation et le sujet, sans compte', async () => {
  const res = await t.client().get('/contact');
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.match(html, /<legend[^>]*>Vous êtes/);
  assert.match(html, /Une réclamation sur une formation/);
  const empty = await t.client().get('/contact?etape=1');
  assert.equal(empty.status, 422);
  assert.match(await empty.text(), /Indiquez qui vous êtes/);
});

test('l’étape 2 montre les articles du sujet, un honeypot caché et non focalisable', async () => {
  const html = await (await t.client().get('/contact?etape=1&profil=learner&sujet=complaint')).text();
  assert.match(html, /Rechercher la formation labellisée/);
  assert.match(html, /<div class="fr-sr-only" aria-hidden="true"><label for="site_web">/);
  assert.match(html, /name="site_web" value="" tabindex="-1" autocomplete="off"/);
  assert.match(html, /J’accepte que l’organisme de formation connaisse mon nom/);
});

test('une demande envoyée crée un ticket GEN-T et un accusé de réception avec un lien privé', async () => {
  const client = t.client({ ip: '198.51.100.1' });
  const res = await sendContact(client, clock, { email: 'heureux@exemple.fr' });
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), '/contact/envoyee');
  const sent = await client.get('/contact/envoyee');
  assert.match(await sent.text(), /Votre demande GEN-T-2025-\d{5} est enregistrée/);
  const mail = await lastMailTo(t, 'heureux@exemple.fr');
  assert.ok(mail);
  assert.match(mail.subject, /Votre demande GEN-T-2025-\d{5} a bien été reçue/);
  assert.match(mail.text, /http:\/\/localhost:3000\/demande\/[A-Za-z0-9_-]{43}/);
  assert.match(mail.text, /au plus tard le/);
  const token = tokenIn(mail.text);
  const [row] = await t.deps.database.db.select().from(supportTickets);
  assert.ok(row);
  assert.doesNotMatch(JSON.stringify(row), new RegExp(token), 'le jeton n’est jamais stocké en clair');
});

test('un honeypot rempli est refusé avec un message en français, les valeurs sont gardées', async () => {
  const before = await countTickets();
  const client = t.client({ ip: '198.51.100.2' });
  const res = await sendContact(client, clock, { site_web: 'http://spam.example', objet: 'Objet gardé' });
  assert.equal(res.status, 422);
  const html = await res.text();
  assert.match(html, /<title>Erreur : /);
  assert.match(html, /n’a pas pu être vérifié/);
  assert.match(html, /value="Objet gardé"/);
  assert.match(html, /Bonjour, comment déposer \?<\/textarea>/);
  assert.doesNotMatch(html, /value="http:\/\/spam.example"/);
  assert.equal(await countTickets(), before);
});

test('un envoi trop rapide après l’ouverture du formulaire est refusé, puis accepté en renvoyant', async () => {
  const client = t.client({ ip: '198.51.100.3' });
  const stamp = await openContactForm(client);
  clock.advance(1);
  const res = await client.post('/contact', contactFields(stamp, { objet: 'Trop vite' }));
  assert.equal(res.status, 422);
  const html = await res.text();
  assert.match(html, /envoyé trop vite/);
  assert.match(html, /value="Trop vite"/);
  const fresh = /name="horodatage" value="([^"]+)"/.exec(html)![1]!;
  clock.advance(10);
  assert.equal((await client.post('/contact', contactFields(fresh, { objet: 'Trop vite' }))).status, 303);
});

test('un horodatage falsifié est refusé', async () => {
  const client = t.client({ ip: '198.51.100.4' });
  const res = await client.post('/contact', contactFields(`${clock.now().getTime() - 60_000}.${'A'.repeat(43)}`));
  assert.equal(res.status, 422);
  assert.match(await res.text(), /n’a pas pu être vérifié/);
});

test('au-delà de 5 envois en 15 minutes depuis la même adresse IP, la réponse est 429', async () => {
  const client = t.client({ ip: '198.51.100.99' });
  for (let i = 0; i < 5; i++) assert.notEqual((await client.post('/contact', { profil: 'learner' })).status, 429, `envoi ${i + 1}`);
  const res = await client.post('/contact', { profil: 'learner' });
  assert.equal(res.status, 429);
  assert.ok(Number(res.headers.get('retry-after')) > 0);
  assert.match(await res.text(), /Trop de tentatives/);
  assert.notEqual((await t.client({ ip: '198.51.100.98' }).post('/contact', { profil: 'learner' })).status, 429);
});

test('une réclamation exige la formation concernée', async () => {
  const res = await sendContact(t.client({ ip: '198.51.100.5' }), clock, { sujet: 'complaint' });
  assert.equal(res.status, 422);
  assert.match(await res.text(), /Choisissez la formation concernée/);
});

test('une pièce jointe PDF est acceptée ; un exécutable renommé en .pdf est refusé', async () => {
  const client = t.client({ ip: '198.51.100.6' });
  const send = async (bytes: Buffer, name: string) => {
    const stamp = await openContactForm(client);
    clock.advance(30);
    const form = new FormData();
    for (const [k, v] of Object.entries(contactFields(stamp, { email: 'pj@exemple.fr' }))) form.append(k, v);
    form.append('pieces', new File([new Uint8Array(bytes)], name));
    return client.postMultipart('/contact', form);
  };
  const bad = await send(SAMPLES.exe, 'budget.pdf');
  assert.equal(bad.status, 422);
  assert.match(await bad.text(), /budget\.pdf : le contenu du fichier n’est pas un PDF, PNG ou JPEG/);
  const odt = await send(SAMPLES.odt, 'texte.odt');
  assert.equal(odt.status, 422);
  const ok = await send(SAMPLES.pdf, 'attestation.pdf');
  assert.equal(ok.status, 303);
  const token = tokenIn((await lastMailTo(t, 'pj@exemple.fr'))!.text);
  const page = await (await client.get(`/demande/${token}`)).text();
  const href = /href="(\/demande\/[^"]+\/pieces\/[^"]+)"/.exec(page)![1]!;
  const file = await client.get(href);
  assert.equal(file.headers.get('content-type'), 'application/pdf');
  assert.match(file.headers.get('content-disposition') ?? '', /^attachment/);
});

test('une personne connectée retrouve ses demandes dans son espace', async () => {
  const user = await createUser(t.deps, { email: 'connectee@exemple.fr' });
  const client = t.client({ ip: '198.51.100.7' });
  await client.loginAs(user.id);
  assert.equal((await sendContact(client, clock, { email: 'connectee@exemple.fr', objet: 'Ma demande à moi' })).status, 303);
  const list = await (await client.get('/compte/demandes')).text();
  assert.match(list, /Ma demande à moi/);
  const id = /href="\/compte\/demandes\/([0-9a-f-]{36})"/.exec(list)![1]!;
  assert.equal((await client.get(`/compte/demandes/${id}`)).status, 200);
  const other = t.client();
  await other.loginAs((await createUser(t.deps)).id);
  assert.equal((await other.get(`/compte/demandes/${id}`)).status, 404);
});
