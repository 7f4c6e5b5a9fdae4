/**
 * Browser side of the e2e tests: Debian's Chromium driven by playwright-core, and axe-core run on
 * every page visited (WCAG 2.0/2.1 A and AA, zero violations allowed).
 *
 * Chromium missing: the test fails with the command that installs it (never skipped).
 */
import fs from 'node:fs';
import assert from 'node:assert/strict';
import { chromium, type Browser, type BrowserContext, type Page, type Response } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Launches Debian's Chromium. A missing Chromium fails the test, on a developer's machine as in CI:
 * a browser test that did not run checked nothing.
 */
export async function launchBrowser(): Promise<Browser> {
  assert.ok(fs.existsSync(CHROMIUM), `Chromium introuvable (${CHROMIUM}) : apt-get install -y chromium (ou CHROMIUM_PATH=…)`);
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/** One visitor: a browser context (own cookies) and its page, with CSP and console errors recorded. */
export interface Visitor {
  ctx: BrowserContext;
  page: Page;
  /** Console errors and CSP violations seen so far (each visitor's list is checked by assertNoConsoleErrors). */
  problems: string[];
}

/** A new browser context and page (AxeBuilder needs browser.newContext(), not browser.newPage()). */
export async function newVisitor(browser: Browser, baseURL: string): Promise<Visitor> {
  const ctx = await browser.newContext({ baseURL, locale: 'fr-FR' });
  const page = await ctx.newPage();
  page.setDefaultTimeout(15_000);
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource: the server responded with a status of (404|403|422|429)/.test(m.text())) {
      problems.push(`console (${page.url()}) : ${m.text()}`);
    }
  });
  page.on('pageerror', (e) => problems.push(`erreur JS (${page.url()}) : ${e.message}`));
  return { ctx, page, problems };
}

/** Formats axe violations for a failure message: rule, impact, help, and each offending node. */
function formatViolations(violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations']): string {
  return violations.map((v) => [
    `  ✖ ${v.id} [${v.impact ?? '?'}] ${v.help}`,
    `    ${v.helpUrl}`,
    ...v.nodes.slice(0, 8).map((n) => `    → ${n.target.join(' ')}\n      ${n.html.replace(/\s+/g, ' ').slice(0, 200)}\n      ${(n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 300)}`),
    v.nodes.length > 8 ? `    … et ${v.nodes.length - 8} autres éléments` : '',
  ].filter(Boolean).join('\n')).join('\n');
}

/** Runs axe (WCAG 2.1 AA) on the page as it is now; fails with a readable list of violations. */
export async function assertAccessible(page: Page, what = page.url()): Promise<void> {
  // A frame sandboxed without scripts (the HTML preview of a mail) cannot run axe: Playwright's
  // evaluation there never returns and the whole analysis hangs. Its content is not a page of the
  // site; the frame element itself stays checked by the page's own rules through its title.
  const builder = new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .exclude('iframe[sandbox]:not([sandbox~="allow-scripts"])');
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`axe : analyse de ${what} non terminée après 60 s`)), 60_000);
  });
  const result = await Promise.race([builder.analyze(), timeout]).finally(() => clearTimeout(timer));
  if (result.violations.length > 0) {
    assert.fail(`axe : ${result.violations.length} violation(s) WCAG 2.1 AA sur ${what}\n${formatViolations(result.violations)}`);
  }
}

/** Basic page hygiene every page must show: French, one h1, a title. */
export async function assertPageBasics(v: Visitor, what = v.page.url()): Promise<void> {
  const { page } = v;
  assert.equal(await page.getAttribute('html', 'lang'), 'fr', `${what} : <html lang="fr"> attendu`);
  assert.equal(await page.locator('h1').count(), 1, `${what} : exactement un <h1> attendu`);
  assert.match(await page.title(), /\S/, `${what} : <title> vide`);
}

/**
 * No console error, JS error or CSP violation was seen by these visitors (run at the end of a
 * file, so that one page's CSP problem is reported clearly without stopping a whole journey).
 */
export function assertNoConsoleErrors(...visitors: (Visitor | null | undefined)[]): void {
  const seen = [...new Set(visitors.flatMap((v) => v?.problems ?? []).map((p) => p.replace(/'sha256-[^']+'/g, "'sha256-…'")))];
  if (seen.length) assert.fail(`erreurs dans la console du navigateur (scripts, CSP) :\n${seen.map((p) => `  - ${p.slice(0, 400)}`).join('\n')}`);
}

/**
 * Goes to a path, checks the status, the basics and axe. Returns the response.
 * Every page the tests visit should pass through here (or through `check` after a form submit).
 */
export async function visit(v: Visitor, pathname: string, o: { status?: number } = {}): Promise<Response> {
  const res = await v.page.goto(pathname, { waitUntil: 'load' });
  assert.ok(res, `${pathname} : pas de réponse`);
  assert.equal(res.status(), o.status ?? 200, `${pathname} : HTTP ${res.status()} au lieu de ${o.status ?? 200}`);
  await check(v, pathname);
  return res;
}

/** Basics + axe on the page currently shown (after a click or a form submission). */
export async function check(v: Visitor, what = new URL(v.page.url()).pathname): Promise<void> {
  await assertPageBasics(v, what);
  await assertAccessible(v.page, what);
}

/** The page never scrolls sideways at these window widths (desktop 1200 px, phone 375 px); the size is restored. */
export async function assertNoSideScroll(v: Visitor, widths = [1200, 375]): Promise<void> {
  const before = v.page.viewportSize();
  for (const width of widths) {
    await v.page.setViewportSize({ width, height: 900 });
    const { scroll, client } = await v.page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    assert.ok(scroll <= client, `${new URL(v.page.url()).pathname} à ${width} px : largeur ${scroll} px pour une fenêtre de ${client} px (barre de défilement horizontale)`);
  }
  if (before) await v.page.setViewportSize(before);
}
