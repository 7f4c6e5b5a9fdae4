/** The staff workspace: filters (a GET form, works without JS), counts per status, the sortable table, exports. */
import { Layout, type PageContext } from '../../platform/views/layout.js';
import { WORKSPACE_STATUSES, STATUS_LABELS, type WorkspaceStatus } from '../review.js';
import type { WorkspaceRow, SortKey } from '../workspace.store.js';
import { workspaceSearch, type WorkspaceQuery } from '../workspace-query.js';
import { formatScore } from '../scoring.js';
import { ErrorSummary, type FormState } from '../../platform/views/ui.js';
import { EXPORT_COLUMNS } from '../export.js';
import { staffThreadPath, unreadLabel } from '../../messages/index.js';
import { Pagination, SCORE_HIDDEN, StatusBadge, TagBadge, WORKSPACE, reviewPath, parisDateTime } from './parts.js';

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
  tags: { id: string; label: string; colour: string }[];
  rowTags: { applicationId: string; id: string; label: string; colour: string }[];
  views: { id: string; name: string; query: string }[];
  canAutoAssign: boolean;
  /** Unread organisation messages per listed application, for the viewer. */
  unread?: ReadonlyMap<string, number>;
  bulk?: FormState;
  viewState?: FormState;
  message?: string;
}

function Hidden({ search }: { search: string }) {
  return <>{[...new URLSearchParams(search.replace(/^\?/, ''))].map(([k, v]) => <input type="hidden" name={k} value={v} />)}</>;
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
  const errors = { ...(p.bulk?.errors ?? {}), ...(p.viewState?.errors ?? {}), ...(p.message ? { _form: p.message } : {}) };
  const here = workspaceSearch(q, { page: 1 });
  const bulkValue = (k: string) => { const v = p.bulk?.values?.[k]; return Array.isArray(v) ? v[0] : v; };
  const selected = new Set([p.bulk?.values?.ids ?? []].flat());
  return (
    <Layout ctx={p.ctx} title="Candidatures à instruire" hasErrors={Object.keys(errors).length > 0} breadcrumb={[{ label: 'Espace GEN', href: '/gestion' }]}>
      <ErrorSummary errors={errors} fieldOrder={['ids', 'action', 'reviewerId', 'tagId', 'body', 'name']} />
      <h1>Candidatures à instruire</h1>
      <nav class="fr-mb-3w" aria-label="Organisation de l’instruction">
        <ul class="fr-btns-group fr-btns-group--inline-sm">
          <li><a class="fr-btn fr-btn--sm fr-btn--tertiary" href={`${WORKSPACE}/vues`}>Mes vues enregistrées</a></li>
          <li><a class="fr-btn fr-btn--sm fr-btn--tertiary" href="/gestion/etiquettes">Étiquettes</a></li>
          <li><a class="fr-btn fr-btn--sm fr-btn--tertiary" href="/gestion/groupes">Groupes d’instructeurs</a></li>
        </ul>
      </nav>
      {p.views.length ? (
        <>
          <h2 class="fr-h6">Vues enregistrées</h2>
          <ul class="fr-tags-group fr-mb-2w">{p.views.map((v) => <li><a class="fr-tag" href={`${WORKSPACE}${v.query ? `?${v.query}` : ''}`}>{v.name}</a></li>)}</ul>
        </>
      ) : null}
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
          <div class="fr-col-12 fr-col-md-3"><Choice id="etiquette" label="Étiquette" name="etiquette" value={q.tagId} all="Toutes" options={p.tags.map((t) => ({ value: t.id, label: t.label }))} /></div>
          <div class="fr-col-12 fr-col-md-3">
            <fieldset class="fr-fieldset">
              <legend class="fr-fieldset__legend fr-text--regular">Autres filtres</legend>
              <div class="fr-fieldset__element"><div class="fr-checkbox-group fr-checkbox-group--sm"><input type="checkbox" id="suivies" name="suivies" value="1" checked={!!q.followed} /><label class="fr-label" for="suivies">Candidatures que je suis</label></div></div>
              <div class="fr-fieldset__element"><div class="fr-checkbox-group fr-checkbox-group--sm"><input type="checkbox" id="avis_manquants" name="avis_manquants" value="1" checked={!!q.missingOpinions} /><label class="fr-label" for="avis_manquants">Avis de la Région manquant</label></div></div>
            </fieldset>
          </div>
          <div class="fr-col-12 fr-col-md-6">
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
        <a class="fr-link fr-icon-download-line fr-link--icon-left" href={`${WORKSPACE}/export.csv${here}`}>Exporter en CSV</a>{' '}
        <a class="fr-link fr-icon-download-line fr-link--icon-left" href={`${WORKSPACE}/export.xlsx${here}`}>Exporter en XLSX</a>
      </p>
      <details class="fr-mb-3w">
        <summary>Choisir les colonnes de l’export</summary>
        <form method="get" action={`${WORKSPACE}/export.csv`}>
          <Hidden search={here} />
          <fieldset class="fr-fieldset">
            <legend class="fr-fieldset__legend fr-text--regular">Colonnes exportées</legend>
            {EXPORT_COLUMNS.map((col) => (
              <div class="fr-fieldset__element fr-fieldset__element--inline"><div class="fr-checkbox-group fr-checkbox-group--sm"><input type="checkbox" id={`colonne-${col.key}`} name="colonnes" value={col.key} checked /><label class="fr-label" for={`colonne-${col.key}`}>{col.header}</label></div></div>
            ))}
          </fieldset>
          <button type="submit" class="fr-btn fr-btn--sm fr-btn--secondary">Exporter en CSV</button>{' '}
          <button type="submit" class="fr-btn fr-btn--sm fr-btn--secondary" formaction={`${WORKSPACE}/export.xlsx`}>Exporter en XLSX</button>
        </form>
      </details>
      <form method="post" action={`${WORKSPACE}/vues`} class="fr-mb-3w lg-view-form">
        <input type="hidden" name="_csrf" value={p.ctx.csrfToken} />
        <input type="hidden" name="query" value={here} />
        <div class={`fr-input-group${p.viewState?.errors?.name ? ' fr-input-group--error' : ''}`}>
          <label class="fr-label" for="name">Enregistrer ces filtres sous le nom</label>
          <input class="fr-input" id="name" name="name" maxlength={80} value={String(p.viewState?.values?.name ?? '')} aria-describedby={p.viewState?.errors?.name ? 'name-erreur' : undefined} />
          {p.viewState?.errors?.name ? <p class="fr-error-text" id="name-erreur">{p.viewState.errors.name}</p> : null}
        </div>
        <button type="submit" class="fr-btn fr-btn--sm fr-btn--tertiary">Enregistrer la vue</button>
      </form>
      <form method="post" action={`${WORKSPACE}/selection`} id="selection">
      <input type="hidden" name="_csrf" value={p.ctx.csrfToken} />
      <input type="hidden" name="back" value={here} />
      <fieldset class="fr-fieldset fr-mb-2w" aria-describedby="selection-aide">
        <legend class="fr-fieldset__legend">Action sur les candidatures cochées</legend>
        <p id="selection-aide" class="fr-hint-text fr-fieldset__element">Cochez des candidatures dans le tableau, choisissez une action puis validez.</p>
        <div class="fr-fieldset__element">
          <div class={`fr-select-group${p.bulk?.errors?.action ? ' fr-select-group--error' : ''}`}>
            <label class="fr-label" for="action">Action</label>
            <select class="fr-select" id="action" name="action">
              {[['tag', 'Poser une étiquette'], ['assign', 'Affecter un instructeur'], ...(p.canAutoAssign ? [['auto', 'Affecter automatiquement (selon la charge)']] : []), ['message', 'Envoyer un message aux organismes'], ['export', 'Exporter la sélection en CSV']].map(([v, l]) => <option value={v} selected={bulkValue('action') === v}>{l}</option>)}
            </select>
          </div>
        </div>
        <div class="fr-fieldset__element fr-fieldset__element--inline"><Choice id="tagId" label="Étiquette" name="tagId" value={bulkValue('tagId')} all="Choisir" options={p.tags.map((t) => ({ value: t.id, label: t.label }))} /></div>
        <div class="fr-fieldset__element fr-fieldset__element--inline"><Choice id="reviewerId" label="Instructeur" name="reviewerId" value={bulkValue('reviewerId')} all="Choisir" options={p.reviewers.map((r) => ({ value: r.id, label: r.fullName }))} /></div>
        <div class="fr-fieldset__element">
          <div class="fr-input-group"><label class="fr-label" for="body">Message <span class="fr-hint-text">Envoyé dans la messagerie de chaque candidature cochée</span></label><textarea class="fr-input" id="body" name="body" rows={2} maxlength={5000}>{bulkValue('body') ?? ''}</textarea></div>
        </div>
        <div class="fr-fieldset__element"><button type="submit" class="fr-btn fr-btn--sm">Appliquer à la sélection</button></div>
      </fieldset>
      <div class="fr-table fr-table--no-caption lg-table-wrap">
        <table>
          <caption>Candidatures de l’appel, page {q.page} sur {pages}</caption>
          <thead>
            <tr>
              <th scope="col"><span class="fr-sr-only">Sélection</span></th>
              {COLUMNS.map((c) => (
                <th scope="col" aria-sort={c.key && q.sort === c.key ? (q.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
                  {c.key ? <a href={sortHref(c.key)}>{c.label}{q.sort === c.key ? (q.dir === 'asc' ? ' ↑' : ' ↓') : ''}</a> : c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {p.rows.length === 0 ? <tr><td colspan={COLUMNS.length + 1}>Aucune candidature ne correspond à ces filtres.</td></tr> : null}
            {p.rows.map((r) => (
              <tr>
                <td><div class="fr-checkbox-group fr-checkbox-group--sm"><input type="checkbox" id={`choix-${r.id}`} name="ids" value={r.id} checked={selected.has(r.id)} /><label class="fr-label" for={`choix-${r.id}`}><span class="fr-sr-only">Choisir {r.trainingTitle}</span></label></div></td>
                <td><a href={reviewPath(r.id)}>{r.trainingTitle}</a><br /><span class="fr-text--xs">{r.receiptNumber ?? ''} · {familyTitle(r.jobFamily)}</span>
                  {r.toDeclare ? <><br /><span class="fr-badge fr-badge--sm fr-badge--warning">Déclaration d’intérêts à faire</span></> : null}
                  {p.unread?.get(r.id) ? <><br /><a class="fr-badge fr-badge--sm fr-badge--new" href={staffThreadPath(r.id)}>{unreadLabel(p.unread.get(r.id)!)}<span class="fr-sr-only"> – {r.trainingTitle}</span></a></> : null}
                  {p.rowTags.some((t) => t.applicationId === r.id) ? <><br />{p.rowTags.filter((t) => t.applicationId === r.id).map((t) => <TagBadge label={t.label} colour={t.colour} />)}</> : null}</td>
                <td>{r.organisationName}</td>
                <td><StatusBadge status={r.status} /></td>
                <td>{r.regionName ?? '—'}{r.departementCode ? ` (${r.departementCode})` : ''}</td>
                <td>{r.reviewers ?? 'Aucun'}</td>
                <td>{r.scoresHidden ? SCORE_HIDDEN : formatScore(r.meanScore)}{r.sheets ? <span class="fr-text--xs"> ({r.sheets} note{r.sheets > 1 ? 's' : ''})</span> : null}</td>
                <td>{parisDateTime(r.submittedAt)}<br /><span class="fr-text--xs">{r.cutoffLabel ?? ''}</span></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      </form>
      <Pagination page={q.page} pages={pages} href={(n) => `${WORKSPACE}${workspaceSearch(q, { page: n })}`} />
    </Layout>
  );
}
