import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_ORGANISATIONS } from './accounts.js';
import { siretError, ndaError } from '../organisations/organisation.js';

test('les SIRET et NDA des organismes de démonstration sont valides', () => {
  for (const o of DEMO_ORGANISATIONS) {
    assert.equal(siretError(o.siret), null, o.siret);
    assert.equal(ndaError(o.nda), null, o.nda);
  }
});
