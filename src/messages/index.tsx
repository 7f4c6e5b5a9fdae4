/** What other domains may import from the messages domain. */
import type { DbOrTx } from '../platform/db/index.js';
import { unreadCounts } from './messages.store.js';
import { staffThreadPath } from './commands/post-message.js';
import { unreadLabel } from './messages.js';

export { applicationMessages, applicationMessageFiles, applicationMessageReads } from './messages.schema.js';
export { postStaffMessage, postOrganisationMessage, staffThreadPath, memberThreadPath, type MessageAuthor, type MessageInput, type PostResult, type StoredFile } from './commands/post-message.js';
export { readMessageFiles, discardMessageFiles } from './http.js';
export { unreadLabel } from './messages.js';

/** Unread organisation messages per application for a staff member (workspace lists, application page). */
export function staffUnread(db: DbOrTx, userId: string, applicationIds: string[]): Promise<Map<string, number>> {
  return unreadCounts(db, userId, 'staff', applicationIds);
}

/** Unread GEN-team messages per application for a member of the organisation. */
export function memberUnread(db: DbOrTx, userId: string, applicationIds: string[]): Promise<Map<string, number>> {
  return unreadCounts(db, userId, 'organisation', applicationIds);
}

/** The link to an application's thread with its unread count (staff application page). */
export function StaffMessagesLink({ applicationId, unread }: { applicationId: string; unread: number }) {
  return (
    <p>
      <a class="fr-link fr-icon-mail-line fr-link--icon-left" href={staffThreadPath(applicationId)}>Messages avec l’organisme</a>
      {unread > 0 ? <span class="fr-badge fr-badge--sm fr-badge--new fr-ml-1w">{unreadLabel(unread)}</span> : null}
    </p>
  );
}
