import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readPartners, regionsOfPlaces, partnerStanding, requestToken, isTokenShape, regionLinkExpiry, parisToday } from './consultations.js';

test('les partenaires sont lus depuis la rubrique, sans doublon, identifiés par leur adresse ou leur nom', () => {
  const partners = readPartners({ partners: [
    { name: 'Employeur', email: 'RH@Employeur.fr ', hiringPromises: 2, type: 'employer' },
    { name: 'Employeur (doublon)', email: 'rh@employeur.fr' },
    { name: 'Certificateur', email: '' },
    { name: '', email: '' },
  ] });
  assert.deepEqual(partners.map((p) => [p.key, p.name, p.hiringPromises]), [['rh@employeur.fr', 'Employeur', 2], ['nom:certificateur', 'Certificateur', null]]);
  assert.deepEqual(readPartners(null), []);
  assert.deepEqual(readPartners({ partners: 'pas une liste' }), []);
});

test('la Région de chaque lieu de formation, une fois chacune, Corse et outre-mer compris', () => {
  const r = regionsOfPlaces({ places: [{ postcode: '93100' }, { postcode: '75018' }, { postcode: '20000' }, { postcode: '97400' }, { postcode: 'xx' }] });
  assert.deepEqual(r.map((x) => x.regionName), ['Île-de-France', 'Corse', 'La Réunion']);
});

test('statut d’un partenaire : jamais contacté, envoyé, puis sans réponse quand le lien expire sans réponse', () => {
  const now = new Date('2026-03-10T12:00:00Z');
  assert.equal(partnerStanding(null, now), 'not_contacted');
  const sent = { status: 'sent' as const, expiresAt: new Date('2026-03-11T00:00:00Z'), answeredAt: null };
  assert.equal(partnerStanding(sent, now), 'sent');
  assert.equal(partnerStanding({ ...sent, expiresAt: new Date('2026-03-10T11:00:00Z') }, now), 'no_answer');
  assert.equal(partnerStanding({ status: 'confirmed', expiresAt: new Date('2026-03-01T00:00:00Z'), answeredAt: new Date('2026-02-20T00:00:00Z') }, now), 'confirmed');
});

test('le jeton d’un lien dépend du secret et de la demande, a la forme attendue, et l’échéance de la Région a un délai de grâce', () => {
  const a = requestToken('secret-1', 'partner', 'id-1');
  assert.ok(isTokenShape(a));
  assert.notEqual(a, requestToken('secret-2', 'partner', 'id-1'));
  assert.notEqual(a, requestToken('secret-1', 'region', 'id-1'));
  assert.equal(a, requestToken('secret-1', 'partner', 'id-1'));
  assert.equal(isTokenShape('court'), false);
  assert.equal(regionLinkExpiry('2026-03-10').toISOString().slice(0, 10), '2026-04-09');
  assert.equal(parisToday(new Date('2026-03-10T23:30:00Z')), '2026-03-11');
});
