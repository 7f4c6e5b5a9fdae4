/**
 * The journey of a training provider, in a real browser against the real server (demo data on):
 *
 * Camille discovers the label, creates an account (after a first mistake), confirms her address
 * with the link she received (read here in the platform's outbox by the demo admin, who signs in
 * with password and TOTP), signs in with the keyboard only, creates her organisation (after a
 * wrong SIRET), and invites a colleague, who accepts and sees the organisation. Every page visited
 * is checked with axe (WCAG 2.1 AA, zero violations). Steps run in order; after a failed step the
 * next ones are skipped so the first failure stands out.
 */
import assert from 'node:assert/strict';
import { story, pathOf, DEMO_PASSWORD } from './helpers/story.js';
import { visit, check, type Visitor } from './helpers/browser.js';
import { fill, choose, submitFormOf, clickButton, errorsShown, assertErrorSummaryFocused, logIn, linkFromOutbox } from './helpers/forms.js';

const ADMIN_EMAIL = 'admin@demo.label-gen.fr';
const COLLEAGUE_EMAIL = 'nouveau@demo.label-gen.fr';
const CAMILLE = {
  fullName: 'Camille Dupont',
  email: `camille.dupont.${Date.now()}@exemple.fr`,
  password: 'Brume-lavande-horizon-2026',
};
const ORG = {
  name: 'Compétences Numériques Lilloises',
  siret: '88012345000004',
  nda: '31590123459',
  addressLine: '12 rue Nationale',
  postcode: '59000',
  city: 'Lille',
  contactName: 'Camille Dupont',
  contactEmail: 'contact@cnl.exemple.fr',
  contactPhone: '03 20 00 00 00',
};

const s = story();
const step = s.step;
let camille: Visitor;
let admin: Visitor | null = null;
let colleague: Visitor | null = null;
let orgPath = '';

/** The demo admin's browser, signed in with password and TOTP (once: a code is single-use). */
async function theAdmin(): Promise<Visitor> {
  if (admin) return admin;
  admin = await s.visitor();
  await logIn(admin, ADMIN_EMAIL, DEMO_PASSWORD, s.server.totpSecret(ADMIN_EMAIL));
  return admin;
}

step('Camille découvre le label depuis la page d’accueil et va créer un compte', async (t) => {
  camille = await s.visitor();
  await visit(camille, '/');
  await Promise.all([camille.page.waitForNavigation(), camille.page.locator('a[href="/inscription"]').first().click()]);
  assert.equal(pathOf(camille), '/inscription');
  await check(camille);
});

step('une inscription incomplète revient avec le résumé des erreurs, focalisé, et les valeurs conservées', async () => {
  const { page } = camille;
  await fill(page, { fullName: CAMILLE.fullName, email: CAMILLE.email, password: 'court', passwordConfirm: 'autre' });
  const status = await submitFormOf(page, 'passwordConfirm');
  assert.equal(status, 422);
  const links = await assertErrorSummaryFocused(camille, '/inscription');
  assert.ok(links.includes('#password'), 'le mot de passe trop court doit être signalé');
  assert.equal(await page.locator('#fullName').inputValue(), CAMILLE.fullName, 'le nom saisi doit être conservé');
  assert.equal(await page.locator('#email').inputValue(), CAMILLE.email, 'l’adresse saisie doit être conservée');
  assert.equal(await page.locator('#password').inputValue(), '', 'un mot de passe n’est jamais renvoyé');
});

step('Camille crée son compte et on lui demande de confirmer son adresse', async () => {
  const { page } = camille;
  await fill(page, { fullName: CAMILLE.fullName, email: CAMILLE.email, password: CAMILLE.password, passwordConfirm: CAMILLE.password });
  await submitFormOf(page, 'passwordConfirm');
  assert.equal(pathOf(camille), '/inscription/envoyee');
  await check(camille);
});

let confirmationLink = '';

step('l’administrateur de démonstration se connecte (mot de passe + code TOTP) et retrouve le courriel de confirmation', async () => {
  const a = await theAdmin();
  confirmationLink = await linkFromOutbox(a, CAMILLE.email, /https?:\/\/[^\s"<>]+\/inscription\/confirmer\/[\w-]+/);
  assert.ok(confirmationLink.startsWith(s.server.url), `le lien doit pointer vers le service (${confirmationLink})`);
});

step('Camille ouvre le lien reçu et confirme son adresse', async () => {
  await visit(camille, confirmationLink);
  await clickButton(camille.page, /confirmer/i);
  assert.equal(pathOf(camille), '/connexion');
  await check(camille);
});

step('un mauvais mot de passe revient avec le résumé des erreurs, focalisé, sans dire si le compte existe', async () => {
  const { page } = camille;
  await fill(page, { email: CAMILLE.email, password: 'pas-le-bon-mot-de-passe' });
  const status = await submitFormOf(page, 'password');
  assert.equal(status, 422);
  await assertErrorSummaryFocused(camille, '/connexion');
  assert.equal(await page.locator('#email').inputValue(), CAMILLE.email);
});

step('Camille se connecte au clavier seulement : Tab jusqu’aux champs, saisie, Entrée', async () => {
  const { page } = camille;
  await visit(camille, '/connexion');
  const tabTo = async (id: string) => {
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.id) === id) return;
    }
    assert.fail(`le champ #${id} n’est pas atteignable à la touche Tab`);
  };
  await tabTo('email');
  await page.keyboard.type(CAMILLE.email);
  await tabTo('password');
  await page.keyboard.type(CAMILLE.password);
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  assert.notEqual(pathOf(camille), '/connexion', 'Entrée dans le mot de passe doit envoyer le formulaire et connecter');
  await check(camille);
  assert.ok(await page.getByText(CAMILLE.fullName).count(), 'le nom de Camille doit apparaître une fois connectée');
});

step('une organisation avec un SIRET invalide est refusée, avec le résumé des erreurs et les valeurs gardées', async () => {
  const { page } = camille;
  await visit(camille, '/organisations/nouvelle');
  await fill(page, { ...ORG, siret: '12345678901234' });
  await choose(page, 'qualiopiStatus', 'certified');
  await page.locator('#qualiopiValidUntil').fill('2028-12-31');
  const status = await submitFormOf(page, 'siret');
  assert.equal(status, 422);
  const links = await assertErrorSummaryFocused(camille, '/organisations/nouvelle');
  assert.ok(links.includes('#siret'), 'le SIRET invalide doit être signalé');
  assert.equal(await page.locator('#name').inputValue(), ORG.name);
});

step('Camille crée son organisation et en devient administratrice', async () => {
  const { page } = camille;
  await page.locator('#siret').fill(ORG.siret);
  await choose(page, 'qualiopiStatus', 'certified');
  await page.locator('#qualiopiValidUntil').fill('2028-12-31');
  await submitFormOf(page, 'siret');
  assert.match(pathOf(camille), /^\/organisations\/[0-9a-f-]{36}$/, `la page de l’organisation était attendue (${page.url()}) ${await errorsShown(page)}`);
  orgPath = pathOf(camille);
  await check(camille);
  assert.match(await page.locator('h1').innerText(), new RegExp(ORG.name));
});

step('Camille invite un collègue comme membre', async () => {
  const { page } = camille;
  await Promise.all([page.waitForNavigation(), page.locator(`a[href="${orgPath}/inviter"]`).first().click()]);
  await check(camille);
  await fill(page, { email: COLLEAGUE_EMAIL });
  await choose(page, 'role', 'member');
  await submitFormOf(page, 'email');
  assert.equal(pathOf(camille), orgPath);
  await check(camille);
  assert.ok(await page.getByText(COLLEAGUE_EMAIL).count(), 'l’invitation en attente doit apparaître sur la page de l’organisation');
});

step('le collègue reçoit l’invitation, se connecte, l’accepte et voit l’organisation', async () => {
  const link = await linkFromOutbox(await theAdmin(), COLLEAGUE_EMAIL, /https?:\/\/[^\s"<>]+\/invitations\/[\w-]+/);
  colleague = await s.visitor();
  await logIn(colleague, COLLEAGUE_EMAIL, DEMO_PASSWORD);
  await visit(colleague, link);
  await clickButton(colleague.page, /accepter/i);
  await check(colleague);
  await visit(colleague, '/organisations');
  assert.ok(await colleague.page.getByText(ORG.name).count(), 'l’organisation doit figurer dans « Mes organismes » du collègue');
  await colleague.ctx.close();
});

step('Camille se déconnecte', async () => {
  const { page } = camille;
  await clickButton(page, /se déconnecter/i);
  await check(camille);
  assert.ok(await page.locator('a[href="/connexion"]').count(), 'le lien « Se connecter » doit revenir');
  await visit(camille, '/compte', { status: 200 });
  assert.equal(pathOf(camille), '/connexion', 'après déconnexion, /compte renvoie vers la connexion');
});
