import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, createUser, type TestApp, type TestClient } from '../platform/testing/harness.js';
import { enqueueMail } from '../platform/mail/mail.store.js';
import { composeMail } from '../platform/mail/mail.js';

let t: TestApp;
let client: TestClient;
let mailId: string;
before(async () => {
  t = await createTestApp();
  const admin = await createUser(t.deps, { staff: ['admin'] });
  client = t.client();
  await client.loginAs(admin.id);
  const mail = composeMail({ template: 'essai', to: 'camille@exemple.fr', subject: 'Confirmez votre adresse', paragraphs: ['Bienvenue sur la plateforme.'], action: { label: 'Confirmer', url: 'https://label.exemple/confirmer?a=1&b=2' } });
  mailId = await t.deps.database.db.transaction((tx) => enqueueMail(tx, mail, false));
});
after(async () => { await t.close(); });

test('la boîte d’envoi liste un courriel déposé par enqueueMail et se filtre par destinataire', async () => {
  let html = await (await client.get('/gestion/courriels')).text();
  assert.match(html, new RegExp(`href="/gestion/courriels/${mailId}">Confirmez votre adresse`));
  assert.match(html, /camille@exemple\.fr/);
  assert.match(html, /Conservé \(pas de serveur SMTP\)/);
  html = await (await client.get('/gestion/courriels?destinataire=camille')).text();
  assert.match(html, /Courriels adressés à « camille » : 1/);
  html = await (await client.get('/gestion/courriels?destinataire=personne')).text();
  assert.match(html, /Aucun courriel\./);
});

test('la page d’un courriel montre l’objet, le texte et le code HTML échappé', async () => {
  const res = await client.get(`/gestion/courriels/${mailId}`);
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.match(html, /<h1>Confirmez votre adresse<\/h1>/);
  assert.match(html, /Confirmer : https:\/\/label\.exemple\/confirmer\?a=1&amp;b=2/);
  assert.match(html, /<summary>Afficher le code source HTML du courriel<\/summary>\s*<pre class="lg-mail-text fr-p-2w">&lt;!DOCTYPE html&gt;&lt;html lang=&quot;fr&quot;&gt;/);
  assert.doesNotMatch(html, /<iframe/);
  assert.match(res.headers.get('content-security-policy') ?? '', /script-src 'self'/);
});

test('un HTML hostile reste inerte : tout est échappé, rien n’est interprété', async () => {
  const id = await t.deps.database.db.transaction((tx) => enqueueMail(tx, {
    to: 'x@exemple.fr', subject: 'Piège <script>alert(1)</script>', text: 'texte <b>brut</b>', template: 'hostile',
    html: '<p>ok</p><script>alert(document.cookie)</script><img src=x onerror="alert(2)">"><iframe src="https://evil.example"></iframe>',
  }, false));
  const html = await (await client.get(`/gestion/courriels/${id}`)).text();
  assert.doesNotMatch(html, /<script>alert/);
  assert.doesNotMatch(html, /<img src=x/);
  assert.doesNotMatch(html, /<iframe/);
  assert.match(html, /Piège &lt;script&gt;/);
  assert.match(html, /texte &lt;b&gt;brut&lt;\/b&gt;/);
  assert.match(html, /&lt;script&gt;alert\(document\.cookie\)&lt;\/script&gt;&lt;img src=x onerror=&quot;alert\(2\)&quot;&gt;/);
});

test('la boîte d’envoi se pagine', async () => {
  await t.deps.database.db.transaction(async (tx) => {
    for (let i = 0; i < 30; i++) await enqueueMail(tx, { to: `lot${i}@exemple.fr`, subject: `Lot ${i}`, text: 't', html: '<p>h</p>', template: 'lot' }, false);
  });
  const p1 = await (await client.get('/gestion/courriels?destinataire=lot')).text();
  assert.match(p1, /Page 1 sur 2/);
  const p2 = await (await client.get('/gestion/courriels?destinataire=lot&page=2')).text();
  assert.equal((p2.match(/<th scope="row">/g) ?? []).length, 5);
});
