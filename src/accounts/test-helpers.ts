/** Helpers of the accounts tests: reading mails from the outbox, form submission shortcuts. */
import { desc, eq } from 'drizzle-orm';
import { mailOutbox } from '../platform/mail/mail.schema.js';
import type { TestApp, TestClient } from '../platform/testing/harness.js';

/** Mails sent to an address, newest first. */
export async function mailsTo(t: TestApp, to: string) {
  return t.deps.database.db.select().from(mailOutbox).where(eq(mailOutbox.to, to)).orderBy(desc(mailOutbox.createdAt));
}

/** The path of the last link of this kind mailed to an address. */
export async function lastLink(t: TestApp, to: string, prefix: string): Promise<string> {
  for (const m of await mailsTo(t, to)) {
    const match = m.text.match(new RegExp(`https?://[^\\s]+(${prefix.replace(/\//g, '\\/')}[^\\s]*)`));
    if (match) return match[1]!;
  }
  throw new Error(`aucun lien ${prefix} envoyé à ${to}`);
}

/** Logs in through the form. */
export function loginForm(client: TestClient, email: string, password: string, path = '/connexion') {
  return client.post(path, { email, password });
}

/** The <title> of a page. */
export function titleOf(html: string): string {
  return html.match(/<title>([^<]*)<\/title>/)?.[1] ?? '';
}
