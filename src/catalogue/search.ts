/**
 * The catalogue search, pure: reading the URL's filters, matching entries (keywords in French,
 * places, dates, certification...), sorting, paginating and counting results per filter value.
 * The entries are built from the database by catalogue.index.ts; nothing here touches it.
 */
import { stems, stemMatches } from './text.js';
import { communeByCode, findCommunes, distanceKm, type Commune } from './geo.js';

export const MODALITIES = ['presentiel', 'distance', 'hybride'] as const;
export type Modality = (typeof MODALITIES)[number];
export const MODALITY_LABELS: Record<Modality, string> = { presentiel: 'Présentiel', distance: 'À distance', hybride: 'Hybride' };
export const SORTS = ['pertinence', 'session', 'distance'] as const;
export type Sort = (typeof SORTS)[number];
export const SORT_LABELS: Record<Sort, string> = { pertinence: 'Pertinence', session: 'Prochaine session', distance: 'Distance' };
export const LEVELS = ['3', '4', '5', '6', '7', '8'] as const;
export const REGISTERS = ['RNCP', 'RS'] as const;
export const PAGE_SIZE = 20;
export const MAX_RADIUS_KM = 300;

/** A training place, with where it lies. */
export interface EntryPlace {
  name: string;
  address: string;
  postcode: string;
  city: string;
  communeCode: string | null;
  departement: string | null;
  region: string | null;
  lat: number | null;
  lon: number | null;
  /** QPV holding the place; null when outside one; undefined when unknown (address not located). */
  qpv: { code: string; name: string } | null | undefined;
}

/** A session: declared by the organisation (monitoring) or planned in the application. */
export interface EntrySession {
  id: string | null;
  name: string;
  start: string;
  end: string | null;
  /** Places offered, when known. */
  places: number | null;
  /** Places left: places offered minus the learners on the roster when a roster exists, else the places offered (null when unknown). */
  placesLeft: number | null;
  modality: Modality | null;
  workStudy: boolean;
  place: EntryPlace | null;
  /** True for the application's planned sessions (no session declared yet). */
  provisional: boolean;
}

/** One labelled training as the catalogue shows it. */
export interface CatalogueEntry {
  labelId: string;
  number: string;
  title: string;
  summary: string;
  targetJobs: string;
  romeCodes: string[];
  family: { code: string; title: string } | null;
  cert: { register: string | null; code: string | null; title: string | null; level: string | null };
  duration: { totalHours: number | null; centreHours: number | null; distanceHours: number | null; months: number | null; weeklyHours: number | null; rhythm: string | null; immersionType: string | null; immersionWeeks: number | null };
  modalities: Modality[];
  workStudy: boolean;
  places: EntryPlace[];
  /** Sessions sorted by start date. */
  sessions: EntrySession[];
  organisation: { id: string; name: string; siret: string | null; email: string | null; phone: string | null; website: string | null; city: string | null };
  validFrom: string | null;
  validUntil: string | null;
  /** Searchable stems with their weight (title 4, jobs and certification 3, family 2, the rest 1). */
  terms: Map<string, number>;
}

/** Places left of a session: places offered minus the learners on its roster (who have not left), never below 0; the places offered when there is no roster. */
export function placesLeft(offered: number | null, enrolled: number | null): number | null {
  if (offered === null) return null;
  if (!enrolled) return offered;
  return Math.max(0, offered - enrolled);
}

/** Builds the weighted terms of an entry from its texts. */
export function entryTerms(parts: [string | null | undefined, number][]): Map<string, number> {
  const out = new Map<string, number>();
  for (const [text, weight] of parts) for (const s of stems(text ?? '')) out.set(s, Math.max(out.get(s) ?? 0, weight));
  return out;
}

/** The search as read from the URL. */
export interface SearchQuery {
  q: string;
  region: string | null;
  departement: string | null;
  /** The commune typed, and the commune retained. */
  communeInput: string;
  commune: Commune | null;
  radiusKm: number | null;
  family: string | null;
  modality: Modality | null;
  workStudy: boolean;
  register: string | null;
  level: string | null;
  from: string | null;
  to: string | null;
  qpv: boolean;
  sort: Sort;
  page: number;
}

/** URL parameter names (French, stable: bookmarked and shared). */
export const PARAMS = ['q', 'region', 'departement', 'commune', 'rayon', 'famille', 'modalite', 'alternance', 'repertoire', 'niveau', 'debut', 'fin', 'qpv', 'tri', 'page'] as const;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (s: string) => DATE.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/** Reads the query string; unknown values are reported in `errors` (by parameter name) and ignored. */
export function parseSearch(params: Record<string, string | undefined>): { query: SearchQuery; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const get = (k: string) => (params[k] ?? '').trim();
  const oneOf = <T extends string>(k: string, list: readonly T[], msg: string): T | null => {
    const v = get(k);
    if (!v) return null;
    if ((list as readonly string[]).includes(v)) return v as T;
    errors[k] = msg;
    return null;
  };
  const code = (k: string, re: RegExp, msg: string) => {
    const v = get(k).toUpperCase();
    if (!v) return null;
    if (re.test(v)) return v;
    errors[k] = msg;
    return null;
  };
  const date = (k: string, label: string) => {
    const v = get(k);
    if (!v) return null;
    if (validDate(v)) return v;
    errors[k] = `${label} doit être une date valide, par exemple 2026-09-01.`;
    return null;
  };
  const communeInput = get('commune').slice(0, 100);
  let commune: Commune | null = null;
  if (communeInput) {
    commune = communeByCode(communeInput) ?? findCommunes(communeInput, 1)[0] ?? null;
    if (!commune) errors.commune = `Aucune commune ne correspond à « ${communeInput} » : saisissez un nom, un code postal ou un code INSEE.`;
  }
  let radiusKm: number | null = null;
  const rayon = get('rayon');
  if (rayon) {
    const n = Number(rayon.replace(',', '.'));
    if (!Number.isFinite(n) || n < 0 || n > MAX_RADIUS_KM) errors.rayon = `Le rayon est un nombre de kilomètres entre 0 et ${MAX_RADIUS_KM}.`;
    else if (!communeInput) errors.rayon = 'Indiquez la commune autour de laquelle chercher.';
    else radiusKm = n;
  }
  const from = date('debut', 'La date de début');
  const to = date('fin', 'La date de fin');
  if (from && to && to < from) errors.fin = 'La date de fin doit être postérieure à la date de début.';
  let sort = oneOf('tri', SORTS, 'Ce tri n’existe pas.') ?? 'pertinence';
  if (sort === 'distance' && !commune) {
    errors.tri = 'Le tri par distance demande une commune.';
    sort = 'pertinence';
  }
  const page = Number.parseInt(get('page') || '1', 10);
  return {
    query: {
      q: get('q').slice(0, 200),
      region: code('region', /^\d{2,3}$/, 'Cette région n’existe pas.'),
      departement: code('departement', /^(\d{2,3}|2A|2B)$/, 'Ce département n’existe pas.'),
      communeInput, commune, radiusKm,
      family: code('famille', /^[A-Z0-9_-]{1,20}$/, 'Cette famille de métiers n’existe pas.'),
      modality: oneOf('modalite', MODALITIES, 'Cette modalité n’existe pas.'),
      workStudy: get('alternance') === 'oui',
      register: oneOf('repertoire', REGISTERS, 'Ce répertoire n’existe pas.'),
      level: oneOf('niveau', LEVELS, 'Ce niveau n’existe pas.'),
      from, to,
      qpv: get('qpv') === 'oui',
      sort,
      page: Number.isFinite(page) && page >= 1 && page <= 10_000 ? page : 1,
    },
    errors,
  };
}

/** The query back as URL parameters (canonical order, empty ones left out), with overrides. */
export function searchParams(query: SearchQuery, overrides: Partial<Record<(typeof PARAMS)[number], string | null>> = {}): URLSearchParams {
  const base: Record<string, string | null> = {
    q: query.q || null, region: query.region, departement: query.departement, commune: query.commune?.code ?? (query.communeInput || null),
    rayon: query.radiusKm !== null ? String(query.radiusKm) : null, famille: query.family, modalite: query.modality,
    alternance: query.workStudy ? 'oui' : null, repertoire: query.register, niveau: query.level, debut: query.from, fin: query.to,
    qpv: query.qpv ? 'oui' : null, tri: query.sort === 'pertinence' ? null : query.sort, page: query.page > 1 ? String(query.page) : null,
  };
  const merged = { ...base, ...overrides };
  const out = new URLSearchParams();
  for (const k of PARAMS) { const v = merged[k]; if (v) out.set(k, v); }
  return out;
}

/** Sessions still to come (or started today) on a date. */
export function upcomingSessions(e: CatalogueEntry, today: string): EntrySession[] {
  return e.sessions.filter((s) => s.start >= today);
}

/** The places of an entry: its own, and its sessions'. */
function allPlaces(e: CatalogueEntry): EntryPlace[] {
  const out = [...e.places];
  for (const s of e.sessions) if (s.place) out.push(s.place);
  return out;
}

/** Distance in km from the commune centre to the nearest place of the entry; null when no place is located. */
export function nearestKm(e: CatalogueEntry, c: Commune): number | null {
  let best: number | null = null;
  for (const p of allPlaces(e)) {
    if (p.lat === null || p.lon === null) continue;
    const d = distanceKm(c.lat, c.lon, p.lat, p.lon);
    if (best === null || d < best) best = d;
  }
  return best;
}

/** Relevance of an entry for the query stems (0 = no match); every query stem must match. */
export function relevance(e: CatalogueEntry, queryStems: string[]): number {
  let score = 0;
  for (const q of queryStems) {
    let best = 0;
    for (const [t, w] of e.terms) if (w > best && stemMatches(q, t)) best = w;
    if (best === 0) return 0;
    score += best;
  }
  return score;
}

/** The filters counted per value, with each entry's values. */
export const FACETS = {
  region: (e: CatalogueEntry) => unique(allPlaces(e).map((p) => p.region)),
  departement: (e: CatalogueEntry) => unique(allPlaces(e).map((p) => p.departement)),
  famille: (e: CatalogueEntry) => (e.family ? [e.family.code] : []),
  modalite: (e: CatalogueEntry) => e.modalities,
  alternance: (e: CatalogueEntry) => (e.workStudy ? ['oui'] : []),
  repertoire: (e: CatalogueEntry) => (e.cert.register ? [e.cert.register] : []),
  niveau: (e: CatalogueEntry) => (e.cert.level ? [e.cert.level] : []),
  qpv: (e: CatalogueEntry) => (allPlaces(e).some((p) => p.qpv) ? ['oui'] : []),
} as const;
export type FacetName = keyof typeof FACETS;
const unique = (xs: (string | null)[]) => [...new Set(xs.filter((x): x is string => !!x))];

/** One result of the search. */
export interface SearchHit { entry: CatalogueEntry; score: number; nextSession: EntrySession | null; distanceKm: number | null }
/** The answer of a search. */
export interface SearchResult { total: number; page: number; pages: number; hits: SearchHit[]; facets: Record<FacetName, Record<string, number>> }

/** Runs a search over the entries on a given day (sessions before `today` are past). */
export function search(entries: readonly CatalogueEntry[], query: SearchQuery, today: string, pageSize = PAGE_SIZE): SearchResult {
  const queryStems = stems(query.q);
  const inCommune = (p: EntryPlace, c: Commune) => p.communeCode === c.code || (!!p.communeCode && c.code === parentCommune(p.communeCode));
  // Each filter: the facet it belongs to (its own counts ignore it) and its test.
  const filters: { facet: FacetName | null; test: (e: CatalogueEntry) => boolean }[] = [];
  const facetFilter = (facet: FacetName, value: string | null | boolean) => {
    if (value === null || value === false) return;
    const v = value === true ? 'oui' : value;
    filters.push({ facet, test: (e) => FACETS[facet](e).includes(v) });
  };
  facetFilter('region', query.region);
  facetFilter('departement', query.departement);
  facetFilter('famille', query.family);
  facetFilter('modalite', query.modality);
  facetFilter('alternance', query.workStudy);
  facetFilter('repertoire', query.register);
  facetFilter('niveau', query.level);
  facetFilter('qpv', query.qpv);
  const c = query.commune;
  if (c) {
    filters.push({ facet: null, test: query.radiusKm !== null
      ? (e) => { const d = nearestKm(e, c); return d !== null && d <= query.radiusKm!; }
      : (e) => allPlaces(e).some((p) => inCommune(p, c)) });
  }
  if (query.from || query.to) {
    const from = query.from && query.from > today ? query.from : today;
    filters.push({ facet: null, test: (e) => e.sessions.some((s) => s.start >= from && (!query.to || s.start <= query.to)) });
  }

  const facets = Object.fromEntries(Object.keys(FACETS).map((k) => [k, {} as Record<string, number>])) as SearchResult['facets'];
  const hits: SearchHit[] = [];
  for (const e of entries) {
    const score = queryStems.length > 0 ? relevance(e, queryStems) : 1;
    if (score === 0) continue;
    const failed: (FacetName | null)[] = [];
    for (const f of filters) if (!f.test(e)) { failed.push(f.facet); if (failed.length > 1) break; }
    // Counts: an entry counts for a facet when it passes every other filter.
    for (const facet of Object.keys(FACETS) as FacetName[]) {
      if (failed.length > 1 || (failed.length === 1 && failed[0] !== facet)) continue;
      for (const v of FACETS[facet](e)) facets[facet][v] = (facets[facet][v] ?? 0) + 1;
    }
    if (failed.length > 0) continue;
    hits.push({ entry: e, score, nextSession: upcomingSessions(e, today)[0] ?? null, distanceKm: c ? nearestKm(e, c) : null });
  }
  const byNext = (a: SearchHit, b: SearchHit) => (a.nextSession?.start ?? '9999').localeCompare(b.nextSession?.start ?? '9999');
  const byTitle = (a: SearchHit, b: SearchHit) => a.entry.title.localeCompare(b.entry.title, 'fr') || a.entry.number.localeCompare(b.entry.number);
  const sorters: Record<Sort, (a: SearchHit, b: SearchHit) => number> = {
    pertinence: (a, b) => b.score - a.score || byNext(a, b) || byTitle(a, b),
    session: (a, b) => byNext(a, b) || b.score - a.score || byTitle(a, b),
    distance: (a, b) => (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity) || byNext(a, b) || byTitle(a, b),
  };
  hits.sort(sorters[query.sort]);
  const pages = Math.max(1, Math.ceil(hits.length / pageSize));
  const page = Math.min(query.page, pages);
  return { total: hits.length, page, pages, hits: hits.slice((page - 1) * pageSize, page * pageSize), facets };
}

/** Paris, Lyon, Marseille arrondissement → the whole commune's code. */
function parentCommune(code: string): string {
  if (/^751\d\d$/.test(code)) return '75056';
  if (/^6938\d$/.test(code)) return '69123';
  if (/^132\d\d$/.test(code)) return '13055';
  return code;
}
