/** The page behind an invitation link: accept it, or learn why it cannot be used from here. */
import { Layout, type PageContext } from '../../platform/views/layout.js';
import { Form, Submit } from '../../platform/views/ui.js';
import { ROLE_LABELS, type MemberRole } from '../organisation.js';
import { formatDate } from './format.js';

/** What the visitor can do with the invitation. */
export type InvitationView =
  | { kind: 'closed'; message: string }
  | { kind: 'signedOut'; organisationName: string; role: MemberRole; email: string; returnTo: string }
  | { kind: 'otherAccount'; organisationName: string; accountEmail: string }
  | { kind: 'acceptable'; organisationName: string; role: MemberRole; expiresAt: Date; action: string };

/** Page `/invitations/:token`. */
export function InvitationPage({ ctx, view, error }: { ctx: PageContext; view: InvitationView; error?: string }) {
  const title = view.kind === 'closed' ? 'Invitation impossible à utiliser' : `Invitation à rejoindre « ${view.organisationName} »`;
  return (
    <Layout ctx={ctx} title={title} hasErrors={!!error}>
      <div class="fr-grid-row"><div class="fr-col-12 fr-col-md-8">
        {error ? <div class="fr-alert fr-alert--error fr-mb-4w" id="resume-erreurs" tabindex={-1} role="alert"><p>{error}</p></div> : null}
        <h1>{title}</h1>
        <Body ctx={ctx} view={view} />
      </div></div>
    </Layout>
  );
}

function Body({ ctx, view }: { ctx: PageContext; view: InvitationView }) {
  switch (view.kind) {
    case 'closed':
      return <><p>{view.message}</p><p><a href="/">Retour à l’accueil</a></p></>;
    case 'signedOut':
      return (
        <>
          <p>Vous êtes invité à rejoindre l’organisme « {view.organisationName} » en tant que {ROLE_LABELS[view.role].toLowerCase()}.
            L’invitation a été envoyée à l’adresse <strong>{view.email}</strong>.</p>
          <p>Pour l’accepter, connectez-vous avec le compte de cette adresse. Si vous n’avez pas encore de compte, créez-le avec cette adresse, puis ouvrez à nouveau le lien reçu.</p>
          <ul class="fr-btns-group fr-btns-group--inline-md">
            <li><a class="fr-btn" href={`/connexion?retour=${encodeURIComponent(view.returnTo)}`}>Se connecter</a></li>
            <li><a class="fr-btn fr-btn--secondary" href={`/inscription?retour=${encodeURIComponent(view.returnTo)}`}>Créer un compte</a></li>
          </ul>
        </>
      );
    case 'otherAccount':
      return (
        <>
          <p>Vous êtes connecté avec l’adresse <strong>{view.accountEmail}</strong>, mais cette invitation a été envoyée à une autre adresse.</p>
          <p>Déconnectez-vous, puis connectez-vous avec le compte de l’adresse invitée. Si vous pensez qu’il s’agit d’une erreur, demandez à l’administrateur de l’organisme de vous inviter avec l’adresse de votre compte.</p>
        </>
      );
    case 'acceptable':
      return (
        <>
          <p>Vous êtes invité à rejoindre l’organisme « {view.organisationName} » en tant que {ROLE_LABELS[view.role].toLowerCase()}.
            Cette invitation est valable jusqu’au {formatDate(view.expiresAt)}.</p>
          <Form action={view.action} csrf={ctx.csrfToken}>
            <Submit label="Accepter l’invitation" />
          </Form>
        </>
      );
  }
}
