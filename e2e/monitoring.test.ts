/**
 * Monitoring, in a real browser against the real server (demo data on): Paula, admin of Simplon
 * Démo, opens her organisation's calendar (a late end-of-session report, an attestation due within
 * days), goes to the sessions of her active label, submits an empty declaration (error summary),
 * then declares a session with too few places: its obligations appear and the breach is shown.
 * The ICS feed of the calendar answers. Samir (monitoring) reads the compliance dashboard, filters
 * the labels at risk, exports them and opens the monitoring page of Paula's label. Every page visited passes axe (WCAG 2.1 AA). Steps run in
 * order; after a failure the next ones are skipped.
 */
import assert from 'node:assert/strict';
import { story, follow, DEMO_PASSWORD } from './helpers/story.js';
import { visit, check, type Visitor } from './helpers/browser.js';
import { fill, choose, submitFormOf, errorsShown, assertErrorSummaryFocused, logIn } from './helpers/forms.js';

const MONITORING_EMAIL = 'suivi@demo.label-gen.fr';
const PORTEUR_EMAIL = 'porteur@demo.label-gen.fr';
const ACTIVE_LABEL = 'Technicien supérieur systèmes et réseaux';

const s = story();
const step = s.step;
let paula: Visitor | null = null;
let samir: Visitor | null = null;
let orgId = '';
let sessionsPath = '';

step('Paula ouvre le calendrier de son organisme : une obligation en retard, une à échéance', async () => {
  paula = await s.visitor();
  await logIn(paula, PORTEUR_EMAIL, DEMO_PASSWORD);
  const { page } = paula;
  await visit(paula, '/organisations');
  await follow(paula, 'Simplon Démo');
  orgId = new URL(page.url()).pathname.split('/')[2]!;
  await visit(paula, `/organisations/${orgId}/calendrier`);
  const text = await page.locator('main').innerText();
  assert.match(text, /Bilan de fin de session/);
  assert.match(text, /obligations? (est|sont) en retard/);
  assert.ok(await page.locator('td .fr-badge', { hasText: /^en retard$/i }).count(), 'une obligation en retard');
  assert.ok(await page.locator('td .fr-badge', { hasText: /^à échéance$/i }).count(), 'une obligation à échéance');
  assert.equal(await page.locator('td .fr-badge', { hasText: /^fait$/i }).count(), 0, 'les obligations faites sont masquées par défaut');
  await visit(paula, `/organisations/${orgId}/calendrier?voir=toutes`);
  assert.ok(await page.locator('td .fr-badge', { hasText: /^fait$/i }).count(), 'les obligations faites apparaissent sur demande');
});

step('le flux ICS du calendrier répond au format iCalendar', async () => {
  assert.ok(paula);
  const url = await paula.page.locator('#lien-ics').inputValue();
  const res = await paula.page.request.get(url);
  assert.equal(res.status(), 200);
  assert.match(res.headers()['content-type'] ?? '', /^text\/calendar/);
  assert.match(await res.text(), /^BEGIN:VCALENDAR\r\n/);
});

step('Paula va aux sessions de son label actif et envoie une déclaration vide : résumé des erreurs', async () => {
  assert.ok(paula);
  const { page } = paula;
  await follow(paula, new RegExp(`Sessions de « ${ACTIVE_LABEL} »`));
  sessionsPath = new URL(page.url()).pathname;
  assert.match(sessionsPath, /^\/organisations\/[0-9a-f-]{36}\/labels\/[0-9a-f-]{36}\/sessions$/);
  assert.match(await page.locator('main').innerText(), /Session en cours/);
  await follow(paula, 'Déclarer une session');
  await submitFormOf(page, 'name');
  const links = await assertErrorSummaryFocused(paula, 'déclaration vide');
  assert.ok(links.includes('#name') && links.includes('#plannedStart') && links.includes('#places'));
});

step('Paula déclare une session de 8 places : ses échéances apparaissent et le manquement est affiché', async () => {
  assert.ok(paula);
  const { page } = paula;
  const start = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
  const end = new Date(Date.now() + 250 * 86_400_000).toISOString().slice(0, 10);
  await fill(page, { name: 'Session de démonstration e2e', plannedStart: start, plannedEnd: end, address: '55 rue de Vincennes', postcode: '93100', city: 'Montreuil', places: '8' });
  await page.locator('#modality').selectOption('hybride');
  await choose(page, 'workStudy', 'oui');
  const status = await submitFormOf(page, 'name');
  assert.ok(status < 400, `déclaration refusée ${await errorsShown(page)}`);
  await check(paula);
  const text = await page.locator('main').innerText();
  assert.match(text, /Session de démonstration e2e/);
  assert.match(text, /Attestation de démarrage et liste des apprenants/);
  assert.match(text, /Bilan de fin de session/);
  assert.match(text, /ouvre 8 places, pour au moins 10 apprenants/);
  await visit(paula, sessionsPath);
  assert.match(await page.locator('main').innerText(), /Session de démonstration e2e/);
});

step('Samir (suivi-évaluation) lit le tableau de suivi, filtre les labels à risque et exporte', async () => {
  samir = await s.visitor();
  await logIn(samir, MONITORING_EMAIL, DEMO_PASSWORD, s.server.totpSecret(MONITORING_EMAIL));
  const { page } = samir;
  await visit(samir, '/gestion/suivi');
  let text = await page.locator('main').innerText();
  assert.match(text, /Obligations en retard/);
  assert.match(text, /Labels à risque/);
  assert.match(text, new RegExp(ACTIVE_LABEL));
  await page.locator('label[for="risque"]').click();
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.getByRole('button', { name: 'Filtrer' }).click()]);
  await check(samir);
  assert.match(page.url(), /risque=1/);
  text = await page.locator('main').innerText();
  assert.match(text, /Indicateurs par région/);
  const csv = await page.request.get(`${s.server.url}/gestion/suivi/export.csv?risque=1`);
  assert.equal(csv.status(), 200);
  assert.match(await csv.text(), /Label;Formation;Organisme;Région/);
});

step('Samir ouvre le suivi d’un label à risque : manquements, sessions, échéances et indicateurs', async () => {
  assert.ok(samir);
  const { page } = samir;
  await follow(samir, ACTIVE_LABEL);
  assert.match(new URL(page.url()).pathname, /^\/gestion\/suivi\/labels\/[0-9a-f-]{36}$/);
  const text = await page.locator('main').innerText();
  assert.match(text, /Session de démonstration e2e/);
  assert.match(text, /ouvre 8 places/);
  assert.match(text, /Indicateurs des apprenants du label/);
});
