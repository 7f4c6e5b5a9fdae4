/** Login: password step, code step, and the "too many attempts" page. */
import type { PageContext } from '../../platform/views/layout.js';
import { ErrorSummary, Form, Input, Submit, type FormState } from '../../platform/views/ui.js';
import { AccountFrame } from './frame.js';

/** The same message for an unknown address and a wrong password. */
export const LOGIN_FAILED = 'Adresse électronique ou mot de passe incorrect.';

function withReturn(path: string, retour: string | null): string {
  return retour && retour !== '/' ? `${path}?retour=${encodeURIComponent(retour)}` : path;
}

/** The login form; `unconfirmed` explains that the address still needs its confirmation. */
export function LoginPage({ ctx, state, retour, unconfirmed }: { ctx: PageContext; state?: FormState; retour: string | null; unconfirmed?: boolean }) {
  return (
    <AccountFrame ctx={ctx} title="Se connecter" hasErrors={!!state?.errors || unconfirmed}>
      {unconfirmed ? (
        <div class="fr-alert fr-alert--warning fr-mb-4w" id="resume-erreurs" tabindex={-1} role="alert">
          <h2 class="fr-alert__title">Adresse électronique non confirmée</h2>
          <p>Votre compte n’est pas encore activé : ouvrez le lien de confirmation reçu par courriel.
            {' '}<a href="/inscription/renvoyer">Recevoir un nouveau lien de confirmation</a></p>
        </div>
      ) : null}
      <ErrorSummary errors={state?.errors} fieldOrder={['email', 'password']} />
      <Form action={withReturn('/connexion', retour)} csrf={ctx.csrfToken}>
        <Input name="email" label="Adresse électronique" hint="Format attendu : nom@domaine.fr" type="email" state={state} autocomplete="username" spellcheck={false} />
        <Input name="password" label="Mot de passe" type="password" state={state} autocomplete="current-password" />
        <p><a href="/mot-de-passe-oublie">Mot de passe oublié ?</a></p>
        <Submit label="Se connecter" />
      </Form>
      <h2 class="fr-h4 fr-mt-6w">Vous n’avez pas de compte ?</h2>
      <p><a class="fr-btn fr-btn--secondary" href="/inscription">Créer un compte</a></p>
    </AccountFrame>
  );
}

/** The second step: a code from the authenticator app or a recovery code. */
export function CodePage({ ctx, state, retour }: { ctx: PageContext; state?: FormState; retour: string | null }) {
  return (
    <AccountFrame ctx={ctx} title="Vérification en deux étapes" hasErrors={!!state?.errors}>
      <p>Votre compte est protégé par une double authentification.</p>
      <ErrorSummary errors={state?.errors} />
      <Form action={withReturn('/connexion/code', retour)} csrf={ctx.csrfToken}>
        <Input name="code" label="Code de vérification"
          hint="Le code à 6 chiffres affiché par votre application d’authentification, ou l’un de vos codes de secours (par exemple ABCDE-FGHIJ)."
          state={state} autocomplete="one-time-code" spellcheck={false} maxlength={40} />
        <Submit label="Valider" />
      </Form>
      <p class="fr-mt-4w">Vous n’avez plus accès à votre application ni à vos codes de secours ? Contactez l’équipe de la GEN par la <a href="/contact">page de contact</a>.</p>
    </AccountFrame>
  );
}

/** Attempts are paused; says nothing about whether the account exists. */
export function TooManyAttemptsPage({ ctx, minutes }: { ctx: PageContext; minutes: number }) {
  return (
    <AccountFrame ctx={ctx} title="Trop de tentatives de connexion">
      <p class="fr-text--lead">Pour protéger les comptes, les tentatives de connexion sont temporairement suspendues.</p>
      <p>Patientez {minutes} minutes avant de réessayer.</p>
      <p>Si vous avez oublié votre mot de passe, vous pouvez <a href="/mot-de-passe-oublie">le réinitialiser</a>.</p>
    </AccountFrame>
  );
}
