import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  siretError, normaliseSiret, ndaError, normaliseNda, checkQualiopi, qualiopiWarning, parseDay, postcodeError,
  phoneError, normalisePhone, emailError, keepsAnAdmin, invitationState, invitationExpiry, parisDay,
} from './organisation.js';
import { newOrganisationForm } from './organisation.form.js';
import { validate } from '../platform/http/forms.js';

test('un SIRET de 14 chiffres avec une clé de Luhn valide est accepté, espaces compris', () => {
  assert.equal(siretError('732 829 320 00074'), null);
  assert.equal(normaliseSiret('732 829 320 00074'), '73282932000074');
});

test('un SIRET dont la clé de Luhn est fausse est refusé avec un message clair', () => {
  assert.match(siretError('73282932000075') ?? '', /clé de contrôle/);
});

test('un SIRET de 13 chiffres, vide ou avec des lettres est refusé', () => {
  assert.match(siretError('7328293200007') ?? '', /14 chiffres ; vous en avez saisi 13/);
  assert.match(siretError('') ?? '', /Renseignez le numéro SIRET/);
  assert.match(siretError('7328293200007A') ?? '', /que des chiffres/);
});

test('les SIRET de La Poste sont valides si la somme des chiffres est un multiple de 5 (siège : Luhn)', () => {
  assert.equal(siretError('35600000049837'), null);
  assert.equal(siretError('35600000000048'), null);
  assert.match(siretError('35600000049838') ?? '', /La Poste/);
});

test('le NDA fait 11 chiffres, 2A ou 2B acceptés en 3e et 4e positions, normalisé', () => {
  assert.equal(ndaError('11 75 54580 75'), null);
  assert.equal(normaliseNda('94 2a 00123 45'), '942A0012345');
  assert.equal(ndaError('942a0012345'), null);
  assert.equal(ndaError('942B0012345'), null);
  assert.match(ndaError('1175545807') ?? '', /11 caractères ; vous en avez saisi 10/);
  assert.match(ndaError('11755A58075') ?? '', /que des chiffres/);
  assert.match(ndaError('2A755458075') ?? '', /que des chiffres/);
  assert.match(ndaError('') ?? '', /Renseignez/);
});

test('Qualiopi certifié exige une date de fin réelle ; audit programmé exige la date d’audit ; aucun n’exige rien', () => {
  assert.deepEqual(checkQualiopi({ status: 'certified', validUntil: '', auditDate: '' }), { ok: false, errors: { qualiopiValidUntil: 'Renseignez la date de fin de validité du certificat Qualiopi.' } });
  const bad = checkQualiopi({ status: 'certified', validUntil: '2027-02-30', auditDate: '' });
  assert.equal(bad.ok, false);
  assert.deepEqual(checkQualiopi({ status: 'certified', validUntil: '31/12/2027', auditDate: '2026-01-01' }), { ok: true, data: { status: 'certified', validUntil: '2027-12-31', auditDate: null } });
  const audit = checkQualiopi({ status: 'audit_scheduled', validUntil: '', auditDate: '' });
  assert.ok(!audit.ok && audit.errors.qualiopiAuditDate);
  assert.deepEqual(checkQualiopi({ status: 'none', validUntil: '2027-12-31', auditDate: '' }), { ok: true, data: { status: 'none', validUntil: null, auditDate: null } });
  const missing = checkQualiopi({ status: '', validUntil: '', auditDate: '' });
  assert.ok(!missing.ok && missing.errors.qualiopiStatus);
});

test('un certificat Qualiopi dont la date de fin est passée donne un avertissement « expiré »', () => {
  assert.match(qualiopiWarning({ status: 'certified', validUntil: '2024-01-31' }, '2025-06-01') ?? '', /expiré depuis le 31\/01\/2024/);
  assert.equal(qualiopiWarning({ status: 'certified', validUntil: '2025-06-01' }, '2025-06-01'), null);
  assert.equal(qualiopiWarning({ status: 'none', validUntil: null }, '2025-06-01'), null);
});

test('les dates JJ/MM/AAAA et AAAA-MM-JJ sont lues, les dates impossibles refusées', () => {
  assert.equal(parseDay('29/02/2028'), '2028-02-29');
  assert.equal(parseDay('2027-02-29'), null);
  assert.equal(parseDay('demain'), null);
  assert.equal(parisDay(new Date('2025-12-31T23:30:00Z')), '2026-01-01');
});

test('code postal, téléphone et adresse électronique ont leurs messages en français', () => {
  assert.equal(postcodeError('75018'), null);
  assert.match(postcodeError('7501') ?? '', /5 chiffres/);
  assert.equal(phoneError('01 22 33 44 55'), null);
  assert.equal(normalisePhone('01.22.33.44.55'), '0122334455');
  assert.equal(phoneError('+33 1 22 33 44 55'), null);
  assert.match(phoneError('12 34') ?? '', /numéro de téléphone valide/);
  assert.equal(emailError('Nom@Domaine.fr'), null);
  assert.match(emailError('nom@domaine') ?? '', /adresse électronique valide/);
});

test('un organisme garde toujours au moins un administrateur', () => {
  const members = [{ userId: 'a', role: 'admin' as const }, { userId: 'b', role: 'member' as const }];
  assert.equal(keepsAnAdmin(members, 'a', null), false);
  assert.equal(keepsAnAdmin(members, 'a', 'member'), false);
  assert.equal(keepsAnAdmin(members, 'b', null), true);
  assert.equal(keepsAnAdmin(members, 'b', 'admin'), true);
  assert.equal(keepsAnAdmin([...members, { userId: 'c', role: 'admin' }], 'a', null), true);
});

test('une invitation est en attente 14 jours, puis expirée ; annulée ou utilisée, elle le reste', () => {
  const now = new Date('2026-01-01T10:00:00Z');
  const expiresAt = invitationExpiry(now);
  assert.equal(expiresAt.toISOString(), '2026-01-15T10:00:00.000Z');
  assert.equal(invitationState({ acceptedAt: null, revokedAt: null, expiresAt }, now), 'pending');
  assert.equal(invitationState({ acceptedAt: null, revokedAt: null, expiresAt }, expiresAt), 'expired');
  assert.equal(invitationState({ acceptedAt: null, revokedAt: now, expiresAt }, now), 'revoked');
  assert.equal(invitationState({ acceptedAt: now, revokedAt: null, expiresAt }, now), 'accepted');
});

test('le formulaire d’organisme signale toutes les erreurs à la fois, date Qualiopi comprise', () => {
  const res = validate(newOrganisationForm, { name: '', siret: '123', nda: '11755458075', qualiopiStatus: 'certified', postcode: '75018' });
  assert.equal(res.ok, false);
  if (res.ok) return;
  assert.ok(res.errors.name && res.errors.siret && res.errors.qualiopiValidUntil && res.errors.contactEmail);
  assert.equal(res.errors.nda, undefined);
});
