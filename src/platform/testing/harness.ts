/** One test helper: an app on a fresh database, a cookie-keeping client, and factories. */
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { loadConfig } from '../config.js';
import { createApp } from '../http/app.js';
import { inlineJobs } from '../jobs/jobs.js';
import type { AppDeps } from '../http/context.js';
import { openTestDatabase } from './database.js';
import { modules, registerJobs } from '../../modules.js';
import { createSession, markSecondFactor } from '../auth/session.store.js';
import { sessionCookieName } from '../auth/cookies.js';
import { csrfCookieName } from '../http/security.js';
import { users, staffRoles } from '../auth/auth.schema.js';
import { organisations, memberships } from '../../organisations/organisations.schema.js';
import type { StaffRoleName } from '../auth/roles.js';
import { newToken } from '../auth/tokens.js';

/** A precomputed argon2id hash of TEST_PASSWORD, to keep factories fast. */
export const TEST_PASSWORD = 'cheval-agrafe-batterie-42';
const TEST_PASSWORD_HASH = '$argon2id$v=19$m=19456,t=2,p=1$A8ctz+kETIi4Dh6hK8jx8g$VRR1LqNu4pze+qAJ9QGuaTPPM5C6bPr9fK+H7O4Eplg';

/** A running test application. */
export interface TestApp {
  deps: AppDeps;
  app: ReturnType<typeof createApp>['app'];
  router: ReturnType<typeof createApp>['router'];
  jobs: ReturnType<typeof inlineJobs>;
  /** A new browser-like client with its own cookies. */
  client(opts?: { ip?: string }): TestClient;
  close(): Promise<void>;
}

/** Starts the platform on a fresh database; `now` may be fixed. */
export async function createTestApp(opts: { now?: () => Date; env?: Record<string, string> } = {}): Promise<TestApp> {
  const config = loadConfig({
    NODE_ENV: 'test', DEMO_DATA: '0', TRUST_PROXY: '1', LOG_LEVEL: 'silent', JOBS: '0',
    DATA_DIR: path.join(os.tmpdir(), 'label-gen-test'), APP_SECRET: 'test-secret-test-secret-test-secret-0123',
    ...opts.env,
  });
  const database = await openTestDatabase();
  const jobs = inlineJobs();
  const deps: AppDeps = { config, database, jobs, now: opts.now ?? (() => new Date()), services: {} };
  await registerJobs(deps);
  const { app, router } = createApp(deps, modules);
  return {
    deps, app, router, jobs,
    client: (o) => new TestClient(app, deps, o?.ip),
    close: () => database.close(),
  };
}

/** A client that keeps cookies like a browser and adds the CSRF token to posts. */
export class TestClient {
  readonly cookies = new Map<string, string>();
  constructor(private readonly app: TestApp['app'], private readonly deps: AppDeps, private readonly ip = '192.0.2.10') {
    this.cookies.set(csrfCookieName(deps.config.secureCookies), newToken());
  }

  /** The CSRF token this client sends. */
  get csrf(): string {
    return this.cookies.get(csrfCookieName(this.deps.config.secureCookies))!;
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(res: Response): Response {
    for (const sc of res.headers.getSetCookie()) {
      const [pair, ...attrs] = sc.split(';');
      const i = pair!.indexOf('=');
      const k = pair!.slice(0, i).trim();
      const v = pair!.slice(i + 1).trim();
      const expired = attrs.some((a) => /max-age=0/i.test(a) || /expires=Thu, 01 Jan 1970/i.test(a));
      if (expired || v === '') this.cookies.delete(k);
      else this.cookies.set(k, v);
    }
    return res;
  }

  /** GET a path. */
  async get(p: string, headers: Record<string, string> = {}): Promise<Response> {
    return this.keep(await this.app.request(p, { headers: { cookie: this.cookieHeader(), 'x-forwarded-for': this.ip, ...headers } }));
  }

  /** POST a url-encoded form (with the CSRF token unless `csrf: false`). */
  async post(p: string, fields: Record<string, string | string[]> = {}, o: { csrf?: boolean; headers?: Record<string, string> } = {}): Promise<Response> {
    const body = new URLSearchParams();
    if (o.csrf !== false) body.append('_csrf', this.csrf);
    for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
    return this.keep(await this.app.request(p, {
      method: 'POST', body,
      headers: { cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': this.ip, ...o.headers },
    }));
  }

  /** POST multipart form data (files). */
  async postMultipart(p: string, form: FormData, headers: Record<string, string> = {}): Promise<Response> {
    if (!form.has('_csrf')) form.append('_csrf', this.csrf);
    return this.keep(await this.app.request(p, { method: 'POST', body: form, headers: { cookie: this.cookieHeader(), 'x-forwarded-for': this.ip, ...headers } }));
  }

  /** Signs in as a user directly (session row + cookie); staff get their second factor checked. */
  async loginAs(userId: string, o: { secondFactor?: boolean } = {}): Promise<void> {
    const db = this.deps.database.db;
    const token = await createSession(db, { userId, ttlHours: 12, now: this.deps.now() });
    if (o.secondFactor !== false) {
      const { sha256 } = await import('../auth/tokens.js');
      await markSecondFactor(db, sha256(token), this.deps.now());
    }
    this.cookies.set(sessionCookieName(this.deps.config.secureCookies), token);
  }
}

let seq = 0;

/** Creates a confirmed user (password TEST_PASSWORD), optionally with staff roles. */
export async function createUser(deps: AppDeps, o: { email?: string; fullName?: string; staff?: StaffRoleName[]; confirmed?: boolean; totp?: boolean } = {}) {
  const db = deps.database.db;
  seq++;
  const [u] = await db.insert(users).values({
    email: o.email ?? `personne${seq}.${Date.now()}@exemple.fr`,
    fullName: o.fullName ?? `Personne ${seq}`,
    passwordHash: TEST_PASSWORD_HASH,
    emailConfirmedAt: o.confirmed === false ? null : new Date(),
    totpEnabledAt: o.totp || (o.staff?.length ?? 0) > 0 ? new Date() : null,
  }).returning();
  for (const role of o.staff ?? []) await db.insert(staffRoles).values({ userId: u!.id, role });
  return u!;
}

/** Creates an organisation with the given members. */
export async function createOrganisation(deps: AppDeps, o: { name?: string; siret?: string; admins?: string[]; members?: string[] } = {}) {
  const db = deps.database.db;
  seq++;
  const [org] = await db.insert(organisations).values({
    name: o.name ?? `Organisme ${seq}`,
    siret: o.siret ?? fakeSiret(seq),
    nda: '11755555575',
    qualiopiStatus: 'certified',
    qualiopiValidUntil: '2028-12-31',
    addressLine: '12 rue Myrha', postcode: '75018', city: 'Paris',
    contactName: 'Camille Martin', contactEmail: 'contact@exemple.fr', contactPhone: '0122334455',
  }).returning();
  for (const id of o.admins ?? []) await db.insert(memberships).values({ organisationId: org!.id, userId: id, role: 'admin' });
  for (const id of o.members ?? []) await db.insert(memberships).values({ organisationId: org!.id, userId: id, role: 'member' });
  return org!;
}

/** A SIRET with a valid Luhn key, different for each n. */
export function fakeSiret(n: number): string {
  const base = `${String(40000000 + (n % 9999999)).padStart(9, '0')}0000`;
  for (let d = 0; d <= 9; d++) if (luhn(base + d)) return base + d;
  throw new Error('unreachable: one check digit always fits');
}

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) { d *= 2; if (d > 9) d -= 9; }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Reads a user row by email (tests). */
export async function userByEmail(deps: AppDeps, email: string) {
  const [u] = await deps.database.db.select().from(users).where(eq(users.email, email));
  return u ?? null;
}
