/** Public page: the calls for labelling, open or closed, with their next cut-off. */
import { Layout, type PageContext } from '../../platform/views/layout.js';
import { formatParis } from '../call.js';

/** A call as the list shows it. */
export interface CallSummary { slug: string; title: string; opensAt: Date; open: boolean; nextCutoff: Date | null }

/** Page /appels. */
export function CallsListPage({ ctx, calls }: { ctx: PageContext; calls: CallSummary[] }) {
  return (
    <Layout ctx={ctx} title="Appels à labellisation">
      <h1>Appels à labellisation</h1>
      <p class="fr-text--lead">Le label Grande École du Numérique est attribué à l’issue d’un appel à labellisation. Chaque appel fixe son calendrier, ses critères et ses objectifs.</p>
      <div class="fr-table lg-table-wrap">
        <table>
          <caption>Appels à labellisation de la Grande École du Numérique</caption>
          <thead>
            <tr>
              <th scope="col">Appel</th>
              <th scope="col">Ouverture</th>
              <th scope="col">État</th>
              <th scope="col">Prochain relevé des candidatures</th>
            </tr>
          </thead>
          <tbody>
            {calls.length === 0 ? <tr><td colspan={4}>Aucun appel n’est publié pour le moment.</td></tr> : calls.map((c) => (
              <tr>
                <th scope="row"><a href={`/appels/${c.slug}`}>{c.title}</a></th>
                <td>{formatParis(c.opensAt).split(' à ')[0]}</td>
                <td>{c.open ? <p class="fr-badge fr-badge--success fr-badge--no-icon">Ouvert</p> : <p class="fr-badge fr-badge--no-icon">Clos</p>}</td>
                <td>{c.nextCutoff ? `${formatParis(c.nextCutoff)} (heure de Paris)` : 'Aucun relevé à venir'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}
