import { sql } from 'drizzle-orm';
import { createTestApp, createUser, createOrganisation } from '/work/main/src/platform/testing/harness.ts';
import { createSession, loadActor } from '/work/main/src/platform/auth/session.store.ts';
import { sha256 } from '/work/main/src/platform/auth/tokens.ts';
const t = await createTestApp();
const db = t.deps.database.db; const raw = t.deps.database.raw;
const u = await createUser(t.deps, { staff: ['admin'] });
await createOrganisation(t.deps, { admins: [u.id] });
const token = await createSession(db, { userId: u.id, ttlHours: 12, now: new Date() });
const id = sha256(token);
const N = 400;
const now = new Date();
const Q = `select s.current_org_id, s.second_factor_at, s.last_seen_at, u.id, u.email, u.full_name, u.totp_enabled_at, u.disabled_at,
   (select coalesce(json_agg(sr.role::text order by sr.role), '[]'::json) from staff_roles sr where sr.user_id = u.id) as roles,
   (select coalesce(json_agg(json_build_object('organisationId', m.organisation_id, 'role', m.role, 'organisationName', o.name) order by o.name, o.id), '[]'::json) from memberships m join organisations o on o.id = m.organisation_id where m.user_id = u.id) as ms
   from sessions s join users u on u.id = s.user_id where s.id = $1 and s.expires_at > $2`;
const fns: Record<string, () => Promise<unknown>> = {
  'loadActor (drizzle)': () => loadActor(db, token, now, 12),
  'raw.query même SQL': () => raw.query(Q, [id, now.toISOString()]),
  'db.execute même SQL': () => db.execute(sql.raw(Q.replace('$1', `'${id}'`).replace('$2', `'${now.toISOString()}'`))),
  'select 1': () => raw.query('select 1'),
};
for (let r = 0; r < 3; r++) for (const [k, fn] of Object.entries(fns)) {
  for (let i = 0; i < 20; i++) await fn();
  const t0 = performance.now();
  for (let i = 0; i < N; i++) await fn();
  console.log(k.padEnd(24), ((performance.now() - t0) / N).toFixed(2), 'ms');
}
await t.close();
