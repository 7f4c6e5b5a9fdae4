/** The staff workspace: filters (a GET form, works without JS), counts per status, the sortable table, exports. */
import { Layout, type PageContext } from '../../platform/views/layout.js';
import { WORKSPACE_STATUSES, STATUS_LABELS, type WorkspaceStatus } from '../review.js';
import type { WorkspaceRow, SortKey } from '../workspace.store.js';
import { workspaceSearch, type WorkspaceQuery } from '../workspace-query.js';
import { formatScore } from '../scoring.js';
import { Pagination, StatusBadge, WORKSPACE, reviewPath, parisDateTime } from './parts.js';

/** What the page shows. */
export interface WorkspaceProps {
  ctx: PageContext;
  query: WorkspaceQuery & { callId: string };
  calls: { id: string; title: string }[];
  cutoffs: { id: string; label: string }[];
  regions: { code: string; name: string }[];
  families: { code: string; title: string }[];
  reviewers: { id: string; fullName: string }[];
  rows: WorkspaceRow[];
  total: number;
  byStatus: Partial<Record<WorkspaceStatus, number>>;
  pageSize: number;
}

const COLUMNS: { key: SortKey | null; label: string }[] = [
  { key: 'title', label: 'Formation' }, { key: 'organisation', label: 'Organisme' }, { key: null, label: 'Statut' },
  { key: 'region', label: 'Région' }, { key: null, label: 'Instructeurs' }, { key: 'score', label: 'Note moyenne' }, { key: 'submitted', label: 'Déposée le' },
];

function Choice({ id, label, name, value, options, all }: { id: string; label: string; name: string; value?: string; options: { value: string; label: string }[]; all: string }) {
  return (
    <div class="fr-select-group">
      <label class="fr-label" for={id}>{label}</label>
      <select class="fr-select" id={id} name={name}>
        <option value="" selected={!value}>{all}</option>
        {options.map((o) => <option value={o.value} selected={o.value === value}>{o.label}</option>)}
      </select>
    </div>
  );
}

/** The workspace page. */
export function WorkspacePage(p: WorkspaceProps) {
  const q = p.query;
  const familyTitle = (code: string | null) => p.families.find((f) => f.code === code)?.title ?? '—';
  const pages = Math.max(1, Math.ceil(p.total / p.pageSize));
  const sortHref = (key: SortKey) => `${WORKSPACE}${workspaceSearch(q, { sort: key, dir: q.sort === key && q.dir === 'desc' ? 'asc' : 'desc', page: 1 })}`;
  const all = Object.values(p.byStatus).reduce((s, n) => s + (n ?? 0), 0);
  return (
    <Layout ctx={p.ctx} title="Candidatures à instruire" breadcrumb={[{ label: 'Espace GEN', href: '/gestion' }]}>
      <h1>Candidatures à instruire</h1>
      <form method="get" action={WORKSPACE} class="fr-mb-4w" aria-label="Filtrer les candidatures">
        <div class="fr-grid-row fr-grid-row--gutters">
          <div class="fr-col-12 fr-col-md-6"><Choice id="appel" label="Appel à labellisation" name="appel" value={q.callId} all="Choisir un appel" options={p.calls.map((c) => ({ value: c.id, label: c.title }))} /></div>
          <div class="fr-col-12 fr-col-md-3"><Choice id="releve" label="Relevé" name="releve" value={q.cutoffId} all="Tous les relevés" options={p.cutoffs.map((c) => ({ value: c.id, label: c.label }))} /></div>
          <div class="fr-col-12 fr-col-md-3"><Choice id="statut" label="Statut" name="statut" value={q.status} all="Tous les statuts" options={WORKSPACE_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))} /></div>
          <div class="fr-col-12 fr-col-md-3"><Choice id="region" label="Région du lieu principal" name="region" value={q.regionCode} all="Toutes les régions" options={p.regions.map((r) => ({ value: r.code, label: r.name }))} /></div>
          <div class="fr-col-12 fr-col-md-3"><Choice id="famille" label="Famille de métiers" name="famille" value={q.jobFamily} all="Toutes les familles" options={p.families.map((f) => ({ value: f.code, label: f.title }))} /></div>
          <div class="fr-col-12 fr-col-md-3"><Choice id="instructeur" label="Instructeur affecté" name="instructeur" value={q.reviewer === 'none' ? 'aucun' : q.reviewer} all="Tous" options={[{ value: 'aucun', label: 'Aucun instructeur' }, ...p.reviewers.map((r) => ({ value: r.id, label: r.fullName }))]} /></div>
          <div class="fr-col-6 fr-col-md-1">
            <div class="fr-input-group"><label class="fr-label" for="note_min">Note min.</label><input class="fr-input" id="note_min" name="note_min" inputmode="decimal" value={q.scoreMin?.toString() ?? ''} /></div>
          </div>
          <div class="fr-col-6 fr-col-md-2">
            <div class="fr-input-group"><label class="fr-label" for="note_max">Note max. <span class="fr-hint-text">sur 10</span></label><input class="fr-input" id="note_max" name="note_max" inputmode="decimal" value={q.scoreMax?.toString() ?? ''} /></div>
          </div>
          <div class="fr-col-12 fr-col-md-9">
            <div class="fr-input-group"><label class="fr-label" for="q">Rechercher <span class="fr-hint-text">Dans l’intitulé de la formation et le nom de l’organisme</span></label><input class="fr-input" type="search" id="q" name="q" value={q.q ?? ''} /></div>
          </div>
          <div class="fr-col-12 fr-col-md-3 lg-align-end">
            <button type="submit" class="fr-btn">Filtrer</button> <a class="fr-btn fr-btn--tertiary" href={`${WORKSPACE}?appel=${q.callId}`}>Réinitialiser</a>
          </div>
        </div>
      </form>
      <h2 class="fr-h5">Répartition par statut</h2>
      <ul class="fr-tags-group fr-mb-3w">
        <li><a class="fr-tag" href={`${WORKSPACE}${workspaceSearch(q, { status: undefined, page: 1 })}`} aria-current={!q.status ? 'true' : undefined}>Toutes ({all})</a></li>
        {WORKSPACE_STATUSES.map((s) => (
          <li><a class="fr-tag" href={`${WORKSPACE}${workspaceSearch(q, { status: s, page: 1 })}`} aria-current={q.status === s ? 'true' : undefined}>{STATUS_LABELS[s]} ({p.byStatus[s] ?? 0})</a></li>
        ))}
      </ul>
      <p>
        {p.total} candidature{p.total > 1 ? 's' : ''} correspond{p.total > 1 ? 'ent' : ''} aux filtres.{' '}
        <a class="fr-link fr-icon-download-line fr-link--icon-left" href={`${WORKSPACE}/export.csv${workspaceSearch(q, { page: 1 })}`}>Exporter en CSV</a>{' '}
        <a class="fr-link fr-icon-download-line fr-link--icon-left" href={`${WORKSPACE}/export.xlsx${workspaceSearch(q, { page: 1 })}`}>Exporter en XLSX</a>
      </p>
      <div class="fr-table fr-table--no-caption lg-table-wrap">
        <table>
          <caption>Candidatures de l’appel, page {q.page} sur {pages}</caption>
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th scope="col" aria-sort={c.key && q.sort === c.key ? (q.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
                  {c.key ? <a href={sortHref(c.key)}>{c.label}{q.sort === c.key ? (q.dir === 'asc' ? ' ↑' : ' ↓') : ''}</a> : c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {p.rows.length === 0 ? <tr><td colspan={COLUMNS.length}>Aucune candidature ne correspond à ces filtres.</td></tr> : null}
            {p.rows.map((r) => (
              <tr>
                <td><a href={reviewPath(r.id)}>{r.trainingTitle}</a><br /><span class="fr-text--xs">{r.receiptNumber ?? ''} · {familyTitle(r.jobFamily)}</span></td>
                <td>{r.organisationName}</td>
                <td><StatusBadge status={r.status} /></td>
                <td>{r.regionName ?? '—'}{r.departementCode ? ` (${r.departementCode})` : ''}</td>
                <td>{r.reviewers ?? 'Aucun'}</td>
                <td>{formatScore(r.meanScore)}{r.sheets ? <span class="fr-text--xs"> ({r.sheets} note{r.sheets > 1 ? 's' : ''})</span> : null}</td>
                <td>{parisDateTime(r.submittedAt)}<br /><span class="fr-text--xs">{r.cutoffLabel ?? ''}</span></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination page={q.page} pages={pages} href={(n) => `${WORKSPACE}${workspaceSearch(q, { page: n })}`} />
    </Layout>
  );
}
