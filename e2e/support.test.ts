/**
 * The support desk in a real browser against the real server (demo data on):
 *
 * Léa, a learner, reads the help centre, writes in through the contact form (a first try without
 * a message comes back with the error summary), and gets her ticket number. The demo admin signs
 * in with password and TOTP, finds the acknowledgement in the outbox, answers Léa from the inbox;
 * Léa follows her ticket through the private link without an account and answers. Then the
 * staff pages of figures and inspections, and the organisation's page of its inspections. Every
 * page is checked with axe (WCAG 2.1 AA, zero violations).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { story, pathOf, DEMO_PASSWORD } from './helpers/story.js';
import { visit, check, assertNoConsoleErrors, type Visitor } from './helpers/browser.js';
import { fill, choose, submitFormOf, clickButton, errorsShown, assertErrorSummaryFocused, logIn, linkFromOutbox } from './helpers/forms.js';

const ADMIN_EMAIL = 'admin@demo.label-gen.fr';
const LEA = { email: `lea.apprenante.${Date.now()}@exemple.fr`, name: 'Léa Apprenante' };
const SUBJECT = 'Date de la prochaine session à Lille';

const s = story();
const step = s.step;
let lea: Visitor;
let admin: Visitor | null = null;
let org: Visitor | null = null;
let followLink = '';
let ticketPath = '';

async function theAdmin(): Promise<Visitor> {
  if (admin) return admin;
  admin = await s.visitor();
  await logIn(admin, ADMIN_EMAIL, DEMO_PASSWORD, s.server.totpSecret(ADMIN_EMAIL));
  return admin;
}

step('Léa consulte le centre d’aide puis la page de contact', async (t) => {
  lea = await s.visitor();
  await visit(lea, '/aide');
  assert.ok(await lea.page.locator('a[href^="/aide/"]').count(), 'le centre d’aide de démonstration a des articles');
  await visit(lea, '/contact');
  await choose(lea.page, 'profil', 'learner');
  await choose(lea.page, 'sujet', 'labelled_training');
  await clickButton(lea.page, 'Continuer');
  assert.equal(pathOf(lea), '/contact');
  await check(lea, '/contact (étape 2)');
  assert.ok(await lea.page.getByText('Votre réponse est peut-être ici').count());
});

step('un envoi sans message revient avec le résumé des erreurs, focalisé, et les valeurs conservées', async () => {
  const { page } = lea;
  await fill(page, { formation_libre: 'Développeur web — Lille', objet: SUBJECT, nom: LEA.name, email: LEA.email });
  // The anti-spam check refuses a form sent less than 4 seconds after it was shown.
  await page.waitForTimeout(4500);
  const status = await submitFormOf(page, 'message');
  assert.equal(status, 422);
  const links = await assertErrorSummaryFocused(lea, '/contact');
  assert.ok(links.includes('#message'), 'le message manquant est signalé');
  assert.equal(await page.locator('#objet').inputValue(), SUBJECT);
  assert.equal(await page.locator('#email').inputValue(), LEA.email);
});

step('Léa envoie sa demande et reçoit un numéro', async () => {
  const { page } = lea;
  await fill(page, { message: 'Bonjour, quand commence la prochaine session de la formation de développeur web à Lille ?' });
  await page.waitForTimeout(4500);
  await submitFormOf(page, 'message');
  assert.equal(pathOf(lea), '/contact/envoyee', `la page de confirmation était attendue ${await errorsShown(page)}`);
  await check(lea);
  assert.match(await page.locator('body').innerText(), /GEN-T-\d{4}-\d{5}/);
});

step('l’administrateur (mot de passe + TOTP) retrouve l’accusé de réception et le lien privé', async () => {
  followLink = await linkFromOutbox(await theAdmin(), LEA.email, /https?:\/\/[^\s"<>]+\/demande\/[\w-]{43}/);
  assert.ok(followLink.startsWith(s.server.url));
});

step('l’équipe répond depuis la boîte de réception', async () => {
  const a = await theAdmin();
  await visit(a, `/gestion/support?q=${encodeURIComponent(SUBJECT)}`);
  await Promise.all([a.page.waitForNavigation(), a.page.locator('tbody tr', { hasText: SUBJECT }).first().locator('a').first().click()]);
  ticketPath = pathOf(a);
  assert.match(ticketPath, /^\/gestion\/support\/[0-9a-f-]{36}$/);
  await check(a);
  await fill(a.page, { reponse: 'Bonjour Léa,\n\nLa prochaine session commence le 2 mars. Contactez l’organisme pour vous inscrire.' });
  await choose(a.page, 'apres', 'await_requester');
  await submitFormOf(a.page, 'reponse');
  assert.equal(pathOf(a), ticketPath, `retour sur la demande attendu ${await errorsShown(a.page)}`);
  await check(a);
  assert.ok(await a.page.getByText('En attente du demandeur').count());
});

step('Léa suit sa demande par le lien privé, sans compte, et répond', async () => {
  await visit(lea, followLink);
  const { page } = lea;
  assert.ok(await page.getByText('La prochaine session commence le 2 mars.').count(), 'la réponse de l’équipe est visible');
  await fill(page, { message: 'Merci beaucoup, je les contacte.' });
  await submitFormOf(page, 'message');
  await check(lea, '/demande (après réponse)');
  assert.ok(await page.getByText('Merci beaucoup, je les contacte.').count());
});

step('l’équipe voit la réponse, puis consulte les chiffres et les inspections', async () => {
  const a = await theAdmin();
  await visit(a, ticketPath);
  assert.ok(await a.page.getByText('Merci beaucoup, je les contacte.').count());
  await visit(a, '/gestion/support/chiffres');
  assert.ok(await a.page.locator('svg.lg-chart').count(), 'le graphique par semaine');
  assert.ok(await a.page.getByRole('table', { name: 'Demandes par sujet' }).count());
  await visit(a, '/gestion/inspections');
  // The demo plans an inspection after a complaint about a demo label.
  const first = a.page.locator('tbody a[href^="/gestion/inspections/"]').first();
  assert.ok(await first.count(), 'la démonstration contient des inspections');
  await Promise.all([a.page.waitForNavigation(), first.click()]);
  await check(a);
  const inspectionPath = pathOf(a);
  // The label's page shows its complaints and inspections to the monitoring team and admins.
  await Promise.all([a.page.waitForNavigation(), a.page.locator('dd a[href^="/gestion/labels/"]').first().click()]);
  await check(a);
  assert.ok(await a.page.getByRole('heading', { name: 'Réclamations' }).count(), 'la page du label montre ses réclamations');
  await visit(a, inspectionPath);
  const complaint = a.page.locator('a[href^="/gestion/support/"]').filter({ hasText: /GEN-T-/ }).first();
  assert.ok(await complaint.count(), 'l’inspection planifiée renvoie à la réclamation');
  await Promise.all([a.page.waitForNavigation(), complaint.click()]);
  await check(a);
  assert.ok(await a.page.getByRole('link', { name: 'Ouvrir une inspection' }).count(), 'la réclamation propose d’ouvrir une inspection');
  await visit(a, '/gestion/inspections/nouvelle');
});

step('l’organisme de démonstration voit la page de ses inspections et réclamations', async () => {
  org = await s.visitor();
  await logIn(org, 'porteur@demo.label-gen.fr', DEMO_PASSWORD);
  await visit(org, '/organisations');
  const href = await org.page.locator('a[href^="/organisations/"]').evaluateAll((as) => as.map((x) => x.getAttribute('href')!).find((h) => /^\/organisations\/[0-9a-f-]{36}$/.test(h)));
  assert.ok(href, 'un lien vers l’organisme de démonstration');
  await visit(org, `${href}/inspections`);
  assert.match(await org.page.locator('h1').innerText(), /Inspections et réclamations/);
});

test('aucune erreur dans la console du navigateur', () => {
  assertNoConsoleErrors(lea, admin, org);
});
