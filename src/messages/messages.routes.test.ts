import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { createTestApp, createUser } from '../platform/testing/harness.js';
import { mailOutbox } from '../platform/mail/mail.schema.js';
import { auditLog } from '../platform/audit/audit.schema.js';
import { memberships } from '../organisations/organisations.schema.js';
import { applications } from '../applications/applications.schema.js';
import { conflictDeclarations } from '../review/review.schema.js';
import { SAMPLES } from '../platform/files/files.fixtures.js';
import { createReviewCall, createSubmittedApplication, createReviewStaff, assignClearedReviewer } from '../review/review.fixtures.js';
import { applicationMessages } from './messages.schema.js';
import { saveGroup } from '../review/staffing.store.js';
import { memberUnread, postStaffMessage, staffUnread } from './index.js';

const t = await createTestApp();
after(() => t.close());
const db = t.deps.database.db;
const call = await createReviewCall(t.deps);
const staff = await createReviewStaff(t.deps);

async function as(userId: string) {
  const c = t.client();
  await c.loginAs(userId);
  return c;
}
const mailsTo = async (to: string) => db.select().from(mailOutbox).where(eq(mailOutbox.to, to));
function form(fields: Record<string, string>, files: { name: string; bytes: Buffer }[] = []) {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  for (const x of files) f.append('pieces', new Blob([new Uint8Array(x.bytes)]), x.name);
  return f;
}

async function setup() {
  const s = await createSubmittedApplication(t.deps, call, { title: 'Concepteur d’applications' });
  const colleague = await createUser(t.deps, { fullName: 'Léa Collègue' });
  await db.insert(memberships).values({ organisationId: s.org.id, userId: colleague.id, role: 'member' });
  await assignClearedReviewer(t.deps, { applicationId: s.app.id, reviewerId: staff.instructor.id, assignedBy: staff.admin.id });
  return { ...s, colleague, orgPath: `/organisations/${s.org.id}/candidatures/${s.app.id}/messages`, staffPath: `/gestion/candidatures/${s.app.id}/messages` };
}

test('le porteur écrit avec une pièce jointe : l’instructeur affecté est averti, voit le message non lu puis lu, et télécharge la pièce', async () => {
  const s = await setup();
  const org = await as(s.admin.id);
  assert.equal((await org.get(s.orgPath)).status, 200);
  const res = await org.postMultipart(s.orgPath, form({ message: 'Bonjour,\n\nVoici l’attestation Qualiopi à jour.' }, [{ name: 'qualiopi.pdf', bytes: SAMPLES.pdf }]));
  assert.equal(res.status, 303);
  const mails = await mailsTo(staff.instructor.email);
  assert.equal(mails.length, 1);
  assert.match(mails[0]!.subject, /Nouveau message de .* : Concepteur d’applications/);
  assert.match(mails[0]!.text, new RegExp(`/gestion/candidatures/${s.app.id}/messages`));
  assert.equal((await mailsTo(s.admin.email)).length, 0, 'l’auteur n’est pas averti de son propre message');

  assert.equal((await staffUnread(db, staff.instructor.id, [s.app.id])).get(s.app.id), 1);
  const inst = await as(staff.instructor.id);
  const appPage = await (await inst.get(`/gestion/candidatures/${s.app.id}`)).text();
  assert.match(appPage, /Messages avec l’organisme/);
  assert.match(appPage, /1 message non lu/);
  const thread = await (await inst.get(s.staffPath)).text();
  assert.match(thread, /Voici l’attestation Qualiopi à jour\./);
  assert.match(thread, /Nouveau/);
  assert.equal((await staffUnread(db, staff.instructor.id, [s.app.id])).get(s.app.id) ?? 0, 0, 'ouvrir le fil le marque comme lu');
  const href = thread.match(/href="([^"]+\/messages\/pieces\/[0-9a-f-]{36})"/)![1]!;
  const dl = await inst.get(href);
  assert.equal(dl.status, 200);
  assert.equal(dl.headers.get('content-type'), 'application/pdf');
  assert.ok(Buffer.from(await dl.arrayBuffer()).equals(SAMPLES.pdf));
  assert.equal((await org.get(href.replace(s.staffPath, s.orgPath))).status, 200, 'le porteur télécharge aussi la pièce');

  const audit = await db.select().from(auditLog).where(and(eq(auditLog.objectId, s.app.id), eq(auditLog.action, 'message.organisation_posted')));
  assert.equal(audit.length, 1);
});

test('l’instructeur répond : chaque membre de l’organisme est averti et a un message non lu', async () => {
  const s = await setup();
  const inst = await as(staff.instructor.id);
  const res = await inst.postMultipart(s.staffPath, form({ message: 'Merci, pouvez-vous préciser le calendrier des sessions ?' }));
  assert.equal(res.status, 303);
  for (const u of [s.admin, s.colleague]) {
    const m = await mailsTo(u.email);
    assert.equal(m.length, 1);
    assert.match(m[0]!.text, /préciser le calendrier des sessions/);
    assert.match(m[0]!.text, new RegExp(`/organisations/${s.org.id}/candidatures/${s.app.id}/messages`));
  }
  assert.equal((await memberUnread(db, s.colleague.id, [s.app.id])).get(s.app.id), 1);
  const colleague = await as(s.colleague.id);
  const overview = await (await colleague.get(`/organisations/${s.org.id}/candidatures/${s.app.id}`)).text();
  assert.match(overview, new RegExp(`href="${s.orgPath}"`), 'la page de la candidature mène aux messages');
  assert.match(overview, /1 message non lu/);
  const page = await (await colleague.get(s.orgPath)).text();
  assert.match(page, /Inès Instructrice \(équipe GEN\)/);
  assert.equal((await memberUnread(db, s.colleague.id, [s.app.id])).get(s.app.id) ?? 0, 0);
  assert.equal((await memberUnread(db, s.admin.id, [s.app.id])).get(s.app.id), 1, 'chaque lecteur a son propre marqueur');
});

test('refus : message vide, fichier dont le contenu n’est pas accepté, candidature retirée (valeurs conservées)', async () => {
  const s = await setup();
  const org = await as(s.admin.id);
  const empty = await org.postMultipart(s.orgPath, form({ message: '  ' }));
  assert.equal(empty.status, 422);
  assert.match(await empty.text(), /Renseignez votre message/);
  const exe = await org.postMultipart(s.orgPath, form({ message: 'Voici le budget' }, [{ name: 'budget.pdf', bytes: SAMPLES.exe }]));
  assert.equal(exe.status, 422);
  const body = await exe.text();
  assert.match(body, /budget\.pdf : Le contenu du fichier n’est pas d’un type accepté/);
  assert.match(body, />Voici le budget</, 'le message saisi est conservé');
  assert.equal((await db.select().from(applicationMessages).where(eq(applicationMessages.applicationId, s.app.id))).length, 0);
  await db.update(applications).set({ state: 'withdrawn' }).where(eq(applications.id, s.app.id));
  const closed = await org.postMultipart(s.orgPath, form({ message: 'Encore une question' }));
  assert.equal(closed.status, 422);
  assert.match(await closed.text(), /retirée : sa messagerie est fermée/);
});

test('accès : autre organisme, brouillon, membre du comité, instructeur en conflit d’intérêts ne voient pas le fil', async () => {
  const s = await setup();
  const other = await createSubmittedApplication(t.deps, call);
  const org = await as(s.admin.id);
  assert.equal((await org.get(`/organisations/${s.org.id}/candidatures/${other.app.id}/messages`)).status, 404, 'la candidature d’un autre organisme n’existe pas');
  assert.equal((await org.get(`/organisations/${other.org.id}/candidatures/${other.app.id}/messages`)).status, 404);
  assert.equal((await (await as(staff.committee.id)).get(s.staffPath)).status, 403);
  await db.insert(conflictDeclarations).values({ userId: staff.instructor2.id, organisationId: s.org.id, reason: 'Ancien salarié', declaredAt: new Date() });
  const conflicted = await as(staff.instructor2.id);
  assert.equal((await conflicted.get(s.staffPath)).status, 404);
  assert.equal((await conflicted.postMultipart(s.staffPath, form({ message: 'x' }))).status, 404);
  const direct = await db.transaction((tx) => postStaffMessage(tx, { id: staff.instructor2.id, label: 'Ivan Instructeur' }, { applicationId: s.app.id, body: 'Bonjour', baseUrl: 'http://x', smtp: false }, new Date()));
  assert.equal(direct.ok, false);
  assert.match((direct as { message: string }).message, /conflit d’intérêts/);
  const admin = await as(staff.admin.id);
  assert.equal((await admin.get(`${s.staffPath}/pieces/${crypto.randomUUID()}`)).status, 404);
  await db.update(applications).set({ state: 'draft', submittedAt: null }).where(eq(applications.id, s.app.id));
  assert.equal((await org.get(s.orgPath)).status, 404, 'un brouillon n’a pas de messagerie');
  assert.equal((await admin.get(s.staffPath)).status, 404);
});

test('sans instructeur affecté, le message du porteur est signalé aux instructeurs du groupe de sa région (sauf conflit)', async () => {
  const s = await createSubmittedApplication(t.deps, call, { postcode: '35000' });
  const rennes = await createUser(t.deps, { staff: ['instructor'], fullName: 'Rozenn Rennes' });
  const tied = await createUser(t.deps, { staff: ['instructor'], fullName: 'Tanguy Lié' });
  await db.transaction((tx) => saveGroup(tx, { name: `Bretagne ${Date.now()}`, regions: ['53'], members: [rennes.id, tied.id], leadId: rennes.id }));
  await db.insert(conflictDeclarations).values({ userId: tied.id, organisationId: s.org.id, reason: 'Administrateur bénévole', declaredAt: new Date() });
  const org = await as(s.admin.id);
  assert.equal((await org.postMultipart(`/organisations/${s.org.id}/candidatures/${s.app.id}/messages`, form({ message: 'Une question sur le calendrier.' }))).status, 303);
  assert.equal((await mailsTo(rennes.email)).length, 1);
  assert.equal((await mailsTo(tied.email)).length, 0, 'une personne en conflit d’intérêts n’est pas avertie');
});
