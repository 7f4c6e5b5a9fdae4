import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { eq, sql } from 'drizzle-orm';
import { createTestApp } from '../platform/testing/harness.js';
import { seedDemo } from '../demo/seed.js';
import { applicationReviews, committeeDecisions, committeeMeetings, decisionMails, reviewClearances, reviewGroups, reviewTags, scoreSheets } from './review.schema.js';

const t = await createTestApp();
after(() => t.close());

test('la démonstration présente des groupes, des étiquettes, une candidature notée, une séance à tenir et une séance passée avec un report', async () => {
  await seedDemo(t.deps);
  const db = t.deps.database.db;
  assert.deepEqual((await db.select().from(reviewGroups)).map((g) => g.name).sort(), ['Grand Ouest', 'Île-de-France et Hauts-de-France']);
  assert.equal((await db.select().from(reviewTags)).length, 3);
  const scoring = await db.select().from(applicationReviews).where(eq(applicationReviews.state, 'scoring'));
  assert.ok(scoring.length >= 2, 'la candidature notée et la candidature reportée restent en notation');
  const sheets = await db.select().from(scoreSheets);
  assert.ok(sheets.length >= 2);
  const cleared = new Set((await db.select().from(reviewClearances)).map((c) => `${c.applicationId}:${c.reviewerId}`));
  for (const sh of sheets) assert.ok(cleared.has(`${sh.applicationId}:${sh.reviewerId}`), 'chaque instructeur qui a noté a déclaré n’avoir aucun lien d’intérêt');
  const [deferral] = await db.select().from(committeeDecisions).where(sql`${committeeDecisions.outcome}::text = 'deferred'`);
  assert.ok(deferral, 'une décision reportée');
  const [past] = await db.select().from(committeeMeetings).where(eq(committeeMeetings.id, deferral!.meetingId));
  assert.ok(past!.minutesValidatedAt, 'procès-verbal validé');
  const [mail] = await db.select().from(decisionMails).where(eq(decisionMails.decisionId, deferral!.id));
  assert.ok(mail!.sentAt, 'courrier envoyé');
  assert.ok((await db.select().from(committeeMeetings).where(sql`${committeeMeetings.minutesValidatedAt} is null`)).length >= 1, 'une séance à tenir');
});
