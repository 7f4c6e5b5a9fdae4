/** Shared shapes of import results: every problem carries its place in the file and a French message. */

/** One problem found in a file: where (`ligne 12`, `objet 3`) and what, in French. */
export interface ImportIssue {
  where: string;
  message: string;
}

/** Outcome of parsing a file: the rows to store and counts, or every blocking error. Warnings never block. */
export type ImportParseResult<T> =
  | { ok: true; items: T[]; counts: Record<string, number>; warnings: ImportIssue[] }
  | { ok: false; errors: ImportIssue[]; warnings: ImportIssue[] };

/** Caps how many issues are kept so that a wrong file cannot flood memory or the terminal. */
export const MAX_ISSUES = 200;

/** Adds an issue unless the cap is reached (the total is still counted by the caller). */
export function pushIssue(list: ImportIssue[], where: string, message: string): void {
  if (list.length < MAX_ISSUES) list.push({ where, message });
}

/** Formats issues one per line for the command line. */
export function formatIssues(issues: readonly ImportIssue[]): string {
  return issues.map((i) => `  - ${i.where} : ${i.message}`).join('\n');
}
