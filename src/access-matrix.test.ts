/**
 * The access matrix: every registered route, for every kind of visitor, against the reviewed
 * table of src/access-expectations.ts.
 *
 * For each route a fresh little world is made (two organisations A and B, their admins and
 * members, a user without organisation, one staff account per role, a staff admin without second
 * factor), then each visitor sends a GET (or a POST with a valid CSRF token and an empty form).
 * The router sets `X-Denied-By: policy` on every policy denial: that header tells "denied" from
 * "allowed" (an allowed handler may still answer 404 for a random id, or 422 for the empty form).
 * The kind of denial is checked too: 303 to /connexion (401 JSON on the API) for anonymous
 * visitors, 404 for someone else's organisation, 403 for a member on an admin route or a wrong
 * staff role, 303 to /compte/double-authentification for staff without their second factor.
 * Allowed answers must never be 5xx.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { createTestApp, createUser, createOrganisation, type TestApp } from './platform/testing/harness.js';
import { EXPECTED, type Expected } from './access-expectations.js';
import type { Access } from './platform/http/access.js';
import type { RouteEntry } from './platform/http/router.js';
import { STAFF_ROLES, type StaffRoleName } from './platform/auth/roles.js';

const t: TestApp = await createTestApp();
after(() => t.close());

/** What a visitor gets: allowed, or one kind of denial. */
type Outcome = 'allowed' | 'login' | 'not_found' | 'forbidden' | 'second_factor';

const OUTCOME_FR: Record<Outcome, string> = {
  allowed: 'accès autorisé',
  login: 'refus : renvoi vers /connexion (401 sur l’API)',
  not_found: 'refus : 404 (organisme d’autrui)',
  forbidden: 'refus : 403',
  second_factor: 'refus : renvoi vers /compte/double-authentification',
};

/** One kind of visitor. */
interface Visitor {
  key: string;
  label: string;
  signedIn: boolean;
  org?: { which: 'A' | 'B'; role: 'admin' | 'member' };
  staff?: StaffRoleName;
  secondFactor?: boolean;
}

const VISITORS: Visitor[] = [
  { key: 'anonymous', label: 'visiteur anonyme', signedIn: false },
  { key: 'noOrg', label: 'utilisateur connecté sans organisme', signedIn: true },
  { key: 'adminA', label: 'administrateur de l’organisme A', signedIn: true, org: { which: 'A', role: 'admin' } },
  { key: 'memberA', label: 'membre de l’organisme A', signedIn: true, org: { which: 'A', role: 'member' } },
  { key: 'memberB', label: 'membre de l’organisme B', signedIn: true, org: { which: 'B', role: 'member' } },
  ...STAFF_ROLES.map((role): Visitor => ({ key: `staff-${role}`, label: `agent ${role} (second facteur vérifié)`, signedIn: true, staff: role, secondFactor: true })),
  { key: 'staff-admin-no2fa', label: 'agent admin SANS second facteur', signedIn: true, staff: 'admin', secondFactor: false },
];

/** What the reviewed table says this visitor should get. API routes never read the session cookie. */
function expectedOutcome(expected: Expected, v: Visitor, api: boolean): Outcome {
  if (expected === 'public') return 'allowed';
  if (!v.signedIn || api) return 'login';
  if (expected === 'signedIn') return 'allowed';
  if (expected === 'orgMember' || expected === 'orgAdmin') {
    if (v.org?.which !== 'A') return 'not_found';
    if (expected === 'orgAdmin' && v.org.role !== 'admin') return 'forbidden';
    return 'allowed';
  }
  if (!v.staff || !expected.includes(v.staff)) return 'forbidden';
  return v.secondFactor ? 'allowed' : 'second_factor';
}

/** What the response says. */
function actualOutcome(res: Response): Outcome | `denied-${number}` {
  if (res.headers.get('x-denied-by') !== 'policy') return 'allowed';
  const location = res.headers.get('location') ?? '';
  if (res.status === 401 || (res.status === 303 && /^\/connexion(\?|$)/.test(location))) return 'login';
  if (res.status === 303 && location === '/compte/double-authentification') return 'second_factor';
  if (res.status === 404) return 'not_found';
  if (res.status === 403) return 'forbidden';
  return `denied-${res.status}`;
}

/** The category a declared Access amounts to, to compare with the table before any request. */
function declared(access: Access): Expected {
  if (access.kind === 'public' || access.kind === 'signedIn') return access.kind;
  if (access.kind === 'orgMember') return access.admin ? 'orgAdmin' : 'orgMember';
  return [...access.roles];
}

function same(a: Expected, b: Expected): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return [...a].sort().join(',') === [...b].sort().join(',');
  return a === b;
}

const show = (e: Expected) => (Array.isArray(e) ? `staff(${e.map((r) => `'${r}'`).join(', ')})` : `'${e}'`);
const keyOf = (e: RouteEntry) => `${e.method} ${e.path}`;

/**
 * Fills a route pattern: :orgId gets organisation A, other parameters a random uuid (names ending
 * in "id") or 'inexistant' (slugs, tokens), whichever the parameter's own pattern accepts.
 */
function fillPath(pattern: string, orgId: string): string {
  let out = '';
  for (let i = 0; i < pattern.length;) {
    const ch = pattern[i]!;
    if (ch === '*') { out += 'inexistant'; i++; continue; }
    if (ch !== ':' || (i > 0 && pattern[i - 1] !== '/')) { out += ch; i++; continue; }
    let j = i + 1;
    while (j < pattern.length && /\w/.test(pattern[j]!)) j++;
    const name = pattern.slice(i + 1, j);
    let re: RegExp | null = null;
    if (pattern[j] === '{') {
      let depth = 0, k = j;
      for (; k < pattern.length; k++) {
        if (pattern[k] === '{') depth++;
        else if (pattern[k] === '}' && --depth === 0) break;
      }
      re = new RegExp(`^(?:${pattern.slice(j + 1, k)})$`);
      j = k + 1;
    }
    if (pattern[j] === '?') j++;
    const candidates = name === 'orgId' ? [orgId] : /id$/i.test(name) ? [crypto.randomUUID(), 'inexistant', '1'] : ['inexistant', crypto.randomUUID(), '1'];
    out += candidates.find((c) => !re || re.test(c)) ?? candidates[0];
    i = j;
  }
  return out;
}

/** A fresh world for one route, so a POST that changes something cannot spoil the next route. */
async function makeWorld() {
  const d = t.deps;
  const adminA = await createUser(d), memberA = await createUser(d);
  const adminB = await createUser(d), memberB = await createUser(d);
  const noOrg = await createUser(d);
  const orgA = await createOrganisation(d, { name: 'Organisme A', admins: [adminA.id], members: [memberA.id] });
  await createOrganisation(d, { name: 'Organisme B', admins: [adminB.id], members: [memberB.id] });
  const staffIds: Record<string, string> = {};
  for (const role of STAFF_ROLES) staffIds[role] = (await createUser(d, { staff: [role] })).id;
  const staffAdminNo2fa = await createUser(d, { staff: ['admin'] });
  const idOf = (v: Visitor): string | null => {
    if (!v.signedIn) return null;
    if (v.staff) return v.secondFactor ? staffIds[v.staff]! : staffAdminNo2fa.id;
    if (v.org) return v.org.which === 'A' ? (v.org.role === 'admin' ? adminA.id : memberA.id) : memberB.id;
    return noOrg.id;
  };
  return { orgA, idOf };
}

let ip = 0;

/** Sends the request of one visitor on one route (a new client each time: a POST may log out). */
async function visit(entry: RouteEntry, v: Visitor, userId: string | null, path: string): Promise<Response> {
  ip = (ip + 1) % 250;
  const client = t.client({ ip: `198.51.100.${ip + 1}` });
  if (userId) await client.loginAs(userId, { secondFactor: v.secondFactor !== false });
  const res = entry.method === 'GET' ? await client.get(path) : await client.post(path, {});
  await res.arrayBuffer();
  return res;
}

const entries = t.router.entries;

test('chaque route enregistrée figure dans src/access-expectations.ts, et chaque ligne du tableau est une route', () => {
  const problems: string[] = [];
  const seen = new Map<string, number>();
  for (const e of entries) seen.set(keyOf(e), (seen.get(keyOf(e)) ?? 0) + 1);
  for (const [k, n] of seen) if (n > 1) problems.push(`route enregistrée ${n} fois : '${k}'`);
  for (const e of entries) {
    const k = keyOf(e);
    const exp = EXPECTED[k];
    if (exp === undefined) {
      problems.push(`route absente du tableau : '${k}' (déclarée ${show(declared(e.access))}) — ajoutez-la à EXPECTED dans src/access-expectations.ts après relecture`);
    } else if (!same(exp, declared(e.access))) {
      problems.push(`'${k}' : le tableau attend ${show(exp)} mais la route déclare ${show(declared(e.access))}`);
    }
  }
  for (const k of Object.keys(EXPECTED)) {
    if (!seen.has(k)) problems.push(`ligne du tableau sans route : '${k}' — route renommée ou supprimée ? Mettez src/access-expectations.ts à jour`);
  }
  if (problems.length) assert.fail(`\n${problems.map((p) => `  - ${p}`).join('\n')}\n`);
});

test('la matrice d’accès : chaque route, pour chaque visiteur, autorise ou refuse comme prévu', async (tt) => {
  assert.ok(entries.length > 0, 'aucune route enregistrée : le walk ne vérifierait rien');
  for (const entry of entries) {
    const k = keyOf(entry);
    const expected = EXPECTED[k];
    if (expected === undefined) continue; // reported by the test above
    await tt.test(k, async () => {
      const world = await makeWorld();
      const path = fillPath(entry.path, world.orgA.id);
      const problems: string[] = [];
      for (const v of VISITORS) {
        const res = await visit(entry, v, world.idOf(v), path);
        const want = expectedOutcome(expected, v, entry.api);
        const got = actualOutcome(res);
        if (got !== want) {
          const gotFr = got in OUTCOME_FR ? OUTCOME_FR[got as Outcome] : `refus inattendu (${got})`;
          problems.push(`${v.label} : attendu « ${OUTCOME_FR[want]} », obtenu « ${gotFr} » (HTTP ${res.status}${res.headers.get('location') ? ` → ${res.headers.get('location')}` : ''})`);
        } else if (got === 'allowed' && res.status >= 500) {
          problems.push(`${v.label} : autorisé mais HTTP ${res.status} (erreur serveur sur ${entry.method} ${path})`);
        }
      }
      if (problems.length) assert.fail(`\n${entry.method} ${path} (tableau : ${show(expected)})\n${problems.map((p) => `  - ${p}`).join('\n')}\n`);
    });
  }
});

test('le remplissage des chemins donne l’organisme A, un uuid ou un identifiant inexistant', () => {
  const org = crypto.randomUUID();
  assert.equal(fillPath('/organisations/:orgId/membres', org), `/organisations/${org}/membres`);
  assert.match(fillPath('/gestion/utilisateurs/:userId', org), /^\/gestion\/utilisateurs\/[0-9a-f-]{36}$/);
  assert.equal(fillPath('/invitation/:token', org), '/invitation/inexistant');
  assert.equal(fillPath('/appels/:year{[0-9]+}', org), '/appels/1');
  assert.equal(fillPath('/fichiers/*', org), '/fichiers/inexistant');
});

test('le modèle attendu : refus propres à chaque catégorie', () => {
  const [anon, noOrg, adminA, memberA, memberB] = VISITORS as [Visitor, Visitor, Visitor, Visitor, Visitor];
  const staffAdmin = VISITORS.find((v) => v.key === 'staff-admin')!;
  const no2fa = VISITORS.find((v) => v.key === 'staff-admin-no2fa')!;
  assert.equal(expectedOutcome('signedIn', anon, false), 'login');
  assert.equal(expectedOutcome('orgMember', memberB, false), 'not_found');
  assert.equal(expectedOutcome('orgMember', noOrg, false), 'not_found');
  assert.equal(expectedOutcome('orgAdmin', memberA, false), 'forbidden');
  assert.equal(expectedOutcome('orgAdmin', adminA, false), 'allowed');
  assert.equal(expectedOutcome(['instructor'], staffAdmin, false), 'forbidden');
  assert.equal(expectedOutcome(['admin'], no2fa, false), 'second_factor');
  assert.equal(expectedOutcome(['instructor'], no2fa, false), 'forbidden');
  assert.equal(expectedOutcome('signedIn', adminA, true), 'login');
});
