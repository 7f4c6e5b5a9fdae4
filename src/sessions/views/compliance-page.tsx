/** The staff compliance dashboard: filters, late obligations, labels at risk, indicators per label, région and nation. */
import { Layout, type PageContext } from '../../platform/views/layout.js';
import type { Compliance, LabelLine } from '../compliance.js';
import { frDay } from '../sessions.js';
import { OBLIGATION_KIND_LABELS } from '../obligations.js';
import { formatShare, type Indicators, type Share } from '../../learners/indicators.js';
import { LABEL_STATUS_LABELS, LABEL_STATUSES, type LabelStatus } from '../../labels/index.js';

/** The chosen filters, as typed. */
export interface FiltersView { region: string; status: string; risk: boolean; q: string }

function Pct({ s }: { s: Share }) {
  const v = formatShare(s);
  if (s.meets === false) return <span class="lg-miss">{v}<span class="fr-sr-only"> (objectif non atteint)</span></span>;
  return <>{v}{s.small && s.value !== null ? <span class="fr-hint-text">effectif faible</span> : null}</>;
}

const pctTarget = (t: number | null) => (t === null ? '—' : `${Math.round(t * 100)} %`);

function IndicatorCells({ i }: { i: Indicators }) {
  return (
    <>
      <td>{i.count}</td>
      <td><Pct s={i.women} /></td>
      <td><Pct s={i.qpv} /></td>
      <td><Pct s={i.zrrFrr} /></td>
      <td><Pct s={i.priorityArea} /></td>
      <td><Pct s={i.bacOrBelow} /></td>
      <td><Pct s={i.positive6m} /></td>
      <td><Pct s={i.dropouts} /></td>
    </>
  );
}

const INDICATOR_HEADERS = ['Apprenants', 'Femmes', 'QPV', 'ZRR ou FRR', 'QPV, ZRR ou FRR', 'Bac ou infra-bac', 'Sorties positives à 6 mois', 'Abandons'];

/** The dashboard page. */
export function CompliancePage(p: { ctx: PageContext; data: Compliance; filters: FiltersView; regions: string[]; today: string; exportQuery: string; staffSessionPages: boolean }) {
  const { data, filters } = p;
  const shownLabels: LabelLine[] = filters.risk ? data.labels.filter((l) => l.atRisk) : data.labels;
  const n = data.national;
  return (
    <Layout ctx={p.ctx} title="Suivi-évaluation des formations labellisées" breadcrumb={[{ label: 'Espace GEN', href: '/gestion' }]}>
      <h1>Suivi-évaluation des formations labellisées</h1>
      <form method="get" action="/gestion/suivi" class="lg-filters fr-mb-4w">
        <div class="fr-select-group">
          <label class="fr-label" for="region">Région</label>
          <select class="fr-select" id="region" name="region">
            <option value="" selected={!filters.region}>Toutes les régions</option>
            {p.regions.map((r) => <option value={r} selected={filters.region === r}>{r}</option>)}
          </select>
        </div>
        <div class="fr-select-group">
          <label class="fr-label" for="statut">Statut du label</label>
          <select class="fr-select" id="statut" name="statut">
            <option value="" selected={!filters.status}>Tous les statuts</option>
            {LABEL_STATUSES.filter((s) => s !== 'pending_agreement').map((s) => <option value={s} selected={filters.status === s}>{LABEL_STATUS_LABELS[s]}</option>)}
          </select>
        </div>
        <div class="fr-input-group">
          <label class="fr-label" for="q">Label, formation ou organisme</label>
          <input class="fr-input" type="search" id="q" name="q" value={filters.q} />
        </div>
        <div class="fr-checkbox-group fr-mb-2w">
          <input type="checkbox" id="risque" name="risque" value="1" checked={filters.risk} />
          <label class="fr-label" for="risque">Seulement les labels à risque</label>
        </div>
        <button type="submit" class="fr-btn">Filtrer</button>
      </form>
      <p>
        <a class="fr-link fr-icon-download-line fr-link--icon-left" href={`/gestion/suivi/export.csv${p.exportQuery}`}>Exporter en CSV</a>{' '}
        <a class="fr-link fr-icon-download-line fr-link--icon-left fr-ml-3w" href={`/gestion/suivi/export.xlsx${p.exportQuery}`}>Exporter en XLSX</a>
      </p>

      <h2>Au niveau national</h2>
      {n ? (
        <ul class="lg-kpis">
          <li><strong>{n.labels}</strong> label{n.labels > 1 ? 's' : ''} suivi{n.labels > 1 ? 's' : ''}</li>
          <li><strong>{n.late}</strong> obligation{n.late > 1 ? 's' : ''} en retard</li>
          <li><strong>{n.atRisk}</strong> label{n.atRisk > 1 ? 's' : ''} à risque</li>
          <li><strong>{formatShare(n.indicators.women)}</strong> de femmes (objectif {pctTarget(n.indicators.women.target)})</li>
          <li><strong>{formatShare(n.indicators.priorityArea)}</strong> en QPV, ZRR ou FRR (objectif {pctTarget(n.indicators.priorityArea.target)})</li>
          <li><strong>{formatShare(n.indicators.positive6m)}</strong> de sorties positives à 6 mois (objectif {pctTarget(n.indicators.positive6m.target)})</li>
        </ul>
      ) : <p>Aucun appel n’est encore défini.</p>}

      <h2>Obligations en retard</h2>
      <div class="fr-table lg-table-wrap">
        <table>
          <caption>Obligations en retard ({data.late.length})</caption>
          <thead><tr><th scope="col">Échéance</th><th scope="col">Retard</th><th scope="col">Obligation</th><th scope="col">Formation</th><th scope="col">Organisme</th><th scope="col">Région</th></tr></thead>
          <tbody>
            {data.late.length === 0 ? <tr><td colspan={6}>Aucune obligation en retard.</td></tr> : null}
            {data.late.map((o) => (
              <tr>
                <td>{frDay(o.dueOn)}</td>
                <td>{o.daysLate} jour{o.daysLate > 1 ? 's' : ''}</td>
                <td>{OBLIGATION_KIND_LABELS[o.kind]}{o.year ? ` ${o.year}` : ''}{o.sessionName ? <> — {p.staffSessionPages && o.sessionId ? <a href={`/gestion/suivi/sessions/${o.sessionId}/apprenants`}>{o.sessionName}</a> : o.sessionName}</> : null}</td>
                <td><a href={`/gestion/suivi/labels/${o.labelId}`}>{o.trainingTitle}</a> ({o.labelNumber})</td>
                <td>{o.organisationName}</td>
                <td>{o.region}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>Labels à risque</h2>
      {data.atRisk.length === 0 ? <p>Aucun label à risque.</p> : (
        <ul>
          {data.atRisk.map((l) => (
            <li>
              <a href={`/gestion/suivi/labels/${l.id}`}>{l.trainingTitle}</a> ({l.number}, {l.organisationName}) : {l.late} obligation{l.late > 1 ? 's' : ''} en retard, {l.breaches.length} manquement{l.breaches.length > 1 ? 's' : ''}
              {l.breaches.length ? <ul>{l.breaches.map((b) => <li>{b.message}</li>)}</ul> : null}
            </li>
          ))}
        </ul>
      )}

      <h2>Indicateurs par label</h2>
      <div class="fr-table lg-table-wrap">
        <table>
          <caption>Indicateurs par label ({shownLabels.length})</caption>
          <thead><tr><th scope="col">Label</th><th scope="col">Région</th><th scope="col">Sessions</th><th scope="col">En retard</th>{INDICATOR_HEADERS.map((h) => <th scope="col">{h}</th>)}</tr></thead>
          <tbody>
            {shownLabels.length === 0 ? <tr><td colspan={12}>Aucun label ne correspond aux filtres.</td></tr> : null}
            {shownLabels.map((l) => (
              <tr>
                <th scope="row"><a href={`/gestion/suivi/labels/${l.id}`}>{l.number}</a><br /><span class="fr-hint-text">{l.trainingTitle} — {l.organisationName} — {LABEL_STATUS_LABELS[l.status as LabelStatus] ?? l.status}</span></th>
                <td>{l.region}</td>
                <td>{l.sessions}</td>
                <td>{l.late}</td>
                <IndicatorCells i={l.indicators} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>Indicateurs par région</h2>
      <div class="fr-table lg-table-wrap">
        <table>
          <caption>Indicateurs par région, objectifs : femmes {n ? pctTarget(n.indicators.women.target) : '—'}, QPV, ZRR ou FRR {n ? pctTarget(n.indicators.priorityArea.target) : '—'}, sorties positives {n ? pctTarget(n.indicators.positive6m.target) : '—'}</caption>
          <thead><tr><th scope="col">Région</th><th scope="col">Labels</th><th scope="col">À risque</th><th scope="col">En retard</th>{INDICATOR_HEADERS.map((h) => <th scope="col">{h}</th>)}</tr></thead>
          <tbody>
            {data.regions.length === 0 ? <tr><td colspan={12}>Aucune donnée.</td></tr> : null}
            {data.regions.map((r) => (
              <tr>
                <th scope="row">{r.region}</th>
                <td>{r.labels}</td>
                <td>{r.atRisk}</td>
                <td>{r.late}</td>
                <IndicatorCells i={r.indicators} />
              </tr>
            ))}
            {n ? (
              <tr>
                <th scope="row">France entière</th>
                <td>{n.labels}</td>
                <td>{n.atRisk}</td>
                <td>{n.late}</td>
                <IndicatorCells i={n.indicators} />
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}
