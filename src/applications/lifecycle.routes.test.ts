import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eq, and } from 'drizzle-orm';
import { createUser, createOrganisation } from '../platform/testing/harness.js';
import { auditLog } from '../platform/audit/audit.schema.js';
import { sessions } from '../platform/auth/auth.schema.js';
import { mailOutbox } from '../platform/mail/mail.schema.js';
import { pdfText } from '../platform/pdf/pdf-text.js';
import { applications, applicationSections, applicationSubmissions, applicationFiles, applicationPendingSaves } from './applications.schema.js';
import { applicationReviews, conflictDeclarations, committeeMeetings, committeeDecisions } from '../review/review.schema.js';
import { labels } from '../labels/labels.schema.js';
import { findReview } from '../review/index.js';
import { decideAdmissibility, recordVerdicts } from '../review/commands/admissibility.js';
import { completeValues } from './sample-values.js';
import { SECTIONS } from './sections/catalogue.js';
import { setup, createDraft, appRow, type Setup } from './applications.test-helpers.js';

/** A complete application with its documents, submitted; returns its URL and row. */
async function submitted(s: Setup, title = 'Développeur web') {
  const url = await createDraft(s, title);
  const values = completeValues();
  for (const def of SECTIONS) assert.equal((await s.client.post(`${url}/sections/${def.slug}`, { ...values[def.key], version: '0' })).status, 303);
  for (const kind of ['qualiopi', 'nda', 'tax_social', 'budget']) {
    const f = new FormData();
    f.append('kind', kind);
    f.append('file', new Blob([Buffer.from('%PDF-1.4\n%%EOF\n')]), `${kind}.pdf`);
    assert.equal((await s.client.postMultipart(`${url}/pieces`, f)).status, 303);
  }
  assert.equal((await s.client.post(`${url}/recapitulatif/deposer`, { sworn: 'oui' })).status, 303);
  return { url, app: await appRow(s, url) };
}

const staffActor = (u: { id: string; email: string }) => ({ id: u.id, email: u.email, label: 'Inès Instructrice', ip: null });

async function pdfOf(res: Response) {
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'application/pdf');
  // Table cells wrap: compare on the text with its line breaks folded.
  return (await pdfText(new Uint8Array(await res.arrayBuffer()))).text.replace(/\s+/g, ' ');
}

test('récépissé : PDF téléchargeable (numéro, date et heure de Paris, résumé, pré-contrôle) et joint au courriel ; revue ouverte au dépôt', async () => {
  const s = await setup({ now: () => new Date('2026-03-10T14:05:09Z') });
  const { url, app } = await submitted(s);
  const text = await pdfOf(await s.client.get(`${url}/recepisse.pdf`));
  assert.match(text, /Récépissé de dépôt de candidature/);
  assert.match(text, new RegExp(app.receiptNumber!));
  assert.match(text, /10\/03\/2026 à 15:05:09 \(heure de Paris\)/);
  assert.match(text, /Paula Porteuse/);
  assert.match(text, /Développeur web/);
  assert.match(text, /Appel à labellisation/);
  assert.match(text, /Pré-contrôle de recevabilité au moment du dépôt/);
  assert.match(text, /R1\. /);
  assert.match(text, /Budget prévisionnel de la formation : budget\.pdf/);
  // The mail carries the same receipt as a PDF attachment.
  const [mail] = await s.t.deps.database.db.select().from(mailOutbox).where(eq(mailOutbox.template, 'application.submitted'));
  assert.equal(mail!.attachments.length, 1);
  assert.equal(mail!.attachments[0]!.fileName, `recepisse-${app.receiptNumber}.pdf`);
  assert.equal(mail!.attachments[0]!.contentType, 'application/pdf');
  const attached = (await pdfText(new Uint8Array(Buffer.from(mail!.attachments[0]!.base64, 'base64')))).text;
  assert.match(attached, new RegExp(app.receiptNumber!));
  // The page links the receipt; the review row exists without anyone opening the workspace.
  assert.match(await (await s.client.get(url)).text(), /recepisse\.pdf\?depot=1/);
  const [review] = await s.t.deps.database.db.select().from(applicationReviews).where(eq(applicationReviews.applicationId, app.id));
  assert.equal(review!.state, 'admissibility');
  assert.equal(review!.readFromSubmissionAt?.toISOString(), app.submittedAt!.toISOString());
  // No receipt for a draft; another organisation's member gets 404.
  const draft = await createDraft(s, 'Autre formation');
  assert.equal((await s.client.get(`${draft}/recepisse.pdf`)).status, 404);
  const other = await createUser(s.t.deps);
  await createOrganisation(s.t.deps, { admins: [other.id] });
  const c = s.t.client();
  await c.loginAs(other.id);
  assert.equal((await c.get(`${url}/recepisse.pdf`)).status, 404);
  assert.equal((await c.get(`${url}/dossier.pdf`)).status, 404);
  await s.t.close();
});

test('dossier complet PDF : rubriques, pièces, pré-contrôle, historique ; côté GEN selon la politique de la revue (conflit ⇒ 404)', async () => {
  const s = await setup();
  const { url, app } = await submitted(s);
  const text = await pdfOf(await s.client.get(`${url}/dossier.pdf`));
  for (const def of SECTIONS) assert.match(text, new RegExp(def.title));
  assert.match(text, /Campus de Montreuil/);
  assert.match(text, /Lieu 1 — Code postal/);
  assert.match(text, /qualiopi\.pdf/);
  assert.match(text, /Pré-contrôle de recevabilité/);
  assert.match(text, /Historique/);
  assert.match(text, /Rubrique « Formation » enregistrée \(version 1/);
  assert.match(text, /Pièce jointe ajoutée : Budget prévisionnel de la formation \(budget\.pdf\)/);
  assert.match(text, new RegExp(`Candidature déposée \\(récépissé ${app.receiptNumber}\\)`));
  assert.match(text, /Paula Porteuse/);

  const staffUrl = `/gestion/candidatures/${app.id}/dossier.pdf`;
  const admin = await createUser(s.t.deps, { staff: ['admin'] });
  const ca = s.t.client();
  await ca.loginAs(admin.id);
  assert.match(await pdfOf(await ca.get(staffUrl)), /Dossier de candidature : Développeur web/);
  assert.equal((await ca.get('/gestion/candidatures/pas-un-uuid/dossier.pdf')).status, 404);
  // A draft is not visible to staff.
  const draft = await createDraft(s, 'Brouillon');
  assert.equal((await ca.get(`/gestion/candidatures/${draft.split('/').pop()}/dossier.pdf`)).status, 404);
  // A committee member sees it only on a meeting's agenda; monitoring staff have no access.
  const committee = await createUser(s.t.deps, { staff: ['committee'] });
  const cc = s.t.client();
  await cc.loginAs(committee.id);
  assert.equal((await cc.get(staffUrl)).status, 404);
  const monitoring = await createUser(s.t.deps, { staff: ['monitoring'] });
  const cm = s.t.client();
  await cm.loginAs(monitoring.id);
  assert.equal((await cm.get(staffUrl)).status, 403);
  // Staff who declared a conflict with the organisation do not see it any more.
  await s.t.deps.database.db.insert(conflictDeclarations).values({ userId: admin.id, organisationId: s.orgId, reason: 'Ancien salarié', declaredAt: new Date() });
  assert.equal((await ca.get(staffUrl)).status, 404);
  await s.t.close();
});

test('corrections demandées : message et échéance visibles, seules les rubriques nommées se rouvrent, « Redéposer » renvoie à l’examen', async () => {
  const s = await setup();
  const db = s.t.deps.database.db;
  const { url, app } = await submitted(s);
  const instructor = await createUser(s.t.deps, { staff: ['instructor'] });
  const review = (await findReview(db, app.id))!;
  const asked = await db.transaction((tx) => decideAdmissibility(tx, staffActor(instructor), {
    applicationId: app.id, outcome: 'correction', motivation: '', sections: ['training', 'documents'],
    message: 'Précisez le code RNCP exact.\nJoignez l’accord du certificateur.', dueOn: '2099-12-31', version: review.version, baseUrl: 'http://x', smtp: false,
  }, s.t.deps.now()));
  assert.ok(asked.ok, JSON.stringify(asked));
  assert.equal((await appRow(s, url)).state, 'in_correction');

  const overview = await (await s.client.get(url)).text();
  assert.match(overview, /La GEN demande des corrections avant le 31\/12\/2099/);
  assert.match(overview, /Précisez le code RNCP exact\./);
  assert.match(overview, />À corriger</);
  assert.match(overview, /Redéposer la candidature corrigée/);

  // Only "Formation" and the documents are editable again.
  const duration = await (await s.client.get(`${url}/sections/duree-et-rythme`)).text();
  assert.doesNotMatch(duration, /name="version"/);
  assert.match(duration, /n’est pas concernée par la demande de corrections/);
  const refused = await s.client.post(`${url}/sections/duree-et-rythme`, { ...completeValues().duration, totalHours: '999', version: '1' });
  assert.equal(refused.status, 409);
  assert.match(await (await s.client.get(`${url}/sections/formation`)).text(), /name="version" value="1"/);
  assert.equal((await s.client.post(`${url}/sections/formation`, { ...completeValues().training, certCode: 'RNCP34066', version: '1' })).status, 303);
  const f = new FormData();
  f.append('kind', 'certification');
  f.append('file', new Blob([Buffer.from('%PDF-1.4\n%%EOF\n')]), 'accord.pdf');
  assert.equal((await s.client.postMultipart(`${url}/pieces`, f)).status, 303);

  // Resubmit: sworn statement required, then a second submission with its own receipt.
  const page = await (await s.client.get(`${url}/redeposer`)).text();
  assert.match(page, /Corrections demandées par la GEN/);
  assert.match(page, /Formation<\/a> : complète, modifiée depuis la demande/);
  assert.equal((await s.client.post(`${url}/redeposer`, {})).status, 422);
  const [a, b] = await Promise.all([s.client.post(`${url}/redeposer`, { sworn: 'oui' }), s.client.post(`${url}/redeposer`, { sworn: 'oui' })]);
  assert.deepEqual([a.status, b.status], [303, 303]);
  const after = await appRow(s, url);
  assert.equal(after.state, 'submitted');
  assert.equal(after.receiptNumber, app.receiptNumber);
  assert.equal(after.cutoffId, app.cutoffId);
  const subs = await db.select().from(applicationSubmissions).where(eq(applicationSubmissions.applicationId, app.id));
  assert.deepEqual(subs.map((x) => x.sequence).sort(), [1, 2]);
  const second = subs.find((x) => x.sequence === 2)!;
  assert.notEqual(second.receiptNumber, app.receiptNumber);
  assert.equal(((second.snapshot.sections as Record<string, { values: Record<string, string> }>).training!.values.certCode), 'RNCP34066');
  const audit = await db.select().from(auditLog).where(and(eq(auditLog.objectId, app.id), eq(auditLog.action, 'application.resubmitted')));
  assert.equal(audit.length, 1);
  assert.deepEqual(audit[0]!.before, { state: 'in_correction' });
  // The review reads the new deposit; the receipt of deposit 2 says so.
  const [r] = await db.select().from(applicationReviews).where(eq(applicationReviews.applicationId, app.id));
  assert.equal(r!.readFromSubmissionAt?.toISOString(), after.submittedAt!.toISOString());
  const receipt2 = await pdfOf(await s.client.get(`${url}/recepisse.pdf?depot=2`));
  assert.match(receipt2, /Récépissé de nouveau dépôt de candidature/);
  assert.match(receipt2, new RegExp(second.receiptNumber));
  assert.equal((await db.select().from(mailOutbox).where(eq(mailOutbox.template, 'application.resubmitted'))).length, 1);
  // Read-only again.
  assert.equal((await s.client.post(`${url}/sections/formation`, { ...completeValues().training, version: '2' })).status, 409);
  assert.equal((await s.client.get(`${url}/redeposer`)).status, 303);
  await s.t.close();
});

test('décision visible par le porteur : irrecevable avec motivation et critères non remplis, retrait alors refusé', async () => {
  const s = await setup();
  const db = s.t.deps.database.db;
  const { url, app } = await submitted(s);
  const instructor = await createUser(s.t.deps, { staff: ['instructor'] });
  const call = await db.select().from(applications).where(eq(applications.id, app.id));
  assert.ok(call[0]);
  const codes = ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'R9', 'R10'];
  await db.transaction((tx) => recordVerdicts(tx, staffActor(instructor), { applicationId: app.id, verdicts: codes.map((c) => ({ criterionCode: c, verdict: c === 'R7' ? 'not_met' : 'met', comment: c === 'R7' ? 'Frais d’inscription de 200 €' : '' })) }, new Date()));
  const review = (await findReview(db, app.id))!;
  const res = await db.transaction((tx) => decideAdmissibility(tx, staffActor(instructor), {
    applicationId: app.id, outcome: 'inadmissible', motivation: 'La formation n’est pas gratuite pour les publics cibles.', sections: [], message: '', dueOn: '', version: review.version, baseUrl: 'http://x', smtp: false,
  }, new Date()));
  assert.ok(res.ok, JSON.stringify(res));
  const page = await (await s.client.get(url)).text();
  assert.match(page, /Candidature déclarée irrecevable/);
  assert.match(page, /La formation n’est pas gratuite pour les publics cibles\./);
  assert.match(page, /R7\. .*Frais d’inscription de 200 €/);
  assert.doesNotMatch(page, /Retirer la candidature/);
  const w = await s.client.post(`${url}/retrait`, { reason: 'Trop tard', version: String((await appRow(s, url)).version) });
  assert.equal(w.status, 409);
  assert.match(await w.text(), /a déjà rendu sa décision/);
  await s.t.close();
});

test('renouveler à partir d’une candidature déposée : nouveau brouillon avec toutes les réponses, sans pièces ni dépôt, audité', async () => {
  const s = await setup();
  const db = s.t.deps.database.db;
  const { url, app } = await submitted(s);
  const draft = await createDraft(s, 'Pas encore déposée');
  assert.equal((await s.client.get(`${draft}/renouveler`)).status, 303);
  assert.match(await (await s.client.get(url)).text(), /Renouveler à partir de cette candidature/);
  const form = await (await s.client.get(`${url}/renouveler`)).text();
  assert.match(form, /value="Développeur web"/);
  // Same title in the same call: refused, values kept.
  const dup = await s.client.post(`${url}/renouveler`, { callId: s.callId, trainingTitle: 'Développeur web' });
  assert.equal(dup.status, 422);
  assert.match(await dup.text(), /déjà une candidature pour cette formation/);
  const res = await s.client.post(`${url}/renouveler`, { callId: s.callId, trainingTitle: 'Développeur web (2e édition)' });
  assert.equal(res.status, 303);
  const copyUrl = res.headers.get('location')!;
  const copy = await appRow(s, copyUrl);
  assert.deepEqual([copy.state, copy.renewedFromId, copy.receiptNumber, copy.submittedAt], ['draft', app.id, null, null]);
  const sections = await db.select().from(applicationSections).where(eq(applicationSections.applicationId, copy.id));
  assert.equal(sections.length, SECTIONS.length);
  assert.ok(sections.every((x) => x.version === 1));
  assert.equal(sections.find((x) => x.sectionKey === 'places')!.values['places-0-name'], 'Campus de Montreuil');
  assert.equal((await db.select().from(applicationFiles).where(eq(applicationFiles.applicationId, copy.id))).length, 0);
  assert.equal((await db.select().from(applicationSubmissions).where(eq(applicationSubmissions.applicationId, copy.id))).length, 0);
  const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.objectId, copy.id), eq(auditLog.action, 'application.renewed')));
  assert.equal((audit!.after as { renewedFromId: string }).renewedFromId, app.id);
  const overview = await (await s.client.get(copyUrl)).text();
  assert.equal((overview.match(/>Complète</g) ?? []).length, SECTIONS.length);
  assert.match(overview, /Renouvellement : les réponses ont été reprises/);
  await s.t.close();
});

test('session expirée pendant « Enregistrer » : les saisies sont gardées et réaffichées après reconnexion', async () => {
  const s = await setup();
  const db = s.t.deps.database.db;
  const url = await createDraft(s);
  // The session ends (timeout) while the member types.
  await db.delete(sessions).where(eq(sessions.userId, s.userId));
  const res = await s.client.post(`${url}/sections/formation`, { ...completeValues().training, summary: 'Texte tapé pendant une heure', version: '0' });
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), `/connexion?retour=${encodeURIComponent(`${url}/sections/formation`)}`);
  assert.equal((await db.select().from(applicationPendingSaves)).length, 1);
  assert.equal((await db.select().from(applicationSections)).length, 0);
  // Someone else's browser (no cookie) sees nothing of it, even signed in as a member.
  const other = s.t.client();
  await other.loginAs(s.userId);
  assert.doesNotMatch(await (await other.get(`${url}/sections/formation`)).text(), /Texte tapé pendant une heure/);
  // Back after login: the values are there, with the version they were typed on.
  await s.client.loginAs(s.userId);
  const page = await (await s.client.get(`${url}/sections/formation`)).text();
  assert.match(page, /Votre session avait expiré/);
  assert.match(page, /Texte tapé pendant une heure/);
  assert.match(page, /name="version" value="0"/);
  assert.equal((await s.client.post(`${url}/sections/formation`, { ...completeValues().training, summary: 'Texte tapé pendant une heure', version: '0' })).status, 303);
  assert.equal((await db.select().from(applicationPendingSaves)).length, 0);
  assert.doesNotMatch(await (await s.client.get(`${url}/sections/formation`)).text(), /Votre session avait expiré/);
  // An unknown application or section: plain redirect to the login page, nothing kept.
  const anon = s.t.client();
  await anon.get('/');
  const bogus = await anon.post(`${s.base}/00000000-0000-4000-8000-000000000000/sections/formation`, { summary: 'x', version: '0' });
  assert.equal(bogus.headers.get('location'), '/connexion');
  assert.equal((await db.select().from(applicationPendingSaves)).length, 0);
  await s.t.close();
});

test('enregistrement automatique (JSON) : version suivante, conflit 409 jamais écrasé, session expirée 401', async () => {
  const s = await setup({ now: () => new Date('2026-03-10T14:05:09Z') });
  const url = await createDraft(s);
  const auto = { 'x-autosave': '1', accept: 'application/json' };
  const ok = await s.client.post(`${url}/sections/formation`, { ...completeValues().training, version: '0' }, { headers: auto });
  assert.equal(ok.status, 200);
  assert.deepEqual(await ok.json(), { ok: true, version: 1, savedAt: '15:05', completed: true, errors: 0 });
  const withError = await s.client.post(`${url}/sections/duree-et-rythme`, { ...completeValues().duration, totalHours: '-3', version: '0' }, { headers: auto });
  assert.equal((await withError.json()).errors, 1);
  const stale = await s.client.post(`${url}/sections/formation`, { ...completeValues().training, summary: 'Ancienne version', version: '0' }, { headers: auto });
  assert.equal(stale.status, 409);
  const body = await stale.json();
  assert.equal(body.reason, 'conflict');
  assert.match(body.message, /Paula Porteuse a enregistré cette rubrique à 15:05/);
  const [row] = await s.t.deps.database.db.select().from(applicationSections).where(eq(applicationSections.sectionKey, 'training'));
  assert.notEqual(row!.values.summary, 'Ancienne version');
  await s.t.deps.database.db.delete(sessions).where(eq(sessions.userId, s.userId));
  const expired = await s.client.post(`${url}/sections/formation`, { ...completeValues().training, version: '1' }, { headers: auto });
  assert.equal(expired.status, 401);
  assert.equal((await expired.json()).reason, 'session');
  await s.t.close();
});

test('décision du comité visible par le porteur (labellisée avec lien vers le label, refusée) ; R8 lit la table des labels', async () => {
  const s = await setup();
  const db = s.t.deps.database.db;
  const { url, app } = await submitted(s);
  const { url: url2, app: app2 } = await submitted(s, 'Technicien réseaux');
  await findReview(db, app.id);
  const [meeting] = await db.insert(committeeMeetings).values({ callId: app.callId, cutoffId: app.cutoffId!, heldOn: '2026-12-01' }).returning();
  const [d1] = await db.insert(committeeDecisions).values({ meetingId: meeting!.id, applicationId: app.id, outcome: 'labelled', motivation: 'Projet solide, fort ancrage territorial.', decidedAt: new Date() }).returning();
  await db.insert(committeeDecisions).values({ meetingId: meeting!.id, applicationId: app2.id, outcome: 'rejected', motivation: 'Débouchés insuffisamment démontrés.', decidedAt: new Date() });
  await db.update(applicationReviews).set({ state: 'labelled' }).where(eq(applicationReviews.applicationId, app.id));
  await db.update(applicationReviews).set({ state: 'rejected' }).where(eq(applicationReviews.applicationId, app2.id));
  const [label] = await db.insert(labels).values({
    number: 'GEN-2026-0001', applicationId: app.id, organisationId: s.orgId, callId: app.callId, decisionId: d1!.id, trainingTitle: 'Développeur web', status: 'active',
    validFrom: '2026-01-01', validUntil: '2028-12-31', statusChangedAt: new Date(),
  }).returning();
  const labelled = await (await s.client.get(url)).text();
  assert.match(labelled, /Formation labellisée Grande École du Numérique/);
  assert.match(labelled, /Projet solide, fort ancrage territorial\./);
  assert.match(labelled, new RegExp(`href="/organisations/${s.orgId}/labels/${label!.id}"`));
  const rejected = await (await s.client.get(url2)).text();
  assert.match(rejected, /Candidature non retenue par le comité de labellisation/);
  assert.match(rejected, /Débouchés insuffisamment démontrés\./);
  // A new application for the same certification while the label runs: R8 not met.
  const again = await s.client.post(`${url}/renouveler`, { callId: s.callId, trainingTitle: 'Développeur web, nouvelle promotion' });
  assert.equal(again.status, 303);
  const summary = await (await s.client.get(`${again.headers.get('location')}/recapitulatif`)).text();
  assert.match(summary, /déjà labellisée \(label GEN-2026-0001/);
  // Once the label is withdrawn, the criterion is met again.
  await db.update(labels).set({ status: 'withdrawn' }).where(eq(labels.id, label!.id));
  const after = await (await s.client.get(`${again.headers.get('location')}/recapitulatif`)).text();
  assert.doesNotMatch(after, /déjà labellisée \(label/);
  assert.match(after, /Aucun label en cours pour cette formation .*GEN-2026-0001 terminé ou sans chevauchement/);
  await s.t.close();
});
