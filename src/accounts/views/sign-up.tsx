/** Sign-up, "check your inbox", email confirmation and resending the link. */
import type { PageContext } from '../../platform/views/layout.js';
import { ErrorSummary, Form, Input, Submit, type FormState } from '../../platform/views/ui.js';
import { AccountFrame, PASSWORD_HINT } from './frame.js';

/** The sign-up form. */
export function SignUpPage({ ctx, state }: { ctx: PageContext; state?: FormState }) {
  return (
    <AccountFrame ctx={ctx} title="Créer un compte" hasErrors={!!state?.errors}>
      <p>Ce compte vous permet de déposer et suivre les candidatures de votre organisme au label Grande École du Numérique.</p>
      <ErrorSummary errors={state?.errors} fieldOrder={['fullName', 'email', 'password', 'passwordConfirm']} />
      <Form action="/inscription" csrf={ctx.csrfToken}>
        <Input name="fullName" label="Prénom et nom" state={state} autocomplete="name" maxlength={120} />
        <Input name="email" label="Adresse électronique" hint="Format attendu : nom@domaine.fr" type="email" state={state} autocomplete="email" spellcheck={false} />
        <Input name="password" label="Mot de passe" hint={PASSWORD_HINT} type="password" state={state} autocomplete="new-password" />
        <Input name="passwordConfirm" label="Confirmation du mot de passe" type="password" state={state} autocomplete="new-password" />
        <Submit label="Créer mon compte" />
      </Form>
      <p class="fr-mt-4w">Vous avez déjà un compte ? <a href="/connexion">Se connecter</a></p>
    </AccountFrame>
  );
}

/** Same answer whether or not the address already had an account. */
export function CheckInboxPage({ ctx }: { ctx: PageContext }) {
  return (
    <AccountFrame ctx={ctx} title="Vérifiez votre boîte de réception">
      <p class="fr-text--lead">Si cette adresse peut recevoir un lien de confirmation, un courriel vient de lui être envoyé.</p>
      <p>Ouvrez-le et suivez le lien pour activer votre compte. Le lien est valable 24 heures.</p>
      <p>Rien reçu après quelques minutes ? Regardez dans les indésirables, puis <a href="/inscription/renvoyer">demandez un nouveau lien</a>.</p>
    </AccountFrame>
  );
}

/** A valid confirmation link: one button, so that mail scanners following links confirm nothing. */
export function ConfirmEmailPage({ ctx, token }: { ctx: PageContext; token: string }) {
  return (
    <AccountFrame ctx={ctx} title="Confirmer votre adresse électronique">
      <p>Pour terminer la création de votre compte, confirmez votre adresse électronique.</p>
      <Form action={`/inscription/confirmer/${encodeURIComponent(token)}`} csrf={ctx.csrfToken}>
        <Submit label="Confirmer mon adresse" />
      </Form>
    </AccountFrame>
  );
}

/** A link that cannot be used, with a way to get a new one. */
export function LinkProblemPage({ ctx, message, again }: { ctx: PageContext; message: string; again: { href: string; label: string } }) {
  return (
    <AccountFrame ctx={ctx} title="Lien inutilisable">
      <div class="fr-alert fr-alert--error fr-mb-4w">
        <p>{message}</p>
      </div>
      <p><a class="fr-btn" href={again.href}>{again.label}</a></p>
    </AccountFrame>
  );
}

/** Asking for a new confirmation link. */
export function ResendConfirmationPage({ ctx, state }: { ctx: PageContext; state?: FormState }) {
  return (
    <AccountFrame ctx={ctx} title="Recevoir un nouveau lien de confirmation" hasErrors={!!state?.errors}>
      <ErrorSummary errors={state?.errors} />
      <Form action="/inscription/renvoyer" csrf={ctx.csrfToken}>
        <Input name="email" label="Adresse électronique du compte" hint="Format attendu : nom@domaine.fr" type="email" state={state} autocomplete="email" spellcheck={false} />
        <Submit label="Envoyer un nouveau lien" />
      </Form>
    </AccountFrame>
  );
}
