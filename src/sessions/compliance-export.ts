/** Exports of the compliance dashboard, one line per label (no personal data): CSV (semicolons, UTF-8 with BOM) and XLSX. */
import ExcelJS from 'exceljs';
import type { LabelLine } from './compliance.js';
import type { Share } from '../learners/indicators.js';
import { LABEL_STATUS_LABELS, type LabelStatus } from '../labels/index.js';

const pct = (s: Share): number | null => (s.value === null ? null : Math.round(s.value * 1000) / 10);

/** The exported columns, in order. */
export const COMPLIANCE_COLUMNS: { header: string; value: (l: LabelLine) => string | number | null }[] = [
  { header: 'Label', value: (l) => l.number },
  { header: 'Formation', value: (l) => l.trainingTitle },
  { header: 'Organisme', value: (l) => l.organisationName },
  { header: 'Région', value: (l) => l.region },
  { header: 'Statut du label', value: (l) => LABEL_STATUS_LABELS[l.status as LabelStatus] ?? l.status },
  { header: 'Sessions', value: (l) => l.sessions },
  { header: 'Obligations en retard', value: (l) => l.late },
  { header: 'Obligations à échéance', value: (l) => l.due },
  { header: 'Manquements', value: (l) => l.breaches.length },
  { header: 'Détail des manquements', value: (l) => l.breaches.map((b) => b.message).join(' | ') || null },
  { header: 'À risque', value: (l) => (l.atRisk ? 'oui' : 'non') },
  { header: 'Apprenants', value: (l) => l.indicators.count },
  { header: 'Femmes (%)', value: (l) => pct(l.indicators.women) },
  { header: 'QPV (%)', value: (l) => pct(l.indicators.qpv) },
  { header: 'ZRR ou FRR (%)', value: (l) => pct(l.indicators.zrrFrr) },
  { header: 'QPV, ZRR ou FRR (%)', value: (l) => pct(l.indicators.priorityArea) },
  { header: 'Bac ou infra-bac (%)', value: (l) => pct(l.indicators.bacOrBelow) },
  { header: 'Réussite à la certification (%)', value: (l) => pct(l.indicators.examSuccess) },
  { header: 'Sorties positives à 6 mois (%)', value: (l) => pct(l.indicators.positive6m) },
  { header: 'Abandons (%)', value: (l) => pct(l.indicators.dropouts) },
];

function csvCell(v: string | number | null): string {
  if (v === null) return '';
  const s = typeof v === 'number' ? v.toLocaleString('fr-FR', { useGrouping: false, maximumFractionDigits: 1 }) : v;
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[;"\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The CSV text. */
export function complianceCsv(lines: readonly LabelLine[]): string {
  const out = [COMPLIANCE_COLUMNS.map((c) => csvCell(c.header)).join(';')];
  for (const l of lines) out.push(COMPLIANCE_COLUMNS.map((c) => csvCell(c.value(l))).join(';'));
  return `\uFEFF${out.join('\r\n')}\r\n`;
}

/** The XLSX workbook. */
export async function complianceXlsx(lines: readonly LabelLine[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Suivi des labels');
  ws.columns = COMPLIANCE_COLUMNS.map((c) => ({ header: c.header, width: Math.max(12, c.header.length + 2) }));
  ws.getRow(1).font = { bold: true };
  for (const l of lines) ws.addRow(COMPLIANCE_COLUMNS.map((c) => c.value(l)));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
