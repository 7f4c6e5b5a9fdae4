/**
 * Partners, Région and messages in a real browser against the real server (demo data on):
 *
 * The demo admin reads, in the outbox, the personal link sent to a partner still awaited and the
 * one sent to the Région of Hauts-de-France. The partner opens its link without an account, sends
 * the form empty once (error summary), then confirms; the link then shows the recorded answer.
 * The Région gives a reserved opinion. The admin then sees both on the application's staff page,
 * opens the partners-and-Région page, the Régions' contacts and the thread, and writes to the
 * organisation; the applicant reads the thread on her side. Every page is checked with axe.
 */
import assert from 'node:assert/strict';
import { story, DEMO_PASSWORD } from './helpers/story.js';
import { visit, check, assertNoConsoleErrors, type Visitor } from './helpers/browser.js';
import { fill, choose, clickButton, assertErrorSummaryFocused, logIn, linkFromOutbox, submitFormOf } from './helpers/forms.js';

const ADMIN_EMAIL = 'admin@demo.label-gen.fr';
const PAULA_EMAIL = 'porteur@demo.label-gen.fr';
const PENDING_PARTNER = 'samia.benali@mission-locale.exemple.fr';
const PENDING_REGION = 'avis.formation@hautsdefrance.exemple.fr';

const s = story();
const step = s.step;
let admin: Visitor | null = null;
let partner: Visitor | null = null;
let paula: Visitor | null = null;
let appPath = '';

step('l’administrateur de démonstration retrouve dans la boîte d’envoi le lien du partenaire en attente', async (t) => {
  admin = await s.visitor();
  await logIn(admin, ADMIN_EMAIL, DEMO_PASSWORD, s.server.totpSecret(ADMIN_EMAIL));
  const link = await linkFromOutbox(admin, PENDING_PARTNER, /\/consultation\/partenaire\/[A-Za-z0-9_-]{43}/);
  partner = await s.visitor();
  await visit(partner, link);
  assert.match(await partner.page.locator('h1').innerText(), /Confirmer un partenariat/);
  assert.match(await partner.page.locator('main').innerText(), /Mission locale de Montreuil/);

  await clickButton(partner.page, 'Envoyer ma réponse');
  await assertErrorSummaryFocused(partner, 'réponse du partenaire vide');
  await choose(partner.page, 'partnership', 'oui');
  await choose(partner.page, 'commitment', 'oui');
  await fill(partner.page, { comment: 'Nous orienterons bien 15 jeunes par session.' });
  await clickButton(partner.page, 'Envoyer ma réponse');
  await check(partner);
  assert.match(await partner.page.locator('main').innerText(), /Votre réponse est enregistrée/);
  assert.equal(await partner.page.locator('form:has(#comment)').count(), 0, 'le formulaire disparaît une fois la réponse donnée');
  await visit(partner, `/consultation/partenaire/${'A'.repeat(43)}`, { status: 404 });
  assert.match(await partner.page.locator('h1').innerText(), /Ce lien n’est pas valable/);
});

step('la Région des Hauts-de-France donne un avis réservé par son lien personnel', async () => {
  const link = await linkFromOutbox(admin!, PENDING_REGION, /\/consultation\/region\/[A-Za-z0-9_-]{43}/);
  const region = await s.visitor();
  await visit(region, link);
  await choose(region.page, 'opinion', 'reserved');
  await fill(region.page, { respondentName: 'Hélène Région, chargée de mission' });
  await clickButton(region.page, 'Envoyer l’avis');
  await assertErrorSummaryFocused(region, 'avis réservé sans commentaire');
  await fill(region.page, { comment: 'Une offre proche existe déjà à Lille : à articuler.' });
  await clickButton(region.page, 'Envoyer l’avis');
  await check(region);
  assert.match(await region.page.locator('main').innerText(), /L’avis de la Région est enregistré/);
  assertNoConsoleErrors(region);
});

step('l’instruction voit confirmations et avis, gère les consultations, les contacts des Régions, et écrit à l’organisme', async () => {
  const thread = await linkFromOutbox(admin!, 'instructeur@demo.label-gen.fr', /\/gestion\/candidatures\/[0-9a-f-]{36}\/messages/);
  appPath = thread.replace(/\/messages$/, '');
  const { page } = admin!;
  await visit(admin!, appPath);
  const main = await page.locator('main').innerText();
  assert.match(main, /Partenaires et Région/);
  assert.match(main, /Nous orienterons bien 15 jeunes par session/);
  assert.match(main, /Avis réservé/i);
  assert.match(main, /Avis favorable/i);
  await visit(admin!, `${appPath}/consultations`);
  assert.match(await page.locator('main').innerText(), /Enregistrer une réponse donnée par téléphone|Confirmations des partenaires/);
  await visit(admin!, '/gestion/regions/avis');
  await visit(admin!, thread);
  await fill(page, { message: 'Bonjour, la Région des Hauts-de-France souhaite que vous précisiez l’articulation avec l’offre lilloise.' });
  const status = await submitFormOf(page, 'message');
  assert.equal(status, 200);
  await check(admin!);
  assert.match(await page.locator('main').innerText(), /articulation avec l’offre lilloise/);
});

step('la porteuse de projet lit le message de l’équipe GEN sur la page de sa candidature', async () => {
  paula = await s.visitor();
  await logIn(paula, PAULA_EMAIL, DEMO_PASSWORD);
  const link = await (async () => {
    await visit(paula!, '/organisations');
    const orgLink = paula!.page.locator('a[href^="/organisations/"]').filter({ hasText: 'Simplon' }).first();
    return orgLink.getAttribute('href');
  })();
  assert.ok(link);
  const orgId = link!.split('/')[2]!;
  const appId = appPath.split('/').pop()!;
  await visit(paula!, `/organisations/${orgId}/candidatures/${appId}/messages`);
  const text = await paula!.page.locator('main').innerText();
  assert.match(text, /articulation avec l’offre lilloise/);
  assert.match(text, /Nouveau/i);
});
