/**
 * The label's journey, in a real browser against the real server (demo data on).
 *
 * Part 1, the committee: the demo application already found admissible and scored by the demo
 * instructor gets a second reviewer (the demo admin), who scores it; the admin decides "labelled"
 * at the demo meeting and validates the minutes: a label awaiting its convention is born.
 * Part 2, the convention: Paula, admin of the organisation, reads the draft convention, forgets to
 * tick "je signe" (error summary), then signs; Samir (monitoring) countersigns: the label is
 * active for 3 years. Samir then tries to suspend another label without a motivation. Every page
 * visited passes axe (WCAG 2.1 AA). Steps run in order; after a failure the next ones are skipped.
 */
import { test, before, after, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { startServer, type RunningServer } from './helpers/server.js';
import { launchBrowser, newVisitor, visit, check, assertNoConsoleErrors, type Visitor } from './helpers/browser.js';
import { fill, choose, submitFormOf, clickButton, errorsShown, assertErrorSummaryFocused, logIn } from './helpers/forms.js';

const DEMO_PASSWORD = 'demo-label-gen-2026';
const ADMIN_EMAIL = 'admin@demo.label-gen.fr';
const MONITORING_EMAIL = 'suivi@demo.label-gen.fr';
const PORTEUR_EMAIL = 'porteur@demo.label-gen.fr';
const COLLEGUE_EMAIL = 'collegue@demo.label-gen.fr';
const DEMO_APPLICATION = 'Développeur web et web mobile';

let server: RunningServer;
let browser: Browser | null = null;
let admin: Visitor | null = null;
let samir: Visitor | null = null;
let paula: Visitor | null = null;
let corentin: Visitor | null = null;
let broken = false;
/** The label the committee creates. */
let labelPath = '';
let labelNumber = '';
let orgId = '';

before(async () => {
  // The machine may be shared with other test runs: leave the server time to migrate and seed.
  server = await startServer({ timeoutMs: 480_000 });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** One step of the story: skipped once an earlier step failed. */
function step(name: string, fn: (t: TestContext) => Promise<void>) {
  test(name, async (t) => {
    if (broken) assert.fail('une étape précédente a échoué : cette étape ne peut pas être vérifiée');
    if (!browser) browser = await launchBrowser(t);
    if (!browser) return;
    try {
      await fn(t);
    } catch (e) {
      broken = true;
      throw e;
    }
  });
}

async function staffVisitor(email: string): Promise<Visitor> {
  const v = await newVisitor(browser!, server.url);
  await logIn(v, email, DEMO_PASSWORD, server.totpSecret(email));
  return v;
}

/** Clicks a link by its visible text and checks the page reached. */
async function follow(v: Visitor, name: string | RegExp, exact = false): Promise<void> {
  await Promise.all([v.page.waitForNavigation({ waitUntil: 'load' }), v.page.getByRole('link', { name, exact }).first().click()]);
  await check(v);
}

/** Ticks a DSFR checkbox by clicking its label, as a person would. */
async function tick(v: Visitor, id: string): Promise<void> {
  await v.page.locator(`label[for="${id}"]`).click();
  assert.ok(await v.page.locator(`#${id}`).isChecked(), `la case ${id} n’a pas été cochée`);
}

// ---- Part 1: from a scored application to a label, through the staff review UI ----

let applicationPath = '';
let meetingPath = '';

step('l’administrateur ouvre la candidature de démonstration dans l’espace d’instruction', async () => {
  admin = await staffVisitor(ADMIN_EMAIL);
  await visit(admin, '/gestion/candidatures');
  await follow(admin, DEMO_APPLICATION, true);
  applicationPath = new URL(admin.page.url()).pathname;
  assert.match(applicationPath, /^\/gestion\/candidatures\/[0-9a-f-]{36}$/);
  await visit(admin, `${applicationPath}/recevabilite`);
});

step('un second instructeur (l’administrateur) est affecté et note les 6 critères', async () => {
  assert.ok(admin);
  const { page } = admin;
  await visit(admin, applicationPath);
  const value = await page.locator('#reviewerId option', { hasText: 'Alex Administrateur' }).first().getAttribute('value');
  assert.ok(value, 'l’administrateur doit pouvoir être affecté');
  await page.locator('#reviewerId').selectOption(value);
  await submitFormOf(page, 'reviewerId');
  await check(admin);
  assert.match(await page.locator('main').innerText(), /Alex Administrateur/);
  await visit(admin, `${applicationPath}/notation`);
  const groups = page.locator('form fieldset:has(input[type="radio"])');
  const n = await groups.count();
  assert.equal(n, 6, 'les 6 critères de sélection');
  for (let i = 0; i < n; i++) {
    const id = await groups.nth(i).locator('input[type="radio"]').last().getAttribute('id');
    await page.locator(`label[for="${id}"]`).click();
  }
  const comments = page.locator('form textarea');
  for (let i = 0; i < await comments.count(); i++) await comments.nth(i).fill('Dossier solide, partenaires engagés.');
  const status = await clickButton(page, 'Enregistrer ma notation');
  assert.ok(status < 400, `notation refusée ${await errorsShown(page)}`);
  await check(admin);
});

step('le comité décide « labellisée » en séance et valide le procès-verbal : le label naît', async () => {
  assert.ok(admin);
  const { page } = admin;
  await visit(admin, '/gestion/comite');
  const row = page.locator('tbody tr', { hasText: 'démonstration' }).first();
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), row.locator('a').first().click()]);
  await check(admin);
  meetingPath = new URL(page.url()).pathname;
  const agenda = page.locator('tbody tr', { hasText: DEMO_APPLICATION }).filter({ has: page.getByRole('link', { name: /Décider/ }) }).first();
  assert.match(await agenda.innerText(), /2 notes/, 'deux instructeurs ont noté');
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), agenda.getByRole('link', { name: /Décider/ }).click()]);
  await check(admin);
  await choose(page, 'outcome', 'labelled');
  await fill(page, { motivation: 'Formation pertinente, bien ancrée dans le territoire.' });
  const status = await submitFormOf(page, 'motivation');
  assert.ok(status < 400, `décision refusée ${await errorsShown(page)}`);
  await check(admin);
  await visit(admin, meetingPath);
  await clickButton(page, 'Valider le procès-verbal');
  await check(admin);
  await visit(admin, `${meetingPath}/proces-verbal`);
  await visit(admin, '/gestion/labels');
  const label = page.locator('tbody tr', { hasText: DEMO_APPLICATION }).filter({ hasText: 'En attente de convention' }).first();
  assert.ok(await label.count(), 'le label de la candidature décidée doit apparaître, en attente de convention');
  labelNumber = (await label.locator('a').first().innerText()).trim();
});

// ---- Part 2: the convention, signed by the organisation then countersigned ----

step('Paula, administratrice de l’organisme, trouve le label à signer et lit le projet de convention', async () => {
  paula = await newVisitor(browser!, server.url);
  await logIn(paula, PORTEUR_EMAIL, DEMO_PASSWORD);
  const { page } = paula;
  await visit(paula, '/organisations');
  await follow(paula, 'Simplon Démo');
  orgId = new URL(page.url()).pathname.split('/')[2]!;
  await visit(paula, `/organisations/${orgId}/labels`);
  assert.match(await page.locator('main').innerText(), /attend la signature d’un administrateur/);
  assert.match(await page.locator('main').innerText(), /prend fin le/, 'le bandeau de renouvellement du label bientôt échu');
  const renew = await page.getByRole('link', { name: /Préparer la candidature de renouvellement/ }).first().getAttribute('href');
  assert.match(renew ?? '', /^\/organisations\/[0-9a-f-]{36}\/candidatures\/[0-9a-f-]{36}\/renouveler$/);
  assert.equal((await page.request.get(renew!)).status(), 200, 'le lien de renouvellement mène à la page de renouvellement');
  const row = page.locator('tbody tr', { hasText: labelNumber });
  assert.match(await row.innerText(), /À signer/);
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), row.locator('a').first().click()]);
  await check(paula);
  labelPath = new URL(page.url()).pathname;
  labelNumber = (await page.locator('h1').innerText()).replace('Label ', '').trim();
  const pdf = await page.request.get(`${labelPath}/convention.pdf`);
  assert.equal(pdf.status(), 200);
  assert.equal(pdf.headers()['content-type'], 'application/pdf');
});

step('un membre non administrateur lit le label mais ne peut pas signer', async () => {
  corentin = await newVisitor(browser!, server.url);
  await logIn(corentin, COLLEGUE_EMAIL, DEMO_PASSWORD);
  await visit(corentin, labelPath);
  assert.equal(await corentin.page.locator('#jeSigne').count(), 0);
  assert.match(await corentin.page.locator('main').innerText(), /attend la signature d’un administrateur/);
});

step('sans cocher « je signe », la signature est refusée avec un résumé des erreurs ; cochée, elle est enregistrée', async () => {
  assert.ok(paula);
  const { page } = paula;
  await submitFormOf(page, 'jeSigne');
  const links = await assertErrorSummaryFocused(paula, 'signature sans la case cochée');
  assert.deepEqual(links, ['#jeSigne']);
  await tick(paula, 'jeSigne');
  await submitFormOf(page, 'jeSigne');
  await check(paula);
  const text = await page.locator('main').innerText();
  assert.match(text, /Vous avez signé la convention/);
  assert.match(text, /Signature de l’organisme/);
  assert.match(text, /Empreinte SHA-256 du document : [0-9a-f]{64}/);
});

step('Samir (suivi-évaluation) contresigne : le label est actif pour 3 ans', async () => {
  samir = await staffVisitor(MONITORING_EMAIL);
  const { page } = samir;
  await visit(samir, '/gestion/labels');
  await follow(samir, labelNumber);
  await tick(samir, 'contresigne');
  await submitFormOf(page, 'contresigne');
  await check(samir);
  const text = await page.locator('main').innerText();
  assert.match(text, /le label est actif/);
  assert.match(text, /Actif/i);
  assert.match(text, /Contresignature de la GEN/);
  assert.match(text, /du \d{2}\/\d{2}\/\d{4} au \d{2}\/\d{2}\/\d{4} inclus/);
  assert.match(text, /Convention contresignée par la GEN/);
});

step('Paula voit son label actif et la convention signée', async () => {
  assert.ok(paula);
  await visit(paula, labelPath);
  const text = await paula.page.locator('main').innerText();
  assert.match(text, /Convention de labellisation signée/);
  assert.match(text, /Actif/i);
});

step('suspendre un label sans motivation est refusé ; les autres états de démonstration s’affichent', async () => {
  assert.ok(samir);
  const { page } = samir;
  await visit(samir, '/gestion/labels');
  await follow(samir, (await page.locator('tbody tr', { hasText: 'Suspendu' }).first().locator('a').first().innerText()).trim());
  await visit(samir, '/gestion/labels');
  const active = page.locator('tbody tr', { hasText: 'Technicien supérieur' }).first();
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), active.locator('a').first().click()]);
  await check(samir);
  await choose(page, 'evenement', 'suspend');
  await submitFormOf(page, 'motivation');
  const links = await assertErrorSummaryFocused(samir, 'suspension sans motivation');
  assert.ok(links.includes('#motivation'));
  await fill(page, { motivation: 'Attestation de démarrage non transmise.' });
  await submitFormOf(page, 'motivation');
  await check(samir);
  assert.match(await page.locator('main').innerText(), /Suspendu/i);
});

test('aucune erreur de console ni violation CSP', () => {
  assertNoConsoleErrors(admin, samir, paula, corentin);
});
