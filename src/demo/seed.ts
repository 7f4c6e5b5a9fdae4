/**
 * Demo data, created once on an empty database when DEMO_DATA is on. Each domain adds its part
 * here so a newcomer sees the platform alive.
 */
import { sql } from 'drizzle-orm';
import type { AppDeps } from '../platform/http/context.js';
import { users } from '../platform/auth/auth.schema.js';
import { seedDemoAccounts, listDemoAccounts, type DemoAccount } from './accounts.js';
import { seedDemoCall } from '../calls/seed.js';
import { seedDemoInvitation } from '../organisations/seed.js';
import { seedDemoSupport } from '../support/seed.js';
import { seedDemoInspections } from '../inspections/seed.js';
import { seedDemoApplications, seedDemoFreshApplication } from '../applications/seed.js';
import { seedDemoReview } from '../review/seed.js';
import { seedDemoLabels } from '../labels/seed.js';
import { seedDemoSessions } from '../sessions/seed.js';
import { seedDemoCatalogue } from '../catalogue/seed.js';
import { seedDemoLearners } from '../learners/seed.js';
import { seedDemoCompliance } from '../compliance/seed.js';
import { seedDemoChangeRequests } from '../compliance/change-requests.seed.js';
import { seedDemoGrants } from '../grants/index.js';
import { seedDemoMessages } from '../messages/seed.js';
import { seedDemoConsultations } from '../consultations/seed.js';

/** Seeds the demo if the database has no user yet; returns the demo accounts to print. */
export async function seedDemo(deps: AppDeps): Promise<DemoAccount[]> {
  const db = deps.database.db;
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  if ((row?.n ?? 0) > 0) return listDemoAccounts(db);
  return db.transaction(async (tx) => {
    const accounts = await seedDemoAccounts(tx, deps.config.appSecret);
    await seedDemoCall(tx, deps.now());
    await seedDemoApplications(tx, deps.now(), deps.config.baseUrl);
    await seedDemoReview(tx, deps.now(), { baseUrl: deps.config.baseUrl, smtp: !!deps.config.SMTP_URL });
    await seedDemoLabels(tx, deps, deps.now());
    const sessionIds = await seedDemoSessions(tx, deps.now());
    await seedDemoLearners(tx, sessionIds, deps.now());
    await seedDemoCompliance(tx, deps.now());
    await seedDemoChangeRequests(tx, deps.now());
    await seedDemoGrants(tx, deps, deps.now());
    await seedDemoCatalogue(tx, deps.now());
    await seedDemoMessages(tx, { baseUrl: deps.config.baseUrl, smtp: !!deps.config.SMTP_URL }, deps.now());
    await seedDemoConsultations(tx, { baseUrl: deps.config.baseUrl, smtp: !!deps.config.SMTP_URL, secret: deps.config.appSecret }, deps.now());
    // Last of the applications: the others each pick "the" demo submitted application.
    await seedDemoFreshApplication(tx, deps.now(), deps.config.baseUrl);
    await seedDemoInvitation(tx, { baseUrl: deps.config.baseUrl, smtp: !!deps.config.SMTP_URL }, deps.now());
    await seedDemoSupport(tx, { baseUrl: deps.config.baseUrl, smtp: !!deps.config.SMTP_URL, workingDays: deps.config.SUPPORT_FIRST_ANSWER_DAYS }, deps.now());
    await seedDemoInspections(tx, { baseUrl: deps.config.baseUrl, smtp: !!deps.config.SMTP_URL, workingDays: deps.config.SUPPORT_FIRST_ANSWER_DAYS }, deps.now());
    return accounts;
  });
}
