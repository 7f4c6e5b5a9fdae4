import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, createUser, type TestApp, type TestClient } from '../platform/testing/harness.js';

let t: TestApp;
let staffClient: TestClient;
before(async () => {
  t = await createTestApp();
  staffClient = t.client();
  await staffClient.loginAs((await createUser(t.deps, { staff: ['instructor'] })).id);
});
after(async () => { await t.close(); });

const article = (over: Record<string, string>) => ({ titre: 'Déposer une candidature', adresse: 'deposer', sujet: 'applying', contenu: 'Les candidatures se déposent en ligne.', ordre: '10', publie: 'oui', ...over });

test('un article écrit par l’équipe est publié, cherchable en français et rendu sans HTML brut', async () => {
  const res = await staffClient.post('/gestion/support/aide/nouvel-article', article({
    contenu: '# Étapes\n\nLes **candidatures** se déposent en ligne.\n\n<script>alert("x")</script>\n\n[piège](javascript:alert(1)) et [aide](/aide)',
  }));
  assert.equal(res.status, 303);
  const page = await t.client().get('/aide/deposer');
  assert.equal(page.status, 200);
  const html = await page.text();
  assert.match(html, /<h2>Étapes<\/h2>/);
  assert.match(html, /<strong>candidatures<\/strong>/);
  assert.doesNotMatch(html, /<script>alert/);
  assert.match(html, /&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt;/);
  assert.doesNotMatch(html, /href="javascript:/);
  for (const q of ['candidature', 'deposer', 'CANDIDATURES en ligne']) {
    assert.match(await (await t.client().get(`/aide?q=${encodeURIComponent(q)}`)).text(), /href="\/aide\/deposer"/, q);
  }
  assert.match(await (await t.client().get('/aide?q=rien-du-tout')).text(), /Aucun article ne correspond/);
  assert.match(await (await t.client().get('/contact?etape=1&profil=learner&sujet=applying')).text(), /href="\/aide\/deposer"/, 'proposé à côté du formulaire');
});

test('une adresse déjà prise est refusée ; un brouillon n’est pas public', async () => {
  const dup = await staffClient.post('/gestion/support/aide/nouvel-article', article({ titre: 'Autre' }));
  assert.equal(dup.status, 422);
  assert.match(await dup.text(), /déjà utilisée/);
  assert.equal((await staffClient.post('/gestion/support/aide/nouvel-article', article({ adresse: 'brouillon', publie: '' }))).status, 303);
  assert.equal((await t.client().get('/aide/brouillon')).status, 404);
  assert.equal((await t.client().get('/aide/<script>')).status, 404);
});
