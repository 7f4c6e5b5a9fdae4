import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { createTestApp, createUser, type TestApp, type TestClient } from '../platform/testing/harness.js';
import { auditLog } from '../platform/audit/audit.schema.js';
import { supportTickets, supportMessages, supportAttachments } from './support.schema.js';
import { lastMailTo, sendContact, testClock, tokenIn } from './support.testing.js';
import { INBOUND_PATH } from './inbound.routes.js';

const SECRET = 'secret-du-canal-entrant-0123456789';
const clock = testClock();
let t: TestApp;
let admin: TestClient;
before(async () => {
  t = await createTestApp({ now: clock.now, env: { INBOUND_MAIL_SECRET: SECRET } });
  admin = t.client();
  await admin.loginAs((await createUser(t.deps, { staff: ['admin'], fullName: 'Alex Admin' })).id);
});
after(async () => { await t.close(); });

function deliver(raw: Uint8Array | string, secret = SECRET) {
  return t.app.request(INBOUND_PATH, { method: 'POST', body: typeof raw === 'string' ? raw : new Blob([new Uint8Array(raw)]), headers: { authorization: `Bearer ${secret}`, 'content-type': 'message/rfc822' } });
}

async function compose(o: ConstructorParameters<typeof MailComposer>[0]): Promise<Buffer> {
  return new MailComposer(o).compile().build();
}

let n = 0;
/** A ticket answered by staff, now waiting for the requester. */
async function waitingTicket() {
  const email = `lecteur${++n}@exemple.fr`;
  const client = t.client({ ip: `192.0.2.${100 + n}` });
  assert.equal((await sendContact(client, clock, { email, objet: 'Accès refusé', sujet: 'technical' })).status, 303);
  const [row] = await t.deps.database.db.select().from(supportTickets).where(eq(supportTickets.email, email));
  const res = await admin.post(`/gestion/support/${row!.id}/repondre`, { reponse: 'Pouvez-vous nous envoyer une capture ?', apres: 'await_requester', version: String(row!.version) });
  assert.equal(res.status, 303);
  const mail = (await lastMailTo(t, email))!;
  return { ticket: row!, email, mail, token: tokenIn(mail.text) };
}

test('sans secret configuré le canal n’existe pas ; un mauvais secret est refusé', async () => {
  const off = await createTestApp();
  try {
    const res = await off.app.request(INBOUND_PATH, { method: 'POST', body: 'From: a@b.fr\r\n\r\nx', headers: { authorization: `Bearer ${SECRET}` } });
    assert.equal(res.status, 404);
  } finally { await off.close(); }
  assert.equal((await deliver('From: a@b.fr\r\n\r\nx', 'mauvais-secret-mauvais-secret-000')).status, 401);
  assert.equal((await t.app.request(INBOUND_PATH, { method: 'POST', body: 'x' })).status, 401);
});

test('la réponse au courriel revient dans la demande : texte sans l’historique, pièce jointe vérifiée, demande rouverte, une seule fois', async () => {
  const { ticket, email, mail, token } = await waitingTicket();
  assert.match(mail.text, new RegExp(`répondre directement à ce courriel, depuis l’adresse ${email}, en gardant le numéro ${ticket.number}`));
  const raw = await compose({
    from: `Lecteur <${email.toUpperCase()}>`, to: 'support@label-gen.fr', subject: `Re: ${mail.subject}`, messageId: '<rep-1@exemple.fr>',
    text: `Voici la capture demandée.\n\nLe ven. 11 juil. 2025 à 10:00, Label GEN <ne-pas-repondre@label-gen.fr> a écrit :\n> ${mail.text.split('\n').join('\n> ')}`,
    attachments: [{ filename: 'capture.png', content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]) }],
  });
  const res = await deliver(new Uint8Array(raw));
  assert.equal(res.status, 201);
  assert.deepEqual(await res.json(), { status: 'imported', ticket: ticket.number, attachments: 1 });
  const messages = await t.deps.database.db.select().from(supportMessages).where(and(eq(supportMessages.ticketId, ticket.id), eq(supportMessages.channel, 'email')));
  assert.equal(messages.length, 1);
  assert.equal(messages[0]!.body, 'Voici la capture demandée.');
  assert.equal(messages[0]!.externalId, 'rep-1@exemple.fr');
  const files = await t.deps.database.db.select().from(supportAttachments).where(eq(supportAttachments.messageId, messages[0]!.id));
  assert.equal(files.length, 1);
  assert.equal(files[0]!.detectedType, 'png');
  const [row] = await t.deps.database.db.select().from(supportTickets).where(eq(supportTickets.id, ticket.id));
  assert.equal(row!.status, 'open', 'en attente → en cours');
  const [audit] = await t.deps.database.db.select().from(auditLog).where(and(eq(auditLog.objectId, ticket.id), eq(auditLog.action, 'support.requester_replied')));
  assert.equal((audit!.after as { channel: string }).channel, 'email');
  const page = await (await admin.get(`/gestion/support/${ticket.id}`)).text();
  assert.match(page, /reçu par courriel/);
  assert.match(await (await t.client().get(`/demande/${token}`)).text(), /Voici la capture demandée\./);

  const again = await deliver(new Uint8Array(raw));
  assert.equal(again.status, 200);
  assert.equal((await again.json()).reason, 'duplicate');
});

test('référence par l’adresse « + », expéditeur vérifié, pièce jointe refusée notée, demande clôturée ignorée', async () => {
  const { ticket, email } = await waitingTicket();
  const plus = await compose({ from: email, to: `support+${ticket.number}@label-gen.fr`, subject: 'Sans numéro', messageId: '<rep-2@exemple.fr>', text: 'Toujours bloqué.',
    attachments: [{ filename: 'script.pdf', content: Buffer.from('#!/bin/sh\nrm -rf /') }] });
  const res = await deliver(new Uint8Array(plus));
  assert.equal(res.status, 201);
  const [m] = await t.deps.database.db.select().from(supportMessages).where(eq(supportMessages.externalId, 'rep-2@exemple.fr'));
  assert.match(m!.body, /^Toujours bloqué\.\n\n\[Pièce jointe non ajoutée : script\.pdf : le contenu du fichier n’est pas un PDF, PNG ou JPEG/);

  const spoof = await compose({ from: 'intrus@exemple.fr', to: 'support@label-gen.fr', subject: `Re: ${ticket.number}`, messageId: '<rep-3@exemple.fr>', text: 'Je me fais passer pour lui.' });
  const refused = await deliver(new Uint8Array(spoof));
  assert.equal(refused.status, 200);
  assert.deepEqual(await refused.json(), { status: 'ignored', reason: 'sender_mismatch', message: 'L’expéditeur n’est pas l’auteur de la demande.' });

  const unknown = await compose({ from: email, to: 'support@label-gen.fr', subject: 'Re: GEN-T-1999-00001', text: 'x' });
  assert.equal((await (await deliver(new Uint8Array(unknown))).json()).reason, 'unknown_ticket');
  const none = await compose({ from: email, to: 'support@label-gen.fr', subject: 'Bonjour', text: 'x' });
  assert.equal((await (await deliver(new Uint8Array(none))).json()).reason, 'no_reference');

  const [row] = await t.deps.database.db.select().from(supportTickets).where(eq(supportTickets.id, ticket.id));
  assert.equal((await admin.post(`/gestion/support/${ticket.id}/statut`, { evenement: 'close', version: String(row!.version) })).status, 303);
  const late = await compose({ from: email, to: 'support@label-gen.fr', subject: `Re: ${ticket.number}`, messageId: '<rep-4@exemple.fr>', text: 'Encore moi' });
  assert.equal((await (await deliver(new Uint8Array(late))).json()).reason, 'closed');
  assert.equal(await (await deliver('pas un courriel')).status, 400);
});
