/**
 * The région of a training place, from its postcode: postcode → département (Corsica and overseas
 * handled) → région, with the official names of @etalab/decoupage-administratif.
 */
import { createRequire } from 'node:module';

interface RawDepartement { code: string; region: string; nom: string }
interface RawRegion { code: string; nom: string }

let tables: { deps: Map<string, RawDepartement>; regions: Map<string, string> } | null = null;

function load() {
  if (tables) return tables;
  const require = createRequire(import.meta.url);
  const deps = require('@etalab/decoupage-administratif/data/departements.json') as RawDepartement[];
  const regions = require('@etalab/decoupage-administratif/data/regions.json') as RawRegion[];
  tables = { deps: new Map(deps.map((d) => [d.code, d])), regions: new Map(regions.map((r) => [r.code, r.nom])) };
  return tables;
}

/** The département code of a French postcode; null when malformed. */
export function departementOfPostcode(postcode: string): string | null {
  const p = postcode.trim();
  if (!/^\d{5}$/.test(p)) return null;
  if (p.startsWith('20')) return Number(p) < 20200 ? '2A' : '2B';
  if (p.startsWith('97') || p.startsWith('98')) return p.slice(0, 3);
  return p.slice(0, 2);
}

/** Where a training place lies. */
export interface PlaceArea { departementCode: string; regionCode: string; regionName: string }

/** Département and région of a postcode; null when unknown. */
export function areaOfPostcode(postcode: string): PlaceArea | null {
  const dep = departementOfPostcode(postcode);
  if (!dep) return null;
  const t = load();
  const d = t.deps.get(dep);
  if (!d) return null;
  return { departementCode: dep, regionCode: d.region, regionName: t.regions.get(d.region) ?? d.region };
}

/** Every région, sorted by name (filters). */
export function allRegions(): { code: string; name: string }[] {
  return [...load().regions].map(([code, name]) => ({ code, name })).sort((a, b) => a.name.localeCompare(b.name, 'fr'));
}
