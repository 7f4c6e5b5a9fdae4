/**
 * The only module that reads process.env: every setting is parsed and validated at start,
 * and every problem is listed in one French message before the server refuses to start.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const bool = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int('PORT doit être un entier').min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL doit commencer par postgres:// ou postgresql://')
    .optional(),
  BASE_URL: z.url({ message: 'BASE_URL doit être une URL complète, par exemple https://label.grandeecolenumerique.gouv.fr' }).optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'SMTP_URL doit commencer par smtp:// ou smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Label GEN <ne-pas-repondre@label-gen.localhost>'),
  DEMO_DATA: bool.default(true),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  MAX_BODY_MB: z.coerce.number().min(0.1).max(200).default(25),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  JOBS: bool.default(true),
  BAN_API_URL: z.url().default('https://api-adresse.data.gouv.fr'),
  GEOCODER: z.enum(['local', 'ban']).default('local'),
  BAN_FILES: z.string().optional(),
  TRUST_PROXY: bool.default(false),
  API_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(100000).default(120),
  APP_SECRET: z.string().min(32, 'APP_SECRET doit faire au moins 32 caractères').optional(),
  /** Where uploaded files are stored (default DATA_DIR/files). */
  FILES_DIR: z.string().min(1).optional(),
  /** clamd address for the antivirus scan of uploads, e.g. tcp://127.0.0.1:3310 (none: no scan). */
  CLAMAV_URL: z.string().regex(/^tcp:\/\/[^:/]+:\d{1,5}$/, 'CLAMAV_URL doit avoir la forme tcp://hôte:port').optional(),
  MAX_UPLOAD_MB: z.coerce.number().min(0.01).max(200).default(20),
  /** Support desk: working days (weekends and French public holidays excluded) to give the first answer. */
  SUPPORT_FIRST_ANSWER_DAYS: z.coerce.number().int().min(1).max(30).default(2),
  /** Support desk: months after closing before a ticket's personal data is erased (figures kept). */
  SUPPORT_RETENTION_MONTHS: z.coerce.number().int().min(1).max(120).default(24),
  /** Months learners' personal data is kept after the end of the label (then erased, keeping pseudonymous figures). */
  LEARNER_RETENTION_MONTHS: z.coerce.number().int().min(0).max(120).default(12),
  /** Shared secret of the inbound-mail webhook (POST /api/support/courriels-entrants); unset: the channel is off. */
  INBOUND_MAIL_SECRET: z.string().min(24, 'INBOUND_MAIL_SECRET doit faire au moins 24 caractères').optional(),
});

/** Validated configuration of the platform. */
export type Config = z.infer<typeof schema> & {
  baseUrl: string;
  dataDir: string;
  /** Absolute directory of uploaded files. */
  filesDir: string;
  secureCookies: boolean;
  isProduction: boolean;
  /** Key material for encrypting secrets at rest (TOTP seeds). */
  appSecret: string;
};

/** Parse an environment (process.env by default); throws one French message listing every bad value. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Configuration invalide :\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const baseUrl = (c.BASE_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, '');
  const isProduction = c.NODE_ENV === 'production';
  if (isProduction && !c.BASE_URL) throw new ConfigError('Configuration invalide :\n  - BASE_URL: obligatoire en production');
  const host = new URL(baseUrl).hostname;
  const local = host === 'localhost' || host === '127.0.0.1' || host === '[::1]';
  if (isProduction && !c.APP_SECRET) throw new ConfigError('Configuration invalide :\n  - APP_SECRET: obligatoire en production (32 caractères aléatoires au moins)');
  const dataDir = path.resolve(c.DATA_DIR);
  return {
    ...c,
    baseUrl,
    dataDir,
    filesDir: path.resolve(c.FILES_DIR ?? path.join(dataDir, 'files')),
    secureCookies: !local || baseUrl.startsWith('https:'),
    isProduction,
    appSecret: c.APP_SECRET ?? localSecret(dataDir),
  };
}

/** Outside production, a random secret kept in DATA_DIR so that restarts keep TOTP seeds readable. */
function localSecret(dataDir: string): string {
  const file = path.join(dataDir, '.app-secret');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(dataDir, { recursive: true });
    const secret = crypto.randomBytes(32).toString('base64url');
    fs.writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
}

/** Raised when the environment holds a value the platform cannot start with. */
export class ConfigError extends Error {}
