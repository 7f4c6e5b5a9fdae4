/** Minimal RFC 4180 CSV reading and writing, for the BAN API batch endpoint. */

/** Quotes a field when it holds the separator, a quote or a line break. */
export function csvField(value: string, separator = ','): string {
  return value.includes(separator) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Writes rows as CSV text with a header line. */
export function writeCsv(header: readonly string[], rows: readonly (readonly string[])[], separator = ','): string {
  return [header, ...rows].map((row) => row.map((field) => csvField(field, separator)).join(separator)).join('\r\n') + '\r\n';
}

/** Parses CSV text (quoted fields, doubled quotes, CRLF or LF, optional BOM) into rows of fields. */
export function parseCsv(text: string, separator = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const input = text.replace(/^\ufeff/, '');
  for (let i = 0; i < input.length; i++) {
    const char = input[i]!;
    if (quoted) {
      if (char === '"' && input[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === '') quoted = true;
    else if (char === separator) {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && input[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
