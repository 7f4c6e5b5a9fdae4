/** The organisation form (create and edit): identity, Qualiopi with its dates, address, contact. */
import { Layout, type PageContext } from '../../platform/views/layout.js';
import { ErrorSummary, Input, Form, Submit, type FormState } from '../../platform/views/ui.js';
import { QUALIOPI_STATUSES, parseDay } from '../organisation.js';
import { ORGANISATION_FIELDS } from '../organisation.form.js';
import { formatSiret } from './format.js';

/** Props of the organisation form page; `siret` is set when editing (it cannot change). */
export interface OrganisationFormProps {
  ctx: PageContext;
  state?: FormState;
  edit?: { orgId: string; name: string; siret: string };
}

/** Page creating (`/organisations/nouvelle`) or editing (`/organisations/:orgId/modifier`) an organisation. */
export function OrganisationFormPage({ ctx, state, edit }: OrganisationFormProps) {
  const title = edit ? `Modifier l’organisme « ${edit.name} »` : 'Créer un organisme';
  const crumbs = edit
    ? [{ label: 'Mes organismes', href: '/organisations' }, { label: edit.name, href: `/organisations/${edit.orgId}` }]
    : [{ label: 'Mes organismes', href: '/organisations' }];
  const hasErrors = Object.keys(state?.errors ?? {}).length > 0;
  return (
    <Layout ctx={ctx} title={title} hasErrors={hasErrors} breadcrumb={crumbs}>
      <div class="fr-grid-row"><div class="fr-col-12 fr-col-md-8">
        <h1>{title}</h1>
        <ErrorSummary errors={state?.errors} fieldOrder={[...ORGANISATION_FIELDS]} />
        {edit ? null : <p>La personne qui crée l’organisme en devient administratrice : elle pourra ensuite inviter ses collègues.</p>}
        <p class="fr-hint-text">Tous les champs sont obligatoires sauf mention contraire.</p>
        <Form action={edit ? `/organisations/${edit.orgId}/modifier` : '/organisations/nouvelle'} csrf={ctx.csrfToken}>
          <fieldset class="fr-fieldset"><legend class="fr-fieldset__legend">Identité de l’organisme</legend>
            <div class="fr-fieldset__element"><Input name="name" label="Raison sociale" state={state} autocomplete="organization" maxlength={200} /></div>
            <div class="fr-fieldset__element">
              {edit
                ? <p>SIRET : <strong>{formatSiret(edit.siret)}</strong><br /><span class="fr-hint-text">Le SIRET ne peut pas être modifié. En cas d’erreur, contactez l’équipe de la GEN.</span></p>
                : <Input name="siret" label="Numéro SIRET" hint="14 chiffres, espaces acceptés, par exemple 792 676 405 00045." state={state} autocomplete="off" inputmode="numeric" spellcheck={false} maxlength={20} />}
            </div>
            <div class="fr-fieldset__element"><Input name="nda" label="Numéro de déclaration d’activité (NDA)" hint="11 caractères, figurant sur le récépissé de la préfecture, par exemple 11 75 54580 75." state={state} autocomplete="off" spellcheck={false} maxlength={20} /></div>
          </fieldset>
          <QualiopiFieldset state={state} />
          <fieldset class="fr-fieldset"><legend class="fr-fieldset__legend">Adresse du siège</legend>
            <div class="fr-fieldset__element"><Input name="addressLine" label="Numéro et voie" state={state} autocomplete="address-line1" maxlength={200} /></div>
            <div class="fr-fieldset__element"><Input name="postcode" label="Code postal" hint="5 chiffres." state={state} autocomplete="postal-code" inputmode="numeric" maxlength={5} /></div>
            <div class="fr-fieldset__element"><Input name="city" label="Commune" state={state} autocomplete="address-level2" maxlength={100} /></div>
          </fieldset>
          <fieldset class="fr-fieldset"><legend class="fr-fieldset__legend">Personne à contacter</legend>
            <div class="fr-fieldset__element"><Input name="contactName" label="Prénom et nom" state={state} autocomplete="name" maxlength={120} /></div>
            <div class="fr-fieldset__element"><Input name="contactEmail" type="email" label="Adresse électronique" hint="Format attendu : nom@domaine.fr" state={state} autocomplete="email" spellcheck={false} /></div>
            <div class="fr-fieldset__element"><Input name="contactPhone" type="tel" label="Téléphone" hint="Par exemple 01 22 33 44 55." state={state} autocomplete="tel" /></div>
          </fieldset>
          <ul class="fr-btns-group fr-btns-group--inline-md">
            <li><Submit label={edit ? 'Enregistrer les modifications' : 'Créer l’organisme'} /></li>
            <li><a class="fr-btn fr-btn--secondary" href={edit ? `/organisations/${edit.orgId}` : '/organisations'}>Annuler</a></li>
          </ul>
        </Form>
      </div></div>
    </Layout>
  );
}

function value(state: FormState | undefined, name: string): string {
  const v = state?.values?.[name];
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
}

/** Qualiopi status radios, each followed by the date it requires (all shown: the page works without JS). */
function QualiopiFieldset({ state }: { state?: FormState }) {
  const error = state?.errors?.qualiopiStatus;
  const current = value(state, 'qualiopiStatus');
  const dates: Record<string, { name: string; label: string }> = {
    certified: { name: 'qualiopiValidUntil', label: 'Date de fin de validité du certificat Qualiopi' },
    audit_scheduled: { name: 'qualiopiAuditDate', label: 'Date de l’audit initial programmé' },
  };
  return (
    <fieldset class={`fr-fieldset${error ? ' fr-fieldset--error' : ''}`} id="qualiopiStatus" role="group"
      aria-labelledby={`qualiopiStatus-legende${error ? ' qualiopiStatus-erreur' : ''}`}>
      <legend class="fr-fieldset__legend" id="qualiopiStatus-legende">
        Certification Qualiopi
        <span class="fr-hint-text">Choisissez la situation de l’organisme, puis indiquez la date demandée sous votre choix.</span>
      </legend>
      {QUALIOPI_STATUSES.map((o, i) => {
        const date = dates[o.value];
        return (
          <div class="fr-fieldset__element">
            <div class="fr-radio-group">
              <input type="radio" id={`qualiopiStatus-${i}`} name="qualiopiStatus" value={o.value} checked={current === o.value} />
              <label class="fr-label" for={`qualiopiStatus-${i}`}>{o.label}{o.hint ? <span class="fr-hint-text">{o.hint}</span> : null}</label>
            </div>
            {date ? <ConditionalDate name={date.name} label={date.label} state={state} /> : null}
          </div>
        );
      })}
      {error ? <div class="fr-messages-group" aria-live="assertive"><p class="fr-message fr-message--error" id="qualiopiStatus-erreur">{error}</p></div> : null}
    </fieldset>
  );
}

/** A date needed only for one status: no "required" attribute, the hint says when it is needed. */
function ConditionalDate({ name, label, state }: { name: string; label: string; state?: FormState }) {
  const error = state?.errors?.[name];
  const raw = value(state, name);
  return (
    <div class={`fr-input-group lg-conditional${error ? ' fr-input-group--error' : ''}`}>
      <label class="fr-label" for={name}>{label}<span class="fr-hint-text" id={`${name}-aide`}>Seulement pour ce choix. Format JJ/MM/AAAA.</span></label>
      <input class={`fr-input${error ? ' fr-input--error' : ''}`} type="date" id={name} name={name} value={parseDay(raw) ?? raw}
        aria-describedby={`${name}-aide${error ? ` ${name}-erreur` : ''}`} aria-invalid={error ? 'true' : undefined} />
      {error ? <p id={`${name}-erreur`} class="fr-error-text">{error}</p> : null}
    </div>
  );
}
