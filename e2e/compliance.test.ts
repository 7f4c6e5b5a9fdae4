/**
 * Compliance, in a real browser against the real server (demo data on): Paula, admin of Simplon
 * Démo, opens her organisation's annual reports, opens the one still to fill (prefilled with the
 * computed indicators), sends it empty (error summary), fills the qualitative answers and submits
 * it. Samir (monitoring) lists the submitted reports (the demo one waits too), opens Paula's,
 * forgets the decision (error summary), then returns it with a motivation; Paula reads it.
 * Then Paula answers the grounds of the demo contradictory procedure, and Samir, after a notice form
 * sent empty, closes it with a motivated decision. Every page visited passes axe (WCAG 2.1 AA).
 * Steps run in order; after a failure the next ones are skipped.
 */
import assert from 'node:assert/strict';
import { story, DEMO_PASSWORD } from './helpers/story.js';
import { visit, check, type Visitor } from './helpers/browser.js';
import { fill, choose, clickButton, errorsShown, assertErrorSummaryFocused, logIn } from './helpers/forms.js';

const MONITORING_EMAIL = 'suivi@demo.label-gen.fr';
const PORTEUR_EMAIL = 'porteur@demo.label-gen.fr';

const s = story();
const step = s.step;
let paula: Visitor | null = null;
let samir: Visitor | null = null;
let orgId = '';
let reportPath = '';
let reportTitle = '';

step('Paula ouvre les bilans annuels de son organisme et celui à remplir, prérempli des indicateurs', async () => {
  paula = await s.visitor();
  await logIn(paula, PORTEUR_EMAIL, DEMO_PASSWORD);
  const { page } = paula;
  await visit(paula, '/organisations');
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.getByRole('link', { name: 'Simplon Démo' }).first().click()]);
  orgId = new URL(page.url()).pathname.split('/')[2]!;
  await visit(paula, `/organisations/${orgId}/conformite/bilans`);
  const row = page.locator('tbody tr', { hasText: 'À remplir' }).first();
  assert.ok(await row.count(), 'un bilan à remplir');
  reportPath = (await row.locator('a').first().getAttribute('href'))!;
  await visit(paula, reportPath);
  const text = await page.locator('main').innerText();
  assert.match(text, /Femmes/);
  assert.match(text, /Objectif de l’appel/);
  reportTitle = (await page.locator('h1').innerText()).replace(/^Bilan annuel /, 'Bilan ');
});

step('transmis vide, le bilan revient avec le résumé des erreurs ; rempli, il est transmis', async () => {
  const { page } = paula!;
  let status = await clickButton(page, 'Transmettre le bilan');
  assert.equal(status, 422);
  const links = await assertErrorSummaryFocused(paula!, 'bilan annuel vide');
  assert.ok(links.includes('#funding'));
  await fill(page, {
    partnerships: 'Partenariats avec la mission locale et quatre entreprises qui accueillent nos stagiaires.',
    funding: 'Région : 30 000 € pour les places des demandeurs d’emploi.',
    difficulties: 'Recrutement de femmes encore difficile cette année.',
    improvements: 'Ateliers de découverte réservés aux femmes avant chaque session.',
    satisfaction: 'Questionnaire de fin de session : 8 sur 10 en moyenne.',
  });
  status = await clickButton(page, 'Transmettre le bilan');
  assert.equal(status, 200, await errorsShown(page));
  await check(paula!);
  assert.match(await page.locator('main').innerText(), /est transmis à l’équipe GEN/);
  assert.match(await page.locator('main').innerText(), /Transmis, en cours d’examen/i);
});

step('Samir liste les bilans transmis, oublie la décision, puis renvoie le bilan avec une motivation', async () => {
  samir = await s.visitor();
  await logIn(samir, MONITORING_EMAIL, DEMO_PASSWORD, s.server.totpSecret(MONITORING_EMAIL));
  const { page } = samir;
  await visit(samir, '/gestion/conformite/bilans');
  assert.ok(await page.locator('tbody tr', { hasText: 'Transmis, en cours d’examen' }).count() >= 2, 'le bilan de démonstration et celui de Paula attendent l’examen');
  const link = page.locator('tbody tr', { hasText: 'Simplon Démo' }).filter({ hasText: 'Transmis, en cours d’examen' }).getByRole('link', { name: reportTitle.replace(/ de « (.*) »$/, ' – $1') });
  assert.ok(await link.count(), `lien vers « ${reportTitle} »`);
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), link.first().click()]);
  await check(samir);
  assert.match(await page.locator('main').innerText(), /Région : 30 000 €/);
  let status = await clickButton(page, 'Enregistrer la décision');
  assert.equal(status, 422);
  await assertErrorSummaryFocused(samir, 'examen sans décision');
  await choose(page, 'decision', 'return');
  await fill(page, { motivation: 'Précisez les financements obtenus par financeur et par montant.' });
  status = await clickButton(page, 'Enregistrer la décision');
  assert.equal(status, 200, await errorsShown(page));
  await check(samir);
  assert.match(await page.locator('main').innerText(), /renvoyé à l’organisme/);
});

step('Paula lit la motivation du renvoi et peut compléter son bilan', async () => {
  await visit(paula!, reportPath);
  const text = await paula!.page.locator('main').innerText();
  assert.match(text, /Précisez les financements obtenus par financeur et par montant\./);
  assert.match(text, /Renvoyé pour compléments/i);
  assert.ok(await paula!.page.getByRole('button', { name: 'Transmettre le bilan' }).count());
});

step('Paula répond aux griefs de la procédure contradictoire ouverte contre son label', async () => {
  const { page } = paula!;
  await visit(paula!, `/organisations/${orgId}/conformite/sanctions`);
  const link = page.locator('tbody tr', { hasText: /Délai de réponse en cours/i }).getByRole('link', { name: 'Avertissement' });
  assert.ok(await link.count(), 'une procédure en délai de réponse');
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), link.first().click()]);
  await check(paula!);
  let status = await clickButton(page, 'Transmettre la réponse');
  assert.equal(status, 422);
  await assertErrorSummaryFocused(paula!, 'réponse vide');
  await fill(page, { answer: 'L’attestation de démarrage a été transmise hier avec la liste nominative complète des apprenants.' });
  status = await clickButton(page, 'Transmettre la réponse');
  assert.equal(status, 200, await errorsShown(page));
  await check(paula!);
  assert.match(await page.locator('main').innerText(), /Votre réponse est transmise/);
});

step('Samir ouvre les procédures, oublie les griefs d’une notification, puis clôt la procédure de Paula par une décision motivée', async () => {
  const { page } = samir!;
  await visit(samir!, '/gestion/conformite/sanctions');
  let status = await clickButton(page, 'Notifier les griefs');
  assert.equal(status, 422);
  await assertErrorSummaryFocused(samir!, 'notification vide');
  const link = page.locator('tbody tr', { hasText: 'Simplon Démo' }).filter({ hasText: /Réponse reçue/i }).getByRole('link', { name: 'Avertissement' });
  assert.ok(await link.count(), 'la procédure à laquelle Paula a répondu');
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), link.first().click()]);
  await check(samir!);
  assert.match(await page.locator('main').innerText(), /transmise hier avec la liste nominative/);
  await choose(page, 'decision', 'abandon');
  await fill(page, { motivation: 'La réponse et l’attestation transmise lèvent le grief.' });
  status = await clickButton(page, 'Enregistrer la décision');
  assert.equal(status, 200, await errorsShown(page));
  await check(samir!);
  assert.match(await page.locator('main').innerText(), /close sans mesure/i);
});
