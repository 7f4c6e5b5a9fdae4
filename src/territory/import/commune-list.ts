/**
 * Shared reader for official commune lists (ZRR, FRR): one row per INSEE code and a status column.
 * Checks code format, duplicates and status values; codes absent from the current COG are warnings
 * (the ZRR list uses COG 2021 codes, some communes merged since).
 */
import { INSEE_CODE, type CommuneStatus } from '../territory.js';
import { parseCsv, requireColumns } from './csv.js';
import { pushIssue, type ImportIssue, type ImportParseResult } from './import-report.js';

/** How one list is read: the code and status columns, and how to turn a raw status into a known one. */
export interface CommuneListFormat<S extends string> {
  codeColumn: string;
  statusColumn: string;
  readStatus(raw: string): S | null;
  describeExpected: string;
}

/** Parses and validates a commune list; `isKnownCommune` flags codes unknown to the COG as warnings. */
export function parseCommuneList<S extends string>(
  text: string,
  format: CommuneListFormat<S>,
  isKnownCommune: (code: string) => boolean,
): ImportParseResult<CommuneStatus<S>> {
  const errors: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const csv = parseCsv(text);
  if (!csv.ok) return { ok: false, errors: [{ where: `ligne ${csv.line}`, message: csv.message }], warnings };
  const columns = requireColumns(csv.header, [format.codeColumn, format.statusColumn]);
  if (!columns.ok) return { ok: false, errors: [{ where: 'ligne 1', message: columns.message }], warnings };
  const [codeAt, statusAt] = columns.at as [number, number];
  const seen = new Map<string, number>();
  const items: CommuneStatus<S>[] = [];
  const counts: Record<string, number> = { lignes: csv.rows.length, inconnues_du_cog: 0 };
  let errorCount = 0;
  for (const row of csv.rows) {
    const where = `ligne ${row.line}`;
    const code = (row.fields[codeAt] ?? '').trim().toUpperCase();
    const rawStatus = (row.fields[statusAt] ?? '').trim();
    if (!INSEE_CODE.test(code)) {
      errorCount++;
      pushIssue(errors, where, `code INSEE invalide « ${code} » (attendu : 5 caractères, par exemple 01001 ou 2A004).`);
      continue;
    }
    const status = format.readStatus(rawStatus);
    if (status === null) {
      errorCount++;
      pushIssue(errors, where, `statut inconnu « ${rawStatus} » pour ${code} (attendu : ${format.describeExpected}).`);
      continue;
    }
    const previous = seen.get(code);
    if (previous !== undefined) {
      errorCount++;
      pushIssue(errors, where, `la commune ${code} figure déjà à la ligne ${previous}.`);
      continue;
    }
    seen.set(code, row.line);
    if (!isKnownCommune(code)) {
      counts.inconnues_du_cog!++;
      pushIssue(warnings, where, `la commune ${code} n'existe pas dans le code officiel géographique actuel (commune fusionnée ?).`);
    }
    items.push({ inseeCode: code, status });
    counts[status] = (counts[status] ?? 0) + 1;
  }
  if (items.length === 0 && errorCount === 0) pushIssue(errors, 'fichier', 'aucune commune dans le fichier.');
  if (errors.length > 0) {
    if (errorCount > errors.length) errors.push({ where: 'fichier', message: `${errorCount} erreurs au total.` });
    return { ok: false, errors, warnings };
  }
  counts.communes = items.length;
  return { ok: true, items, counts, warnings };
}
