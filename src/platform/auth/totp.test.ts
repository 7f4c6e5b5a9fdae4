import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  totpCode, verifyTotp, base32Encode, base32Decode, sealSecret, openSecret, newTotpSecret, totpStep, totpMatchStep, isFreshTotpStep,
} from './totp.js';

// RFC 6238 appendix B, SHA-1 secret "12345678901234567890".
const RFC_SECRET = base32Encode(Buffer.from('12345678901234567890'));

test('les codes TOTP correspondent aux vecteurs de la RFC 6238', () => {
  assert.equal(totpCode(RFC_SECRET, new Date(59_000)), '287082');
  assert.equal(totpCode(RFC_SECRET, new Date(1111111109_000)), '081804');
  assert.equal(totpCode(RFC_SECRET, new Date(1234567890_000)), '005924');
  assert.equal(totpCode(RFC_SECRET, new Date(2000000000_000)), '279037');
});

test('un code est accepté avec une période de décalage, pas deux', () => {
  const s = newTotpSecret();
  const now = new Date('2026-11-23T10:00:00Z');
  assert.ok(verifyTotp(s, totpCode(s, now), now));
  assert.ok(verifyTotp(s, totpCode(s, new Date(now.getTime() - 30_000)), now));
  assert.ok(!verifyTotp(s, totpCode(s, new Date(now.getTime() - 90_000)), now));
  assert.ok(!verifyTotp(s, 'abcdef', now));
  assert.ok(!verifyTotp(s, '', now));
});

test('le pas de temps d’un code est celui de sa période de 30 s, décalage compris', () => {
  const s = newTotpSecret();
  const now = new Date('2026-11-23T10:00:10Z');
  const step = totpStep(now);
  assert.equal(step, Math.floor(now.getTime() / 30_000));
  assert.equal(totpStep(new Date('2026-11-23T10:00:29.999Z')), step, 'même période jusqu’à la 30e seconde');
  assert.equal(totpStep(new Date('2026-11-23T10:00:30Z')), step + 1);
  assert.equal(totpMatchStep(s, totpCode(s, now), now), step);
  assert.equal(totpMatchStep(s, totpCode(s, new Date(now.getTime() - 30_000)), now), step - 1);
  assert.equal(totpMatchStep(s, totpCode(s, new Date(now.getTime() + 30_000)), now), step + 1);
  assert.equal(totpMatchStep(s, totpCode(s, new Date(now.getTime() - 60_000)), now), null);
  assert.equal(totpMatchStep(s, ' 12 34 5', now), null);
});

test('un code n’est accepté que pour un pas strictement postérieur au dernier accepté', () => {
  assert.ok(isFreshTotpStep(100, null), 'premier code');
  assert.ok(isFreshTotpStep(101, 100), 'période suivante');
  assert.ok(!isFreshTotpStep(100, 100), 'même code rejoué');
  assert.ok(!isFreshTotpStep(99, 100), 'code plus ancien encore dans la fenêtre de décalage');
});

test('base32 fait l’aller-retour', () => {
  const b = Buffer.from([0, 1, 2, 250, 251, 255, 17]);
  assert.deepEqual(base32Decode(base32Encode(b)), b);
});

test('le secret chiffré ne se déchiffre qu’avec la même clé et s’il est intact', () => {
  const sealed = sealSecret('JBSWY3DPEHPK3PXP', 'cle-secrete-de-test-cle-secrete-de-test');
  assert.equal(openSecret(sealed, 'cle-secrete-de-test-cle-secrete-de-test'), 'JBSWY3DPEHPK3PXP');
  assert.throws(() => openSecret(sealed, 'une-autre-cle-une-autre-cle-une-autre-cle'));
  const parts = sealed.split('.');
  parts[2] = parts[2]!.replace(/^./, (ch) => (ch === 'A' ? 'B' : 'A'));
  assert.throws(() => openSecret(parts.join('.'), 'cle-secrete-de-test-cle-secrete-de-test'));
});
