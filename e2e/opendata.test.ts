/**
 * Key figures, open data and regional needs in a real browser on the demo data:
 * each public page passes axe WCAG 2.1 AA without console or CSP error, the figures are not empty,
 * the open data files are downloadable at their stable URLs.
 */
import assert from 'node:assert/strict';
import { story } from './helpers/story.js';
import { visit, check, assertNoSideScroll, type Visitor } from './helpers/browser.js';

const s = story();
let v: Visitor;

s.step('les chiffres clés de la démonstration sont publiés et accessibles', async (t) => {
  v = await s.visitor();
  await visit(v, '/');
  await v.page.getByRole('link', { name: 'Chiffres clés', exact: true }).first().click();
  await v.page.waitForURL(/\/chiffres-cles$/);
  await check(v);
  const tiles = await v.page.locator('.lg-figures-tiles__value').allInnerTexts();
  assert.ok(Number(tiles[0]!.replace(/\s/g, '')) > 0, `formations labellisées attendues, vu ${tiles.join(', ')}`);
  assert.ok(Number(tiles[3]!.replace(/\s/g, '')) >= 5, `apprenants attendus, vu ${tiles.join(', ')}`);
  assert.ok(await v.page.locator('svg.lg-figures-chart rect').count() > 0, 'le graphique a des barres');
  await assertNoSideScroll(v);
});

s.step('la page des données ouvertes est accessible et ses fichiers se téléchargent', async () => {
  await visit(v, '/donnees-ouvertes');
  await check(v);
  await assertNoSideScroll(v);
  for (const f of ['formations.csv', 'formations.json', 'sessions.csv', 'sessions.json', 'lheo.xml']) {
    const res = await v.page.request.get(`${s.server.url}/donnees-ouvertes/${f}`);
    assert.equal(res.status(), 200, f);
    assert.ok(res.headers().etag, `ETag de ${f}`);
  }
  const csv = await (await v.page.request.get(`${s.server.url}/donnees-ouvertes/formations.csv`)).text();
  assert.ok(csv.split('\r\n').length > 2, 'au moins une formation labellisée dans la démonstration');
});

s.step('le plan du site mène aux chiffres clés et aux données ouvertes', async () => {
  await visit(v, '/plan-du-site');
  await check(v);
  assert.equal(await v.page.getByRole('link', { name: 'Données ouvertes', exact: true }).count() > 0, true);
});

s.step('les besoins régionaux sont accessibles, liste et page d’une région', async () => {
  await visit(v, '/besoins-regionaux');
  await check(v);
  await v.page.getByRole('link', { name: 'Île-de-France', exact: true }).click();
  await v.page.waitForURL(/\/besoins-regionaux\/11$/);
  await check(v);
  await assertNoSideScroll(v);
});
