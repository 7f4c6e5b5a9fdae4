/** Forgotten password, reset form and password change. */
import type { PageContext } from '../../platform/views/layout.js';
import { ErrorSummary, Form, Input, Submit, type FormState } from '../../platform/views/ui.js';
import { AccountFrame, PASSWORD_HINT } from './frame.js';

/** Asking for a reset link. */
export function ForgotPasswordPage({ ctx, state }: { ctx: PageContext; state?: FormState }) {
  return (
    <AccountFrame ctx={ctx} title="Mot de passe oublié" hasErrors={!!state?.errors}>
      <p>Saisissez l’adresse électronique de votre compte : vous recevrez un lien pour choisir un nouveau mot de passe.</p>
      <ErrorSummary errors={state?.errors} />
      <Form action="/mot-de-passe-oublie" csrf={ctx.csrfToken}>
        <Input name="email" label="Adresse électronique" hint="Format attendu : nom@domaine.fr" type="email" state={state} autocomplete="email" spellcheck={false} />
        <Submit label="Recevoir un lien" />
      </Form>
    </AccountFrame>
  );
}

/** Same answer whether or not an account exists. */
export function ResetSentPage({ ctx }: { ctx: PageContext }) {
  return (
    <AccountFrame ctx={ctx} title="Vérifiez votre boîte de réception">
      <p class="fr-text--lead">Si un compte existe à cette adresse, un courriel contenant un lien de réinitialisation vient de lui être envoyé.</p>
      <p>Le lien est valable 1 heure et ne fonctionne qu’une fois. Rien reçu ? Regardez dans les indésirables, puis <a href="/mot-de-passe-oublie">refaites la demande</a>.</p>
    </AccountFrame>
  );
}

/** Choosing a new password through a reset link. */
export function ResetPasswordPage({ ctx, token, email, state }: { ctx: PageContext; token: string; email: string; state?: FormState }) {
  return (
    <AccountFrame ctx={ctx} title="Choisir un nouveau mot de passe" hasErrors={!!state?.errors}>
      <p>Compte : <strong>{email}</strong>. Une fois le mot de passe changé, toutes vos connexions en cours seront fermées.</p>
      <ErrorSummary errors={state?.errors} fieldOrder={['password', 'passwordConfirm']} />
      <Form action={`/mot-de-passe/reinitialiser/${encodeURIComponent(token)}`} csrf={ctx.csrfToken}>
        <input type="hidden" name="username" value={email} autocomplete="username" />
        <Input name="password" label="Nouveau mot de passe" hint={PASSWORD_HINT} type="password" state={state} autocomplete="new-password" />
        <Input name="passwordConfirm" label="Confirmation du nouveau mot de passe" type="password" state={state} autocomplete="new-password" />
        <Submit label="Enregistrer le mot de passe" />
      </Form>
    </AccountFrame>
  );
}

/** Changing the password from the account. */
export function ChangePasswordPage({ ctx, state }: { ctx: PageContext; state?: FormState }) {
  return (
    <AccountFrame ctx={ctx} title="Changer de mot de passe" hasErrors={!!state?.errors}>
      <p>Vos autres connexions en cours (autres navigateurs, autres appareils) seront fermées.</p>
      <ErrorSummary errors={state?.errors} fieldOrder={['currentPassword', 'password', 'passwordConfirm']} />
      <Form action="/compte/mot-de-passe" csrf={ctx.csrfToken}>
        <input type="hidden" name="username" value={ctx.actor?.email ?? ''} autocomplete="username" />
        <Input name="currentPassword" label="Mot de passe actuel" type="password" state={state} autocomplete="current-password" />
        <Input name="password" label="Nouveau mot de passe" hint={PASSWORD_HINT} type="password" state={state} autocomplete="new-password" />
        <Input name="passwordConfirm" label="Confirmation du nouveau mot de passe" type="password" state={state} autocomplete="new-password" />
        <ul class="fr-btns-group fr-btns-group--inline-md">
          <li><Submit label="Changer le mot de passe" /></li>
          <li><a class="fr-btn fr-btn--secondary" href="/compte">Annuler</a></li>
        </ul>
      </Form>
    </AccountFrame>
  );
}
