/**
 * A new organisation applies for the label, in a real browser against the real server (demo data
 * on): Inès creates an account, confirms it with the link of the outbox (read by the demo admin),
 * creates her organisation, then a whole application: every section page filled (one with the
 * keyboard only, rows added without JavaScript buttons), the documents uploaded, the summary,
 * "Déposer", and the receipt downloaded and read. axe runs on every page visited.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { story, pathOf, DEMO_PASSWORD } from './helpers/story.js';
import { visit, check, type Visitor } from './helpers/browser.js';
import { fill, choose, submitFormOf, clickButton, errorsShown, logIn, linkFromOutbox } from './helpers/forms.js';
import { completeValues } from '../src/applications/sample-values.js';
import { SECTIONS } from '../src/applications/sections/catalogue.js';
import { rowCount } from '../src/applications/sections/definitions.js';
import { pdfText } from '../src/platform/pdf/pdf-text.js';

const ADMIN_EMAIL = 'admin@demo.label-gen.fr';
const INES = { fullName: 'Inès Martin', email: `ines.martin.${Date.now()}@exemple.fr`, password: 'Colline-ardoise-marée-2026' };
const ORG = {
  name: 'Codeurs du Bassin Minier', siret: '88012345000004', nda: '31590123459', addressLine: '3 place du Général de Gaulle',
  postcode: '62300', city: 'Lens', contactName: 'Inès Martin', contactEmail: 'contact@cbm.exemple.fr', contactPhone: '03 21 00 00 00',
};
const TITLE = 'Développeuse et développeur web (Lens)';

const s = story();
const step = s.step;
let ines: Visitor;
let admin: Visitor | null = null;
let appPath = '';


/** Fills one field by name, whatever its kind (radio, select, input, textarea). */
async function setField(page: Page, name: string, value: string): Promise<void> {
  const field = page.locator(`[name="${name}"]`).first();
  const type = await field.getAttribute('type');
  const tag = await field.evaluate((el) => el.tagName.toLowerCase());
  if (type === 'hidden') return;
  if (type === 'radio') { if (value) await choose(page, name, value); return; }
  if (tag === 'select') { await field.selectOption(value); return; }
  await field.fill(value);
}

/** Goes to the element with this id using Tab only. */
async function tabTo(page: Page, id: string): Promise<void> {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.id) === id) return;
  }
  assert.fail(`le champ #${id} n’est pas atteignable à la touche Tab`);
}

step('Inès crée son compte, le confirme par le lien reçu et se connecte', async (t) => {
  ines = await s.visitor();
  await visit(ines, '/inscription');
  await fill(ines.page, { fullName: INES.fullName, email: INES.email, password: INES.password, passwordConfirm: INES.password });
  await submitFormOf(ines.page, 'passwordConfirm');
  assert.equal(pathOf(ines), '/inscription/envoyee');
  admin = await s.visitor();
  await logIn(admin, ADMIN_EMAIL, DEMO_PASSWORD, s.server.totpSecret(ADMIN_EMAIL));
  const link = await linkFromOutbox(admin, INES.email, /https?:\/\/[^\s"<>]+\/inscription\/confirmer\/[\w-]+/);
  await visit(ines, link);
  await clickButton(ines.page, /confirmer/i);
  await logIn(ines, INES.email, INES.password);
  assert.notEqual(pathOf(ines), '/connexion');
});

step('Inès crée son organisation', async () => {
  const { page } = ines;
  await visit(ines, '/organisations/nouvelle');
  await fill(page, ORG);
  await choose(page, 'qualiopiStatus', 'certified');
  await page.locator('#qualiopiValidUntil').fill('2029-12-31');
  await submitFormOf(page, 'siret');
  assert.match(pathOf(ines), /^\/organisations\/[0-9a-f-]{36}$/, `${page.url()} ${await errorsShown(page)}`);
  await check(ines);
});

step('elle crée une candidature dans l’appel ouvert', async () => {
  const { page } = ines;
  await visit(ines, `${pathOf(ines)}/candidatures/nouvelle`);
  const options = await page.locator('#callId option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
  assert.ok(options.length >= 1, 'un appel ouvert est attendu dans les données de démonstration');
  await page.locator('#callId').selectOption(options[0]!);
  await page.locator('#trainingTitle').fill(TITLE);
  await submitFormOf(page, 'trainingTitle');
  assert.match(pathOf(ines), /\/candidatures\/[0-9a-f-]{36}$/, await errorsShown(page));
  appPath = pathOf(ines);
  await check(ines);
  assert.equal((await page.getByText('Non commencée').count()) >= SECTIONS.length, true);
});

const firstStart = new Date(Date.now() + 150 * 86400_000).toISOString().slice(0, 10);
const values = completeValues(firstStart);

for (const def of SECTIONS) {
  step(`rubrique « ${def.title} » : remplie, enregistrée, page accessible`, async () => {
    const { page } = ines;
    const url = `${appPath}/sections/${def.slug}`;
    await visit(ines, url);
    const v = values[def.key];
    // Rows first, with the "Ajouter" buttons (each one saves the section and comes back).
    for (const g of def.groups ?? []) {
      const wanted = Number(v[rowCount(g.name)] ?? '1');
      for (let n = await page.locator(`[name^="${g.name}-"][name$="-${g.fields[0]!.name}"]`).count(); n < wanted; n++) {
        await clickButton(page, new RegExp(`Ajouter : ${g.itemLabel.toLowerCase()}`));
        await check(ines);
      }
    }
    if (def.key === 'support') {
      // Keyboard only: Tab to each field, type, and Enter in the last one sends the form.
      for (const f of def.fields) {
        await tabTo(page, f.name);
        await page.keyboard.type(v[f.name] ?? '');
      }
      await tabTo(page, 'pedagogicalHours');
      await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    } else {
      for (const [name, value] of Object.entries(v)) if (!name.endsWith('-count') && value !== '') await setField(page, name, value);
      await Promise.all([page.waitForNavigation(), page.locator('#formulaire-rubrique button[value="enregistrer"]:not(.fr-sr-only)').click()]);
    }
    assert.equal(pathOf(ines), appPath, `retour à la liste des rubriques attendu : ${await errorsShown(page)}`);
    await check(ines);
    assert.ok(await page.getByText(`Rubrique « ${def.title} » enregistrée.`).count(), `la rubrique ${def.title} doit être complète`);
  });
}

step('l’enregistrement automatique confirme « Enregistré à hh:mm » dans une zone annoncée', async () => {
  const { page } = ines;
  await visit(ines, `${appPath}/sections/formation`);
  await page.locator('#targetJobs').fill('Développeur web, intégrateur web');
  await page.locator('#etat-enregistrement').filter({ hasText: /Enregistré à \d{2}:\d{2}/ }).waitFor({ timeout: 15_000 });
  assert.equal(await page.locator('#etat-enregistrement').getAttribute('aria-live'), 'polite');
  await check(ines);
});

step('les pièces justificatives sont jointes (PDF vérifiés d’après leur contenu)', async () => {
  const { page } = ines;
  await visit(ines, `${appPath}/pieces`);
  for (const kind of ['qualiopi', 'nda', 'tax_social', 'budget']) {
    await page.locator('#kind').selectOption(kind);
    await page.locator('#file').setInputFiles({ name: `${kind}.pdf`, mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n') });
    await submitFormOf(page, 'file');
    assert.equal(pathOf(ines), `${appPath}/pieces`, await errorsShown(page));
    await check(ines);
  }
  assert.equal(await page.getByText('Manquant').count(), 0);
});

step('le récapitulatif montre le pré-contrôle ; la candidature est déposée et le récépissé téléchargé', async () => {
  const { page } = ines;
  await visit(ines, `${appPath}/recapitulatif`);
  assert.equal(await page.getByText('Non rempli', { exact: true }).count(), 0, 'aucun critère non rempli attendu');
  await page.locator('label[for="sworn"]').click();
  // The deposit draws the receipt PDF: give it time on a busy machine.
  await Promise.all([page.waitForNavigation({ waitUntil: 'load', timeout: 90_000 }), page.getByRole('button', { name: /Déposer la candidature/ }).click()]);
  assert.equal(pathOf(ines), appPath);
  await check(ines);
  const receipt = await page.locator('a[href*="recepisse.pdf"]').first().getAttribute('href');
  assert.ok(receipt, 'le lien du récépissé doit apparaître');
  const res = await page.request.get(receipt);
  assert.equal(res.status(), 200);
  assert.equal(res.headers()['content-type'], 'application/pdf');
  const text = (await pdfText(new Uint8Array(await res.body()))).text.replace(/\s+/g, ' ');
  assert.match(text, /Récépissé de dépôt de candidature/);
  assert.match(text, /GEN-\d{4}-\d{5}/);
  assert.match(text, new RegExp(ORG.name));
  assert.match(text, /\(heure de Paris\)/);
  // The full application too.
  const full = await page.request.get(`${appPath}/dossier.pdf`);
  assert.match((await pdfText(new Uint8Array(await full.body()))).text.replace(/\s+/g, ' '), /Candidature déposée \(récépissé GEN-/);
});
