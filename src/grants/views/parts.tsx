/** Pieces shared by the grant pages: state badge, tranches of a label with its clawbacks, totals. */
import type { TrancheRow, ClawbackRow } from '../grants.store.js';
import { conditionText, eurosFromCents, TRANCHE_STATE_LABELS, type GrantTotals, type TrancheState } from '../grants.js';

const BADGE: Record<TrancheState, string> = { planned: 'fr-badge--info', payable: 'fr-badge--new', paid: 'fr-badge--success', withheld: 'fr-badge--error' };

/** "2026-03-14" → "14/03/2026". */
export const frDay = (d: string | null | undefined) => (d ? d.split('-').reverse().join('/') : '—');
/** An instant as a Paris day "14/03/2026". */
export const frInstant = (d: Date | null | undefined) => (d ? new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: '2-digit', month: '2-digit', year: 'numeric' }).format(d) : '—');

/** The state badge of a tranche. */
export function TrancheBadge({ state }: { state: TrancheState }) {
  return <span class={`fr-badge fr-badge--sm fr-badge--no-icon ${BADGE[state]}`}>{TRANCHE_STATE_LABELS[state]}</span>;
}

/** What happened to a tranche, in one line. */
export function trancheDetail(t: TrancheRow): string {
  if (t.state === 'paid') return `Versée le ${frDay(t.paidOn)}, référence ${t.paymentReference ?? '—'}${t.motivation ? ` ; ${t.motivation}` : ''}`;
  if (t.state === 'withheld') return `Retenue le ${frInstant(t.withheldAt)}${t.sanctionId ? ' (sanction)' : ''} : ${t.motivation ?? ''}`;
  if (t.state === 'payable') return `Condition remplie le ${frInstant(t.payableAt)} ; versement à venir`;
  return 'En attente de la condition';
}

/** The tranches of a label and its clawbacks (negative lines), with the net total. */
export function TrancheTable({ tranches, clawbacks, totals, caption }: { tranches: TrancheRow[]; clawbacks: ClawbackRow[]; totals: GrantTotals; caption: string }) {
  return (
    <div class="fr-table lg-table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead><tr><th scope="col">Tranche</th><th scope="col">Condition</th><th scope="col">Part</th><th scope="col">Montant</th><th scope="col">État</th><th scope="col">Suivi</th></tr></thead>
        <tbody>
          {tranches.length === 0 ? <tr><td colspan={6}>Aucune tranche.</td></tr> : null}
          {tranches.map((t) => (
            <tr>
              <th scope="row">{t.title}</th>
              <td>{conditionText(t)}</td>
              <td>{t.sharePercent} %</td>
              <td>{eurosFromCents(t.amountCents)}</td>
              <td><TrancheBadge state={t.state} /></td>
              <td>{trancheDetail(t)}</td>
            </tr>
          ))}
          {clawbacks.map((c) => (
            <tr>
              <th scope="row">Reprise</th>
              <td>{c.motivation}</td>
              <td>—</td>
              <td>{eurosFromCents(-c.amountCents)}</td>
              <td><span class="fr-badge fr-badge--sm fr-badge--no-icon fr-badge--warning">Reprise</span></td>
              <td>Décidée le {frDay(c.decidedOn)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr><th scope="row" colspan={3}>Versé, reprises déduites</th><td>{eurosFromCents(totals.netPaid)}</td><td colspan={2}>sur {eurosFromCents(totals.total)} accordés</td></tr>
        </tfoot>
      </table>
    </div>
  );
}

/** Totals by state. */
export function TotalsList({ totals }: { totals: GrantTotals }) {
  return (
    <dl class="lg-details">
      <dt>Prévu</dt><dd>{eurosFromCents(totals.planned)}</dd>
      <dt>À verser</dt><dd>{eurosFromCents(totals.payable)}</dd>
      <dt>Versé</dt><dd>{eurosFromCents(totals.paid)}</dd>
      <dt>Retenu</dt><dd>{eurosFromCents(totals.withheld)}</dd>
      <dt>Repris</dt><dd>{eurosFromCents(totals.clawedBack)}</dd>
      <dt>Versé net des reprises</dt><dd>{eurosFromCents(totals.netPaid)}</dd>
    </dl>
  );
}

/** The organisation's read-only view inside its label page. */
export function OrganisationGrantSection({ tranches, clawbacks, totals }: { tranches: TrancheRow[]; clawbacks: ClawbackRow[]; totals: GrantTotals }) {
  if (tranches.length === 0 && clawbacks.length === 0) return null;
  return (
    <section id="subvention" aria-labelledby="subvention-titre">
      <h2 id="subvention-titre">Subvention d’amorçage</h2>
      <p>La subvention d’amorçage est versée par tranches, chacune quand sa condition est remplie ; la Grande École du Numérique enregistre chaque versement. Une tranche peut être retenue, ou une somme versée reprise, par une décision motivée.</p>
      <TrancheTable tranches={tranches} clawbacks={clawbacks} totals={totals} caption="Tranches de la subvention d’amorçage" />
    </section>
  );
}
