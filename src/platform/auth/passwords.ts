/** Password hashing (argon2id, explicit parameters) and the password policy. */
import { hash, verify, Algorithm } from '@node-rs/argon2';
import { COMMON_PASSWORDS } from './common-passwords.js';

/** OWASP-recommended argon2id parameters (19 MiB, 2 passes). */
const PARAMS = { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** Minimum length (ANSSI recommends at least 12 characters for passwords without other factor). */
export const MIN_PASSWORD_LENGTH = 12;

/** Hashes a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, PARAMS);
}

/** Checks a password against its hash; false for any malformed hash. */
export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

/** A hash of nothing anyone knows, verified when the email is unknown so timing does not tell. */
let dummyHash: Promise<string> | null = null;
/** Spends the same time as a real verification. */
export async function verifyAgainstDummy(password: string): Promise<void> {
  dummyHash ??= hashPassword('mot-de-passe-factice-pour-le-temps-constant');
  await verifyPassword(await dummyHash, password);
}

/** The password policy: French message, or null when acceptable. */
export function passwordProblem(password: string, context: { email?: string; name?: string } = {}): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Le mot de passe doit contenir au moins ${MIN_PASSWORD_LENGTH} caractères.`;
  if (password.length > 256) return 'Le mot de passe ne doit pas dépasser 256 caractères.';
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower) || COMMON_PASSWORDS.has(lower.replace(/[0-9!?.]+$/, ''))) {
    return 'Ce mot de passe est trop courant : choisissez-en un autre, par exemple une phrase de plusieurs mots.';
  }
  if (/^(.)\1+$/.test(password)) return 'Ce mot de passe est trop simple : évitez de répéter le même caractère.';
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) return 'Le mot de passe ne doit pas contenir votre adresse électronique.';
  return null;
}
