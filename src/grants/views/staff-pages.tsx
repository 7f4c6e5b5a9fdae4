/** Staff pages of seed grants: the list of tranches with filters and totals, and one label's grant with its decisions. */
import { Layout, type PageContext } from '../../platform/views/layout.js';
import { ErrorSummary, Form, Input, Radios, Select, Submit, Textarea, type FormState } from '../../platform/views/ui.js';
import type { TrancheRow, ClawbackRow, GrantLabel } from '../grants.store.js';
import { conditionText, eurosFromCents, TRANCHE_STATE_LABELS, TRANCHE_STATES, trancheCan, type GrantTotals, type PlanItem } from '../grants.js';
import { TotalsList, TrancheBadge, TrancheTable, frDay, frInstant } from './parts.js';

const CRUMBS = [{ label: 'Espace GEN', href: '/gestion' }];

/** One line of the staff list. */
export interface GrantListLine { tranche: TrancheRow; labelNumber: string; trainingTitle: string; organisationName: string; region: string }

/** The chosen filters. */
export interface GrantFilters { state: string; region: string }

function when(t: TrancheRow): string {
  if (t.state === 'paid') return `Versée le ${frDay(t.paidOn)}`;
  if (t.state === 'withheld') return `Retenue le ${frInstant(t.withheldAt)}`;
  if (t.state === 'payable') return `À verser depuis le ${frInstant(t.payableAt)}`;
  return '—';
}

/** The staff list: filters, totals, tranches, CSV export. */
export function StaffGrantsPage(p: { ctx: PageContext; lines: GrantListLine[]; totals: GrantTotals; filters: GrantFilters; regions: string[]; exportQuery: string }) {
  const f = p.filters;
  return (
    <Layout ctx={p.ctx} title="Subventions d’amorçage" breadcrumb={CRUMBS}>
      <h1>Subventions d’amorçage</h1>
      <p>Chaque subvention accordée par le comité est versée par tranches, selon le plan de l’appel : une tranche devient « à verser » quand sa condition est remplie (attestation de démarrage, bilan de fin de session), puis elle est versée ou retenue par une décision motivée. Les reprises de sommes versées sont déduites.</p>
      <form method="get" action="/gestion/subventions" class="lg-filters fr-mb-4w">
        <div class="fr-select-group">
          <label class="fr-label" for="etat">État de la tranche</label>
          <select class="fr-select" id="etat" name="etat">
            <option value="" selected={!f.state}>Tous les états</option>
            {TRANCHE_STATES.map((s) => <option value={s} selected={f.state === s}>{TRANCHE_STATE_LABELS[s]}</option>)}
          </select>
        </div>
        <div class="fr-select-group">
          <label class="fr-label" for="region">Région</label>
          <select class="fr-select" id="region" name="region">
            <option value="" selected={!f.region}>Toutes les régions</option>
            {p.regions.map((r) => <option value={r} selected={f.region === r}>{r}</option>)}
          </select>
        </div>
        <button type="submit" class="fr-btn fr-btn--secondary">Filtrer</button>
      </form>
      <h2>Totaux</h2>
      <TotalsList totals={p.totals} />
      <p><a class="fr-link fr-icon-download-line fr-link--icon-left" href={`/gestion/subventions/export.csv${p.exportQuery}`}>Exporter ces tranches et les reprises (CSV)</a></p>
      <div class="fr-table lg-table-wrap">
        <table>
          <caption>Tranches ({p.lines.length})</caption>
          <thead><tr><th scope="col">Label</th><th scope="col">Formation et organisme</th><th scope="col">Région</th><th scope="col">Tranche</th><th scope="col">Montant</th><th scope="col">État</th><th scope="col">Date</th></tr></thead>
          <tbody>
            {p.lines.length === 0 ? <tr><td colspan={7}>Aucune tranche ne correspond à ces filtres.</td></tr> : null}
            {p.lines.map((l) => (
              <tr>
                <td><a href={`/gestion/subventions/${l.tranche.labelId}`}>{l.labelNumber}</a></td>
                <td>{l.trainingTitle}<br /><span class="fr-text--xs">{l.organisationName}</span></td>
                <td>{l.region}</td>
                <td>{l.tranche.title}<br /><span class="fr-text--xs">{conditionText(l.tranche)}</span></td>
                <td>{eurosFromCents(l.tranche.amountCents)}</td>
                <td><TrancheBadge state={l.tranche.state} /></td>
                <td>{when(l.tranche)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}

/** What staff may do on the label's grant page. */
export interface GrantLabelMay { decide: boolean }

/** One label's grant: plan, tranches and clawbacks, decision and clawback forms. */
export function StaffGrantLabelPage(p: {
  ctx: PageContext; label: GrantLabel; plan: PlanItem[]; sessions: number | null; tranches: TrancheRow[]; clawbacks: ClawbackRow[]; totals: GrantTotals;
  remainingCents: number; may: GrantLabelMay; today: string; state?: FormState; clawbackState?: FormState;
}) {
  const l = p.label;
  const state = p.state ?? {};
  const cState = p.clawbackState ?? {};
  const errors = { ...(state.errors ?? {}), ...(cState.errors ?? {}) };
  const decidable = p.tranches.filter((t) => trancheCan(t.state, 'pay') || trancheCan(t.state, 'withhold') || trancheCan(t.state, 'release'));
  return (
    <Layout ctx={p.ctx} title={`Subvention d’amorçage – label ${l.number}`} hasErrors={Object.keys(errors).length > 0}
      breadcrumb={[...CRUMBS, { label: 'Subventions d’amorçage', href: '/gestion/subventions' }]}>
      <ErrorSummary errors={errors} fieldOrder={['tranche', 'decision', 'paidOn', 'reference', 'motivation', 'montant', 'dateReprise', 'motifReprise']} />
      <h1>Subvention d’amorçage – label {l.number}</h1>
      <p>{l.organisationName}, formation « {l.trainingTitle} ». <a href={`/gestion/labels/${l.id}`}>Voir le label</a></p>
      <dl class="lg-details">
        <dt>Subvention accordée</dt><dd>{l.seedGrant ? eurosFromCents(l.seedGrant * 100) : 'Aucune'}</dd>
        <dt>Sessions concernées</dt><dd>{p.sessions === 2 ? 'Les deux premières sessions' : 'La première session'}</dd>
        <dt>Plan de versement de l’appel</dt><dd>{p.plan.map((x) => `${x.label} : ${x.sharePercent} %`).join(' ; ')} (pour chaque session)</dd>
      </dl>
      <h2>Totaux</h2>
      <TotalsList totals={p.totals} />
      <TrancheTable tranches={p.tranches} clawbacks={p.clawbacks} totals={p.totals} caption="Tranches et reprises" />
      {p.tranches.length === 0 ? <p>Aucune tranche : elles sont créées quand un label avec une subvention d’amorçage devient actif.</p> : null}

      {p.may.decide ? (
        <>
          <Form action={`/gestion/subventions/${l.id}/verifier`} csrf={p.ctx.csrfToken}>
            <Submit label="Vérifier les conditions maintenant" secondary />
          </Form>
          {decidable.length > 0 ? (
            <>
              <h2 class="fr-mt-6w">Enregistrer une décision sur une tranche</h2>
              <p>Une tranche à verser peut être versée ; une tranche prévue ou à verser peut être retenue ; une tranche retenue peut être rétablie. La retenue et le rétablissement sont motivés et communiqués à l’organisme.</p>
              <Form action={`/gestion/subventions/${l.id}/decision`} csrf={p.ctx.csrfToken}>
                <Select name="tranche" label="Tranche" state={state} placeholder="Choisir une tranche"
                  options={decidable.map((t) => ({ value: t.id, label: `${t.title} – ${conditionText(t)} – ${eurosFromCents(t.amountCents)} (${TRANCHE_STATE_LABELS[t.state].toLowerCase()})` }))} />
                <Radios name="decision" label="Décision" state={state} options={[
                  { value: 'pay', label: 'Versement', hint: 'Tranche à verser seulement : date et référence du paiement.' },
                  { value: 'withhold', label: 'Retenue', hint: 'Motivation obligatoire.' },
                  { value: 'release', label: 'Rétablissement d’une tranche retenue', hint: 'Motivation obligatoire.' },
                ]} />
                <Input name="paidOn" label="Date du versement" hint="Format JJ/MM/AAAA ; versement seulement." state={state} required={false} />
                <Input name="reference" label="Référence du paiement" hint="Numéro de mandat ou de virement ; versement seulement." state={state} required={false} maxlength={100} />
                <Textarea name="motivation" label="Motivation" hint="Obligatoire pour une retenue ou un rétablissement ; communiquée à l’organisme." state={state} required={false} maxlength={4000} />
                <Submit label="Enregistrer la décision" />
              </Form>
            </>
          ) : null}
          {p.remainingCents > 0 || cState.errors ? (
            <>
              <h2 class="fr-mt-6w">Enregistrer une reprise</h2>
              <p>Somme versée reprise à l’organisme (label retiré, session non tenue…) : au plus {eurosFromCents(p.remainingCents)}, ce qui a été versé et pas encore repris.</p>
              <Form action={`/gestion/subventions/${l.id}/reprise`} csrf={p.ctx.csrfToken}>
                <Input name="montant" label="Montant repris (euros)" hint="Par exemple 1 500,00" inputmode="decimal" state={cState} />
                <Input name="dateReprise" label="Date de la décision de reprise" hint="Format JJ/MM/AAAA" state={cState} />
                <Textarea name="motifReprise" label="Motivation de la reprise" state={cState} maxlength={4000} />
                <Submit label="Enregistrer la reprise" />
              </Form>
            </>
          ) : null}
        </>
      ) : null}
    </Layout>
  );
}
