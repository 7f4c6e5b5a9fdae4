/**
 * Pure rules of the consultations: which partners an application names, which Régions its training
 * places lie in, link lifetimes and reminder delays, statuses and their French labels.
 */
import crypto from 'node:crypto';
import { areaOfPostcode } from '../review/region.js';

/** A partner's personal link works this many days. */
export const PARTNER_LINK_DAYS = 30;
/** A partner who has not answered is reminded this many days after the request. */
export const PARTNER_REMINDER_DAYS = 7;
/** Default time given to a Région, in days. */
export const REGION_DEFAULT_DUE_DAYS = 21;
/** A Région is reminded this many days before the due date. */
export const REGION_REMINDER_DAYS_BEFORE = 3;
/** A Région's link still works this many days after the due date. */
export const REGION_LINK_GRACE_DAYS = 30;

const DAY = 86_400_000;
export const addDays = (d: Date, n: number) => new Date(d.getTime() + n * DAY);

/** A partner as the applicant named it in the "Partenaires" section. */
export interface Partner {
  key: string; name: string; type: string; contactName: string; email: string; phone: string; commitment: string; hiringPromises: number | null;
}

const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/** The key identifying a partner within an application: its address, or its name when it has none. */
export function partnerKey(p: { name: string; email: string }): string {
  const email = p.email.trim().toLowerCase();
  return email ? email : `nom:${p.name.trim().toLowerCase()}`;
}

/** The partners of the section's validated data (`{ partners: [...] }`), without duplicates. */
export function readPartners(data: Record<string, unknown> | null | undefined): Partner[] {
  const rows = Array.isArray(data?.partners) ? (data!.partners as Record<string, unknown>[]) : [];
  const out = new Map<string, Partner>();
  for (const r of rows) {
    const name = str(r.name);
    const email = str(r.email);
    if (!name && !email) continue;
    const p: Partner = {
      key: '', name: name || email, type: str(r.type), contactName: str(r.contactName), email, phone: str(r.phone), commitment: str(r.commitment),
      hiringPromises: typeof r.hiringPromises === 'number' ? r.hiringPromises : null,
    };
    p.key = partnerKey(p);
    if (!out.has(p.key)) out.set(p.key, p);
  }
  return [...out.values()];
}

/** French labels of the partner types of the section. */
export const PARTNER_TYPE_LABELS: Record<string, string> = {
  sourcing: 'Recrutement des apprenants', employer: 'Employeur', certifier: 'Certificateur', funder: 'Financeur', other: 'Autre',
};

/** The Régions of the training places (`{ places: [{ postcode }] }`), in order of first appearance. */
export function regionsOfPlaces(data: Record<string, unknown> | null | undefined): { regionCode: string; regionName: string }[] {
  const places = Array.isArray(data?.places) ? (data!.places as Record<string, unknown>[]) : [];
  const out = new Map<string, string>();
  for (const p of places) {
    const area = areaOfPostcode(str(p.postcode));
    if (area && !out.has(area.regionCode)) out.set(area.regionCode, area.regionName);
  }
  return [...out].map(([regionCode, regionName]) => ({ regionCode, regionName }));
}

/** Statuses of a partner confirmation, plus "never contacted" for a partner without a request. */
export type PartnerStatus = 'sent' | 'confirmed' | 'denied' | 'no_answer';
export type PartnerStanding = PartnerStatus | 'not_contacted';

export const PARTNER_STATUS_LABELS: Record<PartnerStanding, string> = {
  not_contacted: 'Jamais contacté', sent: 'Demande envoyée', confirmed: 'Partenariat confirmé', denied: 'Partenariat démenti', no_answer: 'Sans réponse',
};
export const PARTNER_STATUS_BADGES: Record<PartnerStanding, string> = {
  not_contacted: 'fr-badge--error', sent: 'fr-badge--info', confirmed: 'fr-badge--success', denied: 'fr-badge--error', no_answer: 'fr-badge--warning',
};

/** The status shown now: a request whose link expired unanswered counts as "no answer". */
export function partnerStanding(row: { status: PartnerStatus; expiresAt: Date | null; answeredAt: Date | null } | null, now: Date): PartnerStanding {
  if (!row) return 'not_contacted';
  if (row.status === 'sent' && !row.answeredAt && row.expiresAt && row.expiresAt <= now) return 'no_answer';
  return row.status;
}

/** The status an answer gives: the partnership itself decides confirmed or denied. */
export const answerStatus = (partnership: boolean): PartnerStatus => (partnership ? 'confirmed' : 'denied');

/** The Région's opinions. */
export type Opinion = 'favourable' | 'reserved' | 'unfavourable';
export const OPINIONS: readonly Opinion[] = ['favourable', 'reserved', 'unfavourable'];
export const OPINION_LABELS: Record<Opinion, string> = { favourable: 'Favorable', reserved: 'Réservé', unfavourable: 'Défavorable' };
export const OPINION_BADGES: Record<Opinion, string> = { favourable: 'fr-badge--success', reserved: 'fr-badge--warning', unfavourable: 'fr-badge--error' };

/** End of a Région's link: the due date plus the grace days (end of day, Paris time roughly). */
export function regionLinkExpiry(dueOn: string): Date {
  return addDays(new Date(`${dueOn}T23:59:59+01:00`), REGION_LINK_GRACE_DAYS);
}

/** Today's date in Paris as YYYY-MM-DD. */
export function parisToday(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** "12 mars 2026". */
export function frenchDay(iso: string): string {
  return new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(`${iso}T00:00:00Z`));
}

/**
 * The personal link's token of a request: an HMAC of its id under the platform secret, so the
 * reminder can repeat the same link while the database keeps only the token's sha256.
 */
export function requestToken(secret: string, kind: 'partner' | 'region', requestId: string, linkRound = 0): string {
  // Round 0 keeps the links mailed before links could be issued again.
  const subject = linkRound > 0 ? `consultation:${kind}:${requestId}:${linkRound}` : `consultation:${kind}:${requestId}`;
  return crypto.createHmac('sha256', secret).update(subject).digest('base64url');
}

/** Why a request's personal link may be issued again: expired unanswered, passed due, or its mail undelivered. */
export type ResendReason = 'expired' | 'overdue' | 'bounced';
export const RESEND_REASON_LABELS: Record<ResendReason, string> = {
  expired: 'lien expiré sans réponse', overdue: 'échéance dépassée sans avis', bounced: 'courriel non distribué',
};

/**
 * Whether a partner's link may be sent again, and why: only for a request sent by mail and not
 * answered, when its link expired ("sans réponse") or the last mail could not be delivered.
 */
export function partnerResendReason(row: { status: PartnerStatus; expiresAt: Date | null; answeredAt: Date | null; tokenHash: string | null; email: string }, lastMailFailed: boolean, now: Date): ResendReason | null {
  if (row.answeredAt || !row.tokenHash || !row.email) return null;
  if (partnerStanding(row, now) === 'no_answer') return 'expired';
  return lastMailFailed ? 'bounced' : null;
}

/** Whether a Région's request may be sent again: unanswered, and past its due date or its mail undelivered. */
export function regionResendReason(row: { dueOn: string; answeredAt: Date | null }, lastMailFailed: boolean, today: string): ResendReason | null {
  if (row.answeredAt) return null;
  if (row.dueOn < today) return 'overdue';
  return lastMailFailed ? 'bounced' : null;
}

/** Whether a string has the shape of a token (43 url-safe characters). */
export const isTokenShape = (t: string | undefined): t is string => !!t && /^[A-Za-z0-9_-]{43}$/.test(t);

/** Public paths of the personal links. */
export const partnerLinkPath = (token: string) => `/consultation/partenaire/${token}`;
export const regionLinkPath = (token: string) => `/consultation/region/${token}`;
