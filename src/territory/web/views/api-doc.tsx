/** Human documentation of the open territory API. */
import { Layout, type PageContext } from '../../../platform/views/layout.js';

/** The API documentation page. */
export function ApiDocPage({ ctx, baseUrl }: { ctx: PageContext; baseUrl: string }) {
  const ex = (p: string) => <pre class="lg-mono"><code>{`${baseUrl}${p}`}</code></pre>;
  return (
    <Layout ctx={ctx} title="API ouverte du moteur territorial">
      <h1>API ouverte du moteur territorial</h1>
      <p class="fr-text--lead">Trois services sans compte pour savoir si un point ou une adresse est en quartier prioritaire (QPV) et dans quelle zone rurale (ZRR, FRR) se trouve sa commune. Chaque réponse nomme la version de géographie utilisée ; le paramètre <code>date</code> choisit la géographie en vigueur à une date.</p>
      <p>Description OpenAPI 3.1 : <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>. Les réponses sont en JSON (erreurs : <code>{'{"error": "message en français"}'}</code>, statut 400). Le nombre de requêtes par minute et par adresse IP est limité (statut 429 et en-tête <code>Retry-After</code> au-delà).</p>
      <h2>Point</h2>
      {ex('/api/v1/territoire/point?lon=2.3539&lat=48.8867&date=2025-09-01')}
      <h2>Adresse</h2>
      {ex('/api/v1/territoire/adresse?q=12+rue+myrha+paris+18e')}
      <h2>Fichier d’adresses</h2>
      <p>Envoyez un CSV en corps de requête <code>POST</code> (10 000 lignes au plus), vous recevez le CSV complété :</p>
      <pre class="lg-mono"><code>{`curl -X POST --data-binary @adresses.csv -H 'Content-Type: text/csv' ${baseUrl}/api/v1/territoire/adresses`}</code></pre>
      <p>Pour de plus gros fichiers, utilisez la page <a href="/territoire/fichier">Vérifier un fichier d’adresses</a>.</p>
    </Layout>
  );
}
