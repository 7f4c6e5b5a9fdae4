/** Exports of the workspace list: CSV (semicolons, UTF-8 with BOM, as French spreadsheets expect) and XLSX. */
import ExcelJS from 'exceljs';
import type { WorkspaceRow } from './workspace.store.js';
import { STATUS_LABELS } from './review.js';

/** The exported columns, in order. */
export const EXPORT_COLUMNS: { key: string; header: string; value: (r: WorkspaceRow, family: (code: string | null) => string) => string | number | null }[] = [
  { key: 'recepisse', header: 'Récépissé', value: (r) => r.receiptNumber },
  { key: 'formation', header: 'Formation', value: (r) => r.trainingTitle },
  { key: 'organisme', header: 'Organisme', value: (r) => r.organisationName },
  { key: 'releve', header: 'Relevé', value: (r) => r.cutoffLabel },
  { key: 'statut', header: 'Statut', value: (r) => STATUS_LABELS[r.status] },
  { key: 'region', header: 'Région', value: (r) => r.regionName },
  { key: 'departement', header: 'Département', value: (r) => r.departementCode },
  { key: 'famille', header: 'Famille de métiers', value: (r, f) => f(r.jobFamily) },
  { key: 'instructeurs', header: 'Instructeurs', value: (r) => r.reviewers },
  { key: 'etiquettes', header: 'Étiquettes', value: (r) => r.tags },
  { key: 'notes', header: 'Nombre de notes', value: (r) => r.sheets },
  { key: 'moyenne', header: 'Note moyenne sur 10', value: (r) => r.meanScore },
  { key: 'mediane', header: 'Note médiane sur 10', value: (r) => r.medianScore },
  { key: 'ecart', header: 'Écart entre instructeurs', value: (r) => r.spread },
  { key: 'decision', header: 'Décision du comité', value: (r) => (r.decision ? DECISION_LABELS[r.decision] ?? r.decision : null) },
  { key: 'motivation', header: 'Motivation de la décision', value: (r) => r.motivation },
  { key: 'subvention', header: 'Subvention d’amorçage (€)', value: (r) => r.seedGrant },
  { key: 'depot', header: 'Déposée le', value: (r) => (r.submittedAt ? r.submittedAt.toISOString() : null) },
];

const DECISION_LABELS: Record<string, string> = { labelled: 'Labellisée', rejected: 'Refusée' };

/** The chosen columns (every column when none or none valid is chosen), in the catalogue's order. */
export function chosenColumns(keys: readonly string[]) {
  const chosen = EXPORT_COLUMNS.filter((c) => keys.includes(c.key));
  return chosen.length ? chosen : EXPORT_COLUMNS;
}

function csvCell(v: string | number | null): string {
  if (v === null) return '';
  const s = typeof v === 'number' ? v.toLocaleString('fr-FR', { useGrouping: false, maximumFractionDigits: 2 }) : v;
  // Quote everything that could break a cell; neutralise formulas (=, +, -, @) for spreadsheet safety.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[;"\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The CSV text of the rows. */
export function toCsv(rows: readonly WorkspaceRow[], family: (code: string | null) => string, keys: readonly string[] = []): string {
  const cols = chosenColumns(keys);
  const lines = [cols.map((c) => csvCell(c.header)).join(';')];
  for (const r of rows) lines.push(cols.map((c) => csvCell(c.value(r, family))).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The XLSX workbook of the rows. */
export async function toXlsx(rows: readonly WorkspaceRow[], family: (code: string | null) => string, keys: readonly string[] = []): Promise<Buffer> {
  const cols = chosenColumns(keys);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Candidatures');
  ws.columns = cols.map((c) => ({ header: c.header, width: Math.max(14, c.header.length + 2) }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) {
    ws.addRow(cols.map((c) => {
      const v = c.value(r, family);
      return typeof v === 'string' && /^[=+\-@]/.test(v) ? `'${v}` : v;
    }));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
