import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderPdf, parisDateTime } from './pdf.js';
import { pdfText } from './pdf-text.js';

test('un document PDF porte son texte en français, ses métadonnées et ses numéros de page', async () => {
  const long = Array.from({ length: 120 }, (_, i) => `Ligne numéro ${i + 1} : œuvre, coût 1 200,50 €, élève`).map((l) => l);
  const bytes = await renderPdf({
    title: 'Récépissé de dépôt',
    subject: 'Test',
    createdAt: new Date('2021-07-31T21:59:59Z'),
    footer: 'N° GEN-TEST',
    blocks: [
      { kind: 'title', text: 'Récépissé de dépôt' },
      { kind: 'fields', rows: [['Déposé le', parisDateTime(new Date('2021-07-31T21:59:59Z'))], ['Organisme', 'Association « Numérique & Co »']] },
      { kind: 'heading', text: 'Détail' },
      { kind: 'table', columns: ['Critère', 'Résultat'], rows: [['Durée ≥ 400 h', 'rempli'], ['Gratuité', 'à vérifier']] },
      { kind: 'list', items: long },
      { kind: 'signature', lines: ['Signé par Jeanne Dupont', 'le 01/08/2021'] },
    ],
  });
  assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
  const { pages, text, info } = await pdfText(bytes);
  assert.ok(pages.length >= 2, 'le texte long passe sur plusieurs pages');
  assert.match(text, /Récépissé de dépôt/);
  assert.match(text, /31\/07\/2021 à 23:59:59/);
  assert.match(text, /Association « Numérique & Co »/);
  assert.match(text, /œuvre, coût 1 200,50 €/);
  assert.match(text, /Ligne numéro 120/);
  assert.match(pages[0]!, new RegExp(`N° GEN-TEST — page 1 sur ${pages.length}`));
  assert.equal(info.Title, 'Récépissé de dépôt');
});

test('les espaces insécables, les caractères invisibles et le BOM ne font pas échouer le document', async () => {
  const amount = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(30000);
  const bytes = await renderPdf({ title: 'Montants', blocks: [
    { kind: 'paragraph', text: `\ufeffSubvention : ${amount}\u200b, taux 80\u202f%\u2028fin\ud800` },
    { kind: 'fields', rows: [['Budget', `${amount}\u200e`]] },
  ] });
  const { text } = await pdfText(bytes);
  assert.match(text, /Subvention : 30 000,00 €, taux 80 %/);
  assert.match(text, /fin/);
});
