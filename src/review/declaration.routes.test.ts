import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { createTestApp } from '../platform/testing/harness.js';
import { auditLog } from '../platform/audit/audit.schema.js';
import { pdfText } from '../platform/pdf/pdf-text.js';
import { applicationSections } from '../applications/applications.schema.js';
import { conflictDeclarations, reviewAssignments, reviewClearances } from './review.schema.js';
import { reviewMay, mustDeclare, type ApplicationFacts } from './review.policy.js';
import type { Actor } from '../platform/http/context.js';
import { createReviewCall, createSubmittedApplication, createReviewStaff } from './review.fixtures.js';

const t = await createTestApp();
after(() => t.close());
const db = t.deps.database.db;
const call = await createReviewCall(t.deps);
const staff = await createReviewStaff(t.deps);
const W = '/gestion/candidatures';

async function as(userId: string) {
  const c = t.client();
  await c.loginAs(userId);
  return c;
}

/** A submitted application naming two partners, assigned by the admin to `reviewers`. */
async function assignedApplication(title: string, reviewers: string[]) {
  const s = await createSubmittedApplication(t.deps, call, { title, orgName: `Organisme ${title}` });
  const partners = { partners: [
    { name: 'Entreprise Numérique du Val', type: 'employer', contactName: 'Rémi', email: 'remi@entreprise.example', commitment: 'Embaucher' },
    { name: 'Mission locale de l’Est', type: 'sourcing', contactName: 'Sonia', email: '', commitment: 'Orienter' },
  ] };
  await db.insert(applicationSections).values({ applicationId: s.app.id, sectionKey: 'partners', values: {}, data: partners, completed: true });
  const adm = await as(staff.admin.id);
  for (const id of reviewers) assert.equal((await adm.post(`${W}/${s.app.id}/instructeurs`, { reviewerId: id })).status, 303);
  return { ...s, page: `${W}/${s.app.id}` };
}

const actor = (roles: Actor['staffRoles']): Actor => ({ userId: 'u', email: 'u@exemple.fr', fullName: 'U', staffRoles: roles, secondFactor: true } as Actor);
const facts = (f: Partial<ApplicationFacts>): ApplicationFacts => ({ conflicted: false, assigned: false, cleared: false, onMyAgenda: false, inGroup: false, lead: false, ...f });

test('politique : un instructeur affecté sans déclaration ne peut que déclarer ; le personnel non affecté n’est pas concerné', () => {
  const inst = actor(['instructor']);
  const pending = facts({ assigned: true, inGroup: true, lead: true });
  assert.equal(mustDeclare(pending), true);
  for (const a of ['review.view', 'review.score', 'review.admissibility', 'review.assign', 'committee.view'] as const) assert.equal(reviewMay(inst, a, pending), false, a);
  assert.equal(reviewMay(inst, 'review.declare', pending), true);
  assert.equal(reviewMay(inst, 'review.declare_conflict', pending), true);
  const cleared = facts({ assigned: true, cleared: true });
  assert.equal(reviewMay(inst, 'review.view', cleared), true);
  assert.equal(reviewMay(inst, 'review.score', cleared), true);
  assert.equal(reviewMay(inst, 'review.declare', cleared), false, 'une seule déclaration');
  assert.equal(reviewMay(inst, 'review.view', facts({ inGroup: true, lead: true })), true, 'le responsable qui affecte n’est pas concerné');
  assert.equal(reviewMay(actor(['admin']), 'review.view', facts({})), true, 'l’administrateur qui supervise n’est pas concerné');
  assert.equal(reviewMay(actor(['admin']), 'review.view', facts({ assigned: true })), false, 'un administrateur affecté comme instructeur déclare aussi');
  assert.equal(reviewMay(actor(['committee']), 'review.view', facts({ onMyAgenda: true })), true, 'le comité lit l’ordre du jour de ses séances sans déclaration');
  assert.equal(reviewMay(inst, 'review.declare', facts({ assigned: true, conflicted: true })), false, 'en conflit : plus rien');
});

test('instructeur affecté sans déclaration : page de déclaration au lieu du dossier, 403 sur le PDF, la notation, la messagerie et les consultations', async () => {
  const s = await assignedApplication('Technicien support informatique', [staff.instructor.id]);
  const ines = await as(staff.instructor.id);
  for (const url of [s.page, `${s.page}/notation`, `${s.page}/recevabilite`]) {
    const res = await ines.get(url);
    assert.equal(res.status, 200, url);
    const html = await res.text();
    assert.match(html, /<h1>Déclaration d’intérêts<\/h1>/);
    assert.match(html, new RegExp(`Organisme Technicien support informatique[\\s\\S]*SIRET</dt><dd>${s.org.siret}`));
    assert.match(html, /Entreprise Numérique du Val \(Employeur\)[\s\S]*Mission locale de l’Est \(Recrutement des apprenants\)/);
    assert.match(html, /Je déclare n’avoir aucun lien d’intérêt avec cet organisme ni ses partenaires/);
    assert.match(html, /Je déclare un conflit d’intérêts/);
    assert.doesNotMatch(html, /Dossier déposé|Pièces justificatives|Note moyenne|Enregistrer ma notation/, 'aucun contenu de la candidature');
  }
  assert.equal((await ines.get(`${s.page}/dossier.pdf`)).status, 403);
  assert.equal((await ines.post(`${s.page}/notation`, {})).status, 403);
  assert.equal((await ines.post(`${s.page}/recevabilite`, {})).status, 403);
  assert.equal((await ines.get(`${s.page}/messages`)).status, 403);
  assert.equal((await ines.get(`${s.page}/consultations`)).status, 403);
  // Not assigned: Ivan (same group) and the admin see the content without declaring anything.
  assert.match(await (await (await as(staff.instructor2.id)).get(s.page)).text(), /Dossier déposé/);
  const adm = await as(staff.admin.id);
  const overseen = await (await adm.get(s.page)).text();
  assert.match(overseen, /Dossier déposé/);
  assert.match(overseen, /Inès Instructrice, affecté le [^<]*déclaration d’intérêts attendue/, 'l’administrateur voit qui n’a pas encore déclaré');
  assert.equal((await adm.get(`${s.page}/dossier.pdf`)).status, 200);
});

test('déclaration : un choix est obligatoire, la nature du lien aussi pour un conflit ; « aucun lien » ouvre le dossier, horodaté et journalisé', async () => {
  const s = await assignedApplication('Développeur d’applications mobiles', [staff.instructor.id]);
  const ines = await as(staff.instructor.id);
  const rowOf = async () => {
    const list = await (await ines.get(W)).text();
    const row = list.slice(list.indexOf(`href="${s.page}"`));
    return row.slice(0, row.indexOf('</tr>'));
  };
  assert.match(await rowOf(), /Déclaration d’intérêts à faire/, 'signalée dans la liste');
  const none = await ines.post(`${s.page}/declaration`, {});
  assert.equal(none.status, 422);
  const html = await none.text();
  assert.match(html, /id="resume-erreurs"[\s\S]*href="#choice">Choisissez votre déclaration/);
  const conflict = await ines.post(`${s.page}/declaration`, { choice: 'conflict', reason: '' });
  assert.equal(conflict.status, 422);
  assert.match(await conflict.text(), /href="#reason">Renseignez la nature du lien/);
  assert.equal((await db.select().from(reviewClearances).where(eq(reviewClearances.applicationId, s.app.id))).length, 0);

  const ok = await ines.post(`${s.page}/declaration`, { choice: 'none' });
  assert.equal(ok.status, 303);
  assert.equal(ok.headers.get('location'), s.page);
  assert.doesNotMatch(await rowOf(), /Déclaration d’intérêts à faire/);
  const [row] = await db.select().from(reviewClearances).where(eq(reviewClearances.applicationId, s.app.id));
  assert.equal(row!.reviewerId, staff.instructor.id);
  assert.ok(row!.declaredAt instanceof Date);
  const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'review.no_conflict_declared'), eq(auditLog.objectId, s.app.id)));
  assert.equal(audit!.actorId, staff.instructor.id);

  const page = await (await ines.get(s.page)).text();
  assert.match(page, /Dossier déposé/);
  assert.match(page, /aucun lien d’intérêt déclaré le/);
  assert.match(page, /Absence de lien d’intérêt déclarée par l’instructeur/, 'dans l’historique');
  assert.equal((await ines.get(`${s.page}/notation`)).status, 200);
  const pdf = await ines.get(`${s.page}/dossier.pdf`);
  assert.equal(pdf.status, 200);
  assert.match((await pdfText(new Uint8Array(await pdf.arrayBuffer()))).text.replace(/\s+/g, ' '), /Développeur d’applications mobiles/);
  assert.equal((await ines.get(`${s.page}/messages`)).status, 200);
  assert.equal((await ines.post(`${s.page}/declaration`, { choice: 'none' })).status, 404, 'déjà déclarée : plus de formulaire');
  assert.equal((await (await as(staff.instructor2.id)).post(`${s.page}/declaration`, { choice: 'none' })).status, 404, 'non affecté : rien à déclarer');
});

test('déclaration d’un conflit : motivée, la candidature est masquée et l’instructeur retiré', async () => {
  const s = await assignedApplication('Technicien cybersécurité', [staff.instructor.id, staff.instructor2.id]);
  const ivan = await as(staff.instructor2.id);
  const res = await ivan.post(`${s.page}/declaration`, { choice: 'conflict', reason: 'Mon frère dirige l’Entreprise Numérique du Val.' });
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), W);
  const [conflict] = await db.select().from(conflictDeclarations).where(and(eq(conflictDeclarations.userId, staff.instructor2.id), eq(conflictDeclarations.organisationId, s.org.id)));
  assert.match(conflict!.reason, /frère/);
  const assigned = (await db.select().from(reviewAssignments).where(eq(reviewAssignments.applicationId, s.app.id))).map((a) => a.reviewerId);
  assert.deepEqual(assigned, [staff.instructor.id]);
  for (const url of [s.page, `${s.page}/dossier.pdf`, `${s.page}/notation`]) assert.equal((await ivan.get(url)).status, 404, url);
  assert.equal((await ivan.post(`${s.page}/declaration`, { choice: 'none' })).status, 404);
  assert.equal((await db.select().from(reviewClearances).where(eq(reviewClearances.applicationId, s.app.id))).length, 0);
});
