/**
 * The catalogue's in-memory index: one entry per visible label, denormalised from the labels,
 * the application's course sections, the organisation, the job families, the declared sessions and
 * their rosters. It follows the data version (bumped by database triggers, which also record the
 * labels each change touched): when the version moves, only the entries of the changed labels are
 * rebuilt (milliseconds), so a suspended, withdrawn or expired label disappears at the next request;
 * the whole index is rebuilt when the day changes. Answers to searches and anonymous pages are
 * cached by (version, day, canonical query).
 *
 * Knowing the version costs no query on the hot path: with PGlite (one process holds the database)
 * the bump's notification on `catalogue_version` updates it at commit, before the writer goes on;
 * with PostgreSQL the version read is kept `versionTtlMs` (1 s) and dropped at once after any
 * request of this process that may have written (POST), so a change made through this process is
 * seen at once and one made by another process within a second.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { AppDeps } from '../platform/http/context.js';
import { onWriteRequest } from '../platform/http/app.js';
import type { DbOrTx } from '../platform/db/index.js';
import type { SessionPlace } from '../sessions/sessions.schema.js';
import { placeClassifierOf, type PlaceClassifier } from '../applications/place-classifier.js';
import { activeLabels, catalogueDataVersion, courseSections, familiesOf, labelsChangedSince, openSessions, visibleLabelNumbers } from './catalogue.store.js';
import { communeByCode, communeOfPlace } from './geo.js';
import { entryTerms, placesLeft, search, searchParams, type CatalogueEntry, type EntryPlace, type EntrySession, type Modality, type SearchQuery, type SearchResult } from './search.js';

/** The index of one data version and day. */
export interface CatalogueIndex {
  version: number;
  today: string;
  entries: CatalogueEntry[];
  byNumber: Map<string, CatalogueEntry>;
}

const PARIS_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today in Paris (YYYY-MM-DD). */
export function parisToday(now: Date): string {
  return PARIS_DAY.format(now);
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

type QpvAnswer = { code: string; name: string } | null | undefined;

/** Resolves a typed place: commune centre from the shipped table, QPV from the territory classifier (cached). */
async function resolvePlace(p: Record<string, unknown>, classify: (address: string, postcode: string, city: string) => Promise<QpvAnswer>): Promise<EntryPlace | null> {
  const address = str(p.address) ?? '', postcode = str(p.postcode) ?? '', city = str(p.city) ?? '';
  if (!address && !city) return null;
  const c = postcode || city ? communeOfPlace(postcode, city) : null;
  return {
    name: str(p.name) ?? city, address, postcode, city,
    communeCode: c?.code ?? null, departement: c?.departement ?? null, region: c?.region ?? null, lat: c?.lat ?? null, lon: c?.lon ?? null,
    qpv: address && postcode && city ? await classify(address, postcode, city) : undefined,
  };
}

/** A session's place as declared in monitoring (the territory engine already judged it). */
function sessionPlace(p: SessionPlace): EntryPlace {
  const c = (p.inseeCode ? communeByCode(p.inseeCode) : null) ?? (p.postcode || p.commune ? communeOfPlace(p.postcode ?? '', p.commune ?? '') : null);
  return {
    name: p.commune ?? c?.name ?? '', address: p.address, postcode: p.postcode ?? '', city: p.commune ?? c?.name ?? '',
    communeCode: c?.code ?? p.inseeCode ?? null, departement: c?.departement ?? null, region: c?.region ?? null,
    lat: p.lat ?? c?.lat ?? null, lon: p.lon ?? c?.lon ?? null,
    qpv: p.qpv === undefined ? undefined : p.qpv ? { code: p.qpv, name: p.qpv } : null,
  };
}

/** Modality from the hours when no session says it. */
export function modalityOfHours(centre: number | null, distance: number | null): Modality | null {
  if (centre === null && distance === null) return null;
  if (!distance) return 'presentiel';
  if (!centre) return 'distance';
  return 'hybride';
}

/** Builds the entries of the visible labels of a day (only of these labels when ids are given). */
export async function buildEntries(db: DbOrTx, today: string, classify: (address: string, postcode: string, city: string) => Promise<QpvAnswer>, labelIds?: string[]): Promise<CatalogueEntry[]> {
  if (labelIds && labelIds.length === 0) return [];
  const rows = await activeLabels(db, today, labelIds);
  const [sections, families, sessions] = await Promise.all([
    courseSections(db, rows.map((r) => r.applicationId)), familiesOf(db, [...new Set(rows.map((r) => r.callId))]), openSessions(db, today, labelIds),
  ]);
  const sectionOf = new Map(sections.map((s) => [`${s.applicationId}:${s.key}`, s.data]));
  const familyTitle = new Map(families.map((f) => [`${f.callId}:${f.code}`, f.title]));
  const sessionsOf = new Map<string, typeof sessions>();
  for (const s of sessions) sessionsOf.set(s.labelId, [...(sessionsOf.get(s.labelId) ?? []), s]);
  const out: CatalogueEntry[] = [];
  for (const r of rows) {
    const t = sectionOf.get(`${r.applicationId}:training`) ?? {};
    const d = sectionOf.get(`${r.applicationId}:duration`) ?? {};
    const pl = sectionOf.get(`${r.applicationId}:places`) ?? {};
    const places: EntryPlace[] = [];
    for (const p of (Array.isArray(pl.places) ? pl.places : []) as Record<string, unknown>[]) {
      const e = await resolvePlace(p, classify);
      if (e) places.push(e);
    }
    const declared = sessionsOf.get(r.id) ?? [];
    const workStudyHours = str(d.immersionType) === 'work_study';
    let entrySessions: EntrySession[];
    if (declared.length > 0) {
      entrySessions = declared.map((s) => ({
        id: s.id, name: s.name, start: s.start, end: s.end, places: s.places, placesLeft: placesLeft(s.places, s.enrolled), modality: s.modality, workStudy: s.workStudy,
        place: sessionPlace(s.place), provisional: false,
      }));
    } else {
      const planned = (Array.isArray(pl.sessions) ? pl.sessions : []) as Record<string, unknown>[];
      entrySessions = planned.filter((s) => str(s.start)).map((s, i) => ({
        id: null, name: `Session ${i + 1}`, start: str(s.start)!, end: str(s.end), places: num(s.learners), placesLeft: num(s.learners), modality: null, workStudy: workStudyHours,
        place: null, provisional: true,
      }));
    }
    entrySessions.sort((a, b) => a.start.localeCompare(b.start));
    const hoursModality = modalityOfHours(num(d.centreHours), num(d.distanceHours));
    const modalities = [...new Set([...entrySessions.map((s) => s.modality).filter((m): m is Modality => !!m), ...(declared.length === 0 && hoursModality ? [hoursModality] : [])])];
    const familyCode = str(t.jobFamily);
    const entry: CatalogueEntry = {
      labelId: r.id, number: r.number, title: r.title, summary: str(t.summary) ?? '', targetJobs: str(t.targetJobs) ?? '',
      romeCodes: (str(t.romeCodes) ?? '').split(/[,;\s]+/).filter(Boolean).map((c) => c.toUpperCase()),
      family: familyCode ? { code: familyCode, title: familyTitle.get(`${r.callId}:${familyCode}`) ?? familyCode } : null,
      cert: { register: str(t.certRegister), code: str(t.certCode)?.toUpperCase() ?? null, title: str(t.certTitle), level: str(t.certLevel) },
      duration: {
        totalHours: num(d.totalHours), centreHours: num(d.centreHours), distanceHours: num(d.distanceHours), months: num(d.months),
        weeklyHours: num(d.weeklyHours), rhythm: str(d.weeklyRhythm), immersionType: str(d.immersionType), immersionWeeks: num(d.immersionWeeks),
      },
      modalities, workStudy: workStudyHours || entrySessions.some((s) => s.workStudy),
      places, sessions: entrySessions,
      organisation: { id: r.org.id, name: r.org.name, siret: r.org.siret, email: r.org.email, phone: r.org.phone, website: null, city: r.org.city },
      validFrom: r.validFrom, validUntil: r.validUntil, terms: new Map(),
    };
    entry.terms = entryTerms([
      [entry.title, 4], [entry.targetJobs, 3], [entry.cert.title, 3], [entry.cert.code, 3], [entry.number, 3], [entry.romeCodes.join(' '), 3],
      [entry.family?.title, 2], [entry.organisation.name, 2], [entry.summary, 1], [places.map((p) => p.city).join(' '), 1],
    ]);
    out.push(entry);
  }
  return out.sort(byNumber);
}

const byNumber = (a: CatalogueEntry, b: CatalogueEntry) => (a.number < b.number ? -1 : a.number > b.number ? 1 : 0);

/** Labels whose entry waits for a QPV answer (a typed place with a full address, not classified yet). */
function awaitingQpv(entries: CatalogueEntry[]): string[] {
  return entries.filter((e) => e.places.some((p) => p.qpv === undefined && p.address && p.postcode && p.city)).map((e) => e.labelId);
}

/** How the last index was made (benchmark, tests). */
export interface BuildReport { kind: 'full' | 'incremental'; labels: number; ms: number }

interface State {
  current: CatalogueIndex | null;
  building: Promise<CatalogueIndex> | null;
  buildingKey: string;
  answers: Map<string, SearchResult>;
  /** Rendered anonymous pages of the current index, by key. */
  pages: Map<string, CachedPage>;
  /** The version read in flight, and the next one (shared by the requests that arrived meanwhile). */
  versionInFlight: Promise<number> | null;
  versionNext: Promise<number> | null;
  /** How long a request waits for a rebuild before being answered from the previous index, filtered. */
  interimAfterMs: number;
  /** How long the last full build took: a small catalogue is always answered fresh. */
  lastBuildMs: number;
  /** Interim answers only once a build has taken at least this long. */
  interimFromBuildMs: number;
  /** QPV answers by address and day; classifications still running; whether answers arrived since the last build. */
  qpv: Map<string, QpvAnswer>;
  pending: Set<string>;
  qpvArrived: boolean;
  /** The data version known without a query, when it was read, and the local-write generation then. */
  known: number | null;
  knownAt: number;
  knownGen: number;
  /** Bumped by every request of this process that may have written (and by notifications). */
  localGen: number;
  /** The database notifies each bump at commit (PGlite): the known version is always exact. */
  exact: boolean;
  /** How long a version read stays valid without notification (PostgreSQL: other processes may write). */
  versionTtlMs: number;
  /** Tests: ignore the notifications and keep reads versionTtlMs, as with PostgreSQL. */
  asPostgres: boolean;
  lastBuild: BuildReport | null;
}
const KEY = 'catalogue';
const MAX_ANSWERS = 500;

/** Most labels an incremental rebuild takes on; beyond (or for a change of every label) the whole index is rebuilt. */
const INCREMENTAL_MAX = (entries: number) => Math.max(200, Math.floor(entries / 4));
/** Versions kept in catalogue_changes are 100,000 (pruned by the bump); an older index is rebuilt whole. */
const INCREMENTAL_MAX_VERSIONS = 10_000;

function state(deps: AppDeps): State {
  let s = deps.services[KEY] as State | undefined;
  if (!s) {
    const st: State = {
      current: null, building: null, buildingKey: '', answers: new Map(), pages: new Map(), versionInFlight: null, versionNext: null, interimAfterMs: 250, lastBuildMs: 0, interimFromBuildMs: 1000,
      qpv: new Map(), pending: new Set(), qpvArrived: false,
      known: null, knownAt: 0, knownGen: 0, localGen: 0, exact: false, versionTtlMs: 1000, asPostgres: false, lastBuild: null,
    };
    s = st;
    deps.services[KEY] = st;
    onWriteRequest(deps, () => { st.localGen++; });
    listenToVersion(deps, st);
  }
  return s;
}

/**
 * PGlite runs in this process, so every write goes through it: listen to the bump's notification
 * (delivered at commit, before the writer's call returns) and never query the version again.
 */
function listenToVersion(deps: AppDeps, s: State): void {
  if (deps.database.kind !== 'pglite') return;
  const client = (deps.database.db as unknown as { $client?: { listen?: (channel: string, cb: (payload: string) => void) => Promise<unknown> } }).$client;
  if (typeof client?.listen !== 'function') return;
  client.listen('catalogue_version', (payload) => {
    if (s.asPostgres) return;
    const v = Number(payload);
    s.localGen++;
    // A read in flight may predate this commit: it will not be kept (generation changed).
    if (s.known !== null && Number.isFinite(v)) { s.known = Math.max(s.known, v); s.knownGen = s.localGen; } else s.known = null;
  }).then(() => { s.known = null; s.exact = !s.asPostgres; }, () => { s.exact = false; });
}

/**
 * QPV of an address through the platform's classifier (geocoding + territory engine), cached per
 * address and day. An address not classified yet is "unknown" for this build; its classification
 * runs in the background and the index is rebuilt once the running ones are done, so the first
 * request never waits for the geocoder.
 */
function qpvClassifier(s: State, classifier: PlaceClassifier | null, today: string) {
  return async (address: string, postcode: string, city: string): Promise<QpvAnswer> => {
    if (!classifier) return undefined;
    const key = `${today}|${address}|${postcode}|${city}`.toLowerCase();
    if (s.qpv.has(key)) return s.qpv.get(key);
    if (!s.pending.has(key)) {
      s.pending.add(key);
      classifier.classify({ address, postcode, city }, today).then((r) => (r ? r.qpv : undefined), () => undefined).then((answer) => {
        if (s.qpv.size > 50_000) s.qpv.clear();
        s.qpv.set(key, answer);
        s.pending.delete(key);
        s.qpvArrived = true;
      });
    }
    return undefined;
  };
}

/**
 * Waits until the index of the current data is fully built (no interim answer) and the background
 * QPV classifications are done (tests, benchmark warm-up).
 */
export async function settleCatalogue(deps: AppDeps): Promise<CatalogueIndex> {
  const s = state(deps);
  const built = async (): Promise<void> => { for (let b = s.building; b; b = s.building) await b.catch(() => undefined); };
  await catalogueIndex(deps);
  await built();
  while (s.pending.size > 0) await new Promise((r) => setTimeout(r, 20));
  await catalogueIndex(deps);
  await built();
  return catalogueIndex(deps);
}

/**
 * The data version without a query when it is known (notified, or read less than versionTtlMs ago
 * with no write request since); else read by a query that started after this call.
 */
function currentVersion(s: State, deps: AppDeps): number | Promise<number> {
  if (s.known !== null && s.knownGen === s.localGen && (s.exact || performance.now() - s.knownAt < s.versionTtlMs)) return s.known;
  return readVersion(s, deps);
}

/**
 * The data version, read by a query that started after this call: concurrent requests share one
 * read (a request arriving while a read is in flight waits for the next one, which starts when the
 * current one ends), so a committed change is always seen. The value is kept (see currentVersion)
 * unless a write request or a notification came meanwhile.
 */
function readVersion(s: State, deps: AppDeps): Promise<number> {
  if (!s.versionInFlight) {
    const gen = s.localGen, at = performance.now();
    const p = catalogueDataVersion(deps.database.db).then((v) => {
      if (s.localGen === gen) { s.known = v; s.knownAt = at; s.knownGen = gen; }
      return v;
    }).finally(() => { if (s.versionInFlight === p) s.versionInFlight = null; });
    s.versionInFlight = p;
    return p;
  }
  if (!s.versionNext) {
    s.versionNext = s.versionInFlight.catch(() => 0).then(() => { s.versionNext = null; return readVersion(s, deps); });
  }
  return s.versionNext;
}

/** The current index (its changed entries rebuilt when the data version moved, all of it when the day changed). */
export async function catalogueIndex(deps: AppDeps): Promise<CatalogueIndex> {
  const s = state(deps);
  const today = parisToday(deps.now());
  const known = currentVersion(s, deps);
  const version = typeof known === 'number' ? known : await known;
  const fresh = s.current && s.current.version === version && s.current.today === today;
  if (fresh && !(s.qpvArrived && s.pending.size === 0)) return s.current!;
  const key = `${version}|${today}|${fresh ? 'qpv' : ''}`;
  if (fresh) s.qpvArrived = false;
  if (!s.building || s.buildingKey !== key) {
    s.buildingKey = key;
    const base = s.current;
    s.building = (async () => {
      const started = performance.now();
      const db = deps.database.db;
      const classify = qpvClassifier(s, placeClassifierOf(deps), today);
      let entries: CatalogueEntry[] | null = null;
      let report: BuildReport | null = null;
      if (base && base.today === today && base.version <= version && version - base.version <= INCREMENTAL_MAX_VERSIONS) {
        const changed = fresh ? awaitingQpv(base.entries) : await labelsChangedSince(db, base.version);
        if (!changed.includes(null) && changed.length <= INCREMENTAL_MAX(base.entries.length)) {
          const ids = [...new Set(changed as string[])];
          const drop = new Set(ids);
          const rebuilt = await buildEntries(db, today, classify, ids);
          entries = base.entries.filter((e) => !drop.has(e.labelId)).concat(rebuilt).sort(byNumber);
          report = { kind: 'incremental', labels: ids.length, ms: performance.now() - started };
        }
      }
      if (!entries) {
        entries = await buildEntries(db, today, classify);
        s.lastBuildMs = performance.now() - started;
        report = { kind: 'full', labels: entries.length, ms: s.lastBuildMs };
      }
      const index: CatalogueIndex = { version, today, entries, byNumber: new Map(entries.map((e) => [e.number.toUpperCase(), e])) };
      s.lastBuild = report;
      if (!s.current || s.current.version <= version) { s.current = index; s.answers.clear(); s.pages.clear(); }
      return index;
    })();
    s.building.finally(() => { if (s.buildingKey === key) s.building = null; }).catch(() => {});
  }
  const building = s.building;
  // QPV answers arrived: the current index stays right meanwhile, the new one replaces it when built.
  if (fresh) return s.current!;
  // A change on a big catalogue: while the rebuild runs (seconds for thousands of trainings), answer
  // from the previous index minus the labels no longer visible (one cheap query), so a suspended or
  // withdrawn label still disappears at once; other changes show when the rebuild is done. A small
  // catalogue (last build quicker than interimFromBuildMs) is always answered fresh.
  if (s.current && s.current.today === today && s.lastBuildMs >= s.interimFromBuildMs) {
    const done = await Promise.race([building, new Promise<null>((r) => setTimeout(() => r(null), s.interimAfterMs))]);
    if (done) return done;
    const visible = new Set(await visibleLabelNumbers(deps.database.db, today));
    const entries = s.current.entries.filter((e) => visible.has(e.number));
    return { ...s.current, entries, byNumber: new Map(entries.map((e) => [e.number.toUpperCase(), e])) };
  }
  return building;
}

/** How the last index was made: whole, or only the changed labels (benchmark, tests). */
export function lastBuild(deps: AppDeps): BuildReport | null {
  return state(deps).lastBuild;
}

/**
 * How long a version read stays valid without notification (PostgreSQL only; PGlite is notified).
 * Tests that write straight to the database, as another process would, set 0.
 */
export function setVersionTtl(deps: AppDeps, ms: number): void {
  state(deps).versionTtlMs = ms;
}

/** Tests: keep the version as with PostgreSQL (a read kept `ttlMs`, dropped after a write request), ignoring PGlite's notifications. */
export function keepVersionAsPostgres(deps: AppDeps, ttlMs: number): void {
  const s = state(deps);
  s.asPostgres = true;
  s.exact = false;
  s.versionTtlMs = ttlMs;
  s.known = null;
}

/** Sets how long a request waits for a rebuild before the interim answer, and the build time from which interim answers are used (tests use 0). */
export function setInterimDelay(deps: AppDeps, ms: number): void {
  const s = state(deps);
  s.interimAfterMs = ms;
  s.interimFromBuildMs = ms;
}

/** A search over the current index, answered from the cache when the same query was asked on this version. */
export async function cachedSearch(deps: AppDeps, query: SearchQuery): Promise<{ index: CatalogueIndex; result: SearchResult; key: string }> {
  const index = await catalogueIndex(deps);
  const s = state(deps);
  const key = `${index.version}|${index.today}|${query.sort}|${searchParams(query).toString()}`;
  let result = s.current === index ? s.answers.get(key) : undefined;
  if (!result) {
    result = search(index.entries, query, index.today);
    if (s.current === index) {
      if (s.answers.size >= MAX_ANSWERS) s.answers.delete(s.answers.keys().next().value!);
      s.answers.set(key, result);
    }
  }
  return { index, result, key };
}

/** A rendered anonymous page: its bytes, gzipped once, and a strong ETag of the bytes. */
export interface CachedPage { html: Uint8Array; gzip: Uint8Array; etag: string }

/** Prepares a page for the cache. */
export function cachedPage(html: string): CachedPage {
  const bytes = Buffer.from(html, 'utf8');
  return { html: bytes, gzip: gzipSync(bytes, { level: 6 }), etag: `"${createHash('sha1').update(bytes).digest('base64url')}"` };
}

/** Rendered pages of this index version (anonymous visitors only), cleared when the index changes. */
export function pageCache(deps: AppDeps, index: CatalogueIndex): Map<string, CachedPage> | null {
  const s = state(deps);
  return s.current === index ? s.pages : null;
}

/** Keeps a page in the cache, forgetting the oldest beyond 500. */
export function keepPage(cache: Map<string, CachedPage>, key: string, page: CachedPage): void {
  if (cache.size >= MAX_ANSWERS) cache.delete(cache.keys().next().value!);
  cache.set(key, page);
}
