/** Minimal RFC 4180 CSV reader for official commune lists (quotes, BOM, `,` or `;`, CRLF). */

/** One data row with its 1-based line number in the file (the header is line 1). */
export interface CsvRow {
  line: number;
  fields: string[];
}

/** Parsed CSV: header names (trimmed, lower-case) and data rows; or a French error with its line. */
export type CsvParseResult = { ok: true; header: string[]; rows: CsvRow[] } | { ok: false; line: number; message: string };

/** Decodes file bytes: UTF-8 (with or without BOM), falling back to Latin-1 (Windows exports). */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('latin1').decode(bytes);
  }
}

/** Splits CSV text into rows, honouring quoted fields (which may hold separators, quotes and newlines). */
export function parseCsv(text: string): CsvParseResult {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = source.slice(0, source.search(/\r?\n|$/));
  const separator = firstLine.split(';').length > firstLine.split(',').length ? ';' : ',';
  const records: CsvRow[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let inQuotes = false;
  let i = 0;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0]!.trim() === '')) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };
  while (i < source.length) {
    const ch = source[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      i++;
      continue;
    }
    if (ch === '"' && field === '') inQuotes = true;
    else if (ch === separator) {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && source[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else field += ch;
    i++;
  }
  if (inQuotes) return { ok: false, line: recordLine, message: 'guillemet ouvrant sans guillemet fermant.' };
  if (field !== '' || fields.length > 0) endRecord();
  const [head, ...rows] = records;
  if (!head) return { ok: false, line: 1, message: 'le fichier est vide.' };
  return { ok: true, header: head.fields.map((h) => h.trim().toLowerCase()), rows };
}

/** Finds required columns in a header; returns their positions, or the French message naming the missing ones. */
export function requireColumns(header: string[], names: readonly string[]): { ok: true; at: number[] } | { ok: false; message: string } {
  const at = names.map((n) => header.indexOf(n));
  const missing = names.filter((_, k) => at[k] === -1);
  if (missing.length > 0) {
    return { ok: false, message: `colonne(s) manquante(s) : ${missing.join(', ')} (en-tête lu : ${header.join(', ')}).` };
  }
  return { ok: true, at };
}
