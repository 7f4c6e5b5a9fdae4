/** Everything the staff pages show of an application's consultations, read in one go. */
import type { DbOrTx } from '../platform/db/index.js';
import { consultedApplication, failedMails, listRegionContacts, partnerRequests, regionRequests, type ConsultedApplication, type PartnerRow, type RegionOpinionRow } from './consultations.store.js';
import { parisToday, partnerResendReason, partnerStanding, regionResendReason, type Partner, type PartnerStanding, type ResendReason } from './consultations.js';

/** One partner of the application with its request, if any. */
export interface PartnerLine { partner: Partner; row: PartnerRow | null; standing: PartnerStanding; bounced: boolean; resend: ResendReason | null }
/** One Région of the training places with its request, if any. */
export interface RegionLine { regionCode: string; regionName: string; row: RegionOpinionRow | null; hasContact: boolean; bounced: boolean; resend: ResendReason | null }
/** The consultations of one application. */
export interface ConsultationsSummary { app: ConsultedApplication; partners: PartnerLine[]; regions: RegionLine[] }

/** Loads the consultations of an application; null when it does not exist. */
export async function loadConsultations(db: DbOrTx, applicationId: string, now: Date): Promise<ConsultationsSummary | null> {
  const app = await consultedApplication(db, applicationId);
  if (!app) return null;
  const [rows, opinions, contacts] = await Promise.all([partnerRequests(db, applicationId), regionRequests(db, applicationId), listRegionContacts(db)]);
  const failed = await failedMails(db, [...rows.map((r) => r.lastMailId), ...opinions.map((o) => o.lastMailId)]);
  const bounced = (r: { lastMailId: string | null } | null) => !!r?.lastMailId && failed.has(r.lastMailId);
  const partnerLine = (partner: Partner, row: PartnerRow | null): PartnerLine => ({
    partner, row, standing: partnerStanding(row, now), bounced: bounced(row), resend: row ? partnerResendReason(row, bounced(row), now) : null,
  });
  const partners: PartnerLine[] = app.partners.map((p) => partnerLine(p, rows.find((r) => r.partnerKey === p.key) ?? null));
  // A request for a partner since removed from the section stays visible.
  for (const r of rows) {
    if (!app.partners.some((p) => p.key === r.partnerKey)) {
      partners.push(partnerLine({ key: r.partnerKey, name: r.partnerName, type: r.partnerType, contactName: r.contactName, email: r.email, phone: r.phone, commitment: r.commitment, hiringPromises: r.hiringPromises }, r));
    }
  }
  const today = parisToday(now);
  const regionLine = (regionCode: string, regionName: string, row: RegionOpinionRow | null, hasContact: boolean): RegionLine => ({
    regionCode, regionName, row, hasContact, bounced: bounced(row), resend: row ? regionResendReason(row, bounced(row), today) : null,
  });
  const regions: RegionLine[] = app.regions.map((r) => regionLine(r.regionCode, r.regionName, opinions.find((o) => o.regionCode === r.regionCode) ?? null, contacts.some((c) => c.regionCode === r.regionCode)));
  for (const o of opinions) if (!regions.some((r) => r.regionCode === o.regionCode)) regions.push(regionLine(o.regionCode, o.regionName, o, true));
  return { app, partners, regions };
}
