/**
 * The workspace's query string, pure: French parameter names read into a filter (anything
 * malformed is dropped, never an error), and links that keep the current filters.
 */
import { isUuid } from '../platform/http/access.js';
import { isWorkspaceStatus, type WorkspaceStatus } from './review.js';
import { SORTS, type SortKey } from './workspace.store.js';

/** The workspace's filters as read from the URL (the call is resolved by the route). */
export interface WorkspaceQuery {
  callId?: string; cutoffId?: string; status?: WorkspaceStatus; regionCode?: string; jobFamily?: string; reviewer?: string;
  scoreMin?: number; scoreMax?: number; q?: string; sort: SortKey; dir: 'asc' | 'desc'; page: number;
  /** A tag's id. */
  tagId?: string;
  /** Only the applications the viewer follows. */
  followed?: boolean;
  /** Only the applications with a Région opinion missing. */
  missingOpinions?: boolean;
}

const score = (v: string | undefined) => {
  if (!v) return undefined;
  const n = Number(v.replace(',', '.'));
  return Number.isFinite(n) && n >= 0 && n <= 10 ? n : undefined;
};

/** Reads the query parameters. */
export function readWorkspaceQuery(p: URLSearchParams): WorkspaceQuery {
  const get = (k: string) => p.get(k)?.trim() || undefined;
  const sort = get('tri');
  const status = get('statut');
  const reviewer = get('instructeur');
  const page = Number.parseInt(get('page') ?? '1', 10);
  return {
    callId: isUuid(get('appel')) ? get('appel')!.toLowerCase() : undefined,
    cutoffId: isUuid(get('releve')) ? get('releve')!.toLowerCase() : undefined,
    status: status && isWorkspaceStatus(status) ? status : undefined,
    regionCode: /^\d{2,3}$/.test(get('region') ?? '') ? get('region') : undefined,
    jobFamily: /^[A-Za-z0-9_-]{1,20}$/.test(get('famille') ?? '') ? get('famille') : undefined,
    reviewer: reviewer === 'aucun' ? 'none' : isUuid(reviewer) ? reviewer.toLowerCase() : undefined,
    scoreMin: score(get('note_min')),
    scoreMax: score(get('note_max')),
    q: get('q')?.slice(0, 200),
    sort: sort && (SORTS as readonly string[]).includes(sort) ? (sort as SortKey) : 'submitted',
    dir: get('ordre') === 'asc' ? 'asc' : 'desc',
    page: Number.isFinite(page) && page >= 1 && page <= 10_000 ? page : 1,
    tagId: isUuid(get('etiquette')) ? get('etiquette')!.toLowerCase() : undefined,
    followed: get('suivies') === '1' ? true : undefined,
    missingOpinions: get('avis_manquants') === '1' ? true : undefined,
  };
}

/** The query string of a filter (with changes), for links and exports. */
export function workspaceSearch(q: WorkspaceQuery, change: Partial<WorkspaceQuery> = {}): string {
  const v = { ...q, ...change };
  const p = new URLSearchParams();
  const put = (k: string, x: string | number | undefined) => { if (x !== undefined && x !== '') p.set(k, String(x)); };
  put('appel', v.callId); put('releve', v.cutoffId); put('statut', v.status); put('region', v.regionCode); put('famille', v.jobFamily);
  put('instructeur', v.reviewer === 'none' ? 'aucun' : v.reviewer); put('note_min', v.scoreMin); put('note_max', v.scoreMax); put('q', v.q);
  put('etiquette', v.tagId); put('suivies', v.followed ? 1 : undefined); put('avis_manquants', v.missingOpinions ? 1 : undefined);
  if (v.sort !== 'submitted') put('tri', v.sort);
  if (v.dir !== 'desc') put('ordre', v.dir);
  if (v.page > 1) put('page', v.page);
  const s = p.toString();
  return s ? `?${s}` : '';
}
