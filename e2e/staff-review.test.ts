/**
 * The staff review pages, in a real browser against the real server (demo data on): the demo admin
 * (password and TOTP) goes through the workspace (filters and a saved view with the keyboard),
 * the tags (created with the keyboard, after an empty submission), the reviewer groups and their
 * settings, an application (tagged, followed), its admissibility page; assigned to it, she first
 * declares her interests (none; an empty declaration shows the error summary) and reaches the scoring
 * page; the committee
 * list, a meeting, a decision (refused without motivation, then a seed grant and the keyboard),
 * the outbox of decision mails sent in bulk, the minutes. Every page passes axe (WCAG 2.1 AA).
 * Steps run in order; after a failed step the next ones are skipped.
 */
import assert from 'node:assert/strict';
import { story, DEMO_PASSWORD } from './helpers/story.js';
import { visit, check, assertNoConsoleErrors, type Visitor } from './helpers/browser.js';
import { choose, clickButton, errorsShown, assertErrorSummaryFocused, logIn } from './helpers/forms.js';

const ADMIN_EMAIL = 'admin@demo.label-gen.fr';
const DEMO_APPLICATION = 'Développeur web et web mobile';

const s = story();
const step = s.step;
let admin: Visitor | null = null;
let applicationPath = '';
let meetingPath = '';

const main = async (v: Visitor) => (await v.page.locator('main').innerText()).replace(/\s+/g, ' ');

/** Presses Enter in a field and waits for the next page. */
async function enterIn(v: Visitor, selector: string) {
  await Promise.all([v.page.waitForNavigation({ waitUntil: 'load' }), v.page.locator(selector).press('Enter')]);
}

step('l’administratrice se connecte et filtre les candidatures au clavier, puis enregistre sa vue', async () => {
  admin = await s.visitor();
  await logIn(admin, ADMIN_EMAIL, DEMO_PASSWORD, s.server.totpSecret(ADMIN_EMAIL));
  const { page } = admin;
  await visit(admin, '/gestion/candidatures');
  await page.locator('#q').focus();
  await page.keyboard.type('developpeur web');
  await enterIn(admin, '#q');
  await check(admin, 'liste filtrée');
  assert.match(await main(admin), new RegExp(DEMO_APPLICATION));
  await page.locator('#name').focus();
  await page.keyboard.type('Développeurs web');
  await enterIn(admin, '#name');
  await check(admin, 'vue enregistrée');
  assert.match(await main(admin), /La vue « Développeurs web » est enregistrée/);
  await visit(admin, '/gestion/candidatures/vues');
  assert.match(await main(admin), /Développeurs web/);
});

step('étiquettes : un envoi vide montre le résumé des erreurs, puis une étiquette est ajoutée au clavier', async () => {
  assert.ok(admin);
  const { page } = admin;
  await visit(admin, '/gestion/etiquettes');
  assert.match(await main(admin), /Prioritaire/);
  await clickButton(page, 'Ajouter l’étiquette');
  await assertErrorSummaryFocused(admin, 'étiquette vide');
  await page.locator('#label').fill('');
  await page.locator('#label').focus();
  await page.keyboard.type('Comité de janvier');
  await page.locator('#colour').selectOption('blue-ecume');
  await enterIn(admin, '#label');
  await check(admin, 'étiquette ajoutée');
  assert.match(await main(admin), /Comité de janvier/);
});

step('groupes d’instructeurs et réglages de l’instruction', async () => {
  assert.ok(admin);
  const { page } = admin;
  await visit(admin, '/gestion/groupes');
  assert.match(await main(admin), /Île-de-France et Hauts-de-France/);
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.getByRole('link', { name: 'Grand Ouest' }).click()]);
  await check(admin, 'page du groupe');
  await visit(admin, '/gestion/groupes');
  await page.locator('#discussionGap').fill('1,5');
  await clickButton(page, 'Enregistrer les réglages');
  await check(admin, 'réglages enregistrés');
  assert.match(await main(admin), /réglages de l’instruction sont enregistrés/);
});

step('une candidature : étiquetée, suivie, recevabilité et notation', async () => {
  assert.ok(admin);
  const { page } = admin;
  await visit(admin, '/gestion/candidatures');
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.getByRole('link', { name: DEMO_APPLICATION }).first().click()]);
  await check(admin, 'page de la candidature');
  applicationPath = new URL(page.url()).pathname;
  await page.locator('#tagId').selectOption({ label: 'Comité de janvier' });
  await clickButton(page, 'Poser l’étiquette');
  await check(admin, 'étiquette posée');
  await clickButton(page, 'Suivre la candidature');
  await check(admin, 'candidature suivie');
  assert.match(await main(admin), /Ne plus suivre/);
  await visit(admin, `${applicationPath}/recevabilite`);
  // The admin assigns herself (keyboard: the select, then the button) to reach the scoring grid.
  await visit(admin, applicationPath);
  await page.locator('#reviewerId').selectOption({ label: 'Alex Administrateur' });
  await page.locator('#reviewerId').focus();
  await page.keyboard.press('Tab');
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
  await check(admin, 'instructeur affecté : déclaration d’intérêts');
  // Assigned, she must declare her interests before seeing the application again (the scoring grid too).
  assert.equal(await page.locator('h1').innerText(), 'Déclaration d’intérêts');
  assert.match(await main(admin), /Organisme[\s\S]*SIRET \d{14}[\s\S]*Partenaires nommés dans la candidature/);
  assert.equal((await page.request.get(`${applicationPath}/dossier.pdf`)).status(), 403, 'pas de dossier PDF avant la déclaration');
  await clickButton(page, 'Enregistrer ma déclaration');
  await assertErrorSummaryFocused(admin, 'déclaration sans choix');
  await choose(page, 'choice', 'none');
  await clickButton(page, 'Enregistrer ma déclaration');
  await check(admin, 'déclaration enregistrée');
  assert.match(await main(admin), /Votre déclaration d’absence de lien d’intérêt est enregistrée/);
  assert.equal((await page.request.get(`${applicationPath}/dossier.pdf`)).status(), 200, 'le dossier PDF après la déclaration');
  await visit(admin, `${applicationPath}/notation`);
  assert.match(await main(admin), /Besoins de la région|critère 1/i);
});

step('comité : liste, séance, décision refusée sans motivation puis labellisation avec subvention, courriers envoyés, procès-verbal', async () => {
  assert.ok(admin);
  const { page } = admin;
  await visit(admin, '/gestion/comite');
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.locator('tbody tr').first().locator('a').first().click()]);
  await check(admin, 'séance');
  meetingPath = new URL(page.url()).pathname;
  assert.match(await main(admin), /Équilibre territorial[\s\S]*Part attendue de femmes/);
  const row = page.locator('tbody tr', { hasText: DEMO_APPLICATION }).filter({ has: page.getByRole('link', { name: /Décider/ }) }).first();
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), row.getByRole('link', { name: /Décider/ }).click()]);
  await check(admin, 'décision');
  await clickButton(page, 'Enregistrer la décision');
  await assertErrorSummaryFocused(admin, 'décision sans motivation');
  await choose(page, 'outcome', 'labelled');
  await page.locator('#motivation').focus();
  await page.keyboard.type('Formation pertinente, bien ancrée dans le territoire.');
  // Tab from the motivation to the seed grant field (left empty: none was requested), Enter sends the form.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'seedGrant');
  const [res] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
  assert.ok((res?.status() ?? 0) < 400, `décision refusée ${await errorsShown(page)}`);
  await check(admin, 'décision enregistrée');
  await visit(admin, `${meetingPath}/courriers`);
  assert.match(await page.locator('input[name="subject"]').first().inputValue(), /Formation labellisée : Développeur web/);
  await clickButton(page, /Envoyer le courrier en attente/);
  await check(admin, 'courriers envoyés');
  assert.match(await main(admin), /Envoyé le/i);
  await visit(admin, `${meetingPath}/proces-verbal`);
  assert.match(await main(admin), /Formation pertinente/);
  const pdf = await page.request.get(`${meetingPath}/proces-verbal.pdf`);
  assert.equal(pdf.status(), 200);
  assert.equal(pdf.headers()['content-type'], 'application/pdf');
});

step('la séance passée : report au relevé suivant, procès-verbal validé', async () => {
  assert.ok(admin);
  const { page } = admin;
  await visit(admin, '/gestion/comite');
  const past = page.locator('tbody tr', { hasText: 'Ada Lovelace' }).first();
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), past.locator('a').first().click()]);
  await check(admin, 'séance passée');
  const text = await main(admin);
  assert.match(text, /Procès-verbal validé/);
  assert.match(text, /Candidatures reportées au relevé suivant[\s\S]*Concepteur développeur d’applications/);
  await visit(admin, `${new URL(page.url()).pathname}/courriers`);
  assert.match(await main(admin), /Décision reportée/);
  assertNoConsoleErrors(admin);
});
