/**
 * Change requests, in a real browser against the real server (demo data on): Paula, admin of
 * Simplon Démo, sends the change request form empty (error summary, values kept), then files a
 * content change with an attachment and a modality change; both wait. Samir (monitoring) opens
 * the first, forgets the decision (error summary), approves it with a motivation, and rejects the
 * second with a motivation. Paula reads both decisions and the training record's diff. Then Paula
 * moves a planned session 6 months later: refused, the page links to the pre-filled session
 * postponement request, which she files; Samir approves it and the session takes its new dates
 * without a breach. Last, Paula regenerates her calendar's private link. Every page visited
 * passes axe (WCAG 2.1 AA). Steps run in order; after a failure the next ones are skipped.
 */
import assert from 'node:assert/strict';
import { story, follow, pathOf } from './helpers/story.js';
import { visit, check, type Visitor } from './helpers/browser.js';
import { fill, choose, clickButton, errorsShown, assertErrorSummaryFocused } from './helpers/forms.js';
import { SAMPLES } from '../src/platform/files/files.fixtures.js';
import { addMonths, parisDay } from '../src/sessions/obligations.js';

const MONITORING_EMAIL = 'suivi@demo.label-gen.fr';
const PORTEUR_EMAIL = 'porteur@demo.label-gen.fr';
const CONTENT = 'Ajout d’un module de cybersécurité de deux semaines avant le stage, sur la base du référentiel ANSSI.';
const MODALITY = 'Passage intégral à distance pour la prochaine session, avec regroupements mensuels sur le campus.';
const POSTPONEMENT = 'Locaux en travaux : la session démarre six mois plus tard que prévu.';
const frDay = (d: string) => d.split('-').reverse().join('/');

const s = story();
const step = s.step;
let paula: Visitor;
let samir: Visitor;
let orgId = '';
let listPath = '';
let contentPath = '';
let modalityPath = '';
let postponementPath = '';
let sessionPath = '';
let newStart = '';

/** Opens a request of Paula's organisation by its type in the staff list. */
async function openStaffRequest(type: string, text: string): Promise<void> {
  await visit(samir, '/gestion/conformite/modifications');
  const rows = samir.page.locator('tbody tr', { hasText: 'Simplon Démo' }).filter({ hasText: 'En attente' });
  const links = rows.getByRole('link', { name: type });
  const n = await links.count();
  assert.ok(n > 0, `une demande « ${type} » en attente`);
  // The demo may hold another request of the same type: open each until the right description.
  for (let i = 0; i < n; i++) {
    const href = (await links.nth(i).getAttribute('href'))!;
    await visit(samir, href);
    if ((await samir.page.locator('main').innerText()).includes(text)) return;
  }
  assert.fail(`demande « ${type} » de Paula introuvable`);
}

step('Paula ouvre les demandes de modification ; le formulaire envoyé incomplet revient avec le résumé des erreurs et ses valeurs', async () => {
  paula = await s.signedIn(PORTEUR_EMAIL);
  const { page } = paula;
  await visit(paula, '/organisations');
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.getByRole('link', { name: 'Simplon Démo' }).first().click()]);
  orgId = pathOf(paula).split('/')[2]!;
  listPath = `/organisations/${orgId}/conformite/modifications`;
  await visit(paula, listPath);
  assert.match(await page.locator('main').innerText(), /la mettre en œuvre sans approbation est un manquement/);
  let status = await clickButton(page, 'Déposer la demande');
  assert.equal(status, 422);
  const links = await assertErrorSummaryFocused(paula, 'demande vide');
  assert.ok(links.includes('#labelId') && links.includes('#description'), `liens du résumé : ${links.join(', ')}`);
  await fill(page, { description: 'Trop court' });
  status = await clickButton(page, 'Déposer la demande');
  assert.equal(status, 422);
  await assertErrorSummaryFocused(paula, 'description trop courte');
  assert.equal(await page.locator('#description').inputValue(), 'Trop court', 'la description saisie est gardée');
});

step('Paula dépose une modification de contenu avec une pièce jointe, puis une modification de modalité : elles sont en attente', async () => {
  const { page } = paula;
  await page.locator('#labelId').selectOption({ index: 1 });
  await choose(page, 'type', 'content');
  await fill(page, { description: CONTENT, requestedOn: addMonths(parisDay(new Date()), 2) });
  await page.locator('#pieces').setInputFiles({ name: 'programme-modifie.pdf', mimeType: 'application/pdf', buffer: SAMPLES.pdf });
  let status = await clickButton(page, 'Déposer la demande');
  assert.equal(status, 200, await errorsShown(page));
  await check(paula);
  contentPath = pathOf(paula);
  let text = await page.locator('main').innerText();
  assert.match(text, /transmise à l’équipe GEN/);
  assert.match(text, /En attente/i);
  assert.match(text, /programme-modifie\.pdf/);

  await visit(paula, listPath);
  await page.locator('#labelId').selectOption({ index: 1 });
  await choose(page, 'type', 'modality');
  await fill(page, { description: MODALITY, requestedOn: addMonths(parisDay(new Date()), 3) });
  status = await clickButton(page, 'Déposer la demande');
  assert.equal(status, 200, await errorsShown(page));
  await check(paula);
  modalityPath = pathOf(paula);
  await visit(paula, listPath);
  text = await page.locator('main').innerText();
  assert.ok((text.match(/En attente/gi) ?? []).length >= 2, 'les deux demandes attendent');
});

step('Samir ouvre la modification de contenu, oublie la décision, puis l’approuve avec une motivation', async () => {
  samir = await s.signedIn(MONITORING_EMAIL);
  await openStaffRequest('Contenu de la formation', CONTENT);
  const { page } = samir;
  assert.match(await page.locator('main').innerText(), /programme-modifie\.pdf/);
  let status = await clickButton(page, 'Enregistrer la décision');
  assert.equal(status, 422);
  const links = await assertErrorSummaryFocused(samir, 'décision vide');
  assert.ok(links.includes('#decision'));
  await choose(page, 'decision', 'approve');
  await fill(page, { motivation: 'Module cohérent avec le référentiel et sans effet sur la durée totale.' });
  status = await clickButton(page, 'Enregistrer la décision');
  assert.equal(status, 200, await errorsShown(page));
  await check(samir);
  const text = await page.locator('main').innerText();
  assert.match(text, /La modification est approuvée/);
  assert.match(text, /Version 2 par rapport à la version 1/);
});

step('Samir refuse la modification de modalité avec une motivation', async () => {
  await openStaffRequest('Modalité (par exemple passage à distance)', MODALITY);
  const { page } = samir;
  await choose(page, 'decision', 'reject');
  await fill(page, { motivation: 'Le passage intégral à distance ne garantit pas l’accompagnement des publics visés.' });
  const status = await clickButton(page, 'Enregistrer la décision');
  assert.equal(status, 200, await errorsShown(page));
  await check(samir);
  assert.match(await page.locator('main').innerText(), /La modification est refusée/);
});

step('Paula lit les décisions et la différence entre les versions de la fiche formation', async () => {
  const { page } = paula;
  await visit(paula, contentPath);
  let text = await page.locator('main').innerText();
  assert.match(text, /Approuvée : Module cohérent avec le référentiel/);
  assert.match(text, /Version 2 par rapport à la version 1/);
  const diff = page.locator('table', { hasText: 'Version 2 par rapport à la version 1' });
  assert.match(await diff.innerText(), /modifications\.content[\s\S]*Ajout d’un module de cybersécurité/);
  await visit(paula, modalityPath);
  text = await page.locator('main').innerText();
  assert.match(text, /Refusée : Le passage intégral à distance/);
});

step('Paula reporte une session prévue de six mois : refusé, la page mène à la demande de report pré-remplie', async () => {
  const { page } = paula;
  await visit(paula, `/organisations/${orgId}/calendrier`);
  await follow(paula, 'Session à venir');
  sessionPath = pathOf(paula);
  const start = await page.locator('#plannedStart').inputValue();
  const end = await page.locator('#plannedEnd').inputValue();
  newStart = addMonths(start, 6);
  await fill(page, { plannedStart: newStart, plannedEnd: addMonths(end, 6), reason: 'Locaux en travaux' });
  let status = await clickButton(page, 'Enregistrer la modification');
  assert.equal(status, 422);
  await assertErrorSummaryFocused(paula, 'report au-delà du délai');
  assert.match(await page.locator('#resume-erreurs').innerText(), /sans demande de modification/);
  assert.equal(await page.locator('#plannedStart').inputValue(), newStart, 'la date saisie est gardée');
  await follow(paula, 'Déposer la demande de report pré-remplie avec ces dates');
  assert.ok(await page.locator('input[name="type"][value="session_dates"]').isChecked(), 'le type « report » est coché');
  assert.equal(await page.locator('#newStart').inputValue(), newStart);
  assert.notEqual(await page.locator('#sessionId').inputValue(), '', 'la session est choisie');
  await fill(page, { description: POSTPONEMENT });
  status = await clickButton(page, 'Déposer la demande');
  assert.equal(status, 200, await errorsShown(page));
  await check(paula);
  postponementPath = pathOf(paula);
  const text = await page.locator('main').innerText();
  assert.match(text, /Report ou modification du calendrier d’une session/);
  assert.match(text, /En attente/i);
  assert.ok(text.includes(frDay(newStart)), 'la nouvelle date figure dans la demande');
});

step('Samir approuve le report ; la session de Paula prend ses nouvelles dates, sans manquement', async () => {
  await openStaffRequest('Report ou modification du calendrier d’une session', POSTPONEMENT);
  const { page } = samir;
  await choose(page, 'decision', 'approve');
  await fill(page, { motivation: 'Travaux attestés par le bailleur ; le report est accepté.' });
  const status = await clickButton(page, 'Enregistrer la décision');
  assert.equal(status, 200, await errorsShown(page));
  await check(samir);
  await visit(paula, postponementPath);
  assert.match(await paula.page.locator('main').innerText(), /Approuvée : Travaux attestés/);
  await visit(paula, sessionPath);
  const text = await paula.page.locator('main').innerText();
  assert.ok(text.includes(`${frDay(newStart)} (prévu)`), 'la session démarre à la date approuvée');
  assert.match(text, /approuvé par la GEN/);
  assert.doesNotMatch(text, /prévu d’abord : un report de plus/);
});

step('Paula régénère le lien privé de son calendrier', async () => {
  const { page } = paula;
  await visit(paula, `/organisations/${orgId}/calendrier`);
  const before = await page.locator('#lien-ics').inputValue();
  const status = await clickButton(page, 'Régénérer le lien');
  assert.equal(status, 200);
  await check(paula);
  assert.match(await page.locator('main').innerText(), /Nouveau lien créé/);
  const after = await page.locator('#lien-ics').inputValue();
  assert.notEqual(after, before);
  const old = await page.request.get(before);
  assert.equal(old.status(), 404, 'l’ancien lien ne fonctionne plus');
  const fresh = await page.request.get(after);
  assert.equal(fresh.status(), 200);
});
