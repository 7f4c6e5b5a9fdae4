import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderMarkdown, renderInline, safeUrl } from './markdown.js';

test('les titres, paragraphes, listes, emphases et code sont rendus', () => {
  const html = renderMarkdown('# Candidater\n\nUn **dossier** complet, *vite*.\nSur deux lignes.\n\n- un\n- deux\n\n1. premier\n2. second\n\nTapez `npm test`.\n\n```\n<b>brut</b>\n```');
  assert.equal(html, [
    '<h2>Candidater</h2>',
    '<p>Un <strong>dossier</strong> complet, <em>vite</em>. Sur deux lignes.</p>',
    '<ul><li>un</li><li>deux</li></ul>',
    '<ol><li>premier</li><li>second</li></ol>',
    '<p>Tapez <code>npm test</code>.</p>',
    '<pre><code>&lt;b&gt;brut&lt;/b&gt;</code></pre>',
  ].join('\n'));
});

test('le HTML brut est toujours échappé', () => {
  const html = renderMarkdown('<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n<a href="javascript:alert(1)">x</a>');
  assert.doesNotMatch(html, /<script|<img|<a /);
  assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/);
});

test('les liens javascript:, data:, vbscript: ou déguisés perdent leur cible et gardent leur texte', () => {
  for (const url of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html;base64,PHNjcmlwdD4=', 'vbscript:msgbox', '//evil.example/x', 'java\tscript:alert(1)', ' javascript:alert(1)', '&#106;avascript:alert(1)']) {
    const html = renderInline(`[cliquez](${url})`);
    assert.doesNotMatch(html, /href|<a/, url);
  }
});

test('les liens http(s) et relatifs sont gardés, attribut échappé', () => {
  assert.equal(renderInline('[aide](/aide/candidater)'), '<a href="/aide/candidater">aide</a>');
  assert.equal(renderInline('[site](https://exemple.fr/?a=1&b="2")'), '<a href="https://exemple.fr/?a=1&amp;b=&quot;2&quot;">site</a>');
  assert.equal(safeUrl('#section'), '#section');
  assert.equal(safeUrl('mailto:x@y.fr'), null);
});

test('une tentative d’évasion d’attribut par le texte du lien ou l’emphase reste du texte', () => {
  const html = renderMarkdown('[<img src=x onerror=alert(1)>](/ok) **"><script>x</script>** _\'onmouseover=alert(1)_');
  assert.equal(html, '<p><a href="/ok">&lt;img src=x onerror=alert(1)&gt;</a> <strong>&quot;&gt;&lt;script&gt;x&lt;/script&gt;</strong> <em>&#39;onmouseover=alert(1)</em></p>');
});

test('les mots_avec_soulignés ne deviennent pas de l’emphase', () => {
  assert.equal(renderInline('fichier_de_test.pdf'), 'fichier_de_test.pdf');
});
