/** Test helpers of the support desk: a controllable clock and a contact submission that passes the anti-spam checks. */
import { desc, eq } from 'drizzle-orm';
import type { TestApp, TestClient } from '../platform/testing/harness.js';
import { mailOutbox } from '../platform/mail/mail.schema.js';
import { STAMP_FIELD } from './anti-spam.js';

/** A clock tests move forward by hand. */
export function testClock(start = new Date('2025-07-11T08:00:00Z')) {
  let t = start.getTime();
  return { now: () => new Date(t), advance: (seconds: number) => { t += seconds * 1000; } };
}

/** The stamp of the contact form shown to a client. */
export async function openContactForm(client: TestClient, profil = 'learner', sujet = 'applying'): Promise<string> {
  const res = await client.get(`/contact?etape=1&profil=${profil}&sujet=${sujet}`);
  const m = new RegExp(`name="${STAMP_FIELD}" value="([^"]+)"`).exec(await res.text());
  if (!m) throw new Error('formulaire de contact sans horodatage');
  return m[1]!;
}

/** Fields of a valid contact submission. */
export function contactFields(stamp: string, over: Record<string, string> = {}): Record<string, string> {
  return { profil: 'learner', sujet: 'applying', objet: 'Question sur le dépôt', message: 'Bonjour, comment déposer ?', email: 'camille@exemple.fr', nom: 'Camille', [STAMP_FIELD]: stamp, site_web: '', ...over };
}

/** Opens the form, waits like a person, sends it; returns the response. */
export async function sendContact(client: TestClient, clock: { advance: (s: number) => void }, over: Record<string, string> = {}): Promise<Response> {
  const stamp = await openContactForm(client, over.profil, over.sujet);
  clock.advance(30);
  return client.post('/contact', contactFields(stamp, over));
}

/** The last mail sent to an address. */
export async function lastMailTo(t: TestApp, to: string) {
  const [m] = await t.deps.database.db.select().from(mailOutbox).where(eq(mailOutbox.to, to)).orderBy(desc(mailOutbox.createdAt)).limit(1);
  return m ?? null;
}

/** The private-link token in a mail. */
export function tokenIn(text: string): string {
  const m = /\/demande\/([A-Za-z0-9_-]{43})/.exec(text);
  if (!m) throw new Error('aucun lien de suivi dans le courriel');
  return m[1]!;
}
