/**
 * What the PDFs are made from: the snapshot kept with each deposit (the receipt shows what was
 * deposited, not what changed since), and the full application with its history.
 */
import type { DbOrTx } from '../platform/db/index.js';
import { objectHistory } from '../platform/audit/audit.store.js';
import { listSubmissions } from './applications.store.js';
import type { Dossier } from './dossier.js';
import type { CriterionOutcome } from './admissibility.js';
import { SECTIONS } from './sections/catalogue.js';
import { historyLine, type ReceiptFacts, type FullApplicationFacts } from './pdf.js';

/** Everything deposited, as stored with a submission. */
export interface SubmissionSnapshot {
  trainingTitle: string;
  sections: Record<string, { values: Record<string, string>; data: Record<string, unknown>; version: number; completed: boolean }>;
  organisation: { name: string; siret: string; nda: string; qualiopiStatus: string; qualiopiValidUntil: string | null; qualiopiAuditDate: string | null };
  documents: { id: string; kind: string; fileName: string; sha256: string; size: number }[];
  precheck: CriterionOutcome[];
  incomplete: { sections: string[]; documents: string[] };
  correctionRequestId?: string;
  [k: string]: unknown;
}

type SubmissionRow = Awaited<ReturnType<typeof listSubmissions>>[number];

/** The receipt of one deposit, from what was deposited. */
export function receiptOf(d: Dossier, s: SubmissionRow): ReceiptFacts {
  const snap = s.submission.snapshot as SubmissionSnapshot;
  return {
    receiptNumber: s.submission.receiptNumber, sequence: s.submission.sequence, submittedAt: s.submission.submittedAt,
    submittedByName: s.submittedByName ?? 'Compte supprimé', timezone: d.call.call.timezone,
    organisation: { name: snap.organisation?.name ?? d.organisation.name, siret: snap.organisation?.siret ?? d.organisation.siret, nda: snap.organisation?.nda ?? d.organisation.nda },
    trainingTitle: snap.trainingTitle ?? d.application.trainingTitle, callTitle: d.call.call.title,
    cutoff: { label: s.cutoffLabel, closesAt: s.cutoffClosesAt },
    precheck: snap.precheck ?? [], incomplete: snap.incomplete ?? { sections: [], documents: [] }, documents: snap.documents ?? [],
  };
}

const QUALIOPI: Record<string, string> = { certified: 'Certifié', audit_scheduled: 'Audit initial programmé', none: 'Non certifié' };

/** The full application (current answers, documents, pre-check, deposits, history). */
export async function fullApplicationFacts(db: DbOrTx, d: Dossier, now: Date): Promise<FullApplicationFacts> {
  const [subs, history] = await Promise.all([listSubmissions(db, d.application.id), objectHistory(db, 'application', d.application.id)]);
  const o = d.organisation;
  const qualiopi = `${QUALIOPI[o.qualiopiStatus] ?? o.qualiopiStatus}${o.qualiopiValidUntil ? ` (jusqu’au ${o.qualiopiValidUntil.split('-').reverse().join('/')})` : ''}${o.qualiopiAuditDate && o.qualiopiStatus === 'audit_scheduled' ? ` (audit le ${o.qualiopiAuditDate.split('-').reverse().join('/')})` : ''}`;
  return {
    trainingTitle: d.application.trainingTitle, state: d.application.state, receiptNumber: d.application.receiptNumber, submittedAt: d.application.submittedAt,
    timezone: d.call.call.timezone, callTitle: d.call.call.title, cutoffLabel: d.call.cutoffs.find((c) => c.id === d.application.cutoffId)?.label ?? null,
    organisation: { name: o.name, siret: o.siret, nda: o.nda, qualiopi }, ctx: d.ctx,
    sections: Object.fromEntries(SECTIONS.map((s) => [s.key, d.sections[s.key].reading.values])),
    documents: d.files.map((f) => ({ kind: f.kind, fileName: f.fileName, size: f.size, sha256: f.sha256, uploadedAt: f.uploadedAt })),
    precheck: d.precheck,
    submissions: subs.map((s) => ({ sequence: s.submission.sequence, receiptNumber: s.submission.receiptNumber, submittedAt: s.submission.submittedAt, submittedByName: s.submittedByName, cutoffLabel: s.cutoffLabel })),
    history: history.map(historyLine), generatedAt: now,
  };
}
