/** Rules of the application messages: sizes, who is "the other side", labels. */

/** At most this many attachments per message. */
export const MAX_MESSAGE_FILES = 3;
/** Longest message body. */
export const MAX_MESSAGE_LENGTH = 5000;

/** Which side of the thread a person writes from. */
export type MessageSide = 'organisation' | 'staff';

/** The side whose messages are "unread" for a reader of `side`. */
export const otherSide = (side: MessageSide): MessageSide => (side === 'staff' ? 'organisation' : 'staff');

/** How an author is shown: staff messages say they come from the GEN team. */
export function authorLabel(side: MessageSide, fullName: string): string {
  return side === 'staff' ? `${fullName} (équipe GEN)` : fullName;
}

/** "1 message non lu", "3 messages non lus". */
export function unreadLabel(n: number): string {
  return n <= 1 ? `${n} message non lu` : `${n} messages non lus`;
}

/** The body split into paragraphs (blank lines), for display and mails. */
export function paragraphs(body: string): string[] {
  return body.split(/\n{2,}/).map((p) => p.trim()).filter((p) => p !== '');
}
