/**
 * The page an assigned reviewer sees instead of an application's content until they declare: the
 * organisation, its SIRET and the partners named, then "aucun lien d’intérêt" or a conflict.
 */
import { Layout, type PageContext } from '../../platform/views/layout.js';
import { ErrorSummary, Form, Radios, type FormState } from '../../platform/views/ui.js';
import type { DeclarationSubject } from '../declaration.js';
import { WORKSPACE, reviewPath } from './parts.js';

/** Label of the no-conflict choice, as the reviewer signs it. */
export const NO_CONFLICT_LABEL = 'Je déclare n’avoir aucun lien d’intérêt avec cet organisme ni ses partenaires';
/** Label of the conflict choice. */
export const CONFLICT_LABEL = 'Je déclare un conflit d’intérêts';

/** Props of the page. */
export interface DeclarationPageProps { ctx: PageContext; d: DeclarationSubject; state?: FormState; message?: string }

/** The page. */
export function DeclarationPage({ ctx, d, state, message }: DeclarationPageProps) {
  const errors = { ...(state?.errors ?? {}), ...(message ? { _form: message } : {}) };
  const reasonError = state?.errors?.reason;
  const reasonValue = typeof state?.values?.reason === 'string' ? state.values.reason : '';
  return (
    <Layout ctx={ctx} title={`Déclaration d’intérêts – ${d.application.trainingTitle}`} hasErrors={Object.keys(errors).length > 0}
      breadcrumb={[{ label: 'Espace GEN', href: '/gestion' }, { label: 'Candidatures', href: WORKSPACE }]}>
      <ErrorSummary errors={errors} fieldOrder={['choice', 'reason']} />
      <h1>Déclaration d’intérêts</h1>
      <p class="fr-text--lead">
        Vous êtes affecté à l’instruction de la candidature « {d.application.trainingTitle} »{d.application.receiptNumber ? ` (récépissé ${d.application.receiptNumber})` : ''}.
        Avant d’en consulter le contenu, déclarez vos liens d’intérêt avec l’organisme et ses partenaires.
      </p>
      <p>Tant que vous n’avez pas fait cette déclaration, le dossier, ses pièces, sa version PDF et la grille de notation ne vous sont pas présentés.</p>
      <h2>Organisme candidat</h2>
      <dl class="lg-details">
        <dt>Organisme</dt><dd>{d.organisation.name}</dd>
        <dt>SIRET</dt><dd>{d.organisation.siret}</dd>
      </dl>
      <h2>Partenaires nommés dans la candidature</h2>
      {d.partners.length === 0 ? <p>La candidature ne nomme aucun partenaire.</p> : (
        <ul>{d.partners.map((p) => <li>{p.name}{p.type ? ` (${p.type})` : ''}</li>)}</ul>
      )}
      <h2>Votre déclaration</h2>
      <Form action={`${reviewPath(d.application.id)}/declaration`} csrf={ctx.csrfToken}>
        <Radios name="choice" label="Choisissez votre déclaration" state={state} options={[
          { value: 'none', label: NO_CONFLICT_LABEL, hint: 'Ni emploi, ni mandat, ni parenté, ni partenariat, ni intérêt financier. Vous accédez ensuite au dossier.' },
          { value: 'conflict', label: CONFLICT_LABEL, hint: 'Les candidatures de cet organisme vous seront masquées et vous serez retiré de leur instruction.' },
        ]} />
        <div class={`fr-input-group${reasonError ? ' fr-input-group--error' : ''}`}>
          <label class="fr-label" for="reason">
            Nature du lien avec l’organisme ou ses partenaires
            <span class="fr-hint-text" id="reason-aide">À renseigner seulement si vous déclarez un conflit d’intérêts (500 caractères au plus).</span>
          </label>
          <textarea class={`fr-input${reasonError ? ' fr-input--error' : ''}`} id="reason" name="reason" rows={3} maxlength={500}
            aria-describedby={`reason-aide${reasonError ? ' reason-erreur' : ''}`} aria-invalid={reasonError ? 'true' : undefined}>{reasonValue}</textarea>
          {reasonError ? <p id="reason-erreur" class="fr-error-text">{reasonError}</p> : null}
        </div>
        <button type="submit" class="fr-btn">Enregistrer ma déclaration</button>
      </Form>
    </Layout>
  );
}
