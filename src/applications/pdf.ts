/**
 * The application's PDF documents: the receipt (récépissé) of each deposit, and the full
 * application for the committee (every section, documents, pre-check, history). Blocks are built
 * here (pure); `renderPdf` draws them.
 */
import { renderPdf, type PdfBlock } from '../platform/pdf/pdf.js';
import { SECTIONS } from './sections/catalogue.js';
import { rowField } from './sections/definitions.js';
import { rowsOf, type RawValues } from './sections/parse.js';
import type { SectionDef } from './sections/definitions.js';
import type { FieldContext } from './sections/fields.js';
import type { CriterionOutcome, CriterionStatus } from './admissibility.js';
import { DOCUMENT_LABELS, isDocumentKind } from './documents.js';
import { STATE_LABELS, type ApplicationState } from './application.states.js';
import { displayValue, dateTimeSeconds, fileSize } from './format.js';

/** French names of a pre-check status. */
export const STATUS_WORDS: Record<CriterionStatus, string> = { met: 'Rempli', not_met: 'Non rempli', to_check: 'À vérifier par la GEN' };

/** What a receipt says. */
export interface ReceiptFacts {
  receiptNumber: string;
  /** 1 for the first deposit, 2… after corrections. */
  sequence: number;
  submittedAt: Date;
  submittedByName: string;
  timezone: string;
  organisation: { name: string; siret: string; nda: string };
  trainingTitle: string;
  callTitle: string;
  cutoff: { label: string; closesAt: Date };
  precheck: CriterionOutcome[];
  incomplete: { sections: string[]; documents: string[] };
  documents: { kind: string; fileName: string }[];
}

const docLabel = (kind: string) => (isDocumentKind(kind) ? DOCUMENT_LABELS[kind].label : kind);
const sectionTitle = (key: string) => SECTIONS.find((s) => s.key === key)?.title ?? key;

/** The blocks of a receipt. */
export function receiptBlocks(r: ReceiptFacts): PdfBlock[] {
  const unmet = r.precheck.filter((c) => c.status === 'not_met');
  const blocks: PdfBlock[] = [
    { kind: 'title', text: r.sequence > 1 ? 'Récépissé de nouveau dépôt de candidature' : 'Récépissé de dépôt de candidature' },
    { kind: 'paragraph', text: 'Label Grande École du Numérique — ce document atteste que la candidature ci-dessous a été déposée en ligne. Il ne préjuge pas de sa recevabilité ni de la décision du comité de labellisation.' },
    { kind: 'fields', rows: [
      ['Numéro de récépissé', r.receiptNumber],
      ['Dépôt', r.sequence > 1 ? `n° ${r.sequence} (après corrections)` : 'n° 1'],
      ['Date et heure du dépôt', `${dateTimeSeconds(r.submittedAt, r.timezone)} (heure de Paris)`],
      ['Déposée par', r.submittedByName],
      ['Organisme', r.organisation.name],
      ['SIRET', r.organisation.siret],
      ['Numéro de déclaration d’activité', r.organisation.nda],
      ['Formation', r.trainingTitle],
      ['Appel à labellisation', r.callTitle],
      ['Relevé', `${r.cutoff.label} (clôture le ${dateTimeSeconds(r.cutoff.closesAt, r.timezone)}, heure de Paris)`],
    ] },
    { kind: 'heading', text: 'Pré-contrôle de recevabilité au moment du dépôt' },
    { kind: 'paragraph', text: unmet.length === 0 ? 'Aucun critère vérifiable par la plateforme n’était signalé comme non rempli.' : `${unmet.length} critère(s) signalé(s) comme non rempli(s) : la GEN décidera de la recevabilité.` },
    { kind: 'table', columns: ['Critère', 'Résultat', 'Motif'], widths: [3, 1.4, 5], rows: r.precheck.map((c) => [`${c.code}. ${c.title}`, STATUS_WORDS[c.status], c.reason]) },
    { kind: 'heading', text: 'Pièces jointes déposées' },
    r.documents.length ? { kind: 'list', items: r.documents.map((d) => `${docLabel(d.kind)} : ${d.fileName}`) } : { kind: 'paragraph', text: 'Aucune pièce jointe.' },
  ];
  if (r.incomplete.sections.length || r.incomplete.documents.length) {
    blocks.push({ kind: 'heading', text: 'Éléments incomplets au moment du dépôt' },
      { kind: 'list', items: [...r.incomplete.sections.map((k) => `Rubrique « ${sectionTitle(k)} »`), ...r.incomplete.documents.map((k) => `Pièce : ${docLabel(k)}`)] });
  }
  blocks.push({ kind: 'paragraph', small: true, text: 'L’heure du serveur de la plateforme fait foi. Conservez ce récépissé : son numéro vous sera demandé pour toute question sur votre candidature.' });
  return blocks;
}

/** Draws a receipt. */
export function renderReceipt(r: ReceiptFacts): Promise<Buffer> {
  return renderPdf({ title: `Récépissé ${r.receiptNumber}`, subject: 'Récépissé de dépôt de candidature au label GEN', createdAt: r.submittedAt, footer: `Récépissé ${r.receiptNumber}`, blocks: receiptBlocks(r) });
}

/** A section's answers as label/value rows (repeatable rows numbered). */
export function sectionRows(def: SectionDef, values: RawValues, ctx: FieldContext): Array<[string, string]> {
  const out: Array<[string, string]> = def.fields.map((f) => [f.label, displayValue(f, values[f.name], ctx)]);
  for (const g of def.groups ?? []) {
    for (let i = 0; i < rowsOf(values, g); i++) {
      for (const f of g.fields) out.push([`${g.itemLabel} ${i + 1} — ${f.label}`, displayValue(f, values[rowField(g.name, i, f.name)], ctx)]);
    }
  }
  return out;
}

/** One line of the application's history. */
export interface HistoryLine { at: Date; who: string; what: string }

/** Everything the full application PDF shows. */
export interface FullApplicationFacts {
  trainingTitle: string;
  state: ApplicationState;
  receiptNumber: string | null;
  submittedAt: Date | null;
  timezone: string;
  callTitle: string;
  cutoffLabel: string | null;
  organisation: { name: string; siret: string; nda: string; qualiopi: string };
  ctx: FieldContext;
  sections: Record<string, RawValues>;
  documents: { kind: string; fileName: string; size: number; sha256: string; uploadedAt: Date }[];
  precheck: CriterionOutcome[];
  submissions: { sequence: number; receiptNumber: string; submittedAt: Date; submittedByName: string | null; cutoffLabel: string }[];
  history: HistoryLine[];
  generatedAt: Date;
}

/** The blocks of the full application. */
export function applicationBlocks(a: FullApplicationFacts): PdfBlock[] {
  const blocks: PdfBlock[] = [
    { kind: 'title', text: `Dossier de candidature : ${a.trainingTitle}` },
    { kind: 'fields', rows: [
      ['Organisme', a.organisation.name], ['SIRET', a.organisation.siret], ['Numéro de déclaration d’activité', a.organisation.nda], ['Qualiopi', a.organisation.qualiopi],
      ['Appel à labellisation', a.callTitle], ['Relevé', a.cutoffLabel ?? '—'], ['État', STATE_LABELS[a.state]],
      ['Récépissé', a.receiptNumber ?? 'Non déposée'], ['Déposée le', a.submittedAt ? `${dateTimeSeconds(a.submittedAt, a.timezone)} (heure de Paris)` : '—'],
      ['Document produit le', `${dateTimeSeconds(a.generatedAt, a.timezone)} (heure de Paris)`],
    ] },
    { kind: 'heading', text: 'Pré-contrôle de recevabilité' },
    { kind: 'table', columns: ['Critère', 'Résultat', 'Motif'], widths: [3, 1.4, 5], rows: a.precheck.map((c) => [`${c.code}. ${c.title}`, STATUS_WORDS[c.status], c.reason]) },
  ];
  for (const def of SECTIONS) {
    blocks.push({ kind: 'heading', text: def.title }, { kind: 'fields', rows: sectionRows(def, a.sections[def.key] ?? {}, a.ctx) });
  }
  blocks.push({ kind: 'heading', text: 'Pièces justificatives' });
  blocks.push(a.documents.length
    ? { kind: 'table', columns: ['Pièce', 'Fichier', 'Taille', 'Jointe le', 'Empreinte SHA-256'], widths: [3, 3, 1, 2, 3],
      rows: a.documents.map((d) => [docLabel(d.kind), d.fileName, fileSize(d.size), dateTimeSeconds(d.uploadedAt, a.timezone), `${d.sha256.slice(0, 16)}…`]) }
    : { kind: 'paragraph', text: 'Aucune pièce jointe.' });
  blocks.push({ kind: 'heading', text: 'Dépôts' });
  blocks.push(a.submissions.length
    ? { kind: 'table', columns: ['Dépôt', 'Récépissé', 'Date et heure (Paris)', 'Par', 'Relevé'], widths: [1, 2, 2.5, 2.5, 2],
      rows: a.submissions.map((s) => [`n° ${s.sequence}`, s.receiptNumber, dateTimeSeconds(s.submittedAt, a.timezone), s.submittedByName ?? '—', s.cutoffLabel]) }
    : { kind: 'paragraph', text: 'Pas encore déposée.' });
  blocks.push({ kind: 'heading', text: 'Historique' });
  blocks.push({ kind: 'table', columns: ['Date et heure (Paris)', 'Qui', 'Quoi'], widths: [2, 2.5, 5], rows: a.history.map((h) => [dateTimeSeconds(h.at, a.timezone), h.who, h.what]) });
  return blocks;
}

/** Draws the full application. */
export function renderApplicationPdf(a: FullApplicationFacts): Promise<Buffer> {
  return renderPdf({ title: `Dossier de candidature — ${a.trainingTitle}`, subject: 'Dossier complet de candidature au label GEN', createdAt: a.generatedAt, footer: a.receiptNumber ? `Candidature ${a.receiptNumber}` : 'Candidature', blocks: applicationBlocks(a) });
}

const ACTIONS: Record<string, string> = {
  'application.created': 'Candidature créée',
  'application.renewed': 'Candidature créée par renouvellement',
  'application.section_saved': 'Rubrique enregistrée',
  'application.document_added': 'Pièce jointe ajoutée',
  'application.document_removed': 'Pièce jointe retirée',
  'application.submitted': 'Candidature déposée',
  'application.resubmitted': 'Candidature déposée à nouveau après corrections',
  'application.withdrawn': 'Candidature retirée',
  'application.correction_requested': 'Corrections demandées par la GEN',
};

/** One audit entry as a history line (section names and file names spelled out). */
export function historyLine(e: { at: string | Date; actorLabel: string; action: string; meta: unknown; after: unknown; before: unknown }): HistoryLine {
  const meta = (e.meta ?? {}) as Record<string, unknown>;
  const after = (e.after ?? {}) as Record<string, unknown>;
  const before = (e.before ?? {}) as Record<string, unknown>;
  let what = ACTIONS[e.action] ?? e.action;
  if (e.action === 'application.section_saved' && typeof meta.section === 'string') {
    const changed = Array.isArray(meta.changedFields) ? meta.changedFields.length : 0;
    what = `Rubrique « ${sectionTitle(meta.section)} » enregistrée (version ${String(meta.version ?? '?')}, ${changed} champ(s) modifié(s))`;
  }
  if (e.action === 'application.document_added') what = `Pièce jointe ajoutée : ${docLabel(String(after.kind ?? ''))} (${String(after.fileName ?? '')})`;
  if (e.action === 'application.document_removed') what = `Pièce jointe retirée : ${docLabel(String(before.kind ?? ''))} (${String(before.fileName ?? '')})`;
  if ((e.action === 'application.submitted' || e.action === 'application.resubmitted') && after.receiptNumber) what = `${what} (récépissé ${String(after.receiptNumber)})`;
  if (e.action === 'application.correction_requested' && Array.isArray(after.sections)) what = `${what} : ${after.sections.map((k) => (k === 'documents' ? 'Pièces justificatives' : sectionTitle(String(k)))).join(', ')}`;
  if (e.action === 'application.withdrawn' && meta.reason) what = `${what} : « ${String(meta.reason)} »`;
  return { at: new Date(e.at), who: e.actorLabel, what };
}
