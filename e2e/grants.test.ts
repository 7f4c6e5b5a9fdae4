/**
 * Seed grants, in a real browser against the real server (demo data on): Samir (monitoring) opens
 * the staff list of tranches from the dashboard, filters the tranches to pay, opens a label's grant,
 * sends the decision form empty (error summary), records the payment of the payable tranche, then
 * tries a clawback above what was paid (error summary, values kept). Paula, admin of Simplon Démo,
 * reads the tranches in her label page. Every page visited passes axe (WCAG 2.1 AA).
 */
import assert from 'node:assert/strict';
import { story, follow, DEMO_PASSWORD } from './helpers/story.js';
import { visit, check, type Visitor } from './helpers/browser.js';
import { fill, choose, clickButton, errorsShown, assertErrorSummaryFocused, logIn } from './helpers/forms.js';

const s = story();
const step = s.step;
let samir: Visitor | null = null;
let labelPath = '';
let labelNumber = '';

step('Samir ouvre les subventions d’amorçage depuis son tableau de bord et filtre les tranches à verser', async () => {
  samir = await s.visitor();
  await logIn(samir, 'suivi@demo.label-gen.fr', DEMO_PASSWORD, s.server.totpSecret('suivi@demo.label-gen.fr'));
  await visit(samir, '/gestion');
  await follow(samir, 'Subventions d’amorçage');
  const { page } = samir;
  assert.match(await page.locator('main').innerText(), /Versé net des reprises/);
  await page.locator('#etat').selectOption('payable');
  const status = await clickButton(page, 'Filtrer');
  assert.equal(status, 200);
  await check(samir);
  const row = page.locator('tbody tr', { hasText: 'À verser' }).first();
  assert.ok(await row.count(), 'une tranche à verser');
  labelPath = (await row.locator('a').first().getAttribute('href'))!;
  labelNumber = (await row.locator('a').first().innerText()).trim();
});

step('envoyé vide, le formulaire de décision revient avec le résumé des erreurs ; le versement est enregistré', async () => {
  const { page } = samir!;
  await visit(samir!, labelPath);
  let status = await clickButton(page, 'Enregistrer la décision');
  assert.equal(status, 422);
  await assertErrorSummaryFocused(samir!, 'décision vide');
  const option = page.locator('#tranche option', { hasText: 'à verser' }).first();
  await page.locator('#tranche').selectOption((await option.getAttribute('value'))!);
  await choose(page, 'decision', 'pay');
  const today = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date());
  await fill(page, { paidOn: today, reference: 'MANDAT-E2E-0001' });
  status = await clickButton(page, 'Enregistrer la décision');
  assert.equal(status, 200, await errorsShown(page));
  await check(samir!);
  const text = await page.locator('main').innerText();
  assert.match(text, /Le versement de la tranche est enregistré/);
  assert.match(text, /référence MANDAT-E2E-0001/);
});

step('une reprise supérieure au versé est refusée avec le résumé des erreurs, les valeurs gardées', async () => {
  const { page } = samir!;
  await fill(page, { montant: '999 999', dateReprise: '01/01/2026', motifReprise: 'Session non tenue : la part versée est reprise.' });
  const status = await clickButton(page, 'Enregistrer la reprise');
  assert.equal(status, 422);
  await assertErrorSummaryFocused(samir!, 'reprise trop élevée');
  assert.equal(await page.locator('#montant').inputValue(), '999 999');
});

step('Paula lit les tranches de la subvention dans la page de son label', async () => {
  const paula = await s.visitor();
  await logIn(paula, 'porteur@demo.label-gen.fr', DEMO_PASSWORD);
  const { page } = paula;
  await visit(paula, '/organisations');
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.getByRole('link', { name: 'Simplon Démo' }).first().click()]);
  const orgId = new URL(page.url()).pathname.split('/')[2]!;
  await visit(paula, `/organisations/${orgId}/labels`);
  await follow(paula, labelNumber);
  const text = await page.locator('main').innerText();
  assert.match(text, /Subvention d’amorçage/);
  assert.match(text, /MANDAT-E2E-0001/);
  assert.equal(await page.getByRole('button', { name: 'Enregistrer la décision' }).count(), 0);
});
