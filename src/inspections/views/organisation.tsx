/** The organisation's page of its inspections: dates, type, state and conclusion (never the reason nor findings). */
import { Layout, type PageContext } from '../../platform/views/layout.js';
import { CONCLUSION_HINTS, KIND_LABELS, frenchDay } from '../inspection.js';
import { ComplaintsBlock, type ComplaintItem } from '../../support/index.js';
import { ConclusionBadge, InspectionStatusBadge, type InspectionItem } from './parts.js';

/** What the organisation sees of one inspection. */
export type OrganisationInspection = InspectionItem & { messageToOrganisation: string | null };

/** The page. */
export function OrganisationInspectionsPage({ ctx, orgId, orgName, items, complaints }: { ctx: PageContext; orgId: string; orgName: string; items: OrganisationInspection[]; complaints: ComplaintItem[] }) {
  return (
    <Layout ctx={ctx} title={`Inspections et réclamations — ${orgName}`} breadcrumb={[{ label: 'Mon espace', href: '/organisations' }, { label: orgName, href: `/organisations/${orgId}` }]}>
      <h1>Inspections et réclamations</h1>
      <h2>Inspections de vos formations labellisées</h2>
      <p>L’équipe de suivi-évaluation de la Grande École du Numérique peut contrôler une formation labellisée, sur site ou à distance. Vous êtes prévenu par courriel de chaque inspection et de sa conclusion.</p>
      {items.length === 0 ? <p>Aucune inspection n’est prévue ni n’a eu lieu.</p> : (
        <div class="fr-table lg-table-wrap"><table>
          <caption>Inspections, les prochaines d’abord</caption>
          <thead><tr><th scope="col">Date</th><th scope="col">Formation</th><th scope="col">Type</th><th scope="col">État</th><th scope="col">Conclusion</th></tr></thead>
          <tbody>{items.map((i) => (
            <tr>
              <td>{frenchDay(i.plannedOn)}</td>
              <td>{i.label.trainingTitle}<br /><span class="fr-text--xs">{`Label ${i.label.number}`}</span></td>
              <td>{KIND_LABELS[i.kind]}</td>
              <td><InspectionStatusBadge status={i.status} /></td>
              <td>{i.conclusion ? <><ConclusionBadge conclusion={i.conclusion} /><p class="fr-text--sm fr-mb-0">{CONCLUSION_HINTS[i.conclusion]}</p>{i.messageToOrganisation ? <p class="fr-text--sm">{i.messageToOrganisation}</p> : null}</> : '—'}</td>
            </tr>
          ))}</tbody>
        </table></div>
      )}
      <ComplaintsBlock complaints={complaints} audience="organisation" />
      <p class="fr-text--sm">L’équipe GEN vous transmet le contenu utile d’une réclamation lorsqu’elle vous sollicite.</p>
    </Layout>
  );
}
