/** Time-based one-time passwords (RFC 6238, SHA-1, 6 digits, 30 s), base32 secrets, and their encryption at rest. */
import crypto from 'node:crypto';

const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** A new random secret (160 bits), base32. */
export function newTotpSecret(): string {
  return base32Encode(crypto.randomBytes(20));
}

/** Base32 (RFC 4648, no padding). */
export function base32Encode(buf: Buffer): string {
  let bits = 0, value = 0, out = '';
  for (const byte of buf) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) { out += B32[(value >>> (bits - 5)) & 31]; bits -= 5; }
  }
  if (bits > 0) out += B32[(value << (5 - bits)) & 31];
  return out;
}

/** Decodes base32, ignoring spaces and case. */
export function base32Decode(s: string): Buffer {
  const clean = s.replace(/[\s=]/g, '').toUpperCase();
  let bits = 0, value = 0;
  const out: number[] = [];
  for (const ch of clean) {
    const idx = B32.indexOf(ch);
    if (idx < 0) throw new Error('base32 invalide');
    value = (value << 5) | idx;
    bits += 5;
    if (bits >= 8) { out.push((value >>> (bits - 8)) & 255); bits -= 8; }
  }
  return Buffer.from(out);
}

/** The code for a secret at an instant. */
export function totpCode(secret: string, at: Date, step = 30): string {
  const counter = Math.floor(at.getTime() / 1000 / step);
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(counter));
  const mac = crypto.createHmac('sha1', base32Decode(secret)).update(msg).digest();
  const off = mac[mac.length - 1]! & 0xf;
  const bin = ((mac[off]! & 0x7f) << 24) | (mac[off + 1]! << 16) | (mac[off + 2]! << 8) | mac[off + 3]!;
  return String(bin % 1_000_000).padStart(6, '0');
}

/** The 30-second time step of an instant (what a code is computed from). */
export function totpStep(at: Date, step = 30): number {
  return Math.floor(at.getTime() / 1000 / step);
}

/**
 * The time step a typed code belongs to, accepting one step of clock drift either way, or null
 * when the code matches none of them. Knowing the step lets the caller refuse a replayed code.
 */
export function totpMatchStep(secret: string, code: string, at: Date): number | null {
  const typed = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(typed)) return null;
  const now = totpStep(at);
  for (const drift of [-1, 0, 1]) {
    const expected = totpCode(secret, new Date((now + drift) * 30_000));
    if (crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(typed))) return now + drift;
  }
  return null;
}

/** Checks a typed code, accepting one step of clock drift either way (no replay check: see totpMatchStep). */
export function verifyTotp(secret: string, code: string, at: Date): boolean {
  return totpMatchStep(secret, code, at) !== null;
}

/**
 * Whether a code of `step` may be accepted after `lastStep` was: only a strictly later step, so a
 * code seen once (or an older one still inside the drift window) cannot be used again.
 */
export function isFreshTotpStep(step: number, lastStep: number | null): boolean {
  return lastStep === null || step > lastStep;
}

/** otpauth:// URI for authenticator apps. */
export function otpauthUri(secret: string, account: string, issuer = 'Label GEN'): string {
  return `otpauth://totp/${encodeURIComponent(`${issuer}:${account}`)}?secret=${secret}&issuer=${encodeURIComponent(issuer)}&algorithm=SHA1&digits=6&period=30`;
}

function key(appSecret: string): Buffer {
  return crypto.createHash('sha256').update(`totp:${appSecret}`).digest();
}

/** Encrypts a secret with AES-256-GCM under the application secret. */
export function sealSecret(plain: string, appSecret: string): string {
  const iv = crypto.randomBytes(12);
  const c = crypto.createCipheriv('aes-256-gcm', key(appSecret), iv);
  const enc = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
  return `v1.${iv.toString('base64url')}.${enc.toString('base64url')}.${c.getAuthTag().toString('base64url')}`;
}

/** Decrypts a sealed secret; throws if it was tampered with or the key changed. */
export function openSecret(sealed: string, appSecret: string): string {
  const [v, iv, enc, tag] = sealed.split('.');
  if (v !== 'v1' || !iv || !enc || !tag) throw new Error('secret scellé invalide');
  const d = crypto.createDecipheriv('aes-256-gcm', key(appSecret), Buffer.from(iv, 'base64url'));
  d.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([d.update(Buffer.from(enc, 'base64url')), d.final()]).toString('utf8');
}
