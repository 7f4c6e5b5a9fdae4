import { test } from 'node:test';
import assert from 'node:assert/strict';
import { composeMail } from './mail.js';

test('un courriel a une version texte et une version HTML échappée, en français', () => {
  const m = composeMail({
    template: 'essai', to: 'a@exemple.fr', subject: 'Confirmez votre adresse',
    paragraphs: ['Bienvenue <script>alert(1)</script> & co'], action: { label: 'Confirmer', url: 'https://label.gouv.fr/x?a=1&b=2' },
  });
  assert.match(m.text, /^Bonjour,/);
  assert.match(m.text, /Confirmer : https:\/\/label\.gouv\.fr\/x\?a=1&b=2/);
  assert.match(m.text, /L’équipe du label Grande École du Numérique/);
  assert.match(m.html, /<html lang="fr">/);
  assert.doesNotMatch(m.html, /<script>/);
  assert.match(m.html, /&lt;script&gt;/);
  assert.match(m.html, /href="https:\/\/label\.gouv\.fr\/x\?a=1&amp;b=2"/);
  assert.doesNotMatch(m.text, /automatically/);
});
