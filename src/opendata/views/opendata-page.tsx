/** The open data page: what each dataset holds, its stable URLs, its schema, its licence. */
import { Layout, type PageContext } from '../../platform/views/layout.js';
import { parisDateTime } from '../../platform/pdf/pdf.js';
import { SESSIONS, TRAININGS, type Dataset } from '../datasets.js';

const size = (n: number | undefined) => (n === undefined ? '' : n < 1024 ? `${n} octets` : `${(n / 1024).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Ko`);

function DatasetSection<R>({ d, baseUrl, sizes }: { d: Dataset<R>; baseUrl: string; sizes: Record<string, number> }) {
  return (
    <section class="fr-mt-5w" aria-labelledby={`jeu-${d.name}`}>
      <h2 id={`jeu-${d.name}`}>{d.title}</h2>
      <p>{d.description}</p>
      <ul>
        <li><a href={`/donnees-ouvertes/${d.name}.csv`}>Télécharger « {d.title} » en CSV</a> <span class="fr-hint-text">{size(sizes[`${d.name}.csv`])} – <code>{baseUrl}/donnees-ouvertes/{d.name}.csv</code></span></li>
        <li><a href={`/donnees-ouvertes/${d.name}.json`}>Télécharger « {d.title} » en JSON</a> <span class="fr-hint-text">{size(sizes[`${d.name}.json`])} – <code>{baseUrl}/donnees-ouvertes/{d.name}.json</code></span></li>
      </ul>
      <div class="fr-table fr-table--sm"><div class="fr-table__wrapper"><div class="fr-table__container"><div class="fr-table__content">
        <table>
          <caption>Schéma du jeu « {d.title} »</caption>
          <thead><tr><th scope="col">Colonne</th><th scope="col">Type</th><th scope="col">Description</th></tr></thead>
          <tbody>{d.columns.map((c) => <tr><th scope="row"><code>{c.name}</code></th><td>{c.type}</td><td>{c.description}</td></tr>)}</tbody>
        </table>
      </div></div></div></div>
    </section>
  );
}

/** Props: the site's base URL, file sizes by name, when the snapshot was built. */
export function OpenDataPage({ ctx, baseUrl, sizes, builtAt }: { ctx: PageContext; baseUrl: string; sizes: Record<string, number>; builtAt: Date }) {
  return (
    <Layout ctx={ctx} title="Données ouvertes">
      <h1>Données ouvertes</h1>
      <p class="fr-text--lead">L’offre de formations labellisées GEN et ses sessions, en fichiers libres de réutilisation.</p>
      <ul>
        <li>Licence : Licence Ouverte / Open Licence 2.0 (Etalab) – mentionnez « Label GEN » et la date du fichier.</li>
        <li>Mise à jour : chaque nuit, et aussitôt qu’un label change d’état (un label suspendu, retiré ou expiré quitte les fichiers). Fichiers construits le {parisDateTime(builtAt)}.</li>
        <li>Adresses stables : les URL ci-dessous ne changent pas. Elles renvoient un en-tête <code>ETag</code> : envoyez-le dans <code>If-None-Match</code> pour recevoir une réponse 304 sans contenu quand rien n’a changé.</li>
        <li>Formats : CSV (RFC 4180, séparateur virgule, UTF-8, première ligne d’en-tête, champ vide = inconnu) et JSON (objet avec <code>date</code>, <code>licence</code>, <code>total</code> et <code>donnees</code>, tableau d’objets aux mêmes noms que les colonnes CSV). Listes séparées par « | ».</li>
        <li>Recherche à la demande : l’API <code>GET /api/v1/formations</code>, décrite dans le <a href="/api/v1/openapi.json">fichier OpenAPI</a>.</li>
      </ul>
      <DatasetSection d={TRAININGS} baseUrl={baseUrl} sizes={sizes} />
      <DatasetSection d={SESSIONS} baseUrl={baseUrl} sizes={sizes} />
      {sizes['lheo.xml'] !== undefined ? (
        <section class="fr-mt-5w" aria-labelledby="jeu-lheo">
          <h2 id="jeu-lheo">Flux LHÉO 2.3</h2>
          <p>L’offre au format LHÉO 2.3 attendu par les CARIF-OREF : formation, action, session ; organisme avec SIRET et numéro de déclaration d’activité ; codes RNCP ou RS ; lieux avec leurs coordonnées.</p>
          <p><a href="/donnees-ouvertes/lheo.xml">Télécharger le flux LHÉO (XML)</a> <span class="fr-hint-text">{size(sizes['lheo.xml'])} – <code>{baseUrl}/donnees-ouvertes/lheo.xml</code></span></p>
        </section>
      ) : null}
      <p class="fr-mt-5w">Les chiffres du suivi (apprenants, sorties positives) sont publiés sur la page <a href="/chiffres-cles">Chiffres clés</a>, avec le secret statistique.</p>
    </Layout>
  );
}
