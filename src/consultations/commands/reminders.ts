/**
 * The consultations' periodic job: partners' expired links become "no answer", reminders go to
 * partners after 7 days and to Régions a few days before the due date (each claimed by an update,
 * so a second run sends nothing twice), and admissible applications get their partners and
 * Régions consulted automatically.
 */
import type { Db } from '../../platform/db/index.js';
import { SYSTEM } from '../../platform/audit/audit.store.js';
import { enqueueMail } from '../../platform/mail/mail.store.js';
import {
  admissibleApplicationIds, claimPartnerReminders, claimRegionReminders, consultedApplication, expirePartnerRequests, listRegionContacts, partnerRequests, regionRequests,
  setPartnerLastMail, setRegionLastMail,
} from '../consultations.store.js';
import { addDays, parisToday, REGION_DEFAULT_DUE_DAYS, REGION_REMINDER_DAYS_BEFORE } from '../consultations.js';
import { contactPartners, partnerRequestMail, type ConsultationSettings } from './partners.js';
import { regionRequestMail, requestRegionOpinions } from './regions.js';

/** What one run did. */
export interface ReminderRun { expired: number; partnerReminders: number; regionReminders: number; autoContacted: number; autoAsked: number; mailIds: string[] }

/** One run of the job. */
export async function runConsultationReminders(db: Db, s: ConsultationSettings, now: Date): Promise<ReminderRun> {
  const run: ReminderRun = { expired: 0, partnerReminders: 0, regionReminders: 0, autoContacted: 0, autoAsked: 0, mailIds: [] };
  await db.transaction(async (tx) => {
    run.expired = (await expirePartnerRequests(tx, now)).length;
    const partners = await claimPartnerReminders(tx, now);
    const lastDue = addDays(new Date(`${parisToday(now)}T00:00:00Z`), REGION_REMINDER_DAYS_BEFORE).toISOString().slice(0, 10);
    const regions = await claimRegionReminders(tx, now, lastDue);
    const apps = new Map<string, Awaited<ReturnType<typeof consultedApplication>>>();
    const appOf = async (id: string) => { if (!apps.has(id)) apps.set(id, await consultedApplication(tx, id)); return apps.get(id)!; };
    for (const p of partners) {
      const app = await appOf(p.applicationId);
      if (app && p.email) {
        const mailId = await enqueueMail(tx, partnerRequestMail(p, app, s, true), s.smtp);
        await setPartnerLastMail(tx, p.id, mailId);
        run.mailIds.push(mailId); run.partnerReminders++;
      }
    }
    for (const r of regions) {
      const app = await appOf(r.applicationId);
      if (app) {
        const mailId = await enqueueMail(tx, regionRequestMail(r, app, s, true), s.smtp);
        await setRegionLastMail(tx, r.id, mailId);
        run.mailIds.push(mailId); run.regionReminders++;
      }
    }
  });
  // Admissible applications: every partner and Région consulted without waiting for a reviewer.
  const contacts = new Set((await listRegionContacts(db)).map((c) => c.regionCode));
  const dueOn = addDays(new Date(`${parisToday(now)}T00:00:00Z`), REGION_DEFAULT_DUE_DAYS).toISOString().slice(0, 10);
  for (const id of await admissibleApplicationIds(db)) {
    const [app, asked, regions] = await Promise.all([consultedApplication(db, id), partnerRequests(db, id), regionRequests(db, id)]);
    if (!app) continue;
    const keys = new Set(asked.map((a) => a.partnerKey));
    if (app.partners.some((p) => p.email && !keys.has(p.key))) {
      const res = await db.transaction((tx) => contactPartners(tx, SYSTEM, id, s, now));
      if (res.ok) { run.autoContacted += res.contacted.length; run.mailIds.push(...res.mailIds); }
    }
    const askedRegions = new Set(regions.map((r) => r.regionCode));
    if (app.regions.some((r) => !askedRegions.has(r.regionCode) && contacts.has(r.regionCode))) {
      const res = await db.transaction((tx) => requestRegionOpinions(tx, SYSTEM, { applicationId: id, dueOn }, s, now));
      if (res.ok) { run.autoAsked += res.asked.length; run.mailIds.push(...res.mailIds); }
    }
  }
  return run;
}
