import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parisGeocoder } from './test-fixture.js';

// The Paris BAN extract ships in assets/ban: these tests always run.

describe('LocalGeocoder (extrait BAN de Paris)', () => {
  test('trouve une adresse complète avec le libellé officiel', async () => {
    const geocoder = await parisGeocoder();
    const result = await geocoder.geocode('12 rue Myrha 75018 Paris');
    assert.equal(result.status, 'found');
    assert.equal(result.address?.label, '12 Rue Myrha 75018 Paris');
    assert.equal(result.address?.citycode, '75118');
    assert.equal(result.address?.city, 'Paris');
    assert.equal(result.address?.housenumber, '12');
    assert.equal(result.address?.score, 1);
    assert.equal(result.candidates[0], result.address);
  });

  const sameAsMyrha = [
    '12 R MYRHA',
    '12, r. myrha, paris 18e',
    '12 rue myrha Paris 18ème',
    '12 rue myrha 18e arrondissement',
    '12 rue myrha PARIS XVIIIe',
    '12 rue mirha 75018',
    '12 ryue myrha',
    'n° 12 rue Myrha, 75018 Paris, France',
  ];
  for (const q of sameAsMyrha) {
    test(`comprend « ${q} »`, async () => {
      const geocoder = await parisGeocoder();
      const result = await geocoder.geocode(q);
      assert.equal(result.address?.label, '12 Rue Myrha 75018 Paris');
    });
  }

  test('comprend abréviations, saint/st, faubourg et accents absents', async () => {
    const geocoder = await parisGeocoder();
    const a = await geocoder.geocode('20 r du fbg st antoine 75012');
    assert.equal(a.address?.label, '20 Rue du Faubourg Saint-Antoine 75012 Paris');
    const b = await geocoder.geocode('10 bd voltaire paris 11e');
    assert.equal(b.address?.label, '10 Boulevard Voltaire 75011 Paris');
    const c = await geocoder.geocode("5 RUE DE L'EGLISE 75015");
    assert.equal(c.address?.street, "Rue de l'Eglise");
  });

  test('comprend les indices de répétition bis, ter, b et collés au numéro', async () => {
    const geocoder = await parisGeocoder();
    for (const q of ['5 bis rue de la paix', '5b rue de la paix', '5 B rue de la paix', '5bis, rue de la paix 75002']) {
      const result = await geocoder.geocode(q);
      assert.ok(result.address?.housenumber?.startsWith('5'), q);
    }
  });

  test('place une voie sans numéro sur un point de la voie, avec un score plus bas', async () => {
    const geocoder = await parisGeocoder();
    const street = await geocoder.geocode('rue myrha');
    const exact = await geocoder.geocode('12 rue myrha');
    assert.equal(street.address?.housenumber, null);
    assert.equal(street.address?.label, 'Rue Myrha 75018 Paris');
    assert.ok(street.address!.score < exact.address!.score);
  });

  test('place un numéro absent de la BAN près de la voie avec un score plus bas', async () => {
    const geocoder = await parisGeocoder();
    const missing = await geocoder.geocode('999 rue myrha');
    assert.equal(missing.address?.housenumber, '999');
    assert.equal(missing.address?.street, 'Rue Myrha');
    assert.ok(missing.address!.score < 0.8);
  });

  test('trouve le bon tronçon d’une voie sur deux arrondissements grâce au numéro', async () => {
    const geocoder = await parisGeocoder();
    const result = await geocoder.geocode('300 rue de vaugirard');
    assert.equal(result.address?.postcode, '75015');
  });

  test('propose les candidats quand une voie existe dans plusieurs arrondissements sans précision', async () => {
    const geocoder = await parisGeocoder();
    const result = await geocoder.geocode('rue de vaugirard');
    assert.equal(result.status, 'ambiguous');
    const postcodes = result.candidates.map((c) => c.postcode);
    assert.ok(postcodes.includes('75006') && postcodes.includes('75015'));
    const precise = await geocoder.geocode('rue de vaugirard', { postcode: '75006' });
    assert.equal(precise.address?.postcode, '75006');
    assert.equal(precise.status, 'found');
  });

  test('respecte limit', async () => {
    const geocoder = await parisGeocoder();
    const result = await geocoder.geocode('10 rue voltaire', { limit: 2 });
    assert.ok(result.candidates.length <= 2);
  });

  test('répond not_found sans lever d’erreur aux saisies inconnues ou hostiles', async () => {
    const geocoder = await parisGeocoder();
    const inputs = ['', '   ', 'zzzzqqqq wxwxwx', 'a'.repeat(2000), '<script>alert(1)</script>',
      '\u0000\u0001\u0002binaire\uFFFD', "'; DROP TABLE adresses; --", '🏠🏠🏠', '75018'];
    for (const q of inputs) {
      const result = await geocoder.geocode(q);
      assert.equal(result.status, 'not_found', JSON.stringify(q.slice(0, 30)));
      assert.equal(result.address, null);
    }
    const injected = await geocoder.geocode('12 rue myrha <script>alert(1)</script>');
    assert.ok(!JSON.stringify(injected).includes('<script>'));
  });

  test('geocodeMany garde l’ordre et ne géocode qu’une fois la même adresse normalisée', async () => {
    const geocoder = await parisGeocoder();
    const rows = [{ q: '12 rue Myrha' }, { q: 'zzzz' }, { q: '12  RUE MYRHA' }, { q: '12 rue myrha' }];
    const progress: number[] = [];
    const results = await geocoder.geocodeMany(rows, { onProgress: (done) => progress.push(done) });
    assert.deepEqual(results.map((r) => r.status), ['found', 'not_found', 'found', 'found']);
    assert.equal(results[0], results[2], 'même objet résultat : une seule résolution');
    assert.equal(results[0], results[3]);
    assert.equal(progress.at(-1), 4);
  });
});
