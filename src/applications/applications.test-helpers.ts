/** Test helpers of the applications domain: a member, an organisation, an open call, a draft. */
import { eq } from 'drizzle-orm';
import { createTestApp, createUser, createOrganisation, type TestApp, type TestClient } from '../platform/testing/harness.js';
import { seedCall2021, seedDemoCall } from '../calls/seed.js';
import { getCallBySlug } from '../calls/calls.store.js';
import { applications } from './applications.schema.js';

/** A running app with an open demo call, a member signed in, and the organisation's base URL. */
export interface Setup { t: TestApp; client: TestClient; userId: string; orgId: string; callId: string; base: string }

/** Starts an app; with `call2021` the 2021 call is seeded instead of the demo call. */
export async function setup(o: { now?: () => Date; call2021?: boolean; env?: Record<string, string> } = {}): Promise<Setup> {
  const t = await createTestApp({ now: o.now, env: o.env });
  const user = await createUser(t.deps, { fullName: 'Paula Porteuse' });
  const org = await createOrganisation(t.deps, { admins: [user.id] });
  const db = t.deps.database.db;
  const slug = o.call2021 ? 'appel-2021' : `appel-demonstration-${t.deps.now().getUTCFullYear()}`;
  await db.transaction(async (tx) => { if (o.call2021) await seedCall2021(tx); else await seedDemoCall(tx, t.deps.now()); });
  const call = (await getCallBySlug(db, slug))!;
  const client = t.client();
  await client.loginAs(user.id);
  return { t, client, userId: user.id, orgId: org.id, callId: call.call.id, base: `/organisations/${org.id}/candidatures` };
}

/** Creates a draft through the page and returns its URL. */
export async function createDraft(s: Setup, title = 'Développeur web'): Promise<string> {
  const res = await s.client.post(`${s.base}/nouvelle`, { callId: s.callId, trainingTitle: title });
  if (res.status !== 303) throw new Error(`création refusée : ${res.status} ${await res.text()}`);
  return res.headers.get('location')!;
}

/** The application row behind a URL. */
export async function appRow(s: Setup, url: string) {
  const id = url.split('/').pop()!;
  const [row] = await s.t.deps.database.db.select().from(applications).where(eq(applications.id, id));
  return row!;
}
