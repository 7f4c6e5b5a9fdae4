/**
 * Commune, département and région names from @etalab/decoupage-administratif (current COG).
 * The package entry point reads files relative to the working directory, so the JSON files are
 * required directly. Loaded once, on first use (≈ 9 MB of JSON).
 */
import { createRequire } from 'node:module';
import { communeOfArrondissement } from './territory.js';

/** Names of a commune and of the areas it belongs to. */
export interface CommuneInfo {
  code: string;
  name: string;
  /** Set for Paris, Lyon, Marseille arrondissements: the code of the whole commune. */
  parentCommuneCode: string | null;
  departement: { code: string; name: string } | null;
  region: { code: string; name: string } | null;
  postcodes: string[];
}

interface RawCommune {
  code: string;
  nom: string;
  type: string;
  departement?: string;
  region?: string;
  codesPostaux?: string[];
  commune?: string;
}
interface RawArea {
  code: string;
  nom: string;
}

interface CommuneTables {
  communes: Map<string, RawCommune>;
  departements: Map<string, string>;
  regions: Map<string, string>;
}

let tables: CommuneTables | null = null;

function load(): CommuneTables {
  if (tables) return tables;
  const require = createRequire(import.meta.url);
  const rawCommunes = require('@etalab/decoupage-administratif/data/communes.json') as RawCommune[];
  const rawDepartements = require('@etalab/decoupage-administratif/data/departements.json') as RawArea[];
  const rawRegions = require('@etalab/decoupage-administratif/data/regions.json') as RawArea[];
  const communes = new Map<string, RawCommune>();
  for (const c of rawCommunes) {
    if (c.type === 'commune-actuelle' || c.type === 'arrondissement-municipal') communes.set(c.code, c);
  }
  tables = {
    communes,
    departements: new Map(rawDepartements.map((d) => [d.code, d.nom])),
    regions: new Map(rawRegions.map((r) => [r.code, r.nom])),
  };
  return tables;
}

/** True when the code is a current commune or a Paris/Lyon/Marseille arrondissement. */
export function isKnownCommune(code: string): boolean {
  return load().communes.has(code);
}

/** Names and areas of a commune or municipal arrondissement, or null when the code is unknown. */
export function communeInfo(code: string): CommuneInfo | null {
  const t = load();
  const c = t.communes.get(code);
  if (!c) return null;
  const parent = communeOfArrondissement(code);
  return {
    code: c.code,
    name: c.nom,
    parentCommuneCode: parent !== code ? parent : null,
    departement: c.departement ? { code: c.departement, name: t.departements.get(c.departement) ?? c.departement } : null,
    region: c.region ? { code: c.region, name: t.regions.get(c.region) ?? c.region } : null,
    postcodes: c.codesPostaux ?? [],
  };
}
