import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../platform/testing/harness.js';
import { ensureGeographies } from './reference-data.js';

let t: TestApp;
before(async () => {
  t = await createTestApp({ env: { API_RATE_PER_MINUTE: '40' } });
  await ensureGeographies(t.deps.database.db);
});
after(async () => { await t.close(); });

test('l’API point répond le QPV de la Goutte d’Or avec sa version', async () => {
  const res = await t.client().get('/api/v1/territoire/point?lon=2.3539&lat=48.8867');
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('access-control-allow-origin'), '*');
  const body = await res.json() as { qpv: { code: string; name: string; version: string } | null };
  assert.equal(body.qpv?.code, 'QN07511M');
  assert.equal(body.qpv?.version, 'qpv-2024');
});

test('l’API point refuse des coordonnées invalides avec un message en français', async () => {
  for (const qs of ['lon=abc&lat=48', 'lon=2&lat=91', 'lon=&lat=48', 'lon=2&lat=48&date=2024-02-30', 'lon=1e3&lat=2']) {
    const res = await t.client({ ip: '198.51.100.1' }).get(`/api/v1/territoire/point?${qs}`);
    assert.equal(res.status, 400, qs);
    const body = await res.json() as { error: string };
    assert.match(body.error, /doit|obligatoire/, qs);
  }
});

test('l’API adresse géocode, classe et nomme les versions ; avant 2024 c’est la géographie 2015', async () => {
  const res = await t.client().get(`/api/v1/territoire/adresse?q=${encodeURIComponent('29 rue myrha paris 18e')}`);
  assert.equal(res.status, 200);
  const body = await res.json() as { status: string; address: { citycode: string; postcode: string }; qpv: { code: string } | null; frr: { version: string } | null; versions: Record<string, string | null> };
  assert.equal(body.status, 'found');
  assert.equal(body.address.postcode, '75018');
  assert.equal(body.qpv?.code, 'QN07511M');
  assert.equal(body.versions.qpv, 'qpv-2024');
  const old = await (await t.client().get(`/api/v1/territoire/adresse?q=${encodeURIComponent('29 rue myrha paris 18e')}&date=2020-01-01`)).json() as { versions: Record<string, string | null>; zrr: unknown };
  assert.equal(old.versions.qpv, 'qpv-2015');
  assert.ok(old.zrr, 'la ZRR est en vigueur en 2020');
});

test('des requêtes vides, trop longues, binaires ou injectées reçoivent une erreur claire, jamais une 500', async () => {
  const c = t.client({ ip: '198.51.100.2' });
  for (const q of ['', 'x'.repeat(2000), '\u0000\u0001\u0002', '<script>alert(1)</script>']) {
    const res = await c.get(`/api/v1/territoire/adresse?q=${encodeURIComponent(q)}`);
    assert.ok(res.status === 400 || res.status === 200, `statut ${res.status} pour ${q.slice(0, 20)}`);
    if (res.status === 200) assert.equal((await res.json() as { status: string }).status, 'not_found');
  }
});

test('l’API est limitée par adresse IP (429 avec Retry-After)', async () => {
  const c = t.client({ ip: '203.0.113.77' });
  let last: Response | null = null;
  for (let i = 0; i < 41; i++) last = await c.get('/api/v1/territoire/point?lon=2.35&lat=48.85');
  assert.equal(last!.status, 429);
  assert.ok(Number(last!.headers.get('retry-after')) > 0);
  assert.equal((await t.client({ ip: '203.0.113.78' }).get('/api/v1/territoire/point?lon=2.35&lat=48.85')).status, 200);
});

test('la page publique donne le quartier, la carte SVG et fonctionne sans JavaScript', async () => {
  const res = await t.client().get(`/territoire/adresse?q=${encodeURIComponent('29 rue myrha 75018 paris')}`);
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.match(html, /Dans un quartier prioritaire/);
  assert.match(html, /QN07511M/);
  assert.match(html, /<svg[^>]+role="img"/);
  assert.match(html, /qpv-2024/);
});

test('la page publique signale une adresse introuvable ou une saisie invalide', async () => {
  const res = await t.client().get('/territoire/adresse?q=zzzzzz+qqqqq+wwww');
  assert.match(await res.text(), /Adresse introuvable|Plusieurs adresses/);
  const bad = await t.client().get('/territoire/adresse?q=');
  assert.equal(bad.status, 422);
  const html = await bad.text();
  assert.match(html, /<title>Erreur : /);
  assert.match(html, /href="#q"/);
});

test('un fichier CSV en Latin-1 se traite de bout en bout : envoi, colonnes, résultats CSV et XLSX', async () => {
  const c = t.client();
  const csv = 'nom;adresse\nA;29 rue Myrha 75018 Paris\nB;20 avenue de l\'Opéra 75001 Paris\nC;\nD;29 rue Myrha 75018 Paris\n';
  const latin1 = Buffer.from(csv, 'latin1');
  const form = new FormData();
  form.append('fichier', new File([latin1], 'adresses.csv', { type: 'text/csv' }));
  const up = await c.postMultipart('/territoire/fichier', form);
  assert.equal(up.status, 303);
  const mappingUrl = up.headers.get('location')!;
  const page = await c.get(mappingUrl);
  assert.match(await page.text(), /Opéra/, 'le Latin-1 est bien décodé');
  const go = await c.post(mappingUrl, { mode: 'single', address: '1' });
  assert.equal(go.status, 303);
  const result = await c.get(go.headers.get('location')!);
  const html = await result.text();
  assert.match(html, /Synthèse/);
  const id = mappingUrl.split('/')[3];
  const out = await c.get(`/territoire/fichier/${id}/resultats.csv`);
  const text = await out.text();
  assert.match(text, /code_qpv/);
  assert.match(text, /QN07511M/);
  assert.match(text, /adresse vide ou invalide/);
  const xlsx = await c.get(`/territoire/fichier/${id}/resultats.xlsx`);
  assert.equal(xlsx.status, 200);
  assert.equal(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2).toString(), 'PK');
});

test('les fichiers invalides reçoivent une erreur précise', async () => {
  const c = t.client();
  const send = async (bytes: Uint8Array | string, name: string) => {
    const form = new FormData();
    form.append('fichier', new File([typeof bytes === "string" ? bytes : Buffer.from(bytes)], name));
    const res = await c.postMultipart('/territoire/fichier', form);
    return { status: res.status, html: await res.text() };
  };
  const empty = await send('', 'vide.csv');
  assert.equal(empty.status, 422);
  assert.match(empty.html, /vide|Choisissez/);
  const bin = await send(new Uint8Array([0x4d, 0x5a, 0, 0, 1, 2, 3]), 'programme.csv');
  assert.match(bin.html, /pas un fichier texte/);
  const quote = await send('adresse\n"12 rue Myrha\n', 'guillemet.csv');
  assert.match(quote.html, /Ligne 2 : un guillemet ouvert/);
  const big = await send(`adresse\n${'1 rue de Rivoli Paris\n'.repeat(100_001)}`, 'gros.csv');
  assert.match(big.html, /plus de 100\s000 lignes/);
});

test('un identifiant de lot mal formé ou inconnu répond 404', async () => {
  assert.equal((await t.client().get('/territoire/fichier/pas-un-uuid')).status, 404);
  assert.equal((await t.client().get('/territoire/fichier/00000000-0000-4000-8000-000000000000')).status, 404);
});

test('le CSV envoyé à l’API revient complété ; un en-tête sans colonne d’adresse est refusé', async () => {
  const res = await t.client().post('/api/v1/territoire/adresses', {}, { csrf: false });
  assert.equal(res.status, 400);
  const ok = await t.deps && await t.app.request('/api/v1/territoire/adresses', { method: 'POST', body: '\ufeffadresse\n29 rue Myrha 75018 Paris\n', headers: { 'content-type': 'text/csv', 'x-forwarded-for': '192.0.2.200' } });
  assert.equal(ok.status, 200);
  assert.match(await ok.text(), /QN07511M/);
  const bad = await t.app.request('/api/v1/territoire/adresses', { method: 'POST', body: 'a,b\n1,2\n', headers: { 'content-type': 'text/csv', 'x-forwarded-for': '192.0.2.201' } });
  assert.equal(bad.status, 400);
  assert.match((await bad.json() as { error: string }).error, /Aucune colonne d’adresse/);
});
