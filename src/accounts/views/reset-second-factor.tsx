/** Admin page to reset the second factor of an account whose device was lost. */
import { Layout, type PageContext } from '../../platform/views/layout.js';
import { ErrorSummary, Form, Submit, Textarea, type FormState } from '../../platform/views/ui.js';

/** What the page shows about the account. */
export interface ResetSecondFactorView {
  id: string;
  fullName: string;
  email: string;
  totpEnabledAt: Date | null;
  enrolmentPending: boolean;
  recoveryCodesLeft: number;
  isSelf: boolean;
}

const DATE = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' });

/** Page /gestion/utilisateurs/:userId/double-authentification. */
export function ResetSecondFactorPage({ ctx, user, state }: { ctx: PageContext; user: ResetSecondFactorView; state?: FormState }) {
  const back = `/gestion/utilisateurs/${user.id}`;
  const title = `Réinitialiser la double authentification de ${user.fullName}`;
  const active = !!user.totpEnabledAt || user.enrolmentPending;
  return (
    <Layout ctx={ctx} title={title} hasErrors={!!state?.errors} breadcrumb={[
      { label: 'Espace GEN', href: '/gestion' }, { label: 'Utilisateurs et rôles', href: '/gestion/utilisateurs' }, { label: `Compte de ${user.fullName}`, href: back },
    ]}>
      <h1>{title}</h1>
      <ErrorSummary errors={state?.errors} fieldOrder={['motivation']} />
      <div class="fr-table">
        <table>
          <caption>Second facteur du compte</caption>
          <tbody>
            <tr><th scope="row">Adresse électronique</th><td>{user.email}</td></tr>
            <tr><th scope="row">Double authentification</th><td>{user.totpEnabledAt
              ? `Activée le ${DATE.format(user.totpEnabledAt)}`
              : user.enrolmentPending ? 'Activation commencée, pas terminée' : 'Non activée'}</td></tr>
            <tr><th scope="row">Codes de secours restants</th><td>{user.recoveryCodesLeft}</td></tr>
          </tbody>
        </table>
      </div>
      {user.isSelf ? (
        <div class="fr-alert fr-alert--info fr-mb-4w">
          <p>Vous ne pouvez pas réinitialiser votre propre double authentification : demandez-le à un autre administrateur.</p>
        </div>
      ) : !active ? (
        <div class="fr-alert fr-alert--info fr-mb-4w">
          <p>Ce compte n’a pas de double authentification à réinitialiser.</p>
        </div>
      ) : (
        <>
          <p>À faire seulement quand la personne a perdu l’appareil qui donne ses codes et n’a plus de code de secours, après avoir vérifié son identité par un autre moyen que le courriel (appel à un numéro connu, rencontre).</p>
          <ul>
            <li>sa clé et ses codes de secours sont effacés ;</li>
            <li>toutes ses sessions ouvertes sont fermées immédiatement ;</li>
            <li>à sa prochaine connexion, elle devra activer de nouveau la double authentification (obligatoire pour l’équipe GEN) ;</li>
            <li>elle est prévenue par courriel, et la réinitialisation est inscrite au journal d’audit avec votre motivation.</li>
          </ul>
          <Form action={`${back}/double-authentification`} csrf={ctx.csrfToken}>
            <Textarea name="motivation" label="Motivation de la réinitialisation" hint="Par exemple : téléphone perdu, identité vérifiée par appel au numéro de l’annuaire le 23/11." state={state} maxlength={1000} rows={3} />
            <ul class="fr-btns-group fr-btns-group--inline-md">
              <li><Submit label="Réinitialiser la double authentification" /></li>
              <li><a class="fr-btn fr-btn--secondary" href={back}>Annuler</a></li>
            </ul>
          </Form>
        </>
      )}
    </Layout>
  );
}
