/**
 * The admissibility pre-check the applicant sees while typing: each of the call's criteria is
 * `met`, `not_met` (with the reason and the field to fix) or `to_check` by staff. Every figure
 * comes from the call's rules; the applicant may still submit (staff decide).
 */
import type { CallRules } from '../calls/call.js';
import type { SectionData, SectionKey } from './sections/definitions.js';
import { rowField } from './sections/definitions.js';

/** Status of one criterion. */
export type CriterionStatus = 'met' | 'not_met' | 'to_check';

/** Where to fix a criterion: a section (or the documents page) and a field. */
export interface FieldLink { section: SectionKey | 'documents'; field?: string }

/** Outcome of one criterion. */
export interface CriterionOutcome { code: string; title: string; status: CriterionStatus; reason: string; link?: FieldLink }

/** The organisation as the pre-check reads it. */
export interface OrganisationFacts {
  nda: string;
  qualiopiStatus: 'certified' | 'audit_scheduled' | 'none';
  qualiopiValidUntil: string | null;
  qualiopiAuditDate: string | null;
}

/** Everything the pre-check reads. */
export interface PrecheckInput {
  rules: CallRules;
  criteria: readonly { code: string; title: string }[];
  jobFamilies: readonly { code: string; title: string }[];
  sections: Partial<Record<SectionKey, SectionData>>;
  documents: readonly string[];
  organisation: OrganisationFacts;
  /** Other live applications of the organisation for a training with the same title. */
  sameTraining: readonly { callTitle: string; state: string }[];
  /** Today in the call's time zone, YYYY-MM-DD. */
  today: string;
  /** The application checked (its own label never counts) and its training title. */
  applicationId?: string;
  trainingTitle?: string;
  /** Labels of the organisation (R8), with the certification code of their application. */
  labels?: readonly LabelFacts[];
}

/** A label of the organisation as R8 reads it. */
export interface LabelFacts { number: string; applicationId: string; trainingTitle: string; certCode: string | null; status: string; validFrom: string | null; validUntil: string | null }

type Verdict = Omit<CriterionOutcome, 'code' | 'title'>;

const fr = (n: number) => n.toLocaleString('fr-FR', { maximumFractionDigits: 1 });
const frDate = (iso: string) => iso.split('-').reverse().join('/');
const num = (d: SectionData | undefined, k: string) => (typeof d?.[k] === 'number' ? (d[k] as number) : undefined);
const str = (d: SectionData | undefined, k: string) => (typeof d?.[k] === 'string' && d[k] !== '' ? (d[k] as string) : undefined);
type Row = Record<string, unknown>;
const rows = (d: SectionData | undefined, k: string): Row[] => ((d?.[k] as Row[] | undefined) ?? []);
const notMet = (reason: string, section: FieldLink['section'], field?: string): Verdict => ({ status: 'not_met', reason, link: { section, field } });

/** Share of hours at a distance (0 to 1); undefined when unknown. */
export function distanceShare(duration: SectionData | undefined): number | undefined {
  const c = num(duration, 'centreHours');
  const r = num(duration, 'distanceHours');
  if (c === undefined || r === undefined || c + r === 0) return undefined;
  return r / (c + r);
}

function r1(i: PrecheckInput): Verdict {
  const f = str(i.sections.training, 'jobFamily');
  const family = i.jobFamilies.find((x) => x.code === f);
  if (!family) return notMet('Choisissez la famille de métiers du numérique visée.', 'training', 'jobFamily');
  return { status: 'met', reason: `Famille « ${family.title} ».` };
}

function r2(i: PrecheckInput): Verdict {
  const t = i.sections.training;
  const reg = str(t, 'certRegister');
  const code = str(t, 'certCode');
  if (!reg) return notMet('Indiquez le répertoire de la certification (RNCP ou RS).', 'training', 'certRegister');
  if (!code) return notMet('Indiquez le code de la certification.', 'training', 'certCode');
  const owned = str(t, 'certOwned');
  if (!owned) return notMet('Indiquez si l’organisme est propriétaire de la certification.', 'training', 'certOwned');
  if (owned === 'oui') return { status: 'met', reason: `Certification ${code} (${reg}), dont l’organisme est propriétaire.` };
  const end = str(t, 'partnershipEndDate');
  if (!end) return notMet('Indiquez la fin de validité de l’accord de partenariat avec le certificateur.', 'training', 'partnershipEndDate');
  if (end < i.today) return notMet(`L’accord de partenariat a pris fin le ${frDate(end)}.`, 'training', 'partnershipEndDate');
  if (!i.documents.includes('certification')) return notMet('Joignez l’accord de partenariat avec le certificateur.', 'documents', 'certification');
  return { status: 'met', reason: `Certification ${code} (${reg}), accord de partenariat valide jusqu’au ${frDate(end)}.` };
}

function r3(i: PrecheckInput): Verdict {
  const d = i.sections.duration;
  const { minHours, maxMonths, maxMonthsDistance, distanceShareThreshold } = i.rules.durations;
  const hours = num(d, 'totalHours');
  const months = num(d, 'months');
  if (hours === undefined) return notMet('Indiquez le nombre total d’heures.', 'duration', 'totalHours');
  if (hours < minHours) return notMet(`La formation compte ${fr(hours)} heures ; il en faut au moins ${fr(minHours)}, hors immersion.`, 'duration', 'totalHours');
  if (months === undefined) return notMet('Indiquez la durée en mois.', 'duration', 'months');
  if (months > maxMonths) return notMet(`La formation dure ${fr(months)} mois ; elle ne doit pas dépasser ${fr(maxMonths)} mois, hors immersion.`, 'duration', 'months');
  const share = distanceShare(d);
  if (share === undefined) return notMet('Indiquez les heures en centre et à distance.', 'duration', 'centreHours');
  const pct = fr(Math.round(share * 1000) / 10);
  const distance = share > distanceShareThreshold;
  if (distance && months > maxMonthsDistance) {
    return notMet(`Formation à distance (${pct} % des heures) : elle ne doit pas dépasser ${fr(maxMonthsDistance)} mois (${fr(months)} mois saisis).`, 'duration', 'months');
  }
  if (!rows(d, 'modules').some((m) => m.name && typeof m.hours === 'number')) return notMet('Décrivez les modules et leurs heures pour justifier le volume horaire.', 'duration', rowField('modules', 0, 'name'));
  if (distance) return { status: 'to_check', reason: `${fr(hours)} heures sur ${fr(months)} mois, ${pct} % à distance : la GEN vérifiera les lieux d’accueil collectifs pour les apprenants en risque de décrochage.` };
  return { status: 'met', reason: `${fr(hours)} heures sur ${fr(months)} mois, ${pct} % à distance.` };
}

function r4(i: PrecheckInput): Verdict {
  const v = str(i.sections.publics, 'noAcademicPrerequisite');
  if (v === 'oui') return { status: 'met', reason: 'Accessible sans prérequis académique.' };
  if (v === 'non') return notMet('La formation exige un prérequis académique : elle doit être accessible sans diplôme.', 'publics', 'noAcademicPrerequisite');
  return notMet('Indiquez si la formation est accessible sans prérequis académique.', 'publics', 'noAcademicPrerequisite');
}

function r5(i: PrecheckInput): Verdict {
  const v = str(i.sections.duration, 'immersionType');
  if (!v) return notMet('Indiquez la période d’immersion professionnelle.', 'duration', 'immersionType');
  if (v === 'none') return notMet('La formation doit comporter au moins une période d’immersion professionnelle.', 'duration', 'immersionType');
  return { status: 'met', reason: 'Une période d’immersion professionnelle est prévue.' };
}

function addYears(iso: string, n: number): string {
  return `${Number(iso.slice(0, 4)) + n}${iso.slice(4)}`;
}

function r6(i: PrecheckInput): Verdict {
  const { minLearnersPerSession, minSessionsPerYear } = i.rules.targets;
  const { labelYears } = i.rules.durations;
  const months = num(i.sections.duration, 'months');
  if (months === undefined) return notMet('Indiquez la durée en mois.', 'duration', 'months');
  if (months >= 12) return { status: 'to_check', reason: `Formation d’un an ou plus : le nombre d’apprenants sur ${labelYears} ans sera fixé par la convention.` };
  const sessions = rows(i.sections.places, 'sessions').map((s, index): Row & { index: number } => ({ ...s, index })).filter((s) => typeof s.start === 'string');
  if (sessions.length === 0) return notMet('Indiquez les sessions prévues.', 'places', rowField('sessions', 0, 'start'));
  for (const s of sessions) {
    const n = s.learners as number | undefined;
    if (n === undefined) return notMet(`Session ${s.index + 1} : indiquez le nombre de places.`, 'places', rowField('sessions', s.index, 'learners'));
    if (n < minLearnersPerSession) return notMet(`Session ${s.index + 1} : ${n} places prévues ; il en faut au moins ${minLearnersPerSession} par session.`, 'places', rowField('sessions', s.index, 'learners'));
  }
  const starts = sessions.map((s) => s.start as string).sort();
  for (let y = 0; y < labelYears; y++) {
    const from = addYears(starts[0]!, y);
    const to = addYears(starts[0]!, y + 1);
    const count = starts.filter((s) => s >= from && s < to).length;
    if (count < minSessionsPerYear) {
      return notMet(`Il faut au moins ${minSessionsPerYear} session par an pendant les ${labelYears} ans du label : aucune ne débute entre le ${frDate(from)} et le ${frDate(to)}.`, 'places', rowField('sessions', sessions[0]!.index, 'start'));
    }
  }
  return { status: 'met', reason: `${sessions.length} sessions prévues, au moins ${minLearnersPerSession} places chacune.` };
}

function r7(i: PrecheckInput): Verdict {
  const v = str(i.sections.funding, 'freeForTarget');
  if (v === 'oui') return { status: 'met', reason: 'Gratuite pour les publics cibles.' };
  if (v === 'non') return notMet('La formation doit être gratuite pour les publics cibles (accès, enseignement, certification).', 'funding', 'freeForTarget');
  return notMet('Indiquez si la formation est gratuite pour les publics cibles.', 'funding', 'freeForTarget');
}

/** Label statuses that still hold the training (a new label for an overlapping period is refused). */
const LIVE_LABEL = ['pending_agreement', 'active', 'suspended'];

const normCode = (c: unknown) => (typeof c === 'string' ? c.toUpperCase().replace(/[\s]/g, '').replace(/^(RNCP|RS)/, '') : '');

/** The period the new label would cover: from the first planned session (or today) for the label's years. */
export function plannedPeriod(i: Pick<PrecheckInput, 'sections' | 'today' | 'rules'>): { from: string; to: string } {
  const starts = rows(i.sections.places, 'sessions').map((s) => s.start).filter((s): s is string => typeof s === 'string').sort();
  const from = starts[0] && starts[0] > i.today ? starts[0] : i.today;
  return { from, to: addYears(from, i.rules.durations.labelYears) };
}

function r8(i: PrecheckInput): Verdict {
  const code = normCode(str(i.sections.training, 'certCode') ?? '');
  const period = plannedPeriod(i);
  const same = (i.labels ?? []).filter((l) => l.applicationId !== i.applicationId
    && (l.trainingTitle.trim().toLowerCase() === (i.trainingTitle ?? '').trim().toLowerCase() || (code !== '' && normCode(l.certCode) === code)));
  const holding = same.filter((l) => LIVE_LABEL.includes(l.status)
    && (l.validUntil === null || l.validUntil >= period.from) && (l.validFrom === null || l.validFrom <= period.to));
  if (holding.length > 0) {
    const l = holding[0]!;
    const until = l.validUntil ? ` jusqu’au ${frDate(l.validUntil)}` : ' (convention en attente de signature)';
    return notMet(`La formation est déjà labellisée (label ${l.number}, « ${l.trainingTitle} »${until}) pour une période qui chevauche celle demandée (${frDate(period.from)} – ${frDate(period.to)}). Une nouvelle candidature est possible au terme du label.`, 'places', rowField('sessions', 0, 'start'));
  }
  if (i.sameTraining.length > 0) {
    const list = i.sameTraining.map((a) => `« ${a.callTitle} »`).join(', ');
    return { status: 'to_check', reason: `Aucun label en cours pour cette formation, mais d’autres candidatures de l’organisme portent le même intitulé (${list}) : la GEN vérifiera qu’il ne s’agit pas d’une formation déjà labellisée.` };
  }
  const ended = same.length ? ` (label${same.length > 1 ? 's' : ''} précédent${same.length > 1 ? 's' : ''} ${same.map((l) => l.number).join(', ')} terminé${same.length > 1 ? 's' : ''} ou sans chevauchement)` : '';
  return { status: 'met', reason: `Aucun label en cours pour cette formation sur la période ${frDate(period.from)} – ${frDate(period.to)}${ended}.` };
}

function r9(i: PrecheckInput): Verdict {
  const o = i.organisation;
  if (o.qualiopiStatus === 'certified') {
    if (o.qualiopiValidUntil && o.qualiopiValidUntil < i.today) return notMet(`La certification Qualiopi a expiré le ${frDate(o.qualiopiValidUntil)}.`, 'organisation');
    if (!i.documents.includes('qualiopi')) return notMet('Joignez le certificat Qualiopi.', 'documents', 'qualiopi');
    return { status: 'met', reason: o.qualiopiValidUntil ? `Certifié Qualiopi jusqu’au ${frDate(o.qualiopiValidUntil)}.` : 'Certifié Qualiopi.' };
  }
  if (o.qualiopiStatus === 'audit_scheduled' && o.qualiopiAuditDate) {
    if (!i.documents.includes('qualiopi')) return notMet('Joignez le contrat avec le certificateur mentionnant la date d’audit.', 'documents', 'qualiopi');
    return { status: 'met', reason: `Audit Qualiopi initial prévu le ${frDate(o.qualiopiAuditDate)} (le label est retiré si l’audit échoue).` };
  }
  return notMet('L’organisme doit être certifié Qualiopi ou avoir une date d’audit : mettez à jour la fiche de l’organisme.', 'organisation');
}

/** Whether an NDA is well formed: 11 digits (spaces allowed). */
export function isWellFormedNda(nda: string): boolean {
  return /^\d{11}$/.test(nda.replace(/\s/g, ''));
}

function r10(i: PrecheckInput): Verdict {
  if (!isWellFormedNda(i.organisation.nda)) return notMet(`Le numéro de déclaration d’activité « ${i.organisation.nda} » n’est pas bien formé (11 chiffres).`, 'organisation');
  if (!i.documents.includes('tax_social')) return notMet('Joignez les attestations de régularité fiscale et sociale.', 'documents', 'tax_social');
  const sub = str(i.sections.organisation, 'subcontracting');
  if (!sub) return notMet('Indiquez si la formation est en partie sous-traitée.', 'organisation', 'subcontracting');
  if (sub === 'oui' && !str(i.sections.organisation, 'subcontractingControl')) return notMet('Décrivez le contrôle pédagogique et le contrôle des locaux du sous-traitant.', 'organisation', 'subcontractingControl');
  return { status: 'met', reason: 'NDA bien formé et attestations jointes ; leur validité sera vérifiée par la GEN.' };
}

const RULES: Record<string, (i: PrecheckInput) => Verdict> = { R1: r1, R2: r2, R3: r3, R4: r4, R5: r5, R6: r6, R7: r7, R8: r8, R9: r9, R10: r10 };

/** Maps an application to each admissibility criterion of its call, in the call's order. */
export function precheck(input: PrecheckInput): CriterionOutcome[] {
  return input.criteria.map((c) => {
    const rule = RULES[c.code];
    const v: Verdict = rule ? rule(input) : { status: 'to_check', reason: 'Ce critère sera examiné par la GEN.' };
    return { code: c.code, title: c.title, ...v };
  });
}
