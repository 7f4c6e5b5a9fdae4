import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sniffType, zipEntries } from './sniff.js';
import { SAMPLES } from './files.fixtures.js';
import { inspectUpload, cleanFileName } from './upload.js';

test('le type est reconnu d’après le contenu pour chaque format accepté', () => {
  for (const t of ['pdf', 'png', 'jpeg', 'odt', 'ods', 'docx', 'xlsx'] as const) assert.equal(sniffType(SAMPLES[t]), t, t);
});

test('un exécutable renommé en .pdf est refusé, même s’il contient « %PDF- » plus loin', () => {
  assert.equal(sniffType(SAMPLES.exe), null);
  const r = inspectUpload(SAMPLES.exe, 'budget.pdf', 1024 * 1024);
  assert.equal(r.ok, false);
  assert.match((r as { message: string }).message, /pas d’un type accepté/);
});

test('une archive zip quelconque ou un faux document Office est refusé', () => {
  assert.equal(sniffType(SAMPLES.plainZip), null);
  assert.equal(sniffType(SAMPLES.fakeOffice), null);
  assert.equal(sniffType(Buffer.from('PK\u0003\u0004tronqué')), null);
});

test('les entrées d’une archive sont lues dans le répertoire central', () => {
  assert.deepEqual(zipEntries(SAMPLES.docx)?.map((e) => e.name), ['[Content_Types].xml', 'word/document.xml']);
});

test('un fichier vide est refusé', () => {
  const r = inspectUpload(new Uint8Array(0), 'vide.pdf', 1000);
  assert.deepEqual(r, { ok: false, message: 'Le fichier est vide. Choisissez un autre fichier.' });
});

test('la taille maximale est une borne incluse', () => {
  const n = SAMPLES.pdf.length;
  assert.equal(inspectUpload(SAMPLES.pdf, 'a.pdf', n).ok, true);
  const r = inspectUpload(SAMPLES.pdf, 'a.pdf', n - 1);
  assert.equal(r.ok, false);
  assert.match((r as { message: string }).message, /dépasse la taille autorisée/);
});

test('un fichier accepté porte son empreinte sha256 et un nom nettoyé à l’extension de son vrai type', () => {
  const r = inspectUpload(SAMPLES.png, '../../etc/photo.PDF', 10_000);
  assert.ok(r.ok);
  assert.equal(r.file.name, 'photo.png');
  assert.match(r.file.sha256, /^[0-9a-f]{64}$/);
  assert.equal(cleanFileName('"<rapport>".docx', 'docx'), 'rapport.docx');
});
