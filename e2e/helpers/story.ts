/**
 * A browser story: one real server (demo data), one Chromium, and steps that run in order like
 * the person's journey they tell. A step after a failed one fails at once (it cannot be checked),
 * every visitor's console errors and CSP violations are checked at the end, and the server and
 * browser are always stopped.
 *
 *   const s = story();
 *   s.step('Paula ouvre son calendrier', async () => { const paula = await s.signedIn(PORTEUR_EMAIL); … });
 */
import { test, before, after, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { startServer, type RunningServer } from './server.js';
import { launchBrowser, newVisitor, assertNoConsoleErrors, check, type Visitor } from './browser.js';
import { logIn } from './forms.js';

/** The demo accounts' common password (src/demo/accounts.ts). */
export const DEMO_PASSWORD = 'demo-label-gen-2026';

export interface Story {
  /** The running server (set before the first step). */
  readonly server: RunningServer;
  /** Chromium (launched before the first step). */
  readonly browser: Browser;
  /** Declares the next step of the story. */
  step(name: string, fn: (t: TestContext) => Promise<void>): void;
  /** A new visitor (own cookies), checked for console errors at the end of the story. */
  visitor(): Promise<Visitor>;
  /**
   * The visitor signed in as a demo account: password, then the TOTP code for staff accounts
   * (their secret is printed at start). Made once per address: a TOTP code is single-use.
   */
  signedIn(email: string): Promise<Visitor>;
}

/** Declares the before/after hooks of a story; call it once at the top of a test file. */
export function story(o: { timeoutMs?: number } = {}): Story {
  let server: RunningServer | undefined;
  let browser: Browser | null = null;
  let broken = false;
  const visitors: Visitor[] = [];
  const signed = new Map<string, Visitor>();

  before(async () => { server = await startServer({ timeoutMs: o.timeoutMs ?? 480_000 }); });
  after(async () => {
    try {
      assertNoConsoleErrors(...visitors);
    } finally {
      await browser?.close();
      await server?.stop();
    }
  });

  const self: Story = {
    get server() {
      if (!server) throw new Error('serveur non démarré');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('navigateur non lancé');
      return browser;
    },
    step(name, fn) {
      test(name, async (t) => {
        if (broken) assert.fail('une étape précédente a échoué : cette étape ne peut pas être vérifiée');
        browser ??= await launchBrowser();
        try {
          await fn(t);
        } catch (e) {
          broken = true;
          throw e;
        }
      });
    },
    async visitor() {
      const v = await newVisitor(self.browser, self.server.url);
      visitors.push(v);
      return v;
    },
    async signedIn(email) {
      const known = signed.get(email);
      if (known) return known;
      const v = await self.visitor();
      // Staff accounts are printed with their TOTP secret on the next line.
      const escaped = email.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const staff = new RegExp(`${escaped}[^\\n]*\\n\\s+second facteur TOTP, secret `).test(self.server.output());
      await logIn(v, email, DEMO_PASSWORD, staff ? self.server.totpSecret(email) : undefined);
      signed.set(email, v);
      return v;
    },
  };
  return self;
}

/** Follows the first link with this accessible name and checks the page reached (axe, basics). */
export async function follow(v: Visitor, name: string | RegExp): Promise<void> {
  await Promise.all([v.page.waitForNavigation({ waitUntil: 'load' }), v.page.getByRole('link', { name }).first().click()]);
  await check(v);
}

/** The path of the visitor's current page. */
export const pathOf = (v: Visitor): string => new URL(v.page.url()).pathname;
