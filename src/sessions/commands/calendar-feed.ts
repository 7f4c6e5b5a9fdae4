/**
 * The private ICS feed's token of an organisation: stored as a hash; generated on first use from
 * the legacy derived token (links already given keep working), regenerated at random by an
 * organisation admin (audited), after which the former link answers 404.
 */
import type { DbOrTx } from '../../platform/db/index.js';
import { recordAudit, type AuditActor } from '../../platform/audit/audit.store.js';
import { calendarFeedOf, insertCalendarFeedIfMissing, replaceCalendarFeed, type CalendarFeedRow } from '../sessions.store.js';
import { calendarToken, calendarTokenMatches, calendarTokenValid, hashCalendarToken, newCalendarToken } from '../ics.js';

/** The feed's stored token, created on first use with the hash of the legacy derived token. */
export async function ensureCalendarFeed(db: DbOrTx, secret: string, orgId: string, now: Date): Promise<CalendarFeedRow> {
  return (await calendarFeedOf(db, orgId)) ?? insertCalendarFeedIfMissing(db, { organisationId: orgId, tokenHash: hashCalendarToken(calendarToken(secret, orgId)), random: false, createdAt: now });
}

/** Whether `token` opens the organisation's feed now. */
export async function calendarFeedTokenOpens(db: DbOrTx, secret: string, orgId: string, token: string, now: Date): Promise<boolean> {
  const feed = await calendarFeedOf(db, orgId);
  if (feed) return calendarTokenMatches(feed.tokenHash, token);
  if (!calendarTokenValid(secret, orgId, token)) return false;
  await ensureCalendarFeed(db, secret, orgId, now);
  return true;
}

/** The link shown on the calendar page: derivable only while the legacy token is in force. */
export function shownCalendarToken(feed: CalendarFeedRow, secret: string): string | null {
  return feed.random ? null : calendarToken(secret, feed.organisationId);
}

/** Replaces the feed's token with a random one (audited); returns the new token, shown once. */
export async function regenerateCalendarFeed(tx: DbOrTx, actor: AuditActor & { id: string }, orgId: string, now: Date): Promise<{ ok: true; token: string }> {
  const token = newCalendarToken();
  const before = await replaceCalendarFeed(tx, { organisationId: orgId, tokenHash: hashCalendarToken(token), random: true, createdBy: actor.id, createdAt: now });
  await recordAudit(tx, actor, {
    action: 'calendar.link_regenerated', objectType: 'organisation', objectId: orgId,
    before: { since: before?.createdAt?.toISOString() ?? null, random: before?.random ?? false }, after: { since: now.toISOString(), random: true },
  }, now);
  return { ok: true, token };
}
