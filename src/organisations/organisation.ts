/**
 * Pure rules of an organisation (porteur de projet): SIRET, NDA, Qualiopi status, address and
 * contact checks with the French message a person reads, the last-admin rule and invitation states.
 * No I/O here.
 */

import type { AuditActor } from '../platform/audit/audit.store.js';

/** The signed-in person acting in an organisation command (audit identity plus session). */
export interface Acting extends AuditActor { id: string; name: string; email: string; sessionId: string }

/** Role of a member inside an organisation. */
export type MemberRole = 'admin' | 'member';

/** Qualiopi situation of an organisation. */
export type QualiopiStatus = 'certified' | 'audit_scheduled' | 'none';

/** The Qualiopi statuses with their French labels, in display order. */
export const QUALIOPI_STATUSES: readonly { value: QualiopiStatus; label: string; hint: string }[] = [
  { value: 'certified', label: 'Certifié Qualiopi', hint: 'Indiquez la date de fin de validité du certificat.' },
  { value: 'audit_scheduled', label: 'Contrat signé avec un certificateur, audit programmé', hint: 'Indiquez la date de l’audit initial.' },
  { value: 'none', label: 'Pas encore de démarche de certification', hint: '' },
];

/** French labels of member roles. */
export const ROLE_LABELS: Record<MemberRole, string> = { admin: 'Administrateur', member: 'Membre' };

/** The result of every organisation command: success with data, field errors, or one business message. */
export type Outcome<T extends object = object> =
  | ({ ok: true } & T)
  | { ok: false; errors?: Record<string, string>; message?: string };

/** SIREN of La Poste, whose establishments do not follow the Luhn key. */
export const LA_POSTE_SIREN = '356000000';

/** Removes the spaces (including non-breaking ones) a person types in a SIRET. */
export function normaliseSiret(raw: string): string {
  return raw.replace(/[\s\u00a0\u202f]/g, '');
}

/** Whether a string of digits passes the Luhn key. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Why a SIRET is refused (French), or null when it is valid; La Poste's SIRETs use the sum-of-digits rule. */
export function siretError(raw: string): string | null {
  const v = normaliseSiret(raw);
  if (v === '') return 'Renseignez le numéro SIRET de l’organisme.';
  if (!/^\d+$/.test(v)) return 'Le SIRET ne doit contenir que des chiffres (les espaces sont acceptés).';
  if (v.length !== 14) return `Le SIRET doit comporter 14 chiffres ; vous en avez saisi ${v.length}.`;
  if (v.startsWith(LA_POSTE_SIREN)) {
    // INSEE: La Poste's establishments have a digit sum that is a multiple of 5; its head office follows Luhn.
    const sum = [...v].reduce((s, d) => s + Number(d), 0);
    return sum % 5 === 0 || luhnValid(v) ? null : 'Ce SIRET de La Poste n’est pas valide : vérifiez les chiffres saisis.';
  }
  return luhnValid(v) ? null : 'Ce SIRET n’est pas valide : la clé de contrôle ne correspond pas. Vérifiez les chiffres saisis.';
}

/** Normalises an NDA as typed: spaces removed, letters upper-cased (2A/2B). */
export function normaliseNda(raw: string): string {
  return raw.replace(/[\s\u00a0\u202f]/g, '').toUpperCase();
}

/** Why an NDA (numéro de déclaration d'activité) is refused, or null: 11 digits, 2A/2B allowed in positions 3–4. */
export function ndaError(raw: string): string | null {
  const v = normaliseNda(raw);
  if (v === '') return 'Renseignez le numéro de déclaration d’activité (NDA).';
  if (v.length !== 11) return `Le numéro de déclaration d’activité doit comporter 11 caractères ; vous en avez saisi ${v.length}.`;
  if (!/^\d{2}(\d{2}|2[AB])\d{7}$/.test(v)) {
    return 'Le numéro de déclaration d’activité ne doit contenir que des chiffres (2A ou 2B sont acceptés en 3e et 4e positions pour la Corse).';
  }
  return null;
}

/** Reads a date typed as AAAA-MM-JJ (date field) or JJ/MM/AAAA; returns AAAA-MM-JJ, or null if it does not exist. */
export function parseDay(raw: string): string | null {
  const v = raw.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v) ?? /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(v);
  if (!m) return null;
  const [y, mo, d] = v.includes('/') ? [m[3]!, m[2]!, m[1]!] : [m[1]!, m[2]!, m[3]!];
  const iso = `${y}-${mo}-${d}`;
  const t = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().startsWith(iso) ? iso : null;
}

/** Qualiopi fields as typed. */
export interface QualiopiInput { status: string; validUntil: string; auditDate: string }

/** Qualiopi fields once checked: the date that does not fit the status is dropped. */
export interface QualiopiData { status: QualiopiStatus; validUntil: string | null; auditDate: string | null }

/** Checks the Qualiopi status and the date it requires; errors are keyed by form field. */
export function checkQualiopi(q: QualiopiInput): { ok: true; data: QualiopiData } | { ok: false; errors: Record<string, string> } {
  if (q.status === 'certified') {
    if (q.validUntil.trim() === '') return { ok: false, errors: { qualiopiValidUntil: 'Renseignez la date de fin de validité du certificat Qualiopi.' } };
    const d = parseDay(q.validUntil);
    if (!d) return { ok: false, errors: { qualiopiValidUntil: 'La date de fin de validité du certificat doit être une date réelle, par exemple 31/12/2027.' } };
    return { ok: true, data: { status: 'certified', validUntil: d, auditDate: null } };
  }
  if (q.status === 'audit_scheduled') {
    if (q.auditDate.trim() === '') return { ok: false, errors: { qualiopiAuditDate: 'Renseignez la date de l’audit Qualiopi programmé.' } };
    const d = parseDay(q.auditDate);
    if (!d) return { ok: false, errors: { qualiopiAuditDate: 'La date de l’audit doit être une date réelle, par exemple 15/03/2026.' } };
    return { ok: true, data: { status: 'audit_scheduled', validUntil: null, auditDate: d } };
  }
  if (q.status === 'none') return { ok: true, data: { status: 'none', validUntil: null, auditDate: null } };
  return { ok: false, errors: { qualiopiStatus: 'Indiquez la situation de l’organisme au regard de la certification Qualiopi.' } };
}

/** A warning about the Qualiopi data (certificate past its end date), or null. `today` is AAAA-MM-JJ. */
export function qualiopiWarning(q: { status: QualiopiStatus; validUntil: string | null }, today: string): string | null {
  if (q.status === 'certified' && q.validUntil && q.validUntil < today) return `Le certificat Qualiopi est expiré depuis le ${formatDay(q.validUntil)}.`;
  return null;
}

/** A day AAAA-MM-JJ shown as JJ/MM/AAAA. */
export function formatDay(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** Today's date in Paris, as AAAA-MM-JJ. */
export function parisDay(now: Date): string {
  return new Intl.DateTimeFormat('fr-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** Why a postcode is refused, or null: five digits. */
export function postcodeError(raw: string): string | null {
  const v = raw.trim();
  if (v === '') return 'Renseignez le code postal.';
  return /^\d{5}$/.test(v) ? null : 'Le code postal doit comporter 5 chiffres, par exemple 75018.';
}

/** Normalises a phone number: spaces, dots, dashes and brackets removed. */
export function normalisePhone(raw: string): string {
  return raw.replace(/[\s.\-()\u00a0]/g, '');
}

/** Why a phone number is refused, or null: 10 digits starting with 0, or an international +… number. */
export function phoneError(raw: string): string | null {
  const v = normalisePhone(raw);
  if (v === '') return 'Renseignez le numéro de téléphone du contact.';
  return /^(0\d{9}|\+\d{8,15})$/.test(v) ? null : 'Saisissez un numéro de téléphone valide, par exemple 01 22 33 44 55 ou +33 1 22 33 44 55.';
}

/** Normalises an email address (trimmed, lower case). */
export function normaliseEmail(raw: string): string {
  return raw.trim().toLowerCase();
}

/** Why an email address is refused, or null. */
export function emailError(raw: string): string | null {
  const v = normaliseEmail(raw);
  if (v === '') return 'Renseignez une adresse électronique.';
  if (v.length > 254) return 'L’adresse électronique est trop longue.';
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v) ? null : 'Saisissez une adresse électronique valide, par exemple nom@domaine.fr.';
}

/** Message when a change would leave the organisation without an admin. */
export const LAST_ADMIN_MESSAGE = 'Un organisme doit toujours avoir au moins un administrateur : nommez d’abord un autre administrateur.';

/** Whether the members still count an admin once `userId` gets `newRole` (null = leaves the organisation). */
export function keepsAnAdmin(members: readonly { userId: string; role: MemberRole }[], userId: string, newRole: MemberRole | null): boolean {
  return members.some((m) => (m.userId === userId ? newRole === 'admin' : m.role === 'admin'));
}

/** How long an invitation link stays valid. */
export const INVITATION_TTL_DAYS = 14;

/** Where an invitation stands. */
export type InvitationState = 'pending' | 'expired' | 'revoked' | 'accepted';

/** The state of an invitation at `now`. */
export function invitationState(inv: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now: Date): InvitationState {
  if (inv.acceptedAt) return 'accepted';
  if (inv.revokedAt) return 'revoked';
  return inv.expiresAt.getTime() <= now.getTime() ? 'expired' : 'pending';
}

/** End of validity of an invitation sent at `now`. */
export function invitationExpiry(now: Date): Date {
  return new Date(now.getTime() + INVITATION_TTL_DAYS * 24 * 3600_000);
}

/** Messages for an invitation link that can no longer be used. */
export const INVITATION_MESSAGES: Record<Exclude<InvitationState, 'pending'> | 'unknown', string> = {
  unknown: 'Cette invitation est introuvable : le lien est incomplet ou n’est plus valable.',
  expired: 'Cette invitation a expiré. Demandez à l’administrateur de l’organisme de vous inviter à nouveau.',
  revoked: 'Cette invitation a été annulée par l’organisme.',
  accepted: 'Cette invitation a déjà été utilisée.',
};

/** What the audit log keeps of an organisation (its business fields, not its timestamps). */
export function organisationSnapshot(o: {
  name: string; siret: string; nda: string; qualiopiStatus: QualiopiStatus; qualiopiValidUntil: string | null; qualiopiAuditDate: string | null;
  addressLine: string; postcode: string; city: string; contactName: string; contactEmail: string; contactPhone: string;
}) {
  return {
    name: o.name, siret: o.siret, nda: o.nda, qualiopiStatus: o.qualiopiStatus, qualiopiValidUntil: o.qualiopiValidUntil,
    qualiopiAuditDate: o.qualiopiAuditDate, addressLine: o.addressLine, postcode: o.postcode, city: o.city,
    contactName: o.contactName, contactEmail: o.contactEmail, contactPhone: o.contactPhone,
  };
}
