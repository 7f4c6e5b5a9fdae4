/** Small, readable steps for filling and sending forms like a person, and for reading the outbox. */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { totpCode, totpStep } from '../../src/platform/auth/totp.js';
import { check, visit, type Visitor } from './browser.js';

/** Fills fields by their name (= id in the platform's form components). */
export async function fill(page: Page, fields: Record<string, string>): Promise<void> {
  for (const [name, value] of Object.entries(fields)) await page.locator(`#${name}`).fill(value);
}

/** Chooses a radio button by clicking its label, as a person would (DSFR draws the label over the input). */
export async function choose(page: Page, name: string, value: string): Promise<void> {
  const id = await page.locator(`input[type="radio"][name="${name}"][value="${value}"]`).getAttribute('id');
  assert.ok(id, `bouton radio ${name}=${value} sans id`);
  await page.locator(`label[for="${id}"]`).click();
  assert.ok(await page.locator(`#${id}`).isChecked(), `le choix ${name}=${value} n’a pas été coché`);
}

/** Clicks the submit button of the form holding this field, and waits for the next page. */
export async function submitFormOf(page: Page, fieldName: string): Promise<number> {
  const [res] = await Promise.all([
    page.waitForNavigation({ waitUntil: 'load' }),
    page.locator(`form:has(#${fieldName}) [type="submit"]`).first().click(),
  ]);
  return res?.status() ?? 0;
}

/** Clicks a button by its visible name and waits for the next page. */
export async function clickButton(page: Page, name: string | RegExp): Promise<number> {
  const [res] = await Promise.all([
    page.waitForNavigation({ waitUntil: 'load' }),
    page.getByRole('button', { name }).filter({ visible: true }).first().click(),
  ]);
  return res?.status() ?? 0;
}

/** The error summary's text, if any (to explain a failed step). */
export async function errorsShown(page: Page): Promise<string> {
  const summary = page.locator('#resume-erreurs');
  return (await summary.count()) ? `— erreurs affichées : ${(await summary.innerText()).replace(/\s+/g, ' ')}` : '';
}

/** The page came back with the DSFR error summary, focused, and the title says "Erreur". */
export async function assertErrorSummaryFocused(v: Visitor, what: string): Promise<string[]> {
  const { page } = v;
  const summary = page.locator('#resume-erreurs');
  assert.equal(await summary.count(), 1, `${what} : résumé des erreurs absent`);
  const focused = await page.evaluate(() => document.activeElement?.id ?? null);
  assert.equal(focused, 'resume-erreurs', `${what} : le focus doit être sur le résumé des erreurs (il est sur ${focused})`);
  assert.match(await page.title(), /^Erreur/, `${what} : le titre de la page doit commencer par « Erreur »`);
  const links = await summary.locator('a[href^="#"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  for (const href of links) {
    if (href === '#contenu') continue;
    assert.ok(await page.locator(href).count(), `${what} : le lien ${href} du résumé ne mène à aucun champ`);
  }
  await check(v, `${what} (erreurs)`);
  return links;
}

/** The last TOTP step used per secret in this test process: the server refuses a code of a step already used. */
const lastStepUsed = new Map<string, number>();

/** A TOTP code of a step not used yet by this process for this secret, waiting for the next 30-second step if needed. */
async function freshTotpCode(secret: string): Promise<string> {
  const last = lastStepUsed.get(secret);
  let at = new Date();
  if (last !== undefined && totpStep(at) <= last) {
    await new Promise((r) => setTimeout(r, (last + 1) * 30_000 - at.getTime() + 200));
    at = new Date();
  }
  lastStepUsed.set(secret, totpStep(at));
  return totpCode(secret, at);
}

/** Signs in through the login form (and the TOTP step when the account has one). */
export async function logIn(v: Visitor, email: string, password: string, totpSecret?: string): Promise<void> {
  const { page } = v;
  await visit(v, '/connexion');
  await fill(page, { email, password });
  await submitFormOf(page, 'password');
  if (totpSecret) {
    assert.match(new URL(page.url()).pathname, /^\/connexion\/code/, `après le mot de passe de ${email}, la page du code était attendue (${page.url()})`);
    await check(v);
    await fill(page, { code: await freshTotpCode(totpSecret) });
    await submitFormOf(page, 'code');
  }
  assert.doesNotMatch(new URL(page.url()).pathname, /^\/connexion/, `la connexion de ${email} a échoué (${page.url()})`);
  await check(v);
}

/**
 * Reads, in the admin outbox, the last mail sent to `to` and returns the first link of its text
 * matching `linkPattern`. The admin visitor must be signed in with its second factor.
 */
export async function linkFromOutbox(admin: Visitor, to: string, linkPattern: RegExp): Promise<string> {
  const { page } = admin;
  await visit(admin, `/gestion/courriels?destinataire=${encodeURIComponent(to)}`);
  const row = page.locator('tbody tr', { hasText: to }).first();
  assert.ok(await row.count(), `aucun courriel pour ${to} dans la boîte d’envoi`);
  await Promise.all([page.waitForNavigation(), row.locator('a').first().click()]);
  await check(admin);
  const text = await page.locator('pre').first().innerText();
  const m = linkPattern.exec(text);
  assert.ok(m, `aucun lien ${linkPattern} dans le courriel envoyé à ${to} :\n${text}`);
  return m[0];
}
