/** The public label check: a form taking a label number, and the answer page (also reached by the QR code). */
import { Layout, type PageContext } from '../../platform/views/layout.js';
import { ErrorSummary } from '../../platform/views/ui.js';
import type { LabelVerdict } from '../label-check.js';
import { trainingPath } from './format.js';

/** The form. */
export function CheckFormPage({ ctx, value, error }: { ctx: PageContext; value: string; error?: string }) {
  const errors = error ? { numero: error } : undefined;
  return (
    <Layout ctx={ctx} title="Vérifier un label" hasErrors={!!error}>
      <h1>Vérifier un label Grande École du Numérique</h1>
      <p class="fr-text--lead">Saisissez le numéro du label, inscrit sur la convention et sur la page de la formation, pour savoir s’il est valide aujourd’hui.</p>
      <ErrorSummary errors={errors} fieldOrder={['numero']} />
      <form method="get" action="/labels/verifier">
        <div class={`fr-input-group${error ? ' fr-input-group--error' : ''}`}>
          <label class="fr-label" for="numero">Numéro du label<span class="fr-hint-text" id="numero-aide">Par exemple : GEN-2021-0007.</span></label>
          <input class={`fr-input${error ? ' fr-input--error' : ''}`} type="text" id="numero" name="numero" value={value} maxlength={30} spellcheck={false}
            aria-describedby={`numero-aide${error ? ' numero-erreur' : ''}`} aria-invalid={error ? 'true' : undefined} />
          {error ? <p class="fr-error-text" id="numero-erreur">{error}</p> : null}
        </div>
        <button type="submit" class="fr-btn">Vérifier</button>
      </form>
    </Layout>
  );
}

/** The answer. */
export function CheckResultPage({ ctx, number, label, verdict, inCatalogue }: {
  ctx: PageContext; number: string; label: { title: string; organisationName: string } | null; verdict: LabelVerdict | null; inCatalogue: boolean;
}) {
  return (
    <Layout ctx={ctx} title={`Vérification du label ${number}`} breadcrumb={[{ label: 'Vérifier un label', href: '/labels/verifier' }]}>
      <h1>Vérification du label {number}</h1>
      {!label || !verdict ? (
        <div class="fr-alert fr-alert--error fr-mb-4w">
          <h2 class="fr-alert__title">Label inconnu</h2>
          <p>Aucun label Grande École du Numérique ne porte le numéro {number}. Vérifiez le numéro saisi.</p>
        </div>
      ) : (
        <div class={`fr-alert ${verdict.valid ? 'fr-alert--success' : 'fr-alert--warning'} fr-mb-4w`}>
          <h2 class="fr-alert__title">{verdict.title}</h2>
          <p>{verdict.reason}</p>
        </div>
      )}
      {label ? (
        <dl class="lg-catalogue-facts fr-mb-4w">
          <dt>Formation</dt><dd>{inCatalogue ? <a href={trainingPath(number)}>{label.title}</a> : label.title}</dd>
          <dt>Organisme</dt><dd>{label.organisationName}</dd>
        </dl>
      ) : null}
      <p><a href="/labels/verifier">Vérifier un autre label</a> · <a href="/formations">Trouver une formation labellisée</a></p>
    </Layout>
  );
}
