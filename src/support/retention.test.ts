import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { createTestApp, createUser, type TestApp, type TestClient } from '../platform/testing/harness.js';
import { auditLog } from '../platform/audit/audit.schema.js';
import { fileServices } from '../platform/files/files.js';
import { supportTickets, supportMessages, supportAttachments, supportLinks } from './support.schema.js';
import { lastMailTo, openContactForm, contactFields, testClock, tokenIn } from './support.testing.js';
import { retentionCutoff, ERASED } from './commands/retention.js';

const clock = testClock(new Date('2025-03-10T09:00:00Z'));
let t: TestApp;
let admin: TestClient;
let adminId: string;
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89]);

before(async () => {
  t = await createTestApp({ now: clock.now, env: { SUPPORT_RETENTION_MONTHS: '12' } });
  admin = t.client();
  adminId = (await createUser(t.deps, { staff: ['admin'] })).id;
  await admin.loginAs(adminId);
});
after(async () => { await t.close(); });

test('la date limite recule de N mois civils (fin de mois comprise)', () => {
  assert.equal(retentionCutoff(new Date('2025-03-31T10:00:00Z'), 1).toISOString(), '2025-02-28T10:00:00.000Z');
  assert.equal(retentionCutoff(new Date('2024-02-29T10:00:00Z'), 12).toISOString(), '2023-02-28T10:00:00.000Z');
  assert.equal(retentionCutoff(new Date('2025-03-10T09:00:00Z'), 24).toISOString(), '2023-03-10T09:00:00.000Z');
});

async function writeIn(email: string, withFile: boolean) {
  const client = t.client({ ip: `203.0.113.${Math.floor(Math.random() * 200) + 1}` });
  const stamp = await openContactForm(client, 'learner', 'technical');
  clock.advance(30);
  const form = new FormData();
  for (const [k, v] of Object.entries(contactFields(stamp, { sujet: 'technical', email, nom: 'Lina Personne', objet: 'Mon adresse 12 rue X', message: 'Je suis Lina, né le 1/1/1990' }))) form.append(k, v);
  if (withFile) form.append('pieces', new File([PNG], 'capture.png'));
  assert.equal((await client.postMultipart('/contact', form)).status, 303);
  const [row] = await t.deps.database.db.select().from(supportTickets).where(eq(supportTickets.email, email));
  return { ticket: row!, token: tokenIn((await lastMailTo(t, email))!.text) };
}

const version = async (id: string) => String((await t.deps.database.db.select().from(supportTickets).where(eq(supportTickets.id, id)))[0]!.version);

test('au-delà de la durée de conservation, une demande clôturée perd ses données personnelles ; les chiffres restent ; le travail est idempotent', async () => {
  const old = await writeIn('lina@exemple.fr', true);
  const keep = await writeIn('encore@exemple.fr', false);
  assert.equal((await admin.post(`/gestion/support/${old.ticket.id}/repondre`, { reponse: 'Bonjour Lina, voici.', apres: 'resolve', version: await version(old.ticket.id) })).status, 303);
  assert.equal((await admin.post(`/gestion/support/${old.ticket.id}/statut`, { evenement: 'close', version: await version(old.ticket.id) })).status, 303);
  assert.equal((await t.client().post(`/demande/${old.token}/avis`, { note: '4', commentaire: 'Merci Lina' })).status, 303);
  const [file] = await t.deps.database.db.select().from(supportAttachments).where(eq(supportAttachments.ticketId, old.ticket.id));
  assert.ok(file);
  const storage = fileServices(t.deps).storage;
  assert.ok(await storage.get(file.storageKey));

  clock.advance(200 * 86_400);
  await admin.loginAs(adminId);
  // The other ticket closes much later: it stays.
  assert.equal((await admin.post(`/gestion/support/${keep.ticket.id}/statut`, { evenement: 'close', version: await version(keep.ticket.id) })).status, 303);
  await t.jobs.send('support.retention', {});
  assert.equal((await t.deps.database.db.select().from(supportTickets).where(eq(supportTickets.id, old.ticket.id)))[0]!.anonymisedAt, null, 'pas encore 12 mois');

  clock.advance(170 * 86_400);
  await t.jobs.send('support.retention', {});
  const [row] = await t.deps.database.db.select().from(supportTickets).where(eq(supportTickets.id, old.ticket.id));
  assert.ok(row!.anonymisedAt);
  assert.equal(row!.email, '');
  assert.equal(row!.requesterName, '');
  assert.equal(row!.subject, `Demande ${row!.number} (anonymisée)`);
  assert.equal(row!.satisfactionComment, null);
  assert.equal(row!.satisfaction, 4, 'la note reste pour les chiffres');
  assert.equal(row!.topic, 'technical');
  assert.ok(row!.firstAnsweredAt && row!.closedAt, 'les dates restent pour les délais');
  const messages = await t.deps.database.db.select().from(supportMessages).where(eq(supportMessages.ticketId, old.ticket.id));
  assert.ok(messages.length >= 2);
  assert.ok(messages.every((m) => m.body === ERASED));
  assert.ok(messages.every((m) => !/Lina/.test(m.authorLabel)));
  assert.equal((await t.deps.database.db.select().from(supportAttachments).where(eq(supportAttachments.ticketId, old.ticket.id))).length, 0);
  assert.equal(await storage.get(file.storageKey), null, 'le fichier est supprimé du stockage');
  assert.equal((await t.deps.database.db.select().from(supportLinks).where(eq(supportLinks.ticketId, old.ticket.id))).length, 0);
  assert.equal((await t.client().get(`/demande/${old.token}`)).status, 404);
  await admin.loginAs(adminId);
  const staffRes = await admin.get(`/gestion/support/${old.ticket.id}`);
  assert.equal(staffRes.status, 200);
  const staffPage = await staffRes.text();
  assert.match(staffPage, /données personnelles effacées le/);
  assert.doesNotMatch(staffPage, /Lina|lina@exemple\.fr|12 rue X/);

  const [kept] = await t.deps.database.db.select().from(supportTickets).where(eq(supportTickets.id, keep.ticket.id));
  assert.equal(kept!.status, 'closed');
  assert.equal(kept!.anonymisedAt, null);
  assert.equal(kept!.email, 'encore@exemple.fr');

  await t.jobs.send('support.retention', {});
  const audits = await t.deps.database.db.select().from(auditLog).where(and(eq(auditLog.objectId, old.ticket.id), eq(auditLog.action, 'support.anonymised')));
  assert.equal(audits.length, 1, 'une seule anonymisation, même si le travail repasse');
});
