/**
 * Geography of the catalogue: commune centres (shipped La Poste 2020 extract, see
 * assets/geo/PROVENANCE.md), départements and régions (current COG from @etalab/decoupage-administratif),
 * and the commune of a typed place (postcode + city). Loaded once, on first use.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { fold } from './text.js';

/** A commune with its centre. */
export interface Commune { code: string; name: string; postcodes: string[]; lat: number; lon: number; departement: string; region: string | null; population: number }
/** A département or région. */
export interface Area { code: string; name: string; region?: string }

interface Tables {
  communes: Map<string, Commune>;
  byPostcode: Map<string, Commune[]>;
  byName: Map<string, Commune[]>;
  departements: Map<string, Area>;
  regions: Map<string, Area>;
}
let tables: Tables | null = null;

const CENTRES = new URL('../../assets/geo/communes_centres_2020.csv', import.meta.url);

/** Département code of a commune code (2A/2B, 97x). */
export function departementOfCommune(code: string): string {
  return code.startsWith('97') ? code.slice(0, 3) : code.slice(0, 2);
}

function load(): Tables {
  if (tables) return tables;
  const require = createRequire(import.meta.url);
  const rawDeps = require('@etalab/decoupage-administratif/data/departements.json') as { code: string; nom: string; region: string }[];
  const rawRegions = require('@etalab/decoupage-administratif/data/regions.json') as { code: string; nom: string }[];
  const rawCommunes = require('@etalab/decoupage-administratif/data/communes.json') as { code: string; nom: string; type: string; departement?: string; region?: string; population?: number }[];
  const departements = new Map(rawDeps.map((d) => [d.code, { code: d.code, name: d.nom, region: d.region }]));
  const regions = new Map(rawRegions.map((r) => [r.code, { code: r.code, name: r.nom }]));
  const current = new Map(rawCommunes.filter((c) => c.type === 'commune-actuelle' || c.type === 'arrondissement-municipal').map((c) => [c.code, c]));
  const communes = new Map<string, Commune>();
  const byPostcode = new Map<string, Commune[]>();
  const byName = new Map<string, Commune[]>();
  for (const line of fs.readFileSync(CENTRES, 'utf8').split('\n').slice(1)) {
    const [code, rawName, pcs, lat, lon] = line.split(';');
    if (!code || !lat || !lon) continue;
    const cur = current.get(code);
    const departement = cur?.departement ?? departementOfCommune(code);
    const commune: Commune = {
      code, name: cur?.nom ?? rawName!, postcodes: pcs ? pcs.split(' ') : [], lat: Number(lat), lon: Number(lon),
      departement, region: cur?.region ?? departements.get(departement)?.region ?? null, population: cur?.population ?? 0,
    };
    communes.set(code, commune);
    for (const pc of commune.postcodes) byPostcode.set(pc, [...(byPostcode.get(pc) ?? []), commune]);
    for (const n of new Set([nameKey(commune.name), nameKey(rawName!)])) byName.set(n, [...(byName.get(n) ?? []), commune]);
  }
  // Paris, Lyon and Marseille are listed by arrondissement: the whole commune is centred on them.
  for (const [code, prefix] of [['75056', '751'], ['69123', '6938'], ['13055', '132']] as const) {
    const parts = [...communes.values()].filter((c) => c.code.startsWith(prefix) && c.code !== code);
    const cur = current.get(code);
    if (parts.length === 0 || !cur) continue;
    const whole: Commune = {
      code, name: cur.nom, postcodes: parts.flatMap((p) => p.postcodes), departement: parts[0]!.departement, region: parts[0]!.region, population: cur.population ?? 0,
      lat: parts.reduce((a, p) => a + p.lat, 0) / parts.length, lon: parts.reduce((a, p) => a + p.lon, 0) / parts.length,
    };
    communes.set(code, whole);
    byName.set(nameKey(cur.nom), [whole, ...(byName.get(nameKey(cur.nom)) ?? [])]);
  }
  tables = { communes, byPostcode, byName, departements, regions };
  return tables;
}

/** Key of a commune name: folded, words only ("Saint-Denis" = "ST DENIS" is not attempted, "saint denis" = "SAINT DENIS"). */
export function nameKey(name: string): string {
  return fold(name).replace(/\bst\b/g, 'saint').replace(/\bste\b/g, 'sainte').replace(/[^a-z0-9]+/g, ' ').trim();
}

/** A commune by INSEE code. */
export function communeByCode(code: string): Commune | null {
  return load().communes.get(code.toUpperCase()) ?? null;
}

/** The commune of a typed place: the postcode's commune with that name, else the postcode's only commune, else by name. */
export function communeOfPlace(postcode: string, city: string): Commune | null {
  const t = load();
  const key = nameKey(city.replace(/\b(cedex|\d+(e|er|eme))\b/gi, ''));
  const list = t.byPostcode.get(postcode.trim()) ?? [];
  const named = list.find((c) => nameKey(c.name) === key) ?? list.find((c) => nameKey(c.name).startsWith(key) && key.length > 2);
  if (named) return named;
  if (list.length > 0) return list[0]!;
  const byName = t.byName.get(key) ?? [];
  return byName.find((c) => c.departement === departementOfCommune(postcode)) ?? byName[0] ?? null;
}

/** Answers of findCommunes by (limit, query): the prefix search walks every name, a search page asks it at each request. */
const found = new Map<string, Commune[]>();

/** Communes answering a search box: an INSEE code, a postcode, or a name (exact first, then prefix); at most `limit`. */
export function findCommunes(query: string, limit = 10): Commune[] {
  const k = `${limit}|${query}`;
  let hit = found.get(k);
  if (!hit) {
    hit = searchCommunes(query, limit);
    if (found.size >= 2000) found.delete(found.keys().next().value!);
    found.set(k, hit);
  }
  return [...hit];
}

function searchCommunes(query: string, limit: number): Commune[] {
  const t = load();
  const q = query.trim();
  if (/^\d[\dAB]\d{3}$/i.test(q)) {
    const byCode = t.communes.get(q.toUpperCase());
    const byPc = t.byPostcode.get(q) ?? [];
    return [...(byCode ? [byCode] : []), ...byPc.filter((c) => c !== byCode)].slice(0, limit);
  }
  const key = nameKey(q);
  if (key.length < 2) return [];
  // The most populous first: "Montreuil" is Montreuil (93), "Saint-Denis" is Saint-Denis (93).
  const exact = [...(t.byName.get(key) ?? [])].sort((a, b) => b.population - a.population);
  const prefixed: Commune[] = [];
  for (const [n, list] of t.byName) if (n !== key && n.startsWith(key)) prefixed.push(...list);
  prefixed.sort((a, b) => a.name.length - b.name.length || b.population - a.population);
  const out = [...exact, ...prefixed];
  return [...new Map(out.map((c) => [c.code, c])).values()].slice(0, limit);
}

/** Département by code. */
export function departement(code: string): Area | null {
  return load().departements.get(code) ?? null;
}
/** Région by code. */
export function region(code: string): Area | null {
  return load().regions.get(code) ?? null;
}
/** Every département and région (for the filters), sorted by code. */
export function allAreas(): { departements: Area[]; regions: Area[] } {
  const t = load();
  const sort = (a: Area, b: Area) => a.code.localeCompare(b.code);
  return { departements: [...t.departements.values()].sort(sort), regions: [...t.regions.values()].filter((r) => r.code.length === 2).sort(sort) };
}

/** Great-circle distance in km. */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Every commune (for the synthetic benchmark load). */
export function allCommunes(): Commune[] {
  return [...load().communes.values()];
}
