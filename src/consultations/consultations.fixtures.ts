/** Test bed of the consultations' route tests: an app, a review call, its staff and small readers. */
import { eq } from 'drizzle-orm';
import { createTestApp } from '../platform/testing/harness.js';
import { mailOutbox } from '../platform/mail/mail.schema.js';
import { createReviewCall, createReviewStaff } from '../review/review.fixtures.js';
import { parisToday } from './consultations.js';

export const DAY = 86_400_000;

/** A personal link found in a mail's text. */
export const linkIn = (text: string, kind: 'partenaire' | 'region') => text.match(new RegExp(`/consultation/${kind}/[A-Za-z0-9_-]{43}`))![0];

/** The Paris day `days` from now. */
export const dayIn = (days: number) => parisToday(new Date(Date.now() + days * DAY));

export async function consultationTestbed() {
  const t = await createTestApp();
  const db = t.deps.database.db;
  const call = await createReviewCall(t.deps);
  const staff = await createReviewStaff(t.deps);
  /** A client signed in as this user. */
  const as = async (userId: string) => {
    const c = t.client();
    await c.loginAs(userId);
    return c;
  };
  /** The mails sent to an address, oldest first. */
  const mailsTo = async (to: string) => db.select().from(mailOutbox).where(eq(mailOutbox.to, to)).orderBy(mailOutbox.createdAt);
  return { t, db, call, staff, as, mailsTo };
}
