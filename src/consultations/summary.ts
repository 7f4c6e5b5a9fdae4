/** Everything the staff pages show of an application's consultations, read in one go. */
import type { DbOrTx } from '../platform/db/index.js';
import { consultedApplication, listRegionContacts, partnerRequests, regionRequests, type ConsultedApplication, type PartnerRow, type RegionOpinionRow } from './consultations.store.js';
import { partnerStanding, type Partner, type PartnerStanding } from './consultations.js';

/** One partner of the application with its request, if any. */
export interface PartnerLine { partner: Partner; row: PartnerRow | null; standing: PartnerStanding }
/** One Région of the training places with its request, if any. */
export interface RegionLine { regionCode: string; regionName: string; row: RegionOpinionRow | null; hasContact: boolean }
/** The consultations of one application. */
export interface ConsultationsSummary { app: ConsultedApplication; partners: PartnerLine[]; regions: RegionLine[] }

/** Loads the consultations of an application; null when it does not exist. */
export async function loadConsultations(db: DbOrTx, applicationId: string, now: Date): Promise<ConsultationsSummary | null> {
  const app = await consultedApplication(db, applicationId);
  if (!app) return null;
  const [rows, opinions, contacts] = await Promise.all([partnerRequests(db, applicationId), regionRequests(db, applicationId), listRegionContacts(db)]);
  const partners: PartnerLine[] = app.partners.map((p) => {
    const row = rows.find((r) => r.partnerKey === p.key) ?? null;
    return { partner: p, row, standing: partnerStanding(row, now) };
  });
  // A request for a partner since removed from the section stays visible.
  for (const r of rows) {
    if (!app.partners.some((p) => p.key === r.partnerKey)) {
      partners.push({ partner: { key: r.partnerKey, name: r.partnerName, type: r.partnerType, contactName: r.contactName, email: r.email, phone: r.phone, commitment: r.commitment, hiringPromises: r.hiringPromises }, row: r, standing: partnerStanding(r, now) });
    }
  }
  const regions: RegionLine[] = app.regions.map((r) => ({ ...r, row: opinions.find((o) => o.regionCode === r.regionCode) ?? null, hasContact: contacts.some((c) => c.regionCode === r.regionCode) }));
  for (const o of opinions) if (!regions.some((r) => r.regionCode === o.regionCode)) regions.push({ regionCode: o.regionCode, regionName: o.regionName, row: o, hasContact: true });
  return { app, partners, regions };
}
