/** Admin page: the list of calls to manage. */
import { Layout, type PageContext } from '../../platform/views/layout.js';
import { formatParis } from '../call.js';

/** Page /gestion/appels. */
export function AdminCallsPage({ ctx, calls }: { ctx: PageContext; calls: { id: string; slug: string; title: string; opensAt: Date; open: boolean; cutoffCount: number }[] }) {
  return (
    <Layout ctx={ctx} title="Gérer les appels à labellisation" breadcrumb={[{ label: 'Espace GEN', href: '/gestion' }]}>
      <h1>Gérer les appels à labellisation</h1>
      <div class="fr-table lg-table-wrap">
        <table>
          <caption>Appels à labellisation : {calls.length}</caption>
          <thead><tr><th scope="col">Appel</th><th scope="col">Ouverture</th><th scope="col">État</th><th scope="col">Relevés</th><th scope="col">Page publique</th></tr></thead>
          <tbody>
            {calls.length === 0 ? <tr><td colspan={5}>Aucun appel.</td></tr> : calls.map((c) => (
              <tr>
                <th scope="row"><a href={`/gestion/appels/${c.id}`}>{c.title}</a></th>
                <td>{formatParis(c.opensAt)}</td>
                <td>{c.open ? 'Ouvert' : 'Clos'}</td>
                <td>{c.cutoffCount}</td>
                <td><a href={`/appels/${c.slug}`}>/appels/{c.slug}</a></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}
