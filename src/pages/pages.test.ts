import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../platform/testing/harness.js';

let t: TestApp;
before(async () => { t = await createTestApp(); });
after(async () => { await t.close(); });

test('la page d’accueil est en français, au gabarit DSFR, avec liens d’évitement et pied de page', async () => {
  const res = await t.client().get('/');
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.match(html, /^<!DOCTYPE html><html lang="fr"/);
  assert.match(html, /class="fr-skiplinks"/);
  assert.match(html, /République<br\/?>Française/);
  assert.match(html, /href="\/accessibilite"/);
  assert.match(html, /href="\/mentions-legales"/);
  assert.match(html, /href="\/donnees-personnelles"/);
});

test('les en-têtes de sécurité sont posés (CSP sans script en ligne, pas d’iframe)', async () => {
  const res = await t.client().get('/');
  const csp = res.headers.get('content-security-policy') ?? '';
  assert.match(csp, /script-src 'self'/);
  assert.doesNotMatch(csp, /unsafe-inline/);
  assert.match(csp, /frame-ancestors 'none'/);
  assert.equal(res.headers.get('x-frame-options'), 'DENY');
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
});

test('une adresse inconnue répond 404 en français', async () => {
  const res = await t.client().get('/nimporte-quoi');
  assert.equal(res.status, 404);
  assert.match(await res.text(), /Page non trouvée/);
});

test('/healthz répond ok avec la base utilisée', async () => {
  const res = await t.client().get('/healthz');
  assert.equal(res.status, 200);
  const body = await res.json() as { status: string };
  assert.equal(body.status, 'ok');
});

test('le DSFR est servi depuis node_modules', async () => {
  const res = await t.client().get('/dsfr/dsfr.min.css');
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /text\/css/);
});

test('un envoi sans jeton CSRF est refusé', async () => {
  const res = await t.client().post('/contact', { a: 'b' }, { csrf: false });
  assert.equal(res.status, 403);
});

test('un envoi trop volumineux répond 413', async () => {
  const big = 'x'.repeat(26 * 1024 * 1024);
  const res = await t.client().post('/contact', { big });
  assert.equal(res.status, 413);
  assert.match(await res.text(), /trop volumineux/);
});
