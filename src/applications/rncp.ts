/**
 * The RNCP table (France Compétences, format of the "rncp_info" files of the Mission
 * apprentissage kit: `;`-separated, quoted multi-line fields, dates as M/D/YY) and the warnings the
 * "Formation" section shows once a table is imported: code unknown, inactive, or ending before
 * the end of the label's years. Parsing is pure and refuses the whole file on any bad line.
 */
import { gunzipSync } from 'node:zlib';
import { parseCsv } from '../territory/geocoding/csv.js';

/** One certification of the table. */
export interface RncpEntry { code: string; title: string; level: string; active: boolean; validUntil: string | null }

/** Outcome of reading a file. */
export type RncpParse = { ok: true; rows: RncpEntry[] } | { ok: false; errors: string[] };

const REQUIRED = ['CodeRNCP', 'intituleDiplome', 'date_fin_validite_enregistrement', 'ActiveInactive', 'NiveauEurope'] as const;

/** "RNCP 31114", "rncp31114", "31114" → "RNCP31114". */
export function normaliseRncp(code: string): string {
  const c = code.toUpperCase().replace(/\s/g, '');
  return /^\d+$/.test(c) ? `RNCP${c}` : c;
}

/** A date of the table (M/D/YY, M/D/YYYY or YYYY-MM-DD) as YYYY-MM-DD; null when empty; undefined when malformed. */
export function rncpDate(raw: string): string | null | undefined {
  const s = raw.trim();
  if (s === '') return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(s);
  let y: number, m: number, d: number;
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (us) {
    [m, d, y] = [Number(us[1]), Number(us[2]), Number(us[3])];
    if (us[3]!.length === 2) y += y < 70 ? 2000 : 1900;
  } else return undefined;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return undefined;
  return dt.toISOString().slice(0, 10);
}

/** The file's text (gzip-compressed files are accepted as is). */
export function rncpText(bytes: Buffer): string {
  const raw = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
  return raw.toString('utf8');
}

/** Reads the table; any malformed line refuses the whole file (errors name the records, at most 20). */
export function parseRncp(text: string): RncpParse {
  const lines = parseCsv(text, ';').filter((r) => r.some((c) => c.trim() !== ''));
  const header = lines[0]?.map((h) => h.trim()) ?? [];
  const missing = REQUIRED.filter((h) => !header.includes(h));
  if (missing.length) return { ok: false, errors: [`Colonnes absentes de l’en-tête : ${missing.join(', ')}.`] };
  const col = Object.fromEntries(REQUIRED.map((h) => [h, header.indexOf(h)])) as Record<(typeof REQUIRED)[number], number>;
  const errors: string[] = [];
  const byCode = new Map<string, RncpEntry>();
  lines.slice(1).forEach((cells, i) => {
    // Records, not physical lines: a quoted title may span several lines.
    const line = i + 1;
    const code = normaliseRncp(cells[col.CodeRNCP] ?? '');
    const state = (cells[col.ActiveInactive] ?? '').trim().toUpperCase();
    const until = rncpDate(cells[col.date_fin_validite_enregistrement] ?? '');
    if (!/^RNCP\d{1,6}$/.test(code)) errors.push(`Fiche n° ${line} : code RNCP « ${cells[col.CodeRNCP] ?? ''} » invalide.`);
    else if (state !== 'ACTIVE' && state !== 'INACTIVE') errors.push(`Fiche n° ${line} : état « ${state} » inconnu (ACTIVE ou INACTIVE attendu).`);
    else if (until === undefined) errors.push(`Fiche n° ${line} : date de fin de validité « ${cells[col.date_fin_validite_enregistrement]} » illisible.`);
    else {
      const entry: RncpEntry = { code, title: (cells[col.intituleDiplome] ?? '').trim().slice(0, 1000), level: (cells[col.NiveauEurope] ?? '').replace(/\D/g, ''), active: state === 'ACTIVE', validUntil: until };
      const prev = byCode.get(code);
      // A code listed twice: the active line wins, then the later end of validity.
      if (!prev || (entry.active && !prev.active) || (entry.active === prev.active && (entry.validUntil ?? '') > (prev.validUntil ?? ''))) byCode.set(code, entry);
    }
  });
  if (errors.length) return { ok: false, errors: errors.length > 20 ? [...errors.slice(0, 20), `… et ${errors.length - 20} autre(s) erreur(s).`] : errors };
  if (byCode.size === 0) return { ok: false, errors: ['Le fichier ne contient aucune certification.'] };
  return { ok: true, rows: [...byCode.values()] };
}

const frDate = (iso: string) => iso.split('-').reverse().join('/');

/** Warnings about a code against the table: unknown, inactive, or ending before `labelEnd` (YYYY-MM-DD). */
export function rncpWarnings(code: string, entry: Pick<RncpEntry, 'title' | 'active' | 'validUntil'> | null, labelEnd: string): string[] {
  if (!entry) return [`Le code ${code} est introuvable dans le répertoire RNCP importé : vérifiez-le sur le site de France Compétences.`];
  const out: string[] = [];
  if (!entry.active) out.push(`La certification ${code} (« ${entry.title} ») est inactive au répertoire RNCP : elle ne peut plus être préparée.`);
  if (entry.validUntil && entry.validUntil < labelEnd) {
    out.push(`L’enregistrement de la certification ${code} au RNCP prend fin le ${frDate(entry.validUntil)}, avant la fin des années du label (${frDate(labelEnd)}) : prévoyez son renouvellement ou la certification qui lui succède.`);
  }
  return out;
}
