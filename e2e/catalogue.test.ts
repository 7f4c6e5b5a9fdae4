/**
 * The public catalogue in a real browser, on a phone-sized window, as a job seeker would use it:
 * from the home page to a search by job and place, a training page, its label check, the map; each
 * page passes axe WCAG 2.1 AA and raises no console or CSP error (the JSON-LD block included).
 */
import assert from 'node:assert/strict';
import { story } from './helpers/story.js';
import { visit, check, assertNoSideScroll, type Visitor } from './helpers/browser.js';

const s = story();
let v: Visitor;

s.step('sur un téléphone, une demandeuse d’emploi trouve une formation de développeuse et vérifie son label', async (t) => {
  v = await s.visitor();
  await v.page.setViewportSize({ width: 375, height: 740 });
  await visit(v, '/');
  await v.page.getByRole('link', { name: 'Trouver une formation', exact: true }).first().click();
  await v.page.waitForURL(/\/formations$/);
  await check(v);
  await v.page.getByLabel('Métier, formation ou certification').fill('développeuse');
  await v.page.getByRole('button', { name: 'Rechercher' }).click();
  await v.page.waitForURL(/q=d%C3%A9veloppeuse/);
  await check(v);
  await assertNoSideScroll(v);
  const heading = await v.page.locator('#resultats').innerText();
  assert.match(heading, /^\d+ formations?/, `résultats attendus, vu « ${heading} »`);
  // Narrow down with the hidden criteria (a <details>, no script needed), then open the first result.
  await v.page.getByText('Plus de critères').click();
  await v.page.getByLabel('Trier par').selectOption('session');
  await v.page.getByRole('button', { name: 'Rechercher' }).click();
  await v.page.waitForURL(/tri=session/);
  await check(v);
  await assertNoSideScroll(v);
  const first = v.page.locator('.lg-catalogue-hit h3 a').first();
  const title = (await first.innerText()).trim();
  await first.click();
  await v.page.waitForURL(/\/formations\/GEN-\d{4}-\d{4}$/);
  await check(v);
  await assertNoSideScroll(v);
  assert.equal((await v.page.locator('h1').innerText()).trim(), title);
  const ld = JSON.parse(await v.page.locator('script[type="application/ld+json"]').innerText()) as { '@type': string; courseCode: string };
  assert.equal(ld['@type'], 'Course');
  assert.ok(await v.page.locator('img.lg-catalogue-qr').isVisible(), 'le code QR est affiché');
  await v.page.getByRole('link', { name: 'Vérifier ce label' }).click();
  await v.page.waitForURL(/\/labels\/verifier\/GEN-/);
  await check(v);
  assert.match(await v.page.locator('.fr-alert__title').innerText(), /Label valide/);
});

s.step('la carte, le formulaire de vérification et les erreurs de saisie sont accessibles', async (t) => {
  await visit(v, '/formations/carte');
  assert.ok(await v.page.locator('svg.lg-france-map a').count() >= 13, 'une zone par région');
  await v.page.locator('table a').first().click();
  await v.page.waitForURL(/\/formations\?region=/);
  await check(v);
  await visit(v, '/formations/carte?niveau=departements');
  await visit(v, '/labels/verifier');
  await v.page.getByLabel('Numéro du label').fill('1234');
  await v.page.getByRole('button', { name: 'Vérifier' }).click();
  await check(v);
  assert.match(await v.page.title(), /^Erreur : /);
  await visit(v, '/formations?debut=2026-02-30&commune=Zzzzville', { status: 422 });
  assert.match(await v.page.locator('#resume-erreurs').innerText(), /date valide/);
  await visit(v, '/formations/GEN-1999-0001', { status: 404 });
});
