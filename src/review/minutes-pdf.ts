/** The minutes (procès-verbal) of a committee meeting as PDF blocks, pure, then drawn by the platform. */
import { renderPdf, parisDateTime, type PdfBlock } from '../platform/pdf/pdf.js';
import { formatScore } from './scoring.js';
import { frenchDate } from './review.js';
import { euros } from './routing.js';

/** What the minutes record. */
export interface MinutesFacts {
  meeting: { heldOn: string; place: string; minutesValidatedAt: Date | null };
  callTitle: string; cutoffLabel: string;
  members: { fullName: string }[];
  conflicts: { fullName: string; organisationName: string }[];
  decisions: { decision: { outcome: 'labelled' | 'rejected' | 'deferred'; motivation: string; meanScore: string | null; seedGrant: number | null }; trainingTitle: string; organisationName: string; receiptNumber: string | null; regionName: string | null }[];
}

/** French name of each outcome. */
export const OUTCOME_LABELS = { labelled: 'Labellisée', rejected: 'Refusée', deferred: 'Reportée au relevé suivant' } as const;

/** Narrow and non-breaking spaces (French number formatting) as plain spaces: the PDF font lacks the narrow one. */
const plain = (x: string) => x.replace(/[\u202f\u00a0]/g, ' ');
function plainBlock(b: PdfBlock): PdfBlock {
  switch (b.kind) {
    case 'title': case 'heading': case 'paragraph': return { ...b, text: plain(b.text) };
    case 'fields': return { ...b, rows: b.rows.map(([k, v]) => [plain(k), plain(v)] as [string, string]) };
    case 'list': return { ...b, items: b.items.map(plain) };
    case 'table': return { ...b, columns: b.columns.map(plain), rows: b.rows.map((r) => r.map(plain)) };
    case 'signature': return { ...b, lines: b.lines.map(plain) };
    default: return b;
  }
}

/** The blocks of the minutes. */
export function minutesBlocks(f: MinutesFacts): PdfBlock[] {
  return rawBlocks(f).map(plainBlock);
}

function rawBlocks(f: MinutesFacts): PdfBlock[] {
  const labelled = f.decisions.filter((d) => d.decision.outcome === 'labelled');
  const grants = labelled.reduce((s, d) => s + (d.decision.seedGrant ?? 0), 0);
  return [
    { kind: 'title', text: 'Procès-verbal du comité de labellisation' },
    { kind: 'fields', rows: [
      ['Appel', f.callTitle], ['Relevé', f.cutoffLabel], ['Date de la séance', frenchDate(f.meeting.heldOn)], ['Lieu', f.meeting.place || '—'],
      ['Statut', f.meeting.minutesValidatedAt ? `Validé le ${parisDateTime(f.meeting.minutesValidatedAt)}` : 'Projet, non encore validé'],
    ] },
    { kind: 'heading', text: 'Membres présents' },
    { kind: 'list', items: f.members.length ? f.members.map((m) => m.fullName) : ['Aucun membre enregistré.'] },
    { kind: 'heading', text: 'Conflits d’intérêts déclarés' },
    f.conflicts.length
      ? { kind: 'list', items: f.conflicts.map((c) => `${c.fullName} avec ${c.organisationName} : ne prend pas part aux délibérations qui concernent cet organisme.`) }
      : { kind: 'paragraph', text: 'Aucun membre n’a déclaré de conflit d’intérêts.' },
    { kind: 'heading', text: 'Décisions' },
    { kind: 'paragraph', text: `${f.decisions.length} décision(s), dont ${labelled.length} labellisation(s) ; subventions d’amorçage accordées : ${euros(grants)}.` },
    f.decisions.length
      ? { kind: 'table', columns: ['Formation', 'Organisme', 'Région', 'Note', 'Décision', 'Motivation'], widths: [1.3, 1.1, 0.9, 0.6, 0.9, 2],
        rows: f.decisions.map((d) => [
          `${d.trainingTitle}${d.receiptNumber ? ` (${d.receiptNumber})` : ''}`, d.organisationName, d.regionName ?? '—',
          formatScore(d.decision.meanScore === null ? null : Number(d.decision.meanScore)),
          `${OUTCOME_LABELS[d.decision.outcome]}${d.decision.seedGrant ? `, subvention ${euros(d.decision.seedGrant)}` : ''}`, d.decision.motivation,
        ]) }
      : { kind: 'paragraph', text: 'Aucune décision.' },
    { kind: 'signature', lines: ['Pour le comité de labellisation,', 'la présidence de séance'] },
  ];
}

/** The PDF of the minutes. */
export function minutesPdf(f: MinutesFacts, now: Date): Promise<Buffer> {
  return renderPdf({ title: `Procès-verbal – séance du ${frenchDate(f.meeting.heldOn)}`, subject: 'Procès-verbal du comité de labellisation', createdAt: now, footer: `${f.callTitle} – ${f.cutoffLabel}`, blocks: minutesBlocks(f) });
}
