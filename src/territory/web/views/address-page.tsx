/** Public page "Mon adresse est-elle en quartier prioritaire ?" (works without JavaScript). */
import { Layout, type PageContext } from '../../../platform/views/layout.js';
import { ErrorSummary } from '../../../platform/views/ui.js';
import type { AddressAnswer } from '../lookup.js';
import type { QpvZone } from '../../territory.js';
import { QpvMap } from '../map-svg.js';

/** Props of the address page. */
export interface AddressPageProps {
  ctx: PageContext;
  q: string;
  date: string;
  answer: AddressAnswer | null;
  zone: QpvZone | null;
  error: { field: string; message: string } | null;
}

const fmtDate = (d: string) => d.split('-').reverse().join('/');

/** The address checker page. */
export function AddressPage({ ctx, q, date, answer, zone, error }: AddressPageProps) {
  const errors = error ? { [error.field === 'date' ? 'date' : 'q']: error.message } : undefined;
  return (
    <Layout ctx={ctx} title="Mon adresse est-elle en quartier prioritaire ?" hasErrors={!!error}>
      <h1>Mon adresse est-elle en quartier prioritaire ?</h1>
      <p class="fr-text--lead">Saisissez une adresse pour savoir si elle se situe dans un quartier prioritaire de la politique de la ville (QPV) et si sa commune est classée en zone de revitalisation rurale (ZRR) ou France Ruralités Revitalisation (FRR).</p>
      <ErrorSummary errors={errors} fieldOrder={['q', 'date']} />
      <form method="get" action="/territoire/adresse" class="fr-mb-6w" id="form-adresse">
        <div class={`fr-input-group${errors?.q ? ' fr-input-group--error' : ''}`}>
          <label class="fr-label" for="q">Adresse
            <span class="fr-hint-text" id="q-aide">Par exemple : 12 rue Myrha 75018 Paris. Le numéro et le code postal améliorent la précision.</span>
          </label>
          <input class={`fr-input${errors?.q ? ' fr-input--error' : ''}`} type="text" id="q" name="q" value={q} maxlength={200}
            autocomplete="street-address" list="suggestions-adresse" aria-describedby={`q-aide${errors?.q ? ' q-erreur' : ''}`} aria-invalid={errors?.q ? 'true' : undefined} />
          <datalist id="suggestions-adresse"></datalist>
          {errors?.q ? <p class="fr-error-text" id="q-erreur">{errors.q}</p> : null}
        </div>
        <div class={`fr-input-group${errors?.date ? ' fr-input-group--error' : ''}`}>
          <label class="fr-label" for="date">Date de référence (facultatif)
            <span class="fr-hint-text" id="date-aide">La géographie en vigueur à cette date est utilisée, par exemple la date de début d’une session. Par défaut : aujourd’hui.</span>
          </label>
          <input class={`fr-input${errors?.date ? ' fr-input--error' : ''}`} type="date" id="date" name="date" value={date}
            aria-describedby={`date-aide${errors?.date ? ' date-erreur' : ''}`} aria-invalid={errors?.date ? 'true' : undefined} />
          {errors?.date ? <p class="fr-error-text" id="date-erreur">{errors.date}</p> : null}
        </div>
        <button type="submit" class="fr-btn">Vérifier l’adresse</button>
      </form>
      {answer ? <Result answer={answer} zone={zone} date={date} /> : null}
      <p class="fr-mt-6w">Vous avez beaucoup d’adresses ? <a href="/territoire/fichier">Vérifiez un fichier d’adresses</a> (CSV ou XLSX, jusqu’à 100 000 lignes). Développeurs : <a href="/territoire/api">API ouverte</a>.</p>
      <script type="module" src="/static/territoire.js"></script>
    </Layout>
  );
}

function Result({ answer, zone, date }: { answer: AddressAnswer; zone: QpvZone | null; date: string }) {
  if (answer.status === 'not_found') {
    return (
      <div class="fr-alert fr-alert--warning" role="status">
        <h2 class="fr-alert__title">Adresse introuvable</h2>
        <p>Nous n’avons pas trouvé cette adresse. Vérifiez l’orthographe, ajoutez le code postal ou la commune, puis réessayez.</p>
      </div>
    );
  }
  if (answer.status === 'ambiguous') {
    return (
      <div class="fr-alert fr-alert--info" role="status">
        <h2 class="fr-alert__title">Plusieurs adresses correspondent</h2>
        <p>Choisissez la bonne adresse :</p>
        <ul>
          {answer.candidates.map((a) => (
            <li><a href={`/territoire/adresse?q=${encodeURIComponent(a.label)}${date ? `&date=${date}` : ''}`}>{a.label}</a></li>
          ))}
        </ul>
      </div>
    );
  }
  const a = answer.address!;
  const v = answer.versions;
  return (
    <section aria-labelledby="resultat-titre">
      <h2 id="resultat-titre">Résultat pour « {a.label} »</h2>
      <p>Adresse comprise : <strong>{a.label}</strong> (indice de confiance {Math.round(a.score * 100)} %).</p>
      {answer.qpv ? (
        <div class="fr-callout fr-callout--blue-ecume">
          <h3 class="fr-callout__title">Dans un quartier prioritaire</h3>
          <p class="fr-callout__text">Quartier <strong>{answer.qpv.name}</strong> (code {answer.qpv.code}), commune de {answer.qpv.commune}.</p>
        </div>
      ) : (
        <div class="fr-callout">
          <h3 class="fr-callout__title">Hors quartier prioritaire</h3>
          <p class="fr-callout__text">Cette adresse n’est dans aucun quartier prioritaire de la géographie {v.qpv ?? 'en vigueur'}.</p>
        </div>
      )}
      <h3>Zones rurales de la commune ({a.city}, code {a.citycode})</h3>
      <ul>
        <li>ZRR : {answer.zrr ? `${answer.zrr.label} (${answer.zrr.version})` : v.zrr ? 'commune absente de la liste' : 'aucune géographie ZRR en vigueur à cette date (remplacée par FRR le 1er juillet 2024)'}</li>
        <li>FRR : {answer.frr ? `${answer.frr.label} (${answer.frr.version})` : v.frr ? 'commune absente de la liste' : 'aucune géographie FRR en vigueur à cette date (FRR en vigueur depuis le 1er juillet 2024)'}</li>
      </ul>
      <QpvMap lon={a.lon} lat={a.lat} zone={zone} titleId="carte-titre"
        title={answer.qpv ? `Carte : le point de l’adresse est à l’intérieur du contour du quartier ${answer.qpv.name}.` : 'Carte : position de l’adresse, hors de tout quartier prioritaire.'} />
      <p class="fr-text--sm fr-mt-2w">Géographies utilisées : {[v.qpv, v.zrr, v.frr].filter(Boolean).join(', ') || 'aucune'}{date ? `, à la date du ${fmtDate(date)}` : ', à la date du jour'}. Coordonnées : {a.lat.toFixed(5)}, {a.lon.toFixed(5)}.</p>
    </section>
  );
}
