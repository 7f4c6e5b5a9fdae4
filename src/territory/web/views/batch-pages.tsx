/** Batch pages: upload, column mapping, progress and results. */
import { Layout, type PageContext } from '../../../platform/views/layout.js';
import { ErrorSummary, Form, Select, Radios } from '../../../platform/views/ui.js';
import type { Batch } from '../batch.store.js';
import type { ColumnMapping } from '../batch-file.js';

const pct = (n: number, d: number) => (d === 0 ? '0' : ((100 * n) / d).toLocaleString('fr-FR', { maximumFractionDigits: 1 }));

/** Upload form. */
export function UploadPage({ ctx, error, date }: { ctx: PageContext; error?: string; date?: string }) {
  const errors = error ? { fichier: error } : undefined;
  return (
    <Layout ctx={ctx} title="Vérifier un fichier d’adresses" hasErrors={!!error}>
      <h1>Vérifier un fichier d’adresses</h1>
      <p class="fr-text--lead">Envoyez un fichier CSV ou XLSX d’adresses (100 000 lignes au plus) : chaque adresse est localisée puis classée (quartier prioritaire, ZRR, FRR). Vous obtenez un fichier de résultats et une synthèse.</p>
      <div class="fr-alert fr-alert--warning fr-mb-4w">
        <h2 class="fr-alert__title">N’envoyez que des adresses</h2>
        <p>Retirez du fichier les noms, prénoms et toute autre donnée personnelle : seules les colonnes d’adresse sont utiles. Le fichier et ses résultats sont supprimés automatiquement au bout de 24 heures.</p>
      </div>
      <ErrorSummary errors={errors} />
      <Form action="/territoire/fichier" csrf={ctx.csrfToken} multipart>
        <div class={`fr-upload-group${error ? ' fr-upload-group--error' : ''}`}>
          <label class="fr-label" for="fichier">Fichier d’adresses
            <span class="fr-hint-text" id="fichier-aide">Formats acceptés : .csv (séparateur point-virgule, virgule ou tabulation ; UTF-8 ou Latin-1) et .xlsx. La première ligne contient les noms des colonnes. Après l’envoi, vous choisirez les colonnes à utiliser.</span>
          </label>
          <input class="fr-upload" type="file" id="fichier" name="fichier" accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={`fichier-aide${error ? ' fichier-erreur' : ''}`} aria-invalid={error ? 'true' : undefined} />
          {error ? <p class="fr-error-text" id="fichier-erreur">{error}</p> : null}
        </div>
        <div class="fr-input-group fr-mt-3w">
          <label class="fr-label" for="date">Date de référence (facultatif)
            <span class="fr-hint-text" id="date-aide">Par exemple la date de début de la session ; par défaut, aujourd’hui.</span>
          </label>
          <input class="fr-input" type="date" id="date" name="date" value={date ?? ''} aria-describedby="date-aide" />
        </div>
        <button type="submit" class="fr-btn fr-mt-2w">Envoyer le fichier</button>
      </Form>
    </Layout>
  );
}

/** Column mapping step, with a preview of the first rows. */
export function MappingPage(props: { ctx: PageContext; batch: Batch; preview: string[][]; mapping: ColumnMapping | null; errors?: Record<string, string>; values?: Record<string, string> }) {
  const { ctx, batch, preview } = props;
  const m = props.mapping;
  const options = batch.header.map((h, i) => ({ value: String(i), label: h }));
  const values: Record<string, string> = props.values ?? {
    mode: m?.kind === 'parts' ? 'parts' : 'single',
    address: m?.kind === 'single' ? String(m.address) : '',
    number: m?.kind === 'parts' && m.number !== null ? String(m.number) : '',
    street: m?.kind === 'parts' ? String(m.street) : '',
    postcode: m?.kind === 'parts' && m.postcode !== null ? String(m.postcode) : '',
    city: m?.kind === 'parts' && m.city !== null ? String(m.city) : '',
  };
  const state = { errors: props.errors, values };
  return (
    <Layout ctx={ctx} title="Choisir les colonnes de l’adresse" hasErrors={!!props.errors}>
      <h1>Choisir les colonnes de l’adresse</h1>
      <p>Fichier « {batch.filename} » : {batch.total.toLocaleString('fr-FR')} lignes d’adresses, encodage {batch.encoding}.</p>
      <ErrorSummary errors={props.errors} />
      <div class="fr-table lg-table-wrap"><table>
        <caption>Aperçu des premières lignes</caption>
        <thead><tr>{batch.header.map((h) => <th scope="col">{h}</th>)}</tr></thead>
        <tbody>{preview.map((r) => <tr>{batch.header.map((_, i) => <td>{r[i] ?? ''}</td>)}</tr>)}</tbody>
      </table></div>
      <Form action={`/territoire/fichier/${batch.id}/colonnes`} csrf={ctx.csrfToken}>
        <Radios name="mode" label="Comment l’adresse est-elle écrite ?" state={state} options={[
          { value: 'single', label: 'Dans une seule colonne (adresse complète)' },
          { value: 'parts', label: 'Répartie sur plusieurs colonnes (numéro, voie, code postal, commune)' },
        ]} />
        <Select name="address" label="Colonne de l’adresse complète" hint="Si l’adresse est dans une seule colonne." required={false} state={state} options={options} />
        <Select name="number" label="Colonne du numéro" required={false} state={state} options={options} />
        <Select name="street" label="Colonne de la voie" hint="Obligatoire si l’adresse est répartie." required={false} state={state} options={options} />
        <Select name="postcode" label="Colonne du code postal" required={false} state={state} options={options} />
        <Select name="city" label="Colonne de la commune" required={false} state={state} options={options} />
        <button type="submit" class="fr-btn">Lancer la vérification</button>
      </Form>
    </Layout>
  );
}

/** Progress and results of a batch. */
export function BatchPage({ ctx, batch }: { ctx: PageContext; batch: Batch }) {
  const s = batch.summary;
  const running = batch.status === 'queued' || batch.status === 'running';
  return (
    <Layout ctx={ctx} title="Vérification du fichier d’adresses">
      <h1>Vérification du fichier d’adresses</h1>
      <p>Fichier « {batch.filename} », {batch.total.toLocaleString('fr-FR')} lignes. Conservez l’adresse de cette page : vous pouvez la fermer et y revenir, le traitement continue. Fichier et résultats supprimés au bout de 24 heures.</p>
      {running ? (
        <div id="avancement" data-etat={`/territoire/fichier/${batch.id}/etat`}>
          <label class="fr-label" for="progression">Avancement</label>
          <progress id="progression" max={batch.total} value={batch.done}>{pct(batch.done, batch.total)} %</progress>
          <p role="status" aria-live="polite" id="progression-texte">{batch.done.toLocaleString('fr-FR')} adresses traitées sur {batch.total.toLocaleString('fr-FR')} ({pct(batch.done, batch.total)} %).</p>
          <a class="fr-btn fr-btn--secondary" href={`/territoire/fichier/${batch.id}`}>Actualiser</a>
          <script type="module" src="/static/lot-adresses.js"></script>
        </div>
      ) : null}
      {batch.status === 'failed' ? (
        <div class="fr-alert fr-alert--error"><h2 class="fr-alert__title">Le traitement a échoué</h2><p>{batch.error}</p></div>
      ) : null}
      {batch.status === 'done' && s ? (
        <section aria-labelledby="synthese">
          <h2 id="synthese">Synthèse</h2>
          <div class="fr-table"><table>
            <caption>Résultats du fichier</caption>
            <thead><tr><th scope="col">Indicateur</th><th scope="col">Nombre</th><th scope="col">Part</th></tr></thead>
            <tbody>
              <tr><th scope="row">Adresses localisées</th><td>{s.ok}</td><td>{pct(s.ok, s.total)} %</td></tr>
              <tr><th scope="row">Adresses ambiguës</th><td>{s.ambiguous}</td><td>{pct(s.ambiguous, s.total)} %</td></tr>
              <tr><th scope="row">Adresses introuvables ou vides</th><td>{s.notFound + s.invalid}</td><td>{pct(s.notFound + s.invalid, s.total)} %</td></tr>
              <tr><th scope="row">En quartier prioritaire (QPV)</th><td>{s.inQpv}</td><td>{pct(s.inQpv, s.total)} %</td></tr>
              <tr><th scope="row">Commune classée en ZRR (totalement ou en partie)</th><td>{s.inZrr}</td><td>{pct(s.inZrr, s.total)} %</td></tr>
              <tr><th scope="row">Commune classée FRR (FRR, FRR+ ou en partie)</th><td>{s.inFrr}</td><td>{pct(s.inFrr, s.total)} %</td></tr>
            </tbody>
          </table></div>
          <ul class="fr-btns-group fr-btns-group--inline-md">
            <li><a class="fr-btn" href={`/territoire/fichier/${batch.id}/resultats.csv`} download>Télécharger les résultats (CSV)</a></li>
            <li><a class="fr-btn fr-btn--secondary" href={`/territoire/fichier/${batch.id}/resultats.xlsx`} download>Télécharger les résultats (XLSX)</a></li>
          </ul>
        </section>
      ) : null}
      <p><a href="/territoire/fichier">Vérifier un autre fichier</a></p>
    </Layout>
  );
}
