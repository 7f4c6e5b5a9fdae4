/**
 * Pure rules of the support desk: who writes, about what, ticket numbers, the private link's life,
 * attachment limits. French labels live here so that pages, mails and tests say the same thing.
 */
import type { StaffRoleName } from '../platform/auth/roles.js';

/** Who writes to the support desk. */
export const REQUESTER_KINDS = ['learner', 'applicant_organisation', 'labelled_organisation', 'employer', 'adviser', 'other'] as const;
/** One kind of requester. */
export type RequesterKind = (typeof REQUESTER_KINDS)[number];

/** What a ticket is about. */
export const TOPICS = ['applying', 'labelled_training', 'complaint', 'data_protection', 'technical', 'other'] as const;
/** One topic. */
export type Topic = (typeof TOPICS)[number];

/** States of a ticket (transitions in support.states.ts). */
export const STATUSES = ['new', 'open', 'waiting', 'resolved', 'closed'] as const;
/** One state of a ticket. */
export type TicketStatus = (typeof STATUSES)[number];

/** Priorities, lowest first. */
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
/** One priority. */
export type Priority = (typeof PRIORITIES)[number];

/** French labels of requester kinds. */
export const REQUESTER_LABELS: Record<RequesterKind, string> = {
  learner: 'Apprenant ou apprenante',
  applicant_organisation: 'Organisme candidat au label',
  labelled_organisation: 'Organisme dont une formation est labellisée',
  employer: 'Employeur',
  adviser: 'Conseiller ou conseillère (emploi, orientation, insertion)',
  other: 'Autre',
};

/** French labels of topics. */
export const TOPIC_LABELS: Record<Topic, string> = {
  applying: 'Une question sur la candidature au label',
  labelled_training: 'Une question sur une formation labellisée',
  complaint: 'Une réclamation sur une formation',
  data_protection: 'Une demande sur mes données personnelles',
  technical: 'Un problème technique sur la plateforme',
  other: 'Autre sujet',
};

/** Short French labels of topics (tables, filters). */
export const TOPIC_SHORT: Record<Topic, string> = {
  applying: 'Candidature', labelled_training: 'Formation labellisée', complaint: 'Réclamation',
  data_protection: 'Données personnelles', technical: 'Problème technique', other: 'Autre',
};

/** French labels of states. */
export const STATUS_LABELS: Record<TicketStatus, string> = {
  new: 'Nouvelle', open: 'En cours', waiting: 'En attente du demandeur', resolved: 'Résolue', closed: 'Clôturée',
};

/** French labels of priorities. */
export const PRIORITY_LABELS: Record<Priority, string> = { low: 'Basse', normal: 'Normale', high: 'Haute', urgent: 'Urgente' };

/** Topics that concern one training: the form asks which one. */
export const TRAINING_TOPICS: readonly Topic[] = ['labelled_training', 'complaint'];

/** Whether the form asks for the training concerned. */
export function needsTraining(topic: Topic): boolean {
  return TRAINING_TOPICS.includes(topic);
}

/**
 * Which staff roles handle each topic (decision record 0006): complaints go to the monitoring
 * team, data-protection requests only to admins, admins see every topic to triage.
 */
export const TOPIC_ROLES: Record<Topic, readonly StaffRoleName[]> = {
  applying: ['admin', 'instructor'],
  labelled_training: ['admin', 'instructor', 'monitoring'],
  complaint: ['admin', 'monitoring'],
  data_protection: ['admin'],
  technical: ['admin'],
  other: ['admin', 'instructor', 'monitoring'],
};

/** Topics a set of staff roles may handle. */
export function topicsFor(roles: readonly StaffRoleName[]): Topic[] {
  return TOPICS.filter((t) => TOPIC_ROLES[t].some((r) => roles.includes(r)));
}

/** A complaint about a known training is flagged for the monitoring team (possible inspection). */
export function flagsMonitoring(topic: Topic, trainingRef: string | null): boolean {
  return topic === 'complaint' && !!trainingRef;
}

/** Ticket number GEN-T-<year>-<seq>, the sequence restarting each year. */
export function ticketNumber(year: number, seq: number): string {
  return `GEN-T-${year}-${String(seq).padStart(5, '0')}`;
}

/** Days the private link stays valid once the ticket is closed. */
export const LINK_DAYS_AFTER_CLOSE = 30;

/** Whether the private link of a ticket has expired (closed for more than LINK_DAYS_AFTER_CLOSE days). */
export function linkExpired(closedAt: Date | null, now: Date): boolean {
  return !!closedAt && now.getTime() - closedAt.getTime() > LINK_DAYS_AFTER_CLOSE * 86_400_000;
}

/** At most this many attachments per message. */
export const MAX_ATTACHMENTS = 3;
/** At most this many bytes per attachment. */
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
/** The only types accepted as attachments, judged from the bytes. */
export const ATTACHMENT_TYPES = ['pdf', 'png', 'jpeg'] as const;

/** Contact form submissions allowed per address and window. */
export const CONTACT_RATE = { limit: 5, windowMs: 15 * 60_000 };

/** Satisfaction answers, from worst to best. */
export const SATISFACTION_LABELS: Record<number, string> = {
  1: 'Pas du tout satisfait', 2: 'Peu satisfait', 3: 'Moyennement satisfait', 4: 'Satisfait', 5: 'Très satisfait',
};

/** The signed-in person or the platform, as support commands record them. */
export interface SupportActor { id: string | null; label: string; ip?: string | null }

/** What support commands need from the platform to write mails. */
export interface SupportSettings { baseUrl: string; smtp: boolean; workingDays: number; /** Email replies come back into tickets (INBOUND_MAIL_SECRET set). */ inbound?: boolean }

/** The result of every support command: success with data, or one French message. */
export type SupportOutcome<T extends object = object> = ({ ok: true } & T) | { ok: false; message: string; errors?: Record<string, string> };
