import { test } from 'node:test';
import assert from 'node:assert/strict';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { decodeWords, extractReply, parseMessage, ticketReference } from './inbound-mail.js';

/** A message built by nodemailer's own MIME composer (what a real mail server relays). */
async function compose(o: ConstructorParameters<typeof MailComposer>[0]): Promise<Buffer> {
  return new MailComposer(o).compile().build();
}

test('un message multipart (texte + HTML) en UTF-8 quoted-printable, objet encodé, pièce jointe PDF', async () => {
  const raw = await compose({
    from: '"Camille Dupré" <Camille.Dupre@Exemple.fr>',
    to: 'support+GEN-T-2025-00012@label-gen.fr',
    subject: 'Re: Réponse à votre demande GEN-T-2025-00012',
    messageId: '<abc123@exemple.fr>',
    text: 'Bonjour,\n\nMerci, j’ai bien reçu l’attestation. Voici la pièce demandée.\n\nLe ven. 11 juil. 2025 à 10:00, Label GEN <ne-pas-repondre@label-gen.fr> a écrit :\n> Bonjour,\n> Pouvez-vous nous envoyer votre attestation ?',
    html: '<p>Bonjour,</p><p>Merci, j’ai bien reçu l’attestation.</p>',
    attachments: [{ filename: 'attestation d’entrée.pdf', content: Buffer.from('%PDF-1.4\n%%EOF\n'), contentType: 'application/pdf' }],
  });
  const m = parseMessage(new Uint8Array(raw));
  assert.deepEqual(m.from, { address: 'camille.dupre@exemple.fr', name: 'Camille Dupré' });
  assert.deepEqual(m.to, ['support+gen-t-2025-00012@label-gen.fr']);
  assert.equal(m.subject, 'Re: Réponse à votre demande GEN-T-2025-00012');
  assert.equal(m.messageId, 'abc123@exemple.fr');
  assert.match(m.text, /Merci, j’ai bien reçu l’attestation\./);
  assert.equal(m.attachments.length, 1);
  assert.equal(m.attachments[0]!.fileName, 'attestation d’entrée.pdf');
  assert.equal(m.attachments[0]!.contentType, 'application/pdf');
  assert.equal(Buffer.from(m.attachments[0]!.bytes).toString(), '%PDF-1.4\n%%EOF\n');
  assert.equal(ticketReference(m), 'GEN-T-2025-00012');
  assert.equal(extractReply(m.text), 'Bonjour,\n\nMerci, j’ai bien reçu l’attestation. Voici la pièce demandée.');
});

test('un message Outlook : texte en Windows-1252 base64, historique « De : »', () => {
  const body = Buffer.from('Bonjour,\r\nLa session a été annulée le 3 février.\r\n\r\nDe : Label GEN <ne-pas-repondre@label-gen.fr>\r\nEnvoyé : vendredi 11 juillet 2025 10:00\r\nObjet : Réponse à votre demande GEN-T-2025-00007\r\n', 'latin1');
  const raw = [
    'From: =?iso-8859-1?Q?J=E9r=F4me_Lef=E8vre?= <jerome@exemple.fr>',
    'To: "Label GEN" <support@label-gen.fr>',
    'Subject: =?iso-8859-1?Q?RE=A0:_R=E9ponse_=E0_votre_demande?=',
    ' =?iso-8859-1?Q?_GEN-T-2025-00007?=',
    'Message-ID: <DB9P@outlook.com>',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset="Windows-1252"',
    'Content-Transfer-Encoding: base64',
    '',
    body.toString('base64').replace(/(.{76})/g, '$1\r\n'),
    '',
  ].join('\r\n');
  const m = parseMessage(new Uint8Array(Buffer.from(raw, 'latin1')));
  assert.deepEqual(m.from, { address: 'jerome@exemple.fr', name: 'Jérôme Lefèvre' });
  assert.equal(m.subject, 'RE\u00a0: Réponse à votre demande GEN-T-2025-00007');
  assert.equal(ticketReference(m), 'GEN-T-2025-00007');
  assert.equal(extractReply(m.text), 'Bonjour,\nLa session a été annulée le 3 février.');
});

test('un message seulement HTML en ISO-8859-1 quoted-printable : le texte est extrait', () => {
  const raw = [
    'From: anne@exemple.fr',
    'To: support@label-gen.fr',
    'Subject: Re: Votre demande GEN-T-2026-00101 est résolue',
    'Content-Type: text/html; charset=ISO-8859-1',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    '<html><head><style>p{color:red}</style></head><body><p>Ce n=92est pas r=E9solu&nbsp;: le lien ne marche toujours pas.</p>',
    '<blockquote>Ancien message</blockquote></body></html>',
  ].join('\r\n');
  const m = parseMessage(raw);
  assert.deepEqual(m.from, { address: 'anne@exemple.fr', name: '' });
  assert.match(m.text, /Ce n.est pas résolu : le lien ne marche toujours pas\./);
  assert.doesNotMatch(m.text, /color:red/);
  assert.equal(ticketReference(m), 'GEN-T-2026-00101');
});

test('noms de fichiers RFC 2231, mots encodés adjacents, pas de référence', () => {
  const raw = [
    'From: a@b.fr', 'To: support@label-gen.fr', 'Subject: Bonjour', 'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="XYZ"', '', 'préambule ignoré',
    '--XYZ', 'Content-Type: text/plain; charset=utf-8', '', 'Texte', '',
    '--XYZ', 'Content-Type: image/png', 'Content-Disposition: attachment;', " filename*=utf-8''photo%20%C3%A9t%C3%A9.png", 'Content-Transfer-Encoding: base64', '',
    Buffer.from([0x89, 0x50, 0x4e, 0x47]).toString('base64'),
    '--XYZ--', 'épilogue ignoré',
  ].join('\r\n');
  const m = parseMessage(raw);
  assert.equal(m.text.trim(), 'Texte');
  assert.equal(m.attachments[0]!.fileName, 'photo été.png');
  assert.deepEqual([...m.attachments[0]!.bytes], [0x89, 0x50, 0x4e, 0x47]);
  assert.equal(ticketReference(m), null);
  assert.equal(decodeWords('=?UTF-8?B?w6k=?= =?UTF-8?B?dMOp?='), 'été');
});

test('la réponse s’arrête à l’historique cité, à la signature, ou à « On … wrote: »', () => {
  assert.equal(extractReply('Merci !\n\n-- \nCamille\n06 00 00 00 00'), 'Merci !');
  assert.equal(extractReply('Thanks\nOn Fri, Jul 11, 2025 at 10:00 AM Label GEN <x@y.fr> wrote:\n> old'), 'Thanks');
  assert.equal(extractReply('Oui\n\nLe ven. 11 juil. 2025 à 10:00, Label GEN <ne-pas-repondre@label-gen.fr>\na écrit :\n> old'), 'Oui');
  assert.equal(extractReply('> seulement une citation'), '');
});
