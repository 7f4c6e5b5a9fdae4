import { serve } from '@hono/node-server';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { createTestApp, createUser } from '/work/main/src/platform/testing/harness.ts';
import { seedCall2021 } from '/work/main/src/calls/seed.ts';
import { createSession, markSecondFactor } from '/work/main/src/platform/auth/session.store.ts';
import { sha256 } from '/work/main/src/platform/auth/tokens.ts';
import { enqueueMail } from '/work/main/src/platform/mail/mail.store.ts';
import { composeMail } from '/work/main/src/platform/mail/mail.ts';
import { getCallBySlug } from '/work/main/src/calls/calls.store.ts';

const t = await createTestApp();
const db = t.deps.database.db;
await db.transaction((tx) => seedCall2021(tx));
const admin = await createUser(t.deps, { staff: ['admin'] });
const other = await createUser(t.deps, { staff: ['instructor'] });
const mailId = await db.transaction((tx) => enqueueMail(tx, composeMail({ template: 'x', to: 'a@exemple.fr', subject: 'Sujet', paragraphs: ['Bonjour'] }), false));
const call = (await getCallBySlug(db, 'appel-2021'))!;
const token = await createSession(db, { userId: admin.id, ttlHours: 2, now: new Date() });
await markSecondFactor(db, sha256(token), new Date());
const server = serve({ fetch: t.app.fetch, port: 3977, hostname: '127.0.0.1' });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const ctx = await browser.newContext({ baseURL: 'http://localhost:3977', locale: 'fr-FR' });
await ctx.addCookies([{ name: 'gen_session', value: token, url: 'http://localhost:3977' }]);
const page = await ctx.newPage();
const problems: string[] = [];
page.on('console', (m) => { if (m.type() === 'error') problems.push(`${page.url()} ${m.text()}`); });
const paths = ['/gestion', '/gestion/utilisateurs', `/gestion/utilisateurs/${other.id}`, '/gestion/journal', '/gestion/journal?from=31/02/2021', '/gestion/journal/integrite', '/gestion/courriels', `/gestion/courriels/${mailId}`, '/appels', '/appels/appel-2021', '/gestion/appels', `/gestion/appels/${call.call.id}`];
for (const p of paths) {
  const res = await page.goto(p);
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  console.log(p, res?.status(), r.violations.length ? r.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.html.slice(0, 150)).join(' | ')}`).join('\n   ') : 'OK');
}
// Form error page
await page.goto(`/gestion/utilisateurs/${other.id}`);
await page.click('text=Enregistrer les rôles');
let r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
console.log('roles error', r.violations.map((v) => v.id));
await page.goto(`/gestion/appels/${call.call.id}`);
await page.click('text=Enregistrer les pondérations');
r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
console.log('weights error', r.violations.map((v) => v.id), await page.title());
await page.goto(`/gestion/courriels/${mailId}`);
await page.screenshot({ path: '/tmp/axe-scratch/mail.png', fullPage: true });
await page.goto('/gestion');
await page.screenshot({ path: '/tmp/axe-scratch/dash.png', fullPage: true });
console.log('problems', problems);
await browser.close(); server.close(); await t.close();
process.exit(0);
