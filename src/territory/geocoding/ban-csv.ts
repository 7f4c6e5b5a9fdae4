/**
 * Reader of the official BAN address extracts ("adresses-XX.csv[.gz]", `;`-separated, UTF-8 with
 * or without BOM, gzip detected from its magic bytes rather than from the file name).
 */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

/** A BAN extract: a file path, a Node stream, or any async iterable of bytes. */
export type BanSource = string | Readable | AsyncIterable<Uint8Array>;

/** The columns of one BAN row the geocoder keeps. */
export interface BanRow {
  numero: number;
  rep: string;
  nomVoie: string;
  codePostal: string;
  codeInsee: string;
  nomCommune: string;
  lon: number;
  lat: number;
}

/** A BAN file that cannot be read, with the French message to show. */
export class BanImportError extends Error {
  override readonly name = 'BanImportError';
}

const REQUIRED_COLUMNS = ['numero', 'rep', 'nom_voie', 'code_postal', 'code_insee', 'nom_commune', 'lon', 'lat'] as const;
type Column = (typeof REQUIRED_COLUMNS)[number];

/** Counters of one import, for the import report. */
export interface BanReadStats {
  rows: number;
  skipped: number;
}

async function* bytesOf(source: BanSource): AsyncGenerator<Uint8Array> {
  const stream = typeof source === 'string' ? createReadStream(source) : source;
  const iterator = (stream as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) return;
  const head = first.value;
  const rest: AsyncIterable<Uint8Array> = {
    [Symbol.asyncIterator]: () => ({
      next: () => iterator.next(),
      return: async () => (iterator.return ? iterator.return() : { done: true, value: undefined }),
    }),
  };
  if (head[0] === 0x1f && head[1] === 0x8b) {
    const gunzip = createGunzip();
    const compressed = Readable.from((async function* () {
      yield head;
      yield* rest;
    })());
    yield* compressed.pipe(gunzip) as AsyncIterable<Uint8Array>;
    return;
  }
  yield head;
  yield* rest;
}

async function* linesOf(source: BanSource): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  let pending = '';
  for await (const chunk of bytesOf(source)) {
    pending += decoder.decode(chunk, { stream: true });
    let start = 0;
    let newline = pending.indexOf('\n', start);
    while (newline !== -1) {
      yield pending.slice(start, newline).replace(/\r$/, '');
      start = newline + 1;
      newline = pending.indexOf('\n', start);
    }
    pending = pending.slice(start);
  }
  pending += decoder.decode();
  if (pending.trim() !== '') yield pending.replace(/\r$/, '');
}

/** Splits one `;`-separated line, honouring double quotes when the line has any. */
export function splitBanLine(line: string): string[] {
  if (!line.includes('"')) return line.split(';');
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ';') {
      fields.push(field);
      field = '';
    } else field += char;
  }
  fields.push(field);
  return fields;
}

/** Streams the rows of a BAN extract; rows without a number or a valid position are counted and skipped. */
export async function* readBanRows(source: BanSource, stats: BanReadStats = { rows: 0, skipped: 0 }): AsyncGenerator<BanRow> {
  let positions: Record<Column, number> | null = null;
  for await (const line of linesOf(source)) {
    if (positions === null) {
      const header = splitBanLine(line.replace(/^\ufeff/, '')).map((name) => name.trim());
      const found = {} as Record<Column, number>;
      for (const column of REQUIRED_COLUMNS) {
        const position = header.indexOf(column);
        if (position === -1) {
          throw new BanImportError(`Le fichier BAN n’a pas la colonne « ${column} » (séparateur attendu : « ; »).`);
        }
        found[column] = position;
      }
      positions = found;
      continue;
    }
    if (line === '') continue;
    const fields = splitBanLine(line);
    const numero = Number(fields[positions.numero]);
    const lon = Number(fields[positions.lon]);
    const lat = Number(fields[positions.lat]);
    const nomVoie = fields[positions.nom_voie]?.trim() ?? '';
    const valid =
      Number.isInteger(numero) && numero >= 0 && numero < 65536 && nomVoie !== '' &&
      Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lon) <= 180 && Math.abs(lat) <= 90 &&
      fields[positions.lon] !== '' && fields[positions.lat] !== '';
    if (!valid) {
      stats.skipped++;
      continue;
    }
    stats.rows++;
    yield {
      numero,
      rep: (fields[positions.rep] ?? '').trim().toLowerCase(),
      nomVoie,
      codePostal: (fields[positions.code_postal] ?? '').trim(),
      codeInsee: (fields[positions.code_insee] ?? '').trim(),
      nomCommune: (fields[positions.nom_commune] ?? '').trim(),
      lon,
      lat,
    };
  }
  if (positions === null) throw new BanImportError('Le fichier BAN est vide.');
}
