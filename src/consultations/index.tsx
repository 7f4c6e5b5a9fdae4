/** What other domains may import from the consultations domain. */
import type { DbOrTx } from '../platform/db/index.js';
import type { Actor } from '../platform/http/context.js';
import { staffUnread, StaffMessagesLink } from '../messages/index.js';
import { loadConsultations } from './summary.js';
import { ConsultationsBlock } from './views/parts.js';

export { partnerConfirmations, regionContacts, regionOpinions } from './consultations.schema.js';
export { uncontactedPartners, missingOpinions } from './consultations.store.js';
export { loadConsultations, type ConsultationsSummary, type PartnerLine, type RegionLine } from './summary.js';
export { ConsultationsBlock, PartnersTable, RegionsTable, consultationsPath } from './views/parts.js';
export { contactPartners, type ConsultationSettings } from './commands/partners.js';
export { requestRegionOpinions } from './commands/regions.js';
export { PARTNER_STATUS_LABELS, OPINION_LABELS, partnerStanding } from './consultations.js';

/**
 * The panels this domain and the messages add to the staff application page: the link to the
 * thread with the reader's unread count (instructors and admins), and the consultations block.
 */
export async function StaffApplicationPanels({ db, actor, applicationId, now, csrf }: { db: DbOrTx; actor: Actor; applicationId: string; now: Date; csrf: string }) {
  const staffSide = actor.staffRoles.includes('instructor') || actor.staffRoles.includes('admin');
  const [summary, unread] = await Promise.all([loadConsultations(db, applicationId, now), staffSide ? staffUnread(db, actor.userId, [applicationId]) : null]);
  return (
    <>
      {unread ? <StaffMessagesLink applicationId={applicationId} unread={unread.get(applicationId) ?? 0} /> : null}
      {summary ? <ConsultationsBlock summary={summary} manage={staffSide} csrf={csrf} /> : null}
    </>
  );
}
