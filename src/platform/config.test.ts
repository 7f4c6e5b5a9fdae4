import { test } from 'node:test';
import assert from 'node:assert/strict';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, ConfigError } from './config.js';

const DATA_DIR = path.join(os.tmpdir(), 'label-gen-config-test');

test('les valeurs par défaut permettent de démarrer en local', () => {
  const c = loadConfig({ DATA_DIR });
  assert.equal(c.PORT, 3000);
  assert.equal(c.baseUrl, 'http://localhost:3000');
  assert.equal(c.secureCookies, false);
  assert.equal(c.DEMO_DATA, true);
  assert.equal(c.DATABASE_URL, undefined);
  assert.ok(c.appSecret.length >= 32);
  assert.equal(loadConfig({ DATA_DIR }).appSecret, c.appSecret, 'le secret local est conservé entre deux démarrages');
});

test('chaque valeur invalide est listée dans un seul message en français', () => {
  assert.throws(
    () => loadConfig({ DATA_DIR, PORT: 'abc', DATABASE_URL: 'mysql://x', SMTP_URL: 'http://mail', DEMO_DATA: 'peut-être' }),
    (e: unknown) => {
      assert.ok(e instanceof ConfigError);
      assert.match(e.message, /Configuration invalide/);
      assert.match(e.message, /PORT/);
      assert.match(e.message, /DATABASE_URL doit commencer par postgres/);
      assert.match(e.message, /SMTP_URL doit commencer par smtp/);
      assert.match(e.message, /DEMO_DATA/);
      return true;
    },
  );
});

test('en production, BASE_URL et APP_SECRET sont obligatoires et les cookies sont sécurisés', () => {
  assert.throws(() => loadConfig({ DATA_DIR, NODE_ENV: 'production' }), /BASE_URL: obligatoire/);
  assert.throws(() => loadConfig({ DATA_DIR, NODE_ENV: 'production', BASE_URL: 'https://label.gouv.fr' }), /APP_SECRET: obligatoire/);
  const c = loadConfig({ DATA_DIR, NODE_ENV: 'production', BASE_URL: 'https://label.gouv.fr/', APP_SECRET: 'a'.repeat(40) });
  assert.equal(c.secureCookies, true);
  assert.equal(c.baseUrl, 'https://label.gouv.fr');
});

test('DEMO_DATA=0 démarre sans données de démonstration', () => {
  assert.equal(loadConfig({ DATA_DIR, DEMO_DATA: '0' }).DEMO_DATA, false);
});
