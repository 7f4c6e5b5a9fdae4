/**
 * Public pages in a real browser: each one is French, has one h1, raises no console or CSP error,
 * and passes axe WCAG 2.1 AA with zero violations. Then every internal link of the home page and
 * of the site map is followed: none may be broken, and each page reached passes axe too.
 */
import assert from 'node:assert/strict';
import { story } from './helpers/story.js';
import { visit, type Visitor } from './helpers/browser.js';

const s = story();
let v: Visitor;

const PUBLIC_PAGES: [string, RegExp][] = [
  ['/', /Label|Grande École du Numérique/i],
  ['/accessibilite', /accessibilité/i],
  ['/mentions-legales', /mentions légales/i],
  ['/donnees-personnelles', /données personnelles/i],
  ['/plan-du-site', /plan du site/i],
  ['/contact', /contact/i],
];

s.step('les pages publiques sont accessibles (axe WCAG 2.1 AA, zéro violation)', async (t) => {
  v = await s.visitor();
  for (const [path, h1] of PUBLIC_PAGES) {
    await t.test(path, async () => {
      await visit(v, path);
      assert.match(await v.page.locator('h1').innerText(), h1, `${path} : titre de page inattendu`);
      assert.ok(await v.page.locator('a[href="#contenu"]').count(), `${path} : lien d’évitement vers le contenu absent`);
      assert.ok(await v.page.locator('#contenu').count(), `${path} : cible #contenu du lien d’évitement absente`);
    });
  }
});

s.step('une adresse inconnue affiche la page 404 en français, accessible', async (t) => {
  await visit(v, '/cette-page-n-existe-pas', { status: 404 });
  assert.match(await v.page.locator('h1').innerText(), /page non trouvée/i);
  assert.match(await v.page.title(), /page non trouvée/i);
});

s.step('le lien d’évitement « Contenu » amène le focus clavier dans le contenu', async (t) => {
  await visit(v, '/');
  await v.page.keyboard.press('Tab');
  const first = await v.page.evaluate(() => (document.activeElement as HTMLAnchorElement | null)?.getAttribute('href'));
  assert.equal(first, '#contenu', 'le premier arrêt de tabulation doit être le lien d’évitement « Contenu »');
  await v.page.keyboard.press('Enter');
  await v.page.waitForURL(/#contenu$/, { timeout: 10_000 });
  assert.match(v.page.url(), /#contenu$/);
});

s.step('aucun lien interne de l’accueil ni du plan du site n’est cassé, et chaque page atteinte est accessible', async (t) => {
  const seen = new Set(PUBLIC_PAGES.map(([p]) => p));
  const targets = new Set<string>();
  for (const from of ['/', '/plan-du-site']) {
    await v.page.goto(from);
    const hrefs = await v.page.$$eval('a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href));
    for (const href of hrefs) {
      const u = new URL(href);
      if (u.origin !== s.server.url || u.pathname.startsWith('/dsfr/') || u.pathname.startsWith('/static/')) continue;
      if (!seen.has(u.pathname)) targets.add(u.pathname);
    }
  }
  const broken: string[] = [];
  for (const path of [...targets].sort()) {
    const res = await v.page.goto(path);
    const status = res?.status() ?? 0;
    if (status >= 400) {
      broken.push(`${path} → HTTP ${status}`);
      continue;
    }
    await t.test(`${path} (lien suivi)`, async () => {
      await visit(v, path);
    });
  }
  if (broken.length) assert.fail(`liens internes cassés :\n${broken.join('\n')}`);
});
