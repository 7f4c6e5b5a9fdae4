/**
 * Reading an uploaded table of addresses (CSV in UTF-8, UTF-8 with BOM, UTF-16 or Latin-1, any usual
 * separator; or XLSX), with French errors that name the line. Pure apart from XLSX decoding.
 */
import ExcelJS from 'exceljs';

/** Most rows a batch file may hold. */
export const MAX_BATCH_ROWS = 100_000;

/** A file that cannot be read, with the French reason (and the line when there is one). */
export class UploadError extends Error {}

/** How the address is spread over the columns. */
export type ColumnMapping =
  | { kind: 'single'; address: number }
  | { kind: 'parts'; number: number | null; street: number; postcode: number | null; city: number | null };

/** A table read from a file: header, rows with their line number in the file. */
export interface AddressTable {
  header: string[];
  rows: { line: number; cells: string[] }[];
  encoding: string;
  separator: string | null;
  guessMapping(): ColumnMapping | null;
}

const norm = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
const SINGLE = ['adresse', 'address', 'adresse complete', 'adresse postale', 'libelle adresse', 'adresse apprenant'];
const NUMBER = ['numero', 'num', 'no', 'n', 'numero voie', 'housenumber'];
const STREET = ['voie', 'rue', 'street', 'nom voie', 'libelle voie', 'adresse ligne 1', 'ligne 1'];
const POSTCODE = ['code postal', 'cp', 'postcode', 'code_postal'];
const CITY = ['commune', 'ville', 'city', 'nom commune', 'localite'];

/** Guesses the mapping from the header names. */
export function guessMapping(header: string[]): ColumnMapping | null {
  const h = header.map(norm);
  const find = (names: string[]) => { const i = h.findIndex((x) => names.includes(x)); return i < 0 ? null : i; };
  const single = find(SINGLE);
  const street = find(STREET);
  if (street !== null) return { kind: 'parts', number: find(NUMBER), street, postcode: find(POSTCODE), city: find(CITY) };
  if (single !== null) return { kind: 'single', address: single };
  if (header.length === 1) return { kind: 'single', address: 0 };
  return null;
}

/** The address text of a row under a mapping. */
export function addressOf(cells: string[], m: ColumnMapping): string {
  if (m.kind === 'single') return (cells[m.address] ?? '').trim();
  const pick = (i: number | null) => (i === null ? '' : (cells[i] ?? '').trim());
  return [pick(m.number), pick(m.street), pick(m.postcode), pick(m.city)].filter(Boolean).join(' ');
}

/** Decodes bytes: BOMs first, then strict UTF-8, else Windows-1252 (Latin-1). */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'UTF-8 (BOM)' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16' };
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) throw new UploadError('Le fichier n’est pas un fichier texte (CSV) ni un classeur XLSX : vérifiez son format.');
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'Latin-1 (Windows-1252)' };
  }
}

/** The separator of a CSV, chosen from its first line. */
export function detectSeparator(firstLine: string): string {
  const counts = [';', ',', '\t', '|'].map((s) => [s, countOutsideQuotes(firstLine, s)] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![1] > 0 ? counts[0]![0] : ';';
}

function countOutsideQuotes(line: string, sep: string): number {
  let n = 0, q = false;
  for (const ch of line) { if (ch === '"') q = !q; else if (!q && ch === sep) n++; }
  return n;
}

/** Parses CSV text (RFC 4180 quotes, CRLF/LF) into rows with their starting line number. */
export function parseCsvLines(text: string, sep: string, maxRows: number): { line: number; cells: string[] }[] {
  const out: { line: number; cells: string[] }[] = [];
  let cells: string[] = [], cell = '', q = false, line = 1, rowLine = 1, i = 0, afterQuote = false;
  const pushRow = () => {
    cells.push(cell);
    if (cells.some((c) => c.trim() !== '')) {
      out.push({ line: rowLine, cells });
      if (out.length > maxRows + 1) throw new UploadError(`Le fichier compte plus de ${maxRows.toLocaleString('fr-FR')} lignes d’adresses (ligne ${rowLine}) : découpez-le en plusieurs fichiers.`);
    }
    cells = []; cell = ''; afterQuote = false;
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (q) {
      if (ch === '"') {
        if (text[i + 1] === '"') { cell += '"'; i += 2; continue; }
        q = false; afterQuote = true; i++; continue;
      }
      if (ch === '\n') line++;
      cell += ch; i++; continue;
    }
    if (ch === '"' && cell.trim() === '' && !afterQuote) { q = true; cell = ''; i++; continue; }
    if (ch === sep) { cells.push(cell); cell = ''; afterQuote = false; i++; continue; }
    if (ch === '\r' && text[i + 1] === '\n') { i++; continue; }
    if (ch === '\n' || ch === '\r') { pushRow(); line++; rowLine = line; i++; continue; }
    if (afterQuote) { if (ch.trim() === '') { i++; continue; } throw new UploadError(`Ligne ${line} : caractère inattendu après un guillemet fermant.`); }
    cell += ch; i++;
  }
  if (q) throw new UploadError(`Ligne ${rowLine} : un guillemet ouvert n’est jamais fermé.`);
  if (cell !== '' || cells.length > 0) pushRow();
  return out;
}

function table(header: string[], rows: { line: number; cells: string[] }[], encoding: string, separator: string | null): AddressTable {
  const clean = header.map((h, i) => h.trim() || `colonne ${i + 1}`);
  return { header: clean, rows, encoding, separator, guessMapping: () => guessMapping(clean) };
}

/** Reads an uploaded CSV or XLSX file of addresses (header on the first non-empty line). */
export async function readUpload(bytes: Uint8Array, filename: string, maxRows = MAX_BATCH_ROWS): Promise<AddressTable> {
  if (bytes.length === 0) throw new UploadError('Le fichier est vide.');
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (/\.xls$/i.test(filename) || (bytes[0] === 0xd0 && bytes[1] === 0xcf)) throw new UploadError('Le format Excel 97-2003 (.xls) n’est pas accepté : enregistrez le fichier au format .xlsx ou .csv.');
  if (isZip) return readXlsx(bytes, maxRows);
  const { text, encoding } = decodeText(bytes);
  const firstLine = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const sep = detectSeparator(firstLine);
  const all = parseCsvLines(text, sep, maxRows);
  if (all.length === 0) throw new UploadError('Le fichier ne contient aucune ligne.');
  const [head, ...rows] = all;
  if (rows.length === 0) throw new UploadError('Le fichier ne contient qu’une ligne d’en-tête, sans adresse.');
  if (rows.length > maxRows) throw new UploadError(`Le fichier compte plus de ${maxRows.toLocaleString('fr-FR')} lignes d’adresses (ligne ${rows[maxRows]!.line}) : découpez-le en plusieurs fichiers.`);
  return table(head!.cells, rows, encoding, sep);
}

async function readXlsx(bytes: Uint8Array, maxRows: number): Promise<AddressTable> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as never);
  } catch {
    throw new UploadError('Le classeur XLSX est illisible ou endommagé.');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new UploadError('Le classeur ne contient aucune feuille.');
  const rows: { line: number; cells: string[] }[] = [];
  let header: string[] | null = null;
  let tooMany: number | null = null;
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    if (tooMany !== null) return;
    const values = (row.values as unknown[]).slice(1).map(cellText);
    if (!values.some((v) => v.trim() !== '')) return;
    if (!header) { header = values; return; }
    if (rows.length >= maxRows) { tooMany = n; return; }
    rows.push({ line: n, cells: values });
  });
  if (tooMany !== null) throw new UploadError(`Le fichier compte plus de ${maxRows.toLocaleString('fr-FR')} lignes d’adresses (ligne ${tooMany}) : découpez-le en plusieurs fichiers.`);
  if (!header) throw new UploadError('La première feuille du classeur est vide.');
  if (rows.length === 0) throw new UploadError('Le fichier ne contient qu’une ligne d’en-tête, sans adresse.');
  return table(header, rows, 'XLSX', null);
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    const o = v as { text?: string; result?: unknown; richText?: { text: string }[] };
    if (o.richText) return o.richText.map((x) => x.text).join('');
    if (o.text !== undefined) return String(o.text);
    if (o.result !== undefined) return String(o.result);
    if (v instanceof Date) return v.toISOString().slice(0, 10);
  }
  return String(v);
}
