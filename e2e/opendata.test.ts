/**
 * Key figures, open data and regional needs in a real browser on the demo data:
 * each public page passes axe WCAG 2.1 AA without console or CSP error, the figures are not empty,
 * the open data files are downloadable at their stable URLs.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { startServer, type RunningServer } from './helpers/server.js';
import { launchBrowser, newVisitor, visit, check, type Visitor } from './helpers/browser.js';

/** The page never scrolls sideways at these window widths (desktop 1200 px, phone 375 px). */
async function noSideScroll(v: Visitor, widths = [1200, 375]): Promise<void> {
  const before = v.page.viewportSize();
  for (const width of widths) {
    await v.page.setViewportSize({ width, height: 900 });
    const { scroll, client } = await v.page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    assert.ok(scroll <= client, `${new URL(v.page.url()).pathname} à ${width} px : largeur ${scroll} px pour une fenêtre de ${client} px (barre de défilement horizontale)`);
  }
  if (before) await v.page.setViewportSize(before);
}

let server: RunningServer | undefined;
let browser: Browser | null = null;
let v: Visitor;

before(async () => {
  server = await startServer({ timeoutMs: 480_000 });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('les chiffres clés de la démonstration sont publiés et accessibles', async (t) => {
  browser = await launchBrowser(t);
  if (!browser) return;
  v = await newVisitor(browser, server!.url);
  await visit(v, '/');
  await v.page.getByRole('link', { name: 'Chiffres clés', exact: true }).first().click();
  await v.page.waitForURL(/\/chiffres-cles$/);
  await check(v);
  const tiles = await v.page.locator('.lg-figures-tiles__value').allInnerTexts();
  assert.ok(Number(tiles[0]!.replace(/\s/g, '')) > 0, `formations labellisées attendues, vu ${tiles.join(', ')}`);
  assert.ok(Number(tiles[3]!.replace(/\s/g, '')) >= 5, `apprenants attendus, vu ${tiles.join(', ')}`);
  assert.ok(await v.page.locator('svg.lg-figures-chart rect').count() > 0, 'le graphique a des barres');
  await noSideScroll(v);
});

test('la page des données ouvertes est accessible et ses fichiers se téléchargent', async () => {
  if (!browser) return;
  await visit(v, '/donnees-ouvertes');
  await check(v);
  await noSideScroll(v);
  for (const f of ['formations.csv', 'formations.json', 'sessions.csv', 'sessions.json', 'lheo.xml']) {
    const res = await v.page.request.get(`${server!.url}/donnees-ouvertes/${f}`);
    assert.equal(res.status(), 200, f);
    assert.ok(res.headers().etag, `ETag de ${f}`);
  }
  const csv = await (await v.page.request.get(`${server!.url}/donnees-ouvertes/formations.csv`)).text();
  assert.ok(csv.split('\r\n').length > 2, 'au moins une formation labellisée dans la démonstration');
});

test('le plan du site mène aux chiffres clés et aux données ouvertes', async () => {
  if (!browser) return;
  await visit(v, '/plan-du-site');
  await check(v);
  assert.equal(await v.page.getByRole('link', { name: 'Données ouvertes', exact: true }).count() > 0, true);
});

test('les besoins régionaux sont accessibles, liste et page d’une région', async () => {
  if (!browser) return;
  await visit(v, '/besoins-regionaux');
  await check(v);
  await v.page.getByRole('link', { name: 'Île-de-France', exact: true }).click();
  await v.page.waitForURL(/\/besoins-regionaux\/11$/);
  await check(v);
  await noSideScroll(v);
});
