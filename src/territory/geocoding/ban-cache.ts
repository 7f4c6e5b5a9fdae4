/**
 * Serialised form of the BAN index and its on-disk cache: the CSV is parsed once, then start-up
 * reads one compact JSON file (typed arrays in base64) named after the hash of the source files.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BanIndex, type BanIndexData } from './ban-index.js';
import { importBanCsv, type BanImportReport } from './ban-import.js';

const FORMAT = 'label-gen/ban-index@1';

type TypedKey = 'streetCommune' | 'streetStart' | 'streetCount' | 'numbers' | 'reps' | 'lon' | 'lat';
const TYPED: Record<TypedKey, Uint32ArrayConstructor | Uint16ArrayConstructor | Int32ArrayConstructor> = {
  streetCommune: Uint32Array,
  streetStart: Uint32Array,
  streetCount: Uint32Array,
  numbers: Uint16Array,
  reps: Uint16Array,
  lon: Int32Array,
  lat: Int32Array,
};

/** Serialises an index to a compact JSON string (typed arrays as little-endian base64). */
export function serializeBanIndex(index: BanIndex): string {
  const { data } = index;
  const typed: Record<string, string> = {};
  for (const key of Object.keys(TYPED) as TypedKey[]) {
    const array = data[key];
    typed[key] = Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64');
  }
  return JSON.stringify({
    format: FORMAT,
    communes: data.communes,
    streetName: data.streetName,
    streetPostcode: data.streetPostcode,
    repTable: data.repTable,
    typed,
  });
}

/** Rebuilds an index from `serializeBanIndex` output; throws on another format. */
export function deserializeBanIndex(text: string): BanIndex {
  const raw = JSON.parse(text) as {
    format?: string;
    communes: BanIndexData['communes'];
    streetName: string[];
    streetPostcode: string[];
    repTable: string[];
    typed: Record<TypedKey, string>;
  };
  if (raw.format !== FORMAT) throw new Error(`Format de cache BAN inattendu : ${String(raw.format)}`);
  const arrays = {} as Record<TypedKey, Uint32Array | Uint16Array | Int32Array>;
  for (const key of Object.keys(TYPED) as TypedKey[]) {
    const bytes = Buffer.from(raw.typed[key], 'base64');
    const copy = new Uint8Array(bytes.byteLength);
    copy.set(bytes);
    const Ctor = TYPED[key];
    arrays[key] = new Ctor(copy.buffer, 0, copy.byteLength / Ctor.BYTES_PER_ELEMENT);
  }
  return new BanIndex({
    communes: raw.communes,
    streetName: raw.streetName,
    streetPostcode: raw.streetPostcode,
    repTable: raw.repTable,
    streetCommune: arrays.streetCommune as Uint32Array,
    streetStart: arrays.streetStart as Uint32Array,
    streetCount: arrays.streetCount as Uint32Array,
    numbers: arrays.numbers as Uint16Array,
    reps: arrays.reps as Uint16Array,
    lon: arrays.lon as Int32Array,
    lat: arrays.lat as Int32Array,
  });
}

/** SHA-256 of the content of the given files, in order (the cache key). */
export async function hashFiles(paths: readonly string[]): Promise<string> {
  const hash = createHash('sha256');
  hash.update(FORMAT);
  for (const path of paths) {
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** How `openBanIndex` got its index, for start-up logs and the benchmark. */
export interface BanIndexOrigin {
  fromCache: boolean;
  cacheFile: string | null;
  milliseconds: number;
  report: BanImportReport | null;
}

/**
 * Opens the index of BAN extract files: from `cacheDir` when a cache for these exact files exists,
 * otherwise by importing them and writing the cache (atomically). Without `cacheDir`, always imports.
 */
export async function openBanIndex(
  sources: readonly string[],
  options: { cacheDir?: string } = {},
): Promise<{ index: BanIndex; origin: BanIndexOrigin }> {
  const started = performance.now();
  let cacheFile: string | null = null;
  if (options.cacheDir) {
    cacheFile = join(options.cacheDir, `ban-index-${(await hashFiles(sources)).slice(0, 32)}.json`);
    const cached = await readFile(cacheFile, 'utf8').catch(() => null);
    if (cached !== null) {
      try {
        const index = deserializeBanIndex(cached);
        return { index, origin: { fromCache: true, cacheFile, milliseconds: performance.now() - started, report: null } };
      } catch {
        // A corrupt or older cache file is rebuilt below.
      }
    }
  }
  let report: BanImportReport | null = null;
  const index = await importBanCsv(sources, (counts) => (report = counts));
  if (options.cacheDir && cacheFile) {
    await mkdir(options.cacheDir, { recursive: true });
    const temporary = `${cacheFile}.${process.pid}.tmp`;
    await writeFile(temporary, serializeBanIndex(index));
    await rename(temporary, cacheFile);
  }
  return { index, origin: { fromCache: false, cacheFile, milliseconds: performance.now() - started, report } };
}
