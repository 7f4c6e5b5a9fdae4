/**
 * The cached snapshot of the open data files, built from the catalogue's index. The index changes
 * with its data version (bumped by database triggers when a label changes status, a session or an
 * organisation changes) or the day, so the snapshot is rebuilt at the first request after such a
 * change (a withdrawn label leaves the files at once) and by the daily job `opendata.refresh`
 * (so the first visitor of the day does not pay the build). Each file carries a strong ETag (hash
 * of its bytes): the same content always gets the same ETag, across restarts.
 */
import { createHash } from 'node:crypto';
import type { AppDeps } from '../platform/http/context.js';
import { catalogueIndex, type CatalogueIndex } from '../catalogue/catalogue.index.js';
import { lheoFeed } from './lheo.js';
import { lheoOrganisations } from './opendata.store.js';
import { SESSIONS, TRAININGS, sessionRows, toCsv, toRecords, trainingRows } from './datasets.js';

/** A file of the snapshot. */
export interface OpenFile { body: string; etag: string; contentType: string }

/** The files of one index version and day. */
export interface Snapshot { key: string; builtAt: Date; files: Map<string, OpenFile> }

/** The stable file names. */
export const FILES = ['formations.csv', 'formations.json', 'sessions.csv', 'sessions.json', 'lheo.xml'] as const;
export type FileName = (typeof FILES)[number];

const KEY = 'opendata';
interface State { current: Snapshot | null; building: Promise<Snapshot> | null; buildingKey: string }
function state(deps: AppDeps): State {
  let s = deps.services[KEY] as State | undefined;
  if (!s) { s = { current: null, building: null, buildingKey: '' }; deps.services[KEY] = s; }
  return s;
}

const file = (body: string, contentType: string): OpenFile => ({ body, contentType, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` });

/** Builds the files of an index (pure apart from the hash). */
export function buildFiles(index: CatalogueIndex, baseUrl: string, extra: Record<string, OpenFile> = {}): Map<string, OpenFile> {
  const trainings = trainingRows(index.entries, baseUrl);
  const sessions = sessionRows(index.entries);
  const meta = { date: index.today, source: `${baseUrl}/donnees-ouvertes`, licence: 'Licence Ouverte / Open Licence 2.0' };
  const json = (name: string, records: unknown[]) => file(`${JSON.stringify({ ...meta, jeu: name, total: records.length, donnees: records }, null, 1)}\n`, 'application/json; charset=utf-8');
  return new Map<string, OpenFile>([
    ['formations.csv', file(toCsv(TRAININGS, trainings), 'text/csv; charset=utf-8')],
    ['formations.json', json(TRAININGS.name, toRecords(TRAININGS, trainings))],
    ['sessions.csv', file(toCsv(SESSIONS, sessions), 'text/csv; charset=utf-8')],
    ['sessions.json', json(SESSIONS.name, toRecords(SESSIONS, sessions))],
    ...Object.entries(extra),
  ]);
}

/** The current snapshot (rebuilt when the catalogue's index changed). */
export async function snapshot(deps: AppDeps): Promise<Snapshot> {
  const s = state(deps);
  const index = await catalogueIndex(deps);
  const key = `${index.version}|${index.today}`;
  if (s.current?.key === key) return s.current;
  if (!s.building || s.buildingKey !== key) {
    s.buildingKey = key;
    s.building = (async () => {
      const orgs = await lheoOrganisations(deps.database.db, [...new Set(index.entries.map((e) => e.organisation.id))]);
      const extra = { 'lheo.xml': file(lheoFeed(index.entries, orgs, deps.config.baseUrl), 'application/xml; charset=utf-8') };
      const snap: Snapshot = { key, builtAt: deps.now(), files: buildFiles(index, deps.config.baseUrl, extra) };
      s.current = snap;
      return snap;
    })();
    s.building.finally(() => { if (s.buildingKey === key) s.building = null; }).catch(() => {});
  }
  return s.building;
}

/** The daily job: rebuilds the snapshot of the new day. */
export function registerOpendataJobs(deps: AppDeps): void {
  deps.jobs.define('opendata.refresh', async () => { await snapshot(deps); });
  deps.jobs.schedule('opendata.refresh', '5 0 * * *');
}
