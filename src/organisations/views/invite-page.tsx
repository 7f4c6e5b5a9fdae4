/** The form inviting someone into an organisation. */
import { Layout, type PageContext } from '../../platform/views/layout.js';
import { ErrorSummary, Input, Radios, Form, Submit, type FormState } from '../../platform/views/ui.js';
import { INVITATION_TTL_DAYS } from '../organisation.js';

/** Page `/organisations/:orgId/inviter`. */
export function InvitePage({ ctx, org, state }: { ctx: PageContext; org: { id: string; name: string }; state?: FormState }) {
  const title = 'Inviter une personne';
  const hasErrors = Object.keys(state?.errors ?? {}).length > 0;
  return (
    <Layout ctx={ctx} title={title} hasErrors={hasErrors} breadcrumb={[{ label: 'Mes organismes', href: '/organisations' }, { label: org.name, href: `/organisations/${org.id}` }]}>
      <div class="fr-grid-row"><div class="fr-col-12 fr-col-md-8">
        <h1>{title}</h1>
        <ErrorSummary errors={state?.errors} fieldOrder={['email', 'role']} />
        <p>La personne recevra un message avec un lien valable {INVITATION_TTL_DAYS} jours pour rejoindre l’organisme « {org.name} ».
          Si elle n’a pas encore de compte, elle pourra le créer avec cette adresse. Inviter à nouveau une adresse déjà invitée remplace le lien précédent.</p>
        <Form action={`/organisations/${org.id}/inviter`} csrf={ctx.csrfToken}>
          <Input name="email" type="email" label="Adresse électronique de la personne" hint="Format attendu : nom@domaine.fr" state={state} autocomplete="off" spellcheck={false} />
          <Radios name="role" label="Rôle dans l’organisme" state={state} options={[
            { value: 'member', label: 'Membre', hint: 'Peut voir l’organisme et préparer les candidatures.' },
            { value: 'admin', label: 'Administrateur', hint: 'Peut aussi modifier l’organisme et gérer ses membres.' },
          ]} />
          <ul class="fr-btns-group fr-btns-group--inline-md">
            <li><Submit label="Envoyer l’invitation" /></li>
            <li><a class="fr-btn fr-btn--secondary" href={`/organisations/${org.id}`}>Annuler</a></li>
          </ul>
        </Form>
      </div></div>
    </Layout>
  );
}
