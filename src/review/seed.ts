/**
 * Demo review, through the same commands as the pages: the demo submitted application is
 * assigned to the demo instructor, found admissible and scored; a committee meeting of its
 * cut-off is scheduled with the demo committee member, the decision left to the visitor.
 */
import { eq } from 'drizzle-orm';
import type { Tx } from '../platform/db/index.js';
import { users } from '../platform/auth/auth.schema.js';
import { applications } from '../applications/applications.schema.js';
import { getCallBySlug } from '../calls/calls.store.js';
import { syncReviews, findReview } from './review.store.js';
import { assignReviewer } from './commands/assign-reviewer.js';
import { recordVerdicts, decideAdmissibility } from './commands/admissibility.js';
import { submitScores } from './commands/scoring.js';
import { createMeeting } from './commands/committee.js';
import { pointsFor, sheetTotal } from './scoring.js';
import type { StaffActor } from './review.policy.js';

async function staffByEmail(tx: Tx, email: string): Promise<StaffActor | null> {
  const [u] = await tx.select().from(users).where(eq(users.email, email));
  return u ? { id: u.id, label: u.fullName, email: u.email, ip: null } : null;
}

/** Seeds the demo review on the demo call of `now`'s year (no-op when a piece is missing). */
export async function seedDemoReview(tx: Tx, now: Date, o: { baseUrl: string; smtp: boolean }): Promise<void> {
  const call = await getCallBySlug(tx, `appel-demonstration-${now.getUTCFullYear()}`);
  const instructor = await staffByEmail(tx, 'instructeur@demo.label-gen.fr');
  const committee = await staffByEmail(tx, 'comite@demo.label-gen.fr');
  const admin = await staffByEmail(tx, 'admin@demo.label-gen.fr');
  if (!call || !instructor || !committee || !admin) return;
  await syncReviews(tx, { callId: call.call.id });
  const [app] = await tx.select().from(applications).where(eq(applications.callId, call.call.id)).then((rows) => rows.filter((a) => a.state === 'submitted'));
  if (!app) return;
  await assignReviewer(tx, admin, { applicationId: app.id, reviewerId: instructor.id }, now);
  await recordVerdicts(tx, instructor, { applicationId: app.id, verdicts: call.admissibility.map((c) => ({ criterionCode: c.code, verdict: 'met', comment: '' })) }, now);
  const review = await findReview(tx, app.id);
  if (!review) return;
  await decideAdmissibility(tx, instructor, { applicationId: app.id, outcome: 'admissible', motivation: '', sections: [], message: '', dueOn: '', version: review.version, ...o }, now);
  const lines = call.selection.map((c, i) => ({ criterionCode: c.code, level: i === 0 ? 4 : 3, points: pointsFor(i === 0 ? 4 : 3, c.weight), comment: 'Exemple de démonstration : argumentaire à compléter.' }));
  await submitScores(tx, instructor, { applicationId: app.id, lines, total: sheetTotal(lines) }, now);
  if (app.cutoffId) {
    const heldOn = new Date(now.getTime() + 60 * 86400_000).toISOString().slice(0, 10);
    await createMeeting(tx, admin, { cutoffId: app.cutoffId, heldOn, place: 'Visioconférence', members: [committee.id, admin.id] }, now);
  }
}
