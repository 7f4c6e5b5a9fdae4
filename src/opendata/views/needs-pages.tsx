/** Regional needs: the list of régions, one page per région, and the staff edit page. */
import { Layout, type PageContext } from '../../platform/views/layout.js';
import { ErrorSummary, Form, Submit, Textarea, type FormState } from '../../platform/views/ui.js';
import type { CatalogueEntry } from '../../catalogue/search.js';
import { jobKeyPhrase } from '../needs.js';

/** A row of the table, as the pages read it. */
export interface NeedRow { id: string; regionCode: string; regionName: string; jobs: string[] }

const RULE = 'Une formation répond à un métier quand l’un de ses lieux ou l’une de ses sessions est dans la région et que les mots du métier (avant toute parenthèse ou barre oblique) figurent dans son intitulé, ses métiers visés ou sa certification, sans tenir compte des accents ni des terminaisons (« développeuse » répond à « Développeur »).';

/** All régions with their number of jobs and of answering trainings. */
export function NeedsListPage({ ctx, needs, counts, callTitle }: { ctx: PageContext; needs: NeedRow[]; counts: Record<string, number>; callTitle: string | null }) {
  return (
    <Layout ctx={ctx} title="Besoins régionaux">
      <h1>Les métiers du numérique en tension, région par région</h1>
      <p class="fr-text--lead">Les métiers recherchés dans chaque région{callTitle ? ` selon l’appel « ${callTitle} »` : ''}, et les formations labellisées qui y préparent.</p>
      {needs.length === 0 ? <p>Aucun besoin régional n’est encore publié.</p> : (
        <div class="fr-table fr-table--sm"><div class="fr-table__wrapper"><div class="fr-table__container"><div class="fr-table__content">
          <table>
            <caption>Besoins par région</caption>
            <thead><tr><th scope="col">Région</th><th scope="col">Métiers recherchés</th><th scope="col">Formations labellisées qui y répondent</th></tr></thead>
            <tbody>
              {needs.map((n) => (
                <tr>
                  <th scope="row"><a href={`/besoins-regionaux/${n.regionCode}`}>{n.regionName}</a></th>
                  <td>{n.jobs.length}</td>
                  <td>{counts[n.regionCode] ?? 0}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div></div></div></div>
      )}
      <p class="fr-hint-text">{RULE}</p>
      {ctx.actor?.staffRoles.includes('admin') ? <p><a class="fr-link" href="/gestion/besoins-regionaux">Modifier les besoins régionaux (administration)</a></p> : null}
    </Layout>
  );
}

/** One région: each job with the trainings answering it. */
export function NeedsRegionPage({ ctx, need, rows }: { ctx: PageContext; need: NeedRow; rows: { job: string; trainings: CatalogueEntry[] }[] }) {
  return (
    <Layout ctx={ctx} title={`Besoins régionaux – ${need.regionName}`} breadcrumb={[{ label: 'Besoins régionaux', href: '/besoins-regionaux' }]}>
      <h1>Métiers recherchés en {need.regionName}</h1>
      <p class="fr-hint-text">{RULE}</p>
      {rows.map((r) => (
        <section class="fr-mt-4w" aria-labelledby={`metier-${rows.indexOf(r)}`}>
          <h2 class="fr-h4" id={`metier-${rows.indexOf(r)}`}>{r.job}</h2>
          {r.trainings.length === 0
            ? <p>Aucune formation labellisée de la région ne prépare encore à ce métier. <a href={`/formations?q=${encodeURIComponent(jobKeyPhrase(r.job))}`}>Chercher « {jobKeyPhrase(r.job)} » dans toute la France</a></p>
            : (
              <ul>
                {r.trainings.map((e) => <li><a href={`/formations/${encodeURIComponent(e.number)}`}>{e.title}</a> – {e.organisation.name}</li>)}
              </ul>
            )}
        </section>
      ))}
      <p class="fr-mt-4w"><a href={`/formations?region=${need.regionCode}`}>Toutes les formations labellisées de la région</a></p>
    </Layout>
  );
}

/** Staff: the régions, each a link to its edit form. */
export function NeedsAdminPage({ ctx, needs }: { ctx: PageContext; needs: NeedRow[] }) {
  return (
    <Layout ctx={ctx} title="Modifier les besoins régionaux" breadcrumb={[{ label: 'Espace GEN', href: '/gestion' }]}>
      <h1>Modifier les besoins régionaux</h1>
      <p>Choisissez une région. Chaque modification est motivée et tracée au journal d’audit ; la page publique <a href="/besoins-regionaux">Besoins régionaux</a> est à jour aussitôt.</p>
      {needs.length === 0 ? <p>Aucun appel n’a encore de besoins régionaux.</p> : (
        <ul>{needs.map((n) => <li><a href={`/gestion/besoins-regionaux/${n.regionCode}`}>{n.regionName}</a> – {n.jobs.length} métier{n.jobs.length > 1 ? 's' : ''}</li>)}</ul>
      )}
    </Layout>
  );
}

/** Staff: edit the jobs of one région (one per line), with a motivation. */
export function NeedsEditPage({ ctx, need, state }: { ctx: PageContext; need: NeedRow; state?: FormState }) {
  return (
    <Layout ctx={ctx} title={`Besoins régionaux – ${need.regionName}`} hasErrors={!!state?.errors} breadcrumb={[{ label: 'Espace GEN', href: '/gestion' }, { label: 'Besoins régionaux', href: '/gestion/besoins-regionaux' }]}>
      <h1>Métiers recherchés en {need.regionName}</h1>
      {state?.errors ? <ErrorSummary errors={state.errors} fieldOrder={['metiers', 'motif']} /> : null}
      <Form action={`/gestion/besoins-regionaux/${need.regionCode}`} csrf={ctx.csrfToken}>
        <Textarea name="metiers" label="Métiers recherchés" hint="Un métier par ligne, 30 au plus." rows={Math.min(14, need.jobs.length + 3)}
          state={state ?? { values: { metiers: need.jobs.join('\n') } }} />
        <Textarea name="motif" label="Motif de la modification" hint="Par exemple : mise à jour selon l’étude de l’observatoire régional de 2026." rows={2} state={state} />
        <Submit label="Enregistrer" />
      </Form>
    </Layout>
  );
}
