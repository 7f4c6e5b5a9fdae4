/** Staff list of labels with their number, training, organisation, status and validity. */
import { Layout, type PageContext } from '../../platform/views/layout.js';
import type { LabelRow } from '../labels.store.js';
import { LABEL_STATUS_LABELS } from '../label.states.js';

const day = (iso: string | null) => (iso ? iso.split('-').reverse().join('/') : '—');

/** The page. */
export function LabelsPage({ ctx, rows, signedByOrganisation }: { ctx: PageContext; rows: { label: LabelRow; organisationName: string }[]; signedByOrganisation: Set<string> }) {
  const toCountersign = rows.filter((r) => r.label.status === 'pending_agreement' && signedByOrganisation.has(r.label.id)).length;
  return (
    <Layout ctx={ctx} title="Labels" breadcrumb={[{ label: 'Espace GEN', href: '/gestion' }]}>
      <h1>Labels</h1>
      <p>Un label est créé par la décision du comité ; il devient actif à la signature complète de sa convention, pour la durée fixée par l’appel.</p>
      {toCountersign > 0 ? <div class="fr-alert fr-alert--info fr-alert--sm fr-mb-3w"><p>{toCountersign === 1 ? '1 convention signée par l’organisme attend' : `${toCountersign} conventions signées par les organismes attendent`} la contresignature de la GEN.</p></div> : null}
      <div class="fr-table lg-table-wrap">
        <table>
          <caption>Labels, du plus récent au plus ancien</caption>
          <thead><tr><th scope="col">Numéro</th><th scope="col">Formation</th><th scope="col">Organisme</th><th scope="col">Statut</th><th scope="col">Validité</th><th scope="col">Convention</th></tr></thead>
          <tbody>
            {rows.length === 0 ? <tr><td colspan={6}>Aucun label pour l’instant.</td></tr> : null}
            {rows.map(({ label, organisationName }) => (
              <tr>
                <td><a href={`/gestion/labels/${label.id}`}>{label.number}</a></td>
                <td>{label.trainingTitle}</td>
                <td>{organisationName}</td>
                <td>{LABEL_STATUS_LABELS[label.status]}</td>
                <td>{label.validFrom ? `du ${day(label.validFrom)} au ${day(label.validUntil)}` : 'À la signature de la convention'}</td>
                <td>{label.status !== 'pending_agreement' ? (label.agreementSignedAt ? 'Signée' : '—') : signedByOrganisation.has(label.id) ? 'À contresigner' : 'À signer par l’organisme'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}
