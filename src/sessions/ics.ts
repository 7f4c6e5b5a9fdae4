/**
 * The organisation's calendar as an iCalendar feed (RFC 5545): one all-day event per obligation
 * and per session. Text values are escaped (backslash, semicolon, comma, newline) and content
 * lines are folded at 75 octets without cutting a UTF-8 character; lines end with CRLF.
 * The feed's URL carries a private token, so it can be subscribed to without signing in and cannot
 * be guessed for another organisation. Only the token's SHA-256 is stored (`calendar_feeds`); an
 * organisation admin regenerates it (a random token) and the former link stops working. Before the
 * first regeneration, the token is the one derived from the platform's secret (HMAC), so links given
 * before tokens were stored keep working.
 */
import crypto from 'node:crypto';

/** One all-day event. */
export interface IcsEvent {
  uid: string;
  /** First day (YYYY-MM-DD); `end` is the last day, inclusive (DTEND is the day after, as RFC 5545 wants). */
  start: string;
  end?: string;
  summary: string;
  description?: string;
  location?: string;
  url?: string;
  /** Last change of the event. */
  stamp: Date;
}

/** Escapes a TEXT value (RFC 5545 §3.3.11). */
export function escapeText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line at 75 octets (RFC 5545 §3.1), continuation lines starting with one space. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const n = Buffer.byteLength(ch, 'utf8');
    const limit = out.length === 0 ? 75 : 74; // continuation lines carry a leading space
    if (bytes + n > limit) {
      out.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += n;
  }
  out.push(current);
  return out.join('\r\n ');
}

const day = (d: string) => d.replace(/-/g, '');
const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

function nextDay(d: string): string {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10);
}

/** The whole calendar, CRLF line ends. */
export function buildIcs(name: string, events: IcsEvent[]): string {
  const lines = [
    'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Grande Ecole du Numerique//Label GEN//FR', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(name)}`, 'X-WR-TIMEZONE:Europe/Paris',
  ];
  for (const e of events) {
    lines.push('BEGIN:VEVENT', `UID:${e.uid}`, `DTSTAMP:${stamp(e.stamp)}`, `DTSTART;VALUE=DATE:${day(e.start)}`, `DTEND;VALUE=DATE:${day(nextDay(e.end ?? e.start))}`,
      `SUMMARY:${escapeText(e.summary)}`);
    if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
    if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
    if (e.url) lines.push(`URL:${e.url}`);
    lines.push('TRANSP:TRANSPARENT', 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** The legacy token of an organisation's feed, derived from the platform's secret (valid until the first regeneration). */
export function calendarToken(secret: string, organisationId: string): string {
  return crypto.createHmac('sha256', secret).update(`calendar:${organisationId}`).digest('base64url').slice(0, 32);
}

/** Whether a token opens an organisation's feed (constant-time comparison). */
export function calendarTokenValid(secret: string, organisationId: string, token: string): boolean {
  const expected = Buffer.from(calendarToken(secret, organisationId));
  const given = Buffer.from(token);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

/** A new random token (32 URL-safe characters, 192 bits). */
export function newCalendarToken(): string {
  return crypto.randomBytes(24).toString('base64url');
}

/** What is stored of a token: its SHA-256, in hex. */
export function hashCalendarToken(token: string): string {
  return crypto.createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Whether a token matches a stored hash (constant-time comparison). */
export function calendarTokenMatches(tokenHash: string, token: string): boolean {
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(token)) return false;
  const given = Buffer.from(hashCalendarToken(token), 'hex');
  const stored = Buffer.from(tokenHash, 'hex');
  return given.length === stored.length && crypto.timingSafeEqual(given, stored);
}
