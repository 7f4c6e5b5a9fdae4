/** Staff list of labels with their number, training, organisation, status and validity. */
import { Layout, type PageContext } from '../../platform/views/layout.js';
import type { LabelRow } from '../labels.store.js';
import { LABEL_STATUS_LABELS } from '../label.states.js';

const day = (iso: string | null) => (iso ? iso.split('-').reverse().join('/') : '—');

/** The page. */
export function LabelsPage({ ctx, rows }: { ctx: PageContext; rows: { label: LabelRow; organisationName: string }[] }) {
  return (
    <Layout ctx={ctx} title="Labels" breadcrumb={[{ label: 'Espace GEN', href: '/gestion' }]}>
      <h1>Labels</h1>
      <p>Un label est créé par la décision du comité ; il devient actif à la signature complète de sa convention, pour la durée fixée par l’appel.</p>
      <div class="fr-table lg-table-wrap">
        <table>
          <caption>Labels, du plus récent au plus ancien</caption>
          <thead><tr><th scope="col">Numéro</th><th scope="col">Formation</th><th scope="col">Organisme</th><th scope="col">Statut</th><th scope="col">Validité</th></tr></thead>
          <tbody>
            {rows.length === 0 ? <tr><td colspan={5}>Aucun label pour l’instant.</td></tr> : null}
            {rows.map(({ label, organisationName }) => (
              <tr>
                <td><a href={`/gestion/labels/${label.id}`}>{label.number}</a></td>
                <td>{label.trainingTitle}</td>
                <td>{organisationName}</td>
                <td>{LABEL_STATUS_LABELS[label.status]}</td>
                <td>{label.validFrom ? `du ${day(label.validFrom)} au ${day(label.validUntil)}` : 'À la signature de la convention'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}
