/** Exports of the workspace list: CSV (semicolons, UTF-8 with BOM, as French spreadsheets expect) and XLSX. */
import ExcelJS from 'exceljs';
import type { WorkspaceRow } from './workspace.store.js';
import { STATUS_LABELS } from './review.js';

/** The exported columns, in order. */
export const EXPORT_COLUMNS: { header: string; value: (r: WorkspaceRow, family: (code: string | null) => string) => string | number | null }[] = [
  { header: 'Récépissé', value: (r) => r.receiptNumber },
  { header: 'Formation', value: (r) => r.trainingTitle },
  { header: 'Organisme', value: (r) => r.organisationName },
  { header: 'Relevé', value: (r) => r.cutoffLabel },
  { header: 'Statut', value: (r) => STATUS_LABELS[r.status] },
  { header: 'Région', value: (r) => r.regionName },
  { header: 'Département', value: (r) => r.departementCode },
  { header: 'Famille de métiers', value: (r, f) => f(r.jobFamily) },
  { header: 'Instructeurs', value: (r) => r.reviewers },
  { header: 'Nombre de notes', value: (r) => r.sheets },
  { header: 'Note moyenne sur 10', value: (r) => r.meanScore },
  { header: 'Déposée le', value: (r) => (r.submittedAt ? r.submittedAt.toISOString() : null) },
];

function csvCell(v: string | number | null): string {
  if (v === null) return '';
  const s = typeof v === 'number' ? v.toLocaleString('fr-FR', { useGrouping: false, maximumFractionDigits: 2 }) : v;
  // Quote everything that could break a cell; neutralise formulas (=, +, -, @) for spreadsheet safety.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[;"\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The CSV text of the rows. */
export function toCsv(rows: readonly WorkspaceRow[], family: (code: string | null) => string): string {
  const lines = [EXPORT_COLUMNS.map((c) => csvCell(c.header)).join(';')];
  for (const r of rows) lines.push(EXPORT_COLUMNS.map((c) => csvCell(c.value(r, family))).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The XLSX workbook of the rows. */
export async function toXlsx(rows: readonly WorkspaceRow[], family: (code: string | null) => string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Candidatures');
  ws.columns = EXPORT_COLUMNS.map((c) => ({ header: c.header, width: Math.max(14, c.header.length + 2) }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) {
    ws.addRow(EXPORT_COLUMNS.map((c) => {
      const v = c.value(r, family);
      return typeof v === 'string' && /^[=+\-@]/.test(v) ? `'${v}` : v;
    }));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
