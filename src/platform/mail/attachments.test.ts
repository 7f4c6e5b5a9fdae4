import { test } from 'node:test';
import assert from 'node:assert/strict';
import { composeMail } from './mail.js';
import { attachmentsOf } from './mail.store.js';

test('pièces jointes : gardées par le courriel composé, relues telles quelles pour l’envoi SMTP', () => {
  const bytes = Buffer.from('%PDF-1.4 récépissé\n');
  const m = composeMail({ template: 'essai', to: 'a@exemple.fr', subject: 'Récépissé', paragraphs: ['Voici le récépissé.'], attachments: [{ fileName: 'recepisse.pdf', contentType: 'application/pdf', content: bytes }] });
  assert.equal(m.attachments?.length, 1);
  const stored = { attachments: m.attachments!.map((a) => ({ fileName: a.fileName, contentType: a.contentType, base64: a.content.toString('base64') })) };
  const sent = attachmentsOf(stored);
  assert.deepEqual(sent.map((a) => [a.filename, a.contentType]), [['recepisse.pdf', 'application/pdf']]);
  assert.ok(sent[0]!.content.equals(bytes));
  assert.equal(composeMail({ template: 'essai', to: 'a@exemple.fr', subject: 'x', paragraphs: [] }).attachments, undefined);
  assert.deepEqual(attachmentsOf({ attachments: [] }), []);
});
