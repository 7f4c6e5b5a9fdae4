/** Geocoding and classifying a table of addresses, then writing the result as CSV or XLSX. */
import ExcelJS from 'exceljs';
import type { Address } from '../geocoding/geocoder.js';
import { validateQuery } from '../geocoding/geocoder.js';
import type { QpvAnswer } from '../engine.js';
import { isFrrClassified, type FrrStatus } from '../territory.js';
import { addressOf, type AddressTable, type ColumnMapping } from './batch-file.js';
import { classifyAddress, type RuralAnswer, type TerritoryServices } from './lookup.js';

/** The outcome for one row. */
export interface RowResult {
  status: 'ok' | 'ambiguous' | 'not_found' | 'invalid';
  address: Address | null;
  qpv: QpvAnswer | null;
  zrr: RuralAnswer | null;
  frr: RuralAnswer | null;
  /** Geography versions used for the row. */
  versions: string;
}

/** Columns added to the file, in this order. */
export const RESULT_COLUMNS = ['adresse_trouvee', 'score', 'lon', 'lat', 'code_commune', 'code_qpv', 'nom_qpv', 'en_qpv', 'zrr', 'frr', 'statut', 'versions'];

const STATUS_FR: Record<RowResult['status'], string> = { ok: 'ok', ambiguous: 'ambiguë', not_found: 'introuvable', invalid: 'adresse vide ou invalide' };

/** Runs every row: each distinct address is geocoded once (the geocoder dedupes), then classified. */
export async function runBatchRows(
  s: TerritoryServices, table: AddressTable, mapping: ColumnMapping, date?: string,
  onProgress?: (done: number, total: number) => void | Promise<void>,
): Promise<RowResult[]> {
  const texts = table.rows.map((r) => addressOf(r.cells, mapping));
  const valid = texts.map((t) => validateQuery(t) === null);
  const queries = texts.filter((_, i) => valid[i]).map((q) => ({ q }));
  let lastReport = 0;
  const geo = await s.geocoder.geocodeMany(queries, {
    onProgress: (done, total) => {
      if (onProgress && (done - lastReport >= 500 || done === total)) { lastReport = done; void onProgress(done, total); }
    },
  });
  let k = 0;
  return texts.map((_, i) => {
    if (!valid[i]) return { status: 'invalid', address: null, qpv: null, zrr: null, frr: null, versions: '' };
    const g = geo[k++]!;
    if (g.status !== 'found' || !g.address) {
      return { status: g.status === 'ambiguous' ? 'ambiguous' : 'not_found', address: g.address ?? g.candidates[0] ?? null, qpv: null, zrr: null, frr: null, versions: '' };
    }
    const c = classifyAddress(s.engine, g.address, date);
    return { status: 'ok', address: g.address, qpv: c.qpv, zrr: c.zrr, frr: c.frr, versions: [c.versions.qpv, c.versions.zrr, c.versions.frr].filter(Boolean).join(' ') };
  });
}

function extra(r: RowResult): string[] {
  const a = r.address;
  const placed = r.status === 'ok';
  return [
    a?.label ?? '', a ? a.score.toFixed(2) : '', a ? String(a.lon) : '', a ? String(a.lat) : '', a?.citycode ?? '',
    r.qpv?.code ?? '', r.qpv?.name ?? '', placed ? (r.qpv ? 'oui' : 'non') : '',
    r.zrr?.label ?? '', r.frr?.label ?? '', STATUS_FR[r.status],
    r.versions,
  ];
}

function csvCell(v: string, sep: string): string {
  return /["\r\n]/.test(v) || v.includes(sep) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** The result CSV: original columns + added ones, UTF-8 with BOM (opens right in spreadsheet software). */
export function resultsToCsv(table: AddressTable, results: RowResult[]): string {
  const sep = table.separator ?? ';';
  const lines = [[...table.header, ...RESULT_COLUMNS].map((v) => csvCell(v, sep)).join(sep)];
  table.rows.forEach((row, i) => {
    const cells = [...table.header.map((_, j) => row.cells[j] ?? ''), ...extra(results[i]!)];
    lines.push(cells.map((v) => csvCell(v, sep)).join(sep));
  });
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

/** The result XLSX, with a frozen header and an autofilter. */
export async function resultsToXlsx(table: AddressTable, results: RowResult[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Label GEN';
  const ws = wb.addWorksheet('Résultats', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow([...table.header, ...RESULT_COLUMNS]).font = { bold: true };
  table.rows.forEach((row, i) => ws.addRow([...table.header.map((_, j) => row.cells[j] ?? ''), ...extra(results[i]!)]));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.header.length + RESULT_COLUMNS.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Summary figures of a batch. */
export interface BatchSummary { total: number; ok: number; ambiguous: number; notFound: number; invalid: number; inQpv: number; inZrr: number; inFrr: number }

/** Counts: placed, in QPV, in a classified ZRR (C or PC) or FRR (socle, FRR+, partly) commune. */
export function summarize(results: RowResult[]): BatchSummary {
  const s: BatchSummary = { total: results.length, ok: 0, ambiguous: 0, notFound: 0, invalid: 0, inQpv: 0, inZrr: 0, inFrr: 0 };
  for (const r of results) {
    if (r.status === 'ok') s.ok++; else if (r.status === 'ambiguous') s.ambiguous++; else if (r.status === 'not_found') s.notFound++; else s.invalid++;
    if (r.qpv) s.inQpv++;
    if (r.zrr && r.zrr.status !== 'NC') s.inZrr++;
    if (r.frr && isFrrClassified(r.frr.status as FrrStatus)) s.inFrr++;
  }
  return s;
}
