import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  safeReturnPath, throttleDecision, newRecoveryCode, normaliseRecoveryCode, looksLikeRecoveryCode, hashRecoveryCode,
  linkState, accountKey,
} from './accounts.js';
import { canOnAccount, mustEnrolSecondFactor } from './accounts.policy.js';
import { signSecondStep, readSecondStep } from './second-step.js';
import { signUpForm, validateWithNewPassword } from './accounts.forms.js';
import type { Actor } from '../platform/http/context.js';

test('le retour après connexion ne mène qu’à une page locale', () => {
  assert.equal(safeReturnPath('/organisations?x=1#a'), '/organisations?x=1#a');
  for (const bad of ['https://evil.example', '//evil.example', '/\\evil.example', '/..//evil.example', 'javascript:alert(1)', '/\tx', 'organisations', '', undefined, null]) {
    assert.equal(safeReturnPath(bad), '/', String(bad));
  }
  assert.equal(safeReturnPath('//evil.example', ''), '');
  assert.equal(safeReturnPath(`/${'a'.repeat(600)}`), '/');
});

test('les tentatives sont refusées à la limite du compte ou de l’adresse IP, pas avant', () => {
  const limits = { account: 5, ip: 30 };
  assert.deepEqual(throttleDecision({ account: 4, ip: 29 }, limits), { blocked: false });
  assert.deepEqual(throttleDecision({ account: 5, ip: 0 }, limits), { blocked: true, scope: 'account' });
  assert.deepEqual(throttleDecision({ account: 0, ip: 30 }, limits), { blocked: true, scope: 'ip' });
});

test('la clé de comptage ne contient pas l’adresse et ignore la casse', () => {
  assert.equal(accountKey('Camille@Exemple.fr '), accountKey('camille@exemple.fr'));
  assert.doesNotMatch(accountKey('camille@exemple.fr'), /camille/);
});

test('les codes de secours sont lisibles, reconnus quelle que soit la saisie, et hachés avec le secret', () => {
  const code = newRecoveryCode();
  assert.match(code, /^[A-Z2-7]{5}-[A-Z2-7]{5}$/);
  assert.equal(normaliseRecoveryCode(` ${code.toLowerCase().replace('-', ' ')} `), code.replace('-', ''));
  assert.ok(looksLikeRecoveryCode(code.toLowerCase()));
  assert.ok(!looksLikeRecoveryCode('123456'));
  assert.equal(hashRecoveryCode(code, 's'), hashRecoveryCode(code.toLowerCase(), 's'));
  assert.notEqual(hashRecoveryCode(code, 's'), hashRecoveryCode(code, 't'));
  assert.equal(new Set(Array.from({ length: 50 }, newRecoveryCode)).size, 50);
});

test('un lien à usage unique est valide, expiré, utilisé ou inconnu', () => {
  const now = new Date('2026-03-01T10:00:00Z');
  assert.equal(linkState(null, now), 'unknown');
  assert.equal(linkState({ expiresAt: new Date('2026-03-01T11:00:00Z'), usedAt: null }, now), 'valid');
  assert.equal(linkState({ expiresAt: now, usedAt: null }, now), 'expired');
  assert.equal(linkState({ expiresAt: new Date('2026-03-01T11:00:00Z'), usedAt: now }, now), 'used');
});

const actor = (o: Partial<Actor>): Actor => ({
  userId: 'u', email: 'a@b.fr', fullName: 'A', sessionId: 's', staffRoles: [], secondFactor: false, totpEnabled: false,
  memberships: [], currentOrgId: null, ...o,
});

test('politique du compte : activer la double authentification une fois, régénérer les codes après vérification', () => {
  assert.ok(canOnAccount(actor({}), 'enrolTotp'));
  assert.ok(!canOnAccount(actor({ totpEnabled: true, secondFactor: true }), 'enrolTotp'));
  assert.ok(canOnAccount(actor({ totpEnabled: true, secondFactor: true }), 'regenerateRecoveryCodes'));
  assert.ok(!canOnAccount(actor({ totpEnabled: true, secondFactor: false }), 'regenerateRecoveryCodes'));
  assert.ok(!canOnAccount(actor({}), 'regenerateRecoveryCodes'));
  assert.ok(mustEnrolSecondFactor({ staffRoles: ['instructor'], totpEnabled: false }));
  assert.ok(!mustEnrolSecondFactor({ staffRoles: ['instructor'], totpEnabled: true }));
  assert.ok(!mustEnrolSecondFactor({ staffRoles: [], totpEnabled: false }));
});

test('l’étape du code est signée, liée à l’utilisateur et expire après 10 minutes', () => {
  const now = new Date('2026-03-01T10:00:00Z');
  const v = signSecondStep('u-1', now, 'secret');
  assert.equal(readSecondStep(v, now, 'secret'), 'u-1');
  assert.equal(readSecondStep(v, new Date(now.getTime() + 11 * 60_000), 'secret'), null);
  assert.equal(readSecondStep(v, now, 'autre'), null);
  assert.equal(readSecondStep(v.replace('u-1', 'u-2'), now, 'secret'), null);
  assert.equal(readSecondStep('n.i.m.p', now, 'secret'), null);
});

test('le nouveau mot de passe suit la politique et doit être confirmé à l’identique', () => {
  const base = { fullName: 'Camille Martin', email: 'camille@exemple.fr' };
  const short = validateWithNewPassword(signUpForm, { ...base, password: 'court', passwordConfirm: 'court' });
  assert.ok(!short.ok && /12 caractères/.test(short.errors.password!));
  const common = validateWithNewPassword(signUpForm, { ...base, password: 'motdepasse123', passwordConfirm: 'motdepasse123' });
  assert.ok(!common.ok && /trop courant/.test(common.errors.password!));
  const mismatch = validateWithNewPassword(signUpForm, { ...base, password: 'cheval agrafe batterie', passwordConfirm: 'cheval agrafe' });
  assert.ok(!mismatch.ok && /pas identiques/.test(mismatch.errors.passwordConfirm!));
  const all = validateWithNewPassword(signUpForm, { fullName: '', email: 'x', password: 'court' });
  assert.ok(!all.ok && all.errors.fullName && all.errors.email && all.errors.password);
  assert.ok(validateWithNewPassword(signUpForm, { ...base, password: 'cheval agrafe batterie', passwordConfirm: 'cheval agrafe batterie' }).ok);
});
