/**
 * Importer: BAN CSV extracts → compact `BanIndexData` → `BanIndex`. Streets are keyed by commune,
 * postcode and name; their addresses are sorted by number and repetition index.
 */
import { BanIndex, toMicro, type BanIndexData } from './ban-index.js';
import { readBanRows, type BanReadStats, type BanSource } from './ban-csv.js';

/** What an import read, for the import command's report. */
export interface BanImportReport extends BanReadStats {
  streets: number;
  communes: number;
}

interface StreetDraft {
  name: string;
  postcode: string;
  commune: number;
  numbers: number[];
  reps: number[];
  lon: number[];
  lat: number[];
}

const ARRONDISSEMENT = /^(.*?)\s+(\d{1,2})\s*(?:er|e|ème|eme)?\s+arrondissement$/i;

/** City label and arrondissement of a BAN commune name ("Paris 18e Arrondissement" → Paris, 18). */
export function splitCommuneName(nomCommune: string): { city: string; district: number } {
  const match = ARRONDISSEMENT.exec(nomCommune.trim());
  if (!match) return { city: nomCommune.trim(), district: 0 };
  return { city: match[1]!, district: Number(match[2]) };
}

/** Reads one or more BAN extracts and builds the compact index; `report` receives the counts. */
export async function importBanCsv(
  sources: BanSource | readonly BanSource[],
  report?: (counts: BanImportReport) => void,
): Promise<BanIndex> {
  const list: readonly BanSource[] = Array.isArray(sources) ? sources : [sources as BanSource];
  const stats: BanReadStats = { rows: 0, skipped: 0 };
  const communes: BanIndexData['communes'] = [];
  const communeIds = new Map<string, number>();
  const repTable = [''];
  const repIds = new Map<string, number>([['', 0]]);
  const streets = new Map<string, StreetDraft>();

  for (const source of list) {
    for await (const row of readBanRows(source, stats)) {
      let commune = communeIds.get(row.codeInsee);
      if (commune === undefined) {
        commune = communes.length;
        communes.push({ citycode: row.codeInsee, ...splitCommuneName(row.nomCommune) });
        communeIds.set(row.codeInsee, commune);
      }
      let rep = repIds.get(row.rep);
      if (rep === undefined) {
        rep = repTable.length;
        repTable.push(row.rep);
        repIds.set(row.rep, rep);
      }
      const id = `${row.codeInsee}|${row.codePostal}|${row.nomVoie}`;
      let street = streets.get(id);
      if (!street) {
        street = { name: row.nomVoie, postcode: row.codePostal, commune, numbers: [], reps: [], lon: [], lat: [] };
        streets.set(id, street);
      }
      street.numbers.push(row.numero);
      street.reps.push(rep);
      street.lon.push(toMicro(row.lon));
      street.lat.push(toMicro(row.lat));
    }
  }

  const data = pack([...streets.values()], communes, repTable, stats.rows);
  report?.({ ...stats, streets: data.streetName.length, communes: communes.length });
  return new BanIndex(data);
}

function pack(drafts: StreetDraft[], communes: BanIndexData['communes'], repTable: string[], total: number): BanIndexData {
  drafts.sort((a, b) => a.commune - b.commune || a.postcode.localeCompare(b.postcode) || a.name.localeCompare(b.name, 'fr'));
  const data: BanIndexData = {
    communes,
    streetName: [],
    streetPostcode: [],
    streetCommune: new Uint32Array(drafts.length),
    streetStart: new Uint32Array(drafts.length),
    streetCount: new Uint32Array(drafts.length),
    numbers: new Uint16Array(total),
    reps: new Uint16Array(total),
    lon: new Int32Array(total),
    lat: new Int32Array(total),
    repTable,
  };
  let cursor = 0;
  drafts.forEach((draft, street) => {
    const order = draft.numbers.map((_, i) => i);
    order.sort((a, b) => draft.numbers[a]! - draft.numbers[b]! || compareRep(repTable, draft.reps[a]!, draft.reps[b]!));
    data.streetName.push(draft.name);
    data.streetPostcode.push(draft.postcode);
    data.streetCommune[street] = draft.commune;
    data.streetStart[street] = cursor;
    data.streetCount[street] = order.length;
    for (const i of order) {
      data.numbers[cursor] = draft.numbers[i]!;
      data.reps[cursor] = draft.reps[i]!;
      data.lon[cursor] = draft.lon[i]!;
      data.lat[cursor] = draft.lat[i]!;
      cursor++;
    }
  });
  return data;
}

function compareRep(table: readonly string[], a: number, b: number): number {
  const left = table[a] ?? '';
  const right = table[b] ?? '';
  return left === right ? 0 : left < right ? -1 : 1;
}
