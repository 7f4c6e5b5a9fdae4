/** The second factor: checking a code at login, enrolling TOTP, replacing recovery codes. */
import type { Tx } from '../../platform/db/index.js';
import { markSecondFactor } from '../../platform/auth/session.store.js';
import { newTotpSecret, openSecret, sealSecret, totpMatchStep, isFreshTotpStep } from '../../platform/auth/totp.js';
import { recordAudit } from '../../platform/audit/audit.store.js';
import {
  RECOVERY_CODE_COUNT, anonymousActor, codeKey, hashRecoveryCode, looksLikeRecoveryCode, newRecoveryCode, selfActor,
  type CommandContext,
} from '../accounts.js';
import {
  claimTotpStep, countUnusedRecoveryCodes, enableTotp, findUserById, recordAttempt, replaceRecoveryCodes, setPendingTotp, useRecoveryCode,
} from '../accounts.store.js';
import { isThrottled, startSession } from './log-in.js';

/** Outcome of the code step. */
export type CodeResult =
  | { ok: true; token: string | null; usedRecoveryCode: boolean; recoveryCodesLeft: number }
  /** `replayed`: a right code of a time step already used (seen once, maybe by someone else). */
  | { ok: false; reason: 'throttled' | 'invalid' | 'replayed' };

/**
 * Checks a TOTP code or a recovery code (single use). With `sessionId`, marks that session as
 * second-factor checked; otherwise opens a new session (end of a login).
 */
export async function verifySecondFactor(
  tx: Tx, ctx: CommandContext, input: { userId: string; code: string; sessionId?: string; previousSessionId?: string },
): Promise<CodeResult> {
  const key = codeKey(input.userId);
  if (await isThrottled(tx, ctx, key)) return { ok: false, reason: 'throttled' };
  const user = await findUserById(tx, input.userId);
  if (!user || user.disabledAt || !user.totpEnabledAt) return { ok: false, reason: 'invalid' };
  let method: 'totp' | 'recovery_code' | null = null;
  let replayed = false;
  if (looksLikeRecoveryCode(input.code)) {
    if (await useRecoveryCode(tx, user.id, hashRecoveryCode(input.code, ctx.config.appSecret), ctx.now)) method = 'recovery_code';
  } else {
    const secret = user.totpSecret ? openOrNull(user.totpSecret, ctx.config.appSecret) : null;
    const step = secret ? totpMatchStep(secret, input.code, ctx.now) : null;
    if (step !== null) {
      // The read value spares a write for the common replay; the conditional update decides under concurrency.
      if (isFreshTotpStep(step, user.totpLastStep) && (await claimTotpStep(tx, user.id, step))) method = 'totp';
      else replayed = true;
    }
  }
  if (!method) {
    // A replayed code counts like a wrong one: whoever saw a code cannot try it at leisure.
    await recordAttempt(tx, { key, ip: ctx.ip, success: false, at: ctx.now });
    await recordAudit(tx, anonymousActor(ctx.ip), {
      action: 'account.login_failed', objectType: 'user', objectId: user.id, meta: replayed ? { step: 'code', reason: 'replay' } : { step: 'code' },
    }, ctx.now);
    return { ok: false, reason: replayed ? 'replayed' : 'invalid' };
  }
  await recordAttempt(tx, { key, ip: ctx.ip, success: true, at: ctx.now });
  const left = await countUnusedRecoveryCodes(tx, user.id);
  if (method === 'recovery_code') {
    await recordAudit(tx, selfActor(user, ctx.ip), { action: 'account.recovery_code_used', objectType: 'user', objectId: user.id, meta: { left } }, ctx.now);
  }
  let token: string | null = null;
  if (input.sessionId) await markSecondFactor(tx, input.sessionId, ctx.now);
  else token = await startSession(tx, ctx, user, { previousSessionId: input.previousSessionId, secondFactor: true, method });
  return { ok: true, token, usedRecoveryCode: method === 'recovery_code', recoveryCodesLeft: left };
}

/** The secret being enrolled (created on first visit, kept until confirmed so a reload shows the same QR code). */
export async function pendingTotpSecret(tx: Tx, ctx: CommandContext, userId: string): Promise<string | null> {
  const user = await findUserById(tx, userId);
  if (!user || user.totpEnabledAt) return null;
  // A secret sealed under a previous APP_SECRET cannot be opened: start again with a new one.
  const pending = user.totpPending ? openOrNull(user.totpPending, ctx.config.appSecret) : null;
  if (pending) return pending;
  const secret = newTotpSecret();
  await setPendingTotp(tx, userId, sealSecret(secret, ctx.config.appSecret));
  return secret;
}

/** Outcome of confirming an enrolment: the recovery codes to show once. */
export type EnrolResult = { ok: true; codes: string[] } | { ok: false; errors: Record<string, string> };

/** Confirms enrolment with a first code: TOTP becomes active, this session counts as checked, codes are issued. */
export async function confirmTotpEnrolment(tx: Tx, ctx: CommandContext, input: { userId: string; sessionId: string; code: string }): Promise<EnrolResult> {
  const user = await findUserById(tx, input.userId);
  if (!user || user.totpEnabledAt || !user.totpPending) return { ok: false, errors: { code: 'Rechargez la page pour obtenir un nouveau QR code, puis recommencez.' } };
  const secret = openOrNull(user.totpPending, ctx.config.appSecret);
  if (!secret) return { ok: false, errors: { code: 'Rechargez la page pour obtenir un nouveau QR code, puis recommencez.' } };
  const step = totpMatchStep(secret, input.code, ctx.now);
  if (step === null) {
    return { ok: false, errors: { code: 'Ce code n’est pas le bon. Saisissez le code à 6 chiffres affiché par votre application, sans attendre qu’il change.' } };
  }
  await enableTotp(tx, user.id, user.totpPending, ctx.now, step);
  await markSecondFactor(tx, input.sessionId, ctx.now);
  const codes = await issueRecoveryCodes(tx, ctx, user.id);
  await recordAudit(tx, selfActor(user, ctx.ip), { action: 'account.totp_enabled', objectType: 'user', objectId: user.id }, ctx.now);
  return { ok: true, codes };
}

/** Replaces the recovery codes; the old ones stop working. */
export async function regenerateRecoveryCodes(tx: Tx, ctx: CommandContext, user: { id: string; email: string }): Promise<string[]> {
  const codes = await issueRecoveryCodes(tx, ctx, user.id);
  await recordAudit(tx, selfActor(user, ctx.ip), { action: 'account.recovery_codes_regenerated', objectType: 'user', objectId: user.id }, ctx.now);
  return codes;
}

async function issueRecoveryCodes(tx: Tx, ctx: CommandContext, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await replaceRecoveryCodes(tx, userId, codes.map((c) => hashRecoveryCode(c, ctx.config.appSecret)));
  return codes;
}

function openOrNull(sealed: string, appSecret: string): string | null {
  try {
    return openSecret(sealed, appSecret);
  } catch {
    return null;
  }
}
