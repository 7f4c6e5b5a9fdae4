import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { createTestApp, createUser, createOrganisation, type TestApp, type TestClient } from '../platform/testing/harness.js';
import { auditLog } from '../platform/audit/audit.schema.js';
import { mailOutbox } from '../platform/mail/mail.schema.js';
import { supportTickets, supportMessages } from '../support/support.schema.js';
import { sendContact, testClock } from '../support/support.testing.js';
import { inspections, inspectionFiles } from './inspections.schema.js';
import { createActiveLabel } from './inspections.testing.js';

const clock = testClock(new Date('2025-07-11T08:00:00Z'));
let t: TestApp;
let monitor: TestClient;
let instructor: TestClient;
let fixture: Awaited<ReturnType<typeof createActiveLabel>>;
let orgClient: TestClient;
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

before(async () => {
  t = await createTestApp({ now: clock.now });
  monitor = t.client();
  await monitor.loginAs((await createUser(t.deps, { staff: ['monitoring'], fullName: 'Samir Suivi' })).id);
  instructor = t.client();
  await instructor.loginAs((await createUser(t.deps, { staff: ['instructor'] })).id);
  fixture = await createActiveLabel(t.deps, { title: 'Technicien réseaux' });
  orgClient = t.client();
  await orgClient.loginAs(fixture.admin.id);
});
after(async () => { await t.close(); });

let ip = 20;
async function complain(over: Record<string, string> = {}) {
  const email = `plaignant${ip}@exemple.fr`;
  const client = t.client({ ip: `198.51.100.${ip++}` });
  const res = await sendContact(client, clock, { sujet: 'complaint', formation: `label:${fixture.label.id}`, objet: 'Cours annulés', message: 'Les cours ont été annulés sans prévenir.', email, nom: 'Nora Plaignante', ...over });
  assert.equal(res.status, 303);
  const [row] = await t.deps.database.db.select().from(supportTickets).where(eq(supportTickets.email, email));
  return row!;
}

const today = '2025-07-11';
const versionOf = async (id: string) => (await t.deps.database.db.select().from(inspections).where(eq(inspections.id, id)))[0]!.version;

test('réclamation → inspection : le bouton sur la demande, le formulaire prérempli, la note sur la demande, le courriel à l’organisme', async () => {
  const ticket = await complain();
  assert.equal(ticket.flaggedForMonitoring, true);
  const page = await (await monitor.get(`/gestion/support/${ticket.id}`)).text();
  assert.match(page, new RegExp(`href="/gestion/inspections/nouvelle\\?demande=${ticket.id}"`));
  const form = await (await monitor.get(`/gestion/inspections/nouvelle?demande=${ticket.id}`)).text();
  assert.match(form, new RegExp(`<option value="${fixture.label.id}" selected`));
  assert.match(form, new RegExp(`Réclamation ${ticket.number}`));

  const tooLate = await monitor.post('/gestion/inspections/nouvelle', { label: fixture.label.id, type: 'on_site', date: '2024-01-01', motif: 'Réclamation', demande: ticket.id });
  assert.equal(tooLate.status, 422);
  assert.match(await tooLate.text(), /plus d’un an après/);
  const missing = await monitor.post('/gestion/inspections/nouvelle', { label: fixture.label.id, date: '2025-07-20', motif: '', demande: ticket.id });
  assert.equal(missing.status, 422);
  const html = await missing.text();
  assert.match(html, /Indiquez si l’inspection a lieu sur site ou à distance/);
  assert.match(html, /Renseignez le motif de l’inspection/);
  assert.match(html, /value="2025-07-20"/, 'les valeurs saisies sont conservées');

  const ok = await monitor.post('/gestion/inspections/nouvelle', { label: fixture.label.id, type: 'on_site', date: '2025-07-24', motif: 'Réclamation de Nora Plaignante sur les cours annulés', demande: ticket.id });
  assert.equal(ok.status, 303);
  const [row] = await t.deps.database.db.select().from(inspections).where(eq(inspections.ticketId, ticket.id));
  assert.ok(row);
  assert.equal(row.status, 'planned');
  assert.equal(ok.headers.get('location'), `/gestion/inspections/${row.id}`);
  const [audit] = await t.deps.database.db.select().from(auditLog).where(and(eq(auditLog.objectId, row.id), eq(auditLog.action, 'inspection.planned')));
  assert.ok(audit, 'planification auditée');
  const notes = await t.deps.database.db.select().from(supportMessages).where(and(eq(supportMessages.ticketId, ticket.id), eq(supportMessages.kind, 'internal_note')));
  assert.match(notes.map((n) => n.body).join('\n'), /Inspection sur site planifiée le 24\/07\/2025/);
  const [mail] = await t.deps.database.db.select().from(mailOutbox).where(eq(mailOutbox.to, fixture.admin.email));
  assert.match(mail!.subject, /Inspection prévue le 24\/07\/2025/);
  assert.doesNotMatch(mail!.text, /Nora/, 'le motif (qui peut nommer la personne) ne part pas à l’organisme');

  // The organisation sees the date, not the reason, and not who complained (no consent).
  const orgPage = await (await orgClient.get(`/organisations/${fixture.org.id}/inspections`)).text();
  assert.match(orgPage, /24\/07\/2025/);
  assert.match(orgPage, /Planifiée/);
  assert.match(orgPage, new RegExp(ticket.number));
  assert.match(orgPage, /Anonyme/);
  assert.doesNotMatch(orgPage, /Nora|plaignant\d+@exemple\.fr|cours annulés/i);
});

test('le rapport : constats, documents vérifiés, conclusion ; une seule fois ; l’organisme voit la conclusion, pas les constats', async () => {
  const [row] = await t.deps.database.db.select().from(inspections).where(eq(inspections.labelId, fixture.label.id));
  const empty = new FormData();
  empty.append('version', String(row!.version));
  empty.append('constats', '');
  const bad = await monitor.postMultipart(`/gestion/inspections/${row!.id}/rapport`, empty);
  assert.equal(bad.status, 422);
  assert.match(await bad.text(), /Renseignez les constats/);

  const wrongFile = new FormData();
  wrongFile.append('version', String(row!.version));
  wrongFile.append('constats', 'Émargements complets.');
  wrongFile.append('conclusion', 'remarks');
  wrongFile.append('documents', new File([new TextEncoder().encode('#!/bin/sh\necho')], 'emargement.pdf'));
  const refused = await monitor.postMultipart(`/gestion/inspections/${row!.id}/rapport`, wrongFile);
  assert.equal(refused.status, 422);
  assert.match(await refused.text(), /emargement\.pdf : Le contenu du fichier n’est pas d’un type accepté/);

  const form = new FormData();
  form.append('version', String(row!.version));
  form.append('constats', 'Émargements complets. Le stage n’a pas été organisé pour deux apprenants (plainte de Nora).');
  form.append('conclusion', 'remarks');
  form.append('message', 'Organisez la période en entreprise avant la fin de la session.');
  form.append('documents', new File([PDF], 'emargements.pdf'));
  const res = await monitor.postMultipart(`/gestion/inspections/${row!.id}/rapport`, form);
  assert.equal(res.status, 303);
  const [after1] = await t.deps.database.db.select().from(inspections).where(eq(inspections.id, row!.id));
  assert.equal(after1!.status, 'reported');
  assert.equal(after1!.conclusion, 'remarks');
  const files = await t.deps.database.db.select().from(inspectionFiles).where(eq(inspectionFiles.inspectionId, row!.id));
  assert.equal(files.length, 1);
  assert.equal(files[0]!.detectedType, 'pdf');
  const dl = await monitor.get(`/gestion/inspections/${row!.id}/pieces/${files[0]!.id}`);
  assert.equal(dl.status, 200);
  assert.deepEqual(new Uint8Array(await dl.arrayBuffer()), PDF);
  assert.equal((await orgClient.get(`/gestion/inspections/${row!.id}/pieces/${files[0]!.id}`)).status, 403);

  const again = new FormData();
  again.append('version', String(after1!.version));
  again.append('constats', 'Autre');
  again.append('conclusion', 'compliant');
  const twice = await monitor.postMultipart(`/gestion/inspections/${row!.id}/rapport`, again);
  assert.equal(twice.status, 422);
  assert.match(await twice.text(), /déjà rendu/);

  const orgPage = await (await orgClient.get(`/organisations/${fixture.org.id}/inspections`)).text();
  assert.match(orgPage, /Conforme avec observations/);
  assert.match(orgPage, /Organisez la période en entreprise/);
  assert.doesNotMatch(orgPage, /Émargements complets|Nora/);
  const mails = await t.deps.database.db.select().from(mailOutbox).where(eq(mailOutbox.to, fixture.admin.email));
  assert.ok(mails.some((m) => /Conclusion de l’inspection du 24\/07\/2025 : Conforme avec observations/.test(m.subject)));
  const staffPage = await (await monitor.get(`/gestion/inspections/${row!.id}`)).text();
  assert.match(staffPage, /Émargements complets/);
  assert.match(staffPage, /Rapport enregistré/);
});

test('l’identité n’est montrée à l’organisme qu’avec l’accord de la personne', async () => {
  await complain({ nom: 'Paul Consent', partage_identite: 'oui' });
  const orgPage = await (await orgClient.get(`/organisations/${fixture.org.id}/inspections`)).text();
  assert.match(orgPage, /Paul Consent/);
});

test('annuler demande un motif ; un label retiré ne peut pas être inspecté ; une réclamation sur un autre label est refusée', async () => {
  const ok = await monitor.post('/gestion/inspections/nouvelle', { label: fixture.label.id, type: 'remote', date: '2025-09-01', motif: 'Contrôle par sondage' });
  assert.equal(ok.status, 303);
  const id = ok.headers.get('location')!.split('/').pop()!;
  const noReason = await monitor.post(`/gestion/inspections/${id}/annulation`, { motif_annulation: '', version: String(await versionOf(id)) });
  assert.equal(noReason.status, 422);
  assert.match(await noReason.text(), /Renseignez le motif de l’annulation/);
  assert.equal((await monitor.post(`/gestion/inspections/${id}/annulation`, { motif_annulation: 'Session reportée', version: String(await versionOf(id)) })).status, 303);
  const [row] = await t.deps.database.db.select().from(inspections).where(eq(inspections.id, id));
  assert.equal(row!.status, 'cancelled');

  const withdrawn = await createActiveLabel(t.deps, { status: 'withdrawn' });
  const refused = await monitor.post('/gestion/inspections/nouvelle', { label: withdrawn.label.id, type: 'remote', date: today, motif: 'Contrôle' });
  assert.equal(refused.status, 422);
  assert.match(await refused.text(), /en vigueur ou suspendu/);

  const other = await createActiveLabel(t.deps);
  const ticket = await complain();
  const mismatch = await monitor.post('/gestion/inspections/nouvelle', { label: other.label.id, type: 'remote', date: today, motif: 'Contrôle', demande: ticket.id });
  assert.equal(mismatch.status, 422);
  assert.match(await mismatch.text(), /porte sur une autre formation/);
});

test('accès : instructeur refusé, autre organisme 404, identifiant mal formé 404, liste filtrée par label', async () => {
  assert.equal((await instructor.get('/gestion/inspections')).status, 403);
  const stranger = t.client();
  const u = await createUser(t.deps);
  await createOrganisation(t.deps, { admins: [u.id] });
  await stranger.loginAs(u.id);
  assert.equal((await stranger.get(`/organisations/${fixture.org.id}/inspections`)).status, 404);
  assert.equal((await monitor.get('/gestion/inspections/pas-un-id')).status, 404);
  const list = await (await monitor.get(`/gestion/inspections?label=${fixture.label.id}`)).text();
  assert.match(list, new RegExp(`Inspections du label ${fixture.label.number}`));
  assert.match(list, /2 inspections/);
});

test('le bloc « réclamations et inspections » de la page d’un label : pour le suivi-évaluation et les administrateurs seulement', async () => {
  const { loadLabelSupervision, LabelSupervisionBlock } = await import('./label-supervision.js');
  assert.equal(await loadLabelSupervision(t.deps.database.db, fixture.label.id, ['instructor', 'committee']), null);
  const data = await loadLabelSupervision(t.deps.database.db, fixture.label.id, ['monitoring']);
  assert.ok(data);
  assert.ok(data.complaints.length >= 2);
  const html = String(await LabelSupervisionBlock(data).toString());
  assert.match(html, new RegExp(`href="/gestion/support/${data.complaints[0]!.id}"`));
  assert.match(html, /Ouvrir une inspection/);
  assert.match(html, /Inspection du 24\/07\/2025/);
  assert.match(html, /Conforme avec observations/);
});

test('la page du label montre réclamations et inspections au suivi-évaluation, pas à l’instruction', async () => {
  const res = await monitor.get(`/gestion/labels/${fixture.label.id}`);
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.match(html, /<h2 id="reclamations-titre">Réclamations<\/h2>/);
  assert.match(html, /Ouvrir une inspection/);
  assert.match(html, /Inspection du 24\/07\/2025/);
  const other = await instructor.get(`/gestion/labels/${fixture.label.id}`);
  assert.equal(other.status, 200);
  const otherHtml = await other.text();
  assert.doesNotMatch(otherHtml, /reclamations-titre|Ouvrir une inspection|plaignant/);
});
