/** Changing the email address of one's account: the request, the mail sent, the confirmation. */
import type { PageContext } from '../../platform/views/layout.js';
import { ErrorSummary, Form, Input, Submit, type FormState } from '../../platform/views/ui.js';
import { AccountFrame } from './frame.js';

const DATE_TIME = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' });

/** Form to ask for a new address. */
export function ChangeEmailPage({ ctx, state, pending }: { ctx: PageContext; state?: FormState; pending?: { newEmail: string; createdAt: Date } | null }) {
  return (
    <AccountFrame ctx={ctx} title="Changer d’adresse électronique" hasErrors={!!state?.errors}>
      <p>Adresse actuelle : <strong>{ctx.actor?.email}</strong>. Un lien de confirmation sera envoyé à la nouvelle adresse ; votre adresse ne change qu’une fois ce lien utilisé, et l’ancienne adresse en est prévenue.</p>
      {pending ? (
        <div class="fr-alert fr-alert--info fr-mb-4w">
          <p>Un changement vers <strong>{pending.newEmail}</strong> attend sa confirmation (demandé le {DATE_TIME.format(pending.createdAt)}). Une nouvelle demande rend l’ancien lien inutilisable.</p>
        </div>
      ) : null}
      <ErrorSummary errors={state?.errors} fieldOrder={['newEmail', 'currentPassword']} />
      <Form action="/compte/adresse-electronique" csrf={ctx.csrfToken}>
        <input type="hidden" name="username" value={ctx.actor?.email ?? ''} autocomplete="username" />
        <Input name="newEmail" label="Nouvelle adresse électronique" hint="Format attendu : nom@domaine.fr" type="email" state={state} autocomplete="email" spellcheck={false} />
        <Input name="currentPassword" label="Mot de passe actuel" hint="Pour vérifier que c’est bien vous." type="password" state={state} autocomplete="current-password" />
        <ul class="fr-btns-group fr-btns-group--inline-md">
          <li><Submit label="Recevoir le lien de confirmation" /></li>
          <li><a class="fr-btn fr-btn--secondary" href="/compte">Annuler</a></li>
        </ul>
      </Form>
    </AccountFrame>
  );
}

/** The page behind the link: one button, so that a mail scanner opening the link changes nothing. */
export function ConfirmEmailChangePage({ ctx, token, newEmail }: { ctx: PageContext; token: string; newEmail: string }) {
  return (
    <AccountFrame ctx={ctx} title="Confirmer votre nouvelle adresse électronique">
      <p>Votre compte utilisera désormais l’adresse <strong>{newEmail}</strong> pour la connexion et les courriels de la plateforme.</p>
      <Form action={`/compte/adresse-electronique/confirmer/${encodeURIComponent(token)}`} csrf={ctx.csrfToken}>
        <Submit label="Confirmer ma nouvelle adresse" />
      </Form>
    </AccountFrame>
  );
}
