import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { createTestApp, createUser, type TestApp, type TestClient } from '../platform/testing/harness.js';
import { auditLog } from '../platform/audit/audit.schema.js';
import { supportTickets } from './support.schema.js';
import { lastMailTo, sendContact, testClock, tokenIn } from './support.testing.js';

const clock = testClock();
let t: TestApp;
const staffClients: Record<string, TestClient> = {};
before(async () => {
  t = await createTestApp({ now: clock.now });
  for (const role of ['admin', 'instructor', 'monitoring', 'committee'] as const) {
    const u = await createUser(t.deps, { staff: [role], fullName: `Agent ${role}` });
    staffClients[role] = t.client();
    await staffClients[role]!.loginAs(u.id);
  }
});
after(async () => { await t.close(); });

let ip = 10;
let closedLink: { client: TestClient; token: string } | null = null;
/** Writes in as a requester; returns the ticket row and the private token. */
async function writeIn(over: Record<string, string>) {
  const email = over.email ?? `demandeur${ip}@exemple.fr`;
  const client = t.client({ ip: `203.0.113.${ip++}` });
  const res = await sendContact(client, clock, { ...over, email });
  assert.equal(res.status, 303);
  const token = tokenIn((await lastMailTo(t, email))!.text);
  const [row] = await t.deps.database.db.select().from(supportTickets).where(eq(supportTickets.email, email));
  return { ticket: row!, token, client, email };
}

const versionOf = async (id: string) => (await t.deps.database.db.select().from(supportTickets).where(eq(supportTickets.id, id)))[0]!.version;

test('le lien privé montre la demande ; un jeton inconnu ou mal formé répond 404', async () => {
  const { token, client } = await writeIn({ objet: 'Suivi sans compte' });
  const page = await client.get(`/demande/${token}`);
  assert.equal(page.status, 200);
  assert.match(await page.text(), /Suivi sans compte/);
  assert.equal((await t.client().get(`/demande/${'x'.repeat(43)}`)).status, 404);
  assert.equal((await t.client().get('/demande/abc')).status, 404);
  assert.equal((await t.client().post(`/demande/${'y'.repeat(43)}/repondre`, { message: 'intrus' })).status, 404);
});

test('le circuit complet : note interne invisible, réponse par courriel, réponse du demandeur, clôture et satisfaction', async () => {
  const { ticket, token, client, email } = await writeIn({ objet: 'Circuit complet', sujet: 'technical' });
  const admin = staffClients.admin!;
  assert.equal((await admin.post(`/gestion/support/${ticket.id}/note`, { note: 'SECRET : vérifier le compte' })).status, 303);
  const reply = await admin.post(`/gestion/support/${ticket.id}/repondre`, { reponse: 'Voici la solution.', apres: 'await_requester', version: String(await versionOf(ticket.id)) });
  assert.equal(reply.status, 303);
  const mail = (await lastMailTo(t, email))!;
  assert.match(mail.subject, /Réponse à votre demande GEN-T-/);
  assert.match(mail.text, /Voici la solution\./);
  assert.doesNotMatch(mail.text, /SECRET/);
  const secondToken = tokenIn(mail.text);
  assert.notEqual(secondToken, token);
  for (const tk of [token, secondToken]) {
    const html = await (await client.get(`/demande/${tk}`)).text();
    assert.match(html, /Voici la solution\./);
    assert.doesNotMatch(html, /SECRET/, 'la note interne n’apparaît jamais par le lien privé');
    assert.match(html, /En attente du demandeur/);
  }
  assert.equal((await client.post(`/demande/${token}/repondre`, { message: 'Merci, cela fonctionne.' })).status, 303);
  const staffPage = await (await admin.get(`/gestion/support/${ticket.id}`)).text();
  assert.match(staffPage, /Merci, cela fonctionne\./);
  assert.match(staffPage, /SECRET/);
  assert.match(staffPage, /En cours/);
  assert.equal((await admin.post(`/gestion/support/${ticket.id}/statut`, { evenement: 'resolve', version: String(await versionOf(ticket.id)) })).status, 303);
  assert.equal((await admin.post(`/gestion/support/${ticket.id}/statut`, { evenement: 'close', version: String(await versionOf(ticket.id)) })).status, 303);
  const closing = (await lastMailTo(t, email))!;
  assert.match(closing.subject, /clôturée : votre avis nous intéresse/);
  const closedPage = await (await client.get(`/demande/${token}`)).text();
  assert.match(closedPage, /Êtes-vous satisfait/);
  assert.equal((await client.post(`/demande/${token}/avis`, { note: '4', commentaire: 'Rapide' })).status, 303);
  assert.equal((await client.post(`/demande/${token}/avis`, { note: '1' })).status, 422, 'un seul avis');
  assert.equal((await client.post(`/demande/${token}/repondre`, { message: 'Encore moi' })).status, 422);
  const audits = await t.deps.database.db.select().from(auditLog).where(and(eq(auditLog.objectId, ticket.id), eq(auditLog.action, 'support.status_changed')));
  assert.deepEqual(audits.map((a) => `${(a.before as { status: string }).status}→${(a.after as { status: string }).status}`), ['new→waiting', 'waiting→open', 'open→resolved', 'resolved→closed']);
  closedLink = { client, token };
});

test('une action sur une version périmée est refusée sans rien changer', async () => {
  const { ticket } = await writeIn({ objet: 'Concurrence' });
  const res = await staffClients.admin!.post(`/gestion/support/${ticket.id}/statut`, { evenement: 'take', version: '99' });
  assert.equal(res.status, 422);
  assert.match(await res.text(), /modifiée entre-temps/);
});

test('chaque rôle ne voit que les sujets qu’il traite', async () => {
  const complaint = (await writeIn({ sujet: 'complaint', objet: 'Réclamation X', formation_libre: 'Dev web — OF Lille' })).ticket;
  const privacy = (await writeIn({ sujet: 'data_protection', objet: 'RGPD Y' })).ticket;
  const applying = (await writeIn({ sujet: 'applying', objet: 'Candidature Z' })).ticket;
  const can = async (role: string, id: string) => (await staffClients[role]!.get(`/gestion/support/${id}`)).status;
  assert.deepEqual([await can('admin', complaint.id), await can('monitoring', complaint.id), await can('instructor', complaint.id)], [200, 200, 404]);
  assert.deepEqual([await can('admin', privacy.id), await can('monitoring', privacy.id), await can('instructor', privacy.id)], [200, 404, 404]);
  assert.deepEqual([await can('admin', applying.id), await can('monitoring', applying.id), await can('instructor', applying.id)], [200, 404, 200]);
  assert.equal((await staffClients.committee!.get('/gestion/support')).status, 403);
  assert.equal((await t.client().get('/gestion/support')).status, 303);
  const inbox = await (await staffClients.monitoring!.get('/gestion/support?statut=toutes')).text();
  assert.match(inbox, /Réclamation X/);
  assert.doesNotMatch(inbox, /RGPD Y|Candidature Z/);
  assert.equal((await staffClients.instructor!.post(`/gestion/support/${complaint.id}/note`, { note: 'x' })).status, 404);
});

test('la recherche et les filtres de la boîte de réception', async () => {
  await writeIn({ objet: 'Problème de téléversement', message: 'Le fichier xlsx est refusé' });
  const admin = staffClients.admin!;
  assert.match(await (await admin.get('/gestion/support?q=televersement')).text(), /Problème de téléversement/);
  assert.match(await (await admin.get('/gestion/support?q=xlsx')).text(), /Problème de téléversement/);
  assert.doesNotMatch(await (await admin.get('/gestion/support?q=introuvable-zzz')).text(), /Problème de téléversement/);
  assert.match(await (await admin.get('/gestion/support?responsable=personne&priorite=normal')).text(), /Problème de téléversement/);
});

test('fusionner un doublon déplace ses messages et clôt la demande fusionnée', async () => {
  const a = await writeIn({ objet: 'Original', message: 'Premier message' });
  const b = await writeIn({ objet: 'Doublon', message: 'Second message' });
  const admin = staffClients.admin!;
  const res = await admin.post(`/gestion/support/${b.ticket.id}/fusion`, { cible: a.ticket.number, version: String(await versionOf(b.ticket.id)) });
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), `/gestion/support/${a.ticket.id}`);
  const kept = await (await admin.get(`/gestion/support/${a.ticket.id}`)).text();
  assert.match(kept, /Second message/);
  assert.match(kept, new RegExp(`venant de la demande ${b.ticket.number}`));
  const [dup] = await t.deps.database.db.select().from(supportTickets).where(eq(supportTickets.id, b.ticket.id));
  assert.equal(dup!.status, 'closed');
  assert.equal(dup!.mergedIntoId, a.ticket.id);
  assert.match(await (await b.client.get(`/demande/${b.token}`)).text(), /Original/, 'l’ancien lien ouvre la demande conservée');
  const self = await admin.post(`/gestion/support/${a.ticket.id}/fusion`, { cible: a.ticket.number, version: String(await versionOf(a.ticket.id)) });
  assert.equal(self.status, 422);
});

test('réponses types : créées par l’équipe puis insérées dans la réponse', async () => {
  const admin = staffClients.admin!;
  assert.equal((await admin.post('/gestion/support/reponses-types', { titre: 'Bonjour type', contenu: 'Texte de la réponse type' })).status, 303);
  const list = await (await admin.get('/gestion/support/reponses-types')).text();
  const id = /action="\/gestion\/support\/reponses-types\/([0-9a-f-]{36})"/.exec(list)![1]!;
  const { ticket } = await writeIn({ objet: 'Avec macro' });
  const page = await (await admin.get(`/gestion/support/${ticket.id}?macro=${id}`)).text();
  assert.match(page, /Texte de la réponse type<\/textarea>/);
});

test('le lien privé expire 30 jours après la clôture (dernier test : il avance l’horloge)', async () => {
  assert.ok(closedLink);
  clock.advance(29 * 86_400);
  assert.equal((await closedLink.client.get(`/demande/${closedLink.token}`)).status, 200);
  clock.advance(2 * 86_400);
  assert.equal((await closedLink.client.get(`/demande/${closedLink.token}`)).status, 404);
});
