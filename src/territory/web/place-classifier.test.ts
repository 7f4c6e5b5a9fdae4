import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../platform/testing/harness.js';
import { ensureGeographies } from './reference-data.js';
import { territoryPlaceClassifier } from './place-classifier.js';

let t: TestApp;
before(async () => { t = await createTestApp(); await ensureGeographies(t.deps.database.db); });
after(async () => { await t.close(); });

test('un lieu de formation est placé dans sa commune, son département, sa région et son QPV selon la date', async () => {
  const c = territoryPlaceClassifier(t.deps);
  const now = await c.classify({ address: '29 rue Myrha', postcode: '75018', city: 'Paris' }, '2025-09-01');
  assert.equal(now?.qpv?.code, 'QN07511M');
  assert.equal(now?.qpvVersion, 'qpv-2024');
  assert.equal(now?.departement, 'Paris');
  assert.equal(now?.region, 'Île-de-France');
  const before2024 = await c.classify({ address: '29 rue Myrha', postcode: '75018', city: 'Paris' }, '2021-09-01');
  assert.equal(before2024?.qpvVersion, 'qpv-2015');
  assert.equal(await c.classify({ address: 'zzzz qqqq', postcode: '99999', city: 'Nulle part' }, '2025-09-01'), null);
});
