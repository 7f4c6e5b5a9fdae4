/**
 * The convention de labellisation, as PDF blocks (pure): built from the application (training,
 * organisation, places, sessions planned), the call's commitments (figures of the call's rules,
 * never constants) and the committee's decision (number, date, seed grant). Signatures, when
 * present, are printed in their boxes with identity, timestamp and the hash of what was signed.
 */
import type { PdfBlock, PdfSpec } from '../platform/pdf/pdf.js';
import { parisDateTime } from '../platform/pdf/pdf.js';
import type { CallRules } from '../calls/call.js';
import { euros, firstSessionDeadline, frenchDay, frenchNumber } from './label.js';

/** Everything the convention says, gathered by the store. */
export interface ConventionData {
  label: { number: string; trainingTitle: string; validFrom: string | null; validUntil: string | null };
  organisation: { name: string; siret: string; nda: string; addressLine: string; postcode: string; city: string; contactName: string; contactEmail: string };
  call: { title: string; rules: CallRules };
  decision: { decidedAt: Date; heldOn: string | null; seedGrant: number | null; seedGrantSessions: string | null };
  training: {
    summary: string; jobFamily: string; targetJobs: string; certification: string;
    totalHours: number | null; months: number | null; immersion: string;
  };
  places: { name: string; address: string; postcode: string; city: string }[];
  sessions: { start: string; end: string; learners: number | null }[];
}

/** One signature printed on the convention. */
export interface PrintedSignature { signerName: string; signerEmail: string; signedAt: Date; sha256?: string }

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** "01-31" → "31 janvier". */
export function dueDayLabel(mmdd: string): string {
  const [m, d] = mmdd.split('-').map(Number) as [number, number];
  return `${d === 1 ? '1er' : d} ${MONTHS[m - 1] ?? ''}`;
}

const pct = (share: number) => `${Math.round(share * 100)} %`;
const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

/** The obligations of a labelled organisation, with the call's figures. */
export function obligations(rules: CallRules): string[] {
  const d = rules.durations;
  const t = rules.targets;
  return [
    `Mettre en œuvre la formation telle que décrite dans la candidature ; le démarrage d’une session peut être reporté de ${plural(d.maxPostponementMonths, 'mois', 'mois')} au plus.`,
    `Démarrer la première session dans les ${plural(d.firstSessionWithinMonths, 'mois', 'mois')} qui suivent la signature de la présente convention.`,
    `Ouvrir au moins ${plural(t.minSessionsPerYear, 'session', 'sessions')} par an pendant la durée du label, avec au moins ${plural(t.minLearnersPerSession, 'apprenant', 'apprenants')} des publics de la Grande École du Numérique par session.`,
    'Assurer la gratuité de la formation pour les publics cibles (frais d’accès, frais pédagogiques et passage de la certification).',
    `Consacrer à l’accompagnement socio-professionnel et au soutien pédagogique au moins ${pct(t.minSupportShareOfHours)} du volume horaire total de la formation.`,
    'Référencer les sessions auprès du CARIF-OREF et de Mon Compte Formation ; inscrire les demandeurs d’emploi dans KAIROS.',
    `Transmettre l’attestation de démarrage effectif dans un délai de ${plural(d.reportingDelayMonths, 'mois', 'mois')} après le début de chaque session, avec la liste nominative des apprenants et leurs adresses.`,
    `Transmettre la liste de fin de session dans un délai de ${plural(d.reportingDelayMonths, 'mois', 'mois')} après sa fin (stage compris) : situation de chaque apprenant et sorties anticipées.`,
    `Remettre avant le ${dueDayLabel(d.annualReportDue)} de chaque année un bilan annuel des sessions commencées ou terminées l’année civile précédente (taux de réussite à l’examen, sorties positives à 3 et 6 mois) ; ce bilan est obligatoire pour conserver le label.`,
    'Soumettre à l’accord préalable de la Grande École du Numérique toute modification du contenu, de la certification, des modalités (par exemple le passage à distance), de l’immersion professionnelle ou de l’accompagnement.',
    'Tenir à jour la fiche de la formation dans son espace personnel de la plateforme.',
  ];
}

/** National targets the training contributes to, with the call's figures. */
export function targets(rules: CallRules): string[] {
  const t = rules.targets;
  return [
    `Au moins ${pct(t.womenShare)} de femmes parmi les apprenants.`,
    `${pct(t.priorityAreaShare)} d’apprenants résidant dans un quartier prioritaire de la politique de la ville (QPV) ou une zone de revitalisation rurale (ZRR/FRR).`,
    `Plus de ${pct(t.positiveOutcomeShare)} de sorties positives (emploi, alternance, poursuite de formation, création d’entreprise) dans les 3 mois.`,
  ];
}

function signatureBox(title: string, s: PrintedSignature | undefined, pending: string): PdfBlock {
  if (!s) return { kind: 'signature', lines: [title, pending] };
  return {
    kind: 'signature',
    lines: [title, `Signé électroniquement par ${s.signerName} (${s.signerEmail})`, `le ${parisDateTime(s.signedAt)} (heure de Paris)`,
      ...(s.sha256 ? [`Empreinte SHA-256 du document signé par l’organisme : ${s.sha256}`] : [])],
  };
}

/** No-break spaces (typed by applicants, or from Intl) become plain spaces: the PDF font cannot lay them out. */
function plainSpaces(b: PdfBlock): PdfBlock {
  const f = (t: string) => t.replace(/[\u00a0\u202f\u2007]/g, ' ');
  switch (b.kind) {
    case 'title': case 'heading': case 'paragraph': return { ...b, text: f(b.text) };
    case 'fields': return { ...b, rows: b.rows.map(([k, v]) => [f(k), f(v)] as [string, string]) };
    case 'list': return { ...b, items: b.items.map(f) };
    case 'table': return { ...b, columns: b.columns.map(f), rows: b.rows.map((r) => r.map(f)) };
    case 'signature': return { ...b, lines: b.lines.map(f) };
    default: return b;
  }
}

/** The convention as a PDF document, with the signatures given so far. */
export function conventionSpec(d: ConventionData, signed: { organisation?: PrintedSignature; countersignature?: PrintedSignature } = {}): PdfSpec {
  const spec = draftSpec(d, signed);
  return { ...spec, blocks: spec.blocks.map(plainSpaces) };
}

function draftSpec(d: ConventionData, signed: { organisation?: PrintedSignature; countersignature?: PrintedSignature } = {}): PdfSpec {
  const r = d.call.rules.durations;
  const o = d.organisation;
  const validity = d.label.validFrom
    ? `Le label est valable du ${frenchDay(d.label.validFrom)} au ${frenchDay(d.label.validUntil)} inclus. La première session doit démarrer au plus tard le ${frenchDay(firstSessionDeadline(d.label.validFrom, r.firstSessionWithinMonths))}.`
    : `Le label est accordé pour ${plural(r.labelYears, 'an', 'ans')} à compter de la date de signature complète de la présente convention (dernière signature), jusqu’à la veille de son ${r.labelYears}e anniversaire inclus. Il couvre toutes les sessions ouvertes pendant cette période.`;
  const grant = d.decision.seedGrant && d.decision.seedGrant > 0
    ? `Une subvention d’amorçage de ${euros(d.decision.seedGrant)} est attribuée à l’organisme${d.decision.seedGrantSessions === 'first_two' ? ' pour les deux premières sessions' : d.decision.seedGrantSessions === 'first' ? ' pour la première session' : ''}. Elle est versée sous réserve du démarrage effectif des sessions concernées.`
    : 'Aucune subvention d’amorçage n’est attribuée au titre de la présente convention.';
  const t = d.training;
  return {
    title: `Convention de labellisation ${d.label.number}`,
    subject: 'Convention de labellisation Grande École du Numérique',
    createdAt: d.decision.decidedAt,
    footer: `Convention ${d.label.number}`,
    blocks: [
      { kind: 'title', text: 'Convention de labellisation Grande École du Numérique' },
      { kind: 'fields', rows: [
        ['Numéro du label', d.label.number],
        ['Formation labellisée', d.label.trainingTitle],
        ['Appel à labellisation', d.call.title],
        ['Décision du comité', `${d.decision.heldOn ? `séance du ${frenchDay(d.decision.heldOn)}, ` : ''}décision du ${parisDateTime(d.decision.decidedAt)}`],
      ] },
      { kind: 'heading', text: 'Entre les soussignés' },
      { kind: 'paragraph', text: 'Le groupement d’intérêt public Grande École du Numérique (GEN), ci-après « la GEN », d’une part,' },
      { kind: 'paragraph', text: 'et l’organisme de formation ci-après, d’autre part :' },
      { kind: 'fields', rows: [
        ['Organisme', o.name],
        ['SIRET', o.siret],
        ['Numéro de déclaration d’activité (NDA)', o.nda],
        ['Adresse', `${o.addressLine}, ${o.postcode} ${o.city}`],
        ['Contact', `${o.contactName} – ${o.contactEmail}`],
      ] },
      { kind: 'heading', text: 'Article 1 – Objet' },
      { kind: 'paragraph', text: `La GEN accorde son label à la formation « ${d.label.trainingTitle} » portée par l’organisme, telle que décrite dans sa candidature à l’appel « ${d.call.title} ». Le label est attribué à la formation et non à l’organisme.` },
      { kind: 'fields', rows: [
        ['Famille de métiers', t.jobFamily],
        ['Métiers visés', t.targetJobs],
        ['Certification', t.certification],
        ['Volume horaire', t.totalHours !== null ? `${frenchNumber(t.totalHours)} heures hors immersion professionnelle` : '—'],
        ['Durée', t.months !== null ? `${frenchNumber(t.months)} mois` : '—'],
        ['Immersion professionnelle', t.immersion],
      ] },
      ...(t.summary ? [{ kind: 'paragraph', text: t.summary, small: true } as PdfBlock] : []),
      { kind: 'heading', text: 'Article 2 – Lieux et sessions prévues' },
      d.places.length
        ? { kind: 'table', columns: ['Lieu', 'Adresse', 'Code postal', 'Commune'], widths: [3, 4, 1.4, 2.6], rows: d.places.map((p) => [p.name, p.address, p.postcode, p.city]) }
        : { kind: 'paragraph', text: 'Aucun lieu déclaré.' },
      d.sessions.length
        ? { kind: 'table', columns: ['Session', 'Début', 'Fin', 'Places'], widths: [1.4, 2, 2, 1.6], rows: d.sessions.map((s, i) => [`Session ${i + 1}`, frenchDay(s.start), frenchDay(s.end), s.learners !== null ? String(s.learners) : '—']) }
        : { kind: 'paragraph', text: 'Aucune session déclarée.' },
      { kind: 'heading', text: 'Article 3 – Durée du label' },
      { kind: 'paragraph', text: validity },
      { kind: 'heading', text: 'Article 4 – Subvention d’amorçage' },
      { kind: 'paragraph', text: grant },
      { kind: 'heading', text: 'Article 5 – Engagements de l’organisme' },
      { kind: 'paragraph', text: 'Pendant toute la durée du label, l’organisme s’engage à :' },
      { kind: 'list', items: obligations(d.call.rules) },
      { kind: 'paragraph', text: 'La formation contribue aux objectifs nationaux de la GEN :' },
      { kind: 'list', items: targets(d.call.rules) },
      { kind: 'heading', text: 'Article 6 – Contrôles, sanctions et résiliation' },
      { kind: 'paragraph', text: 'La GEN peut procéder à des contrôles sur place, notamment à la suite de réclamations d’apprenants ou de tiers. En cas de manquement aux engagements ci-dessus, la GEN peut, après avoir entendu l’organisme, suspendre le label ou le retirer. L’organisme peut demander la résiliation amiable de la présente convention.' },
      { kind: 'heading', text: 'Signatures' },
      signatureBox('Pour l’organisme de formation', signed.organisation, 'En attente de la signature d’un administrateur de l’organisme.'),
      signatureBox('Pour la Grande École du Numérique', signed.countersignature, 'En attente de la contresignature de la GEN.'),
    ],
  };
}
