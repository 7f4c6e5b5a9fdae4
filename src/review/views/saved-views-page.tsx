/** The staff member's saved views of the workspace: open or delete each. */
import { Layout, type PageContext } from '../../platform/views/layout.js';
import { Form } from '../../platform/views/ui.js';
import { WORKSPACE } from './parts.js';

/** The page. */
export function SavedViewsPage({ ctx, views }: { ctx: PageContext; views: { id: string; name: string; query: string }[] }) {
  return (
    <Layout ctx={ctx} title="Mes vues enregistrées" breadcrumb={[{ label: 'Espace GEN', href: '/gestion' }, { label: 'Candidatures', href: WORKSPACE }]}>
      <h1>Mes vues enregistrées</h1>
      <p>Une vue garde les filtres, la recherche et le tri de la liste des candidatures. Enregistrez-en depuis la liste des candidatures.</p>
      {views.length === 0 ? <p>Vous n’avez enregistré aucune vue.</p> : (
        <ul>
          {views.map((v) => (
            <li class="fr-mb-1w">
              <a href={`${WORKSPACE}${v.query ? `?${v.query}` : ''}`}>{v.name}</a>{' '}
              <Form action={`${WORKSPACE}/vues/${v.id}/supprimer`} csrf={ctx.csrfToken}>
                <button type="submit" class="fr-btn fr-btn--sm fr-btn--tertiary">Supprimer la vue {v.name}</button>
              </Form>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
