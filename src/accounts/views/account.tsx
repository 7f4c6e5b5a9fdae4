/** The account page: identity, password, second factor, organisations and staff roles. */
import type { PageContext } from '../../platform/views/layout.js';
import type { Actor } from '../../platform/http/context.js';
import { STAFF_ROLE_LABELS } from '../../platform/auth/roles.js';
import { Form, Submit } from '../../platform/views/ui.js';
import { AccountFrame } from './frame.js';

/** What the account page shows beyond the actor, and what the person may do. */
export interface AccountView {
  totpEnabledAt: Date | null;
  recoveryCodesLeft: number;
  /** A change of address waiting for its link. */
  pendingEmail: string | null;
  can: { enrolTotp: boolean; regenerateRecoveryCodes: boolean };
}

const DATE = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' });

/** The account page of the signed-in person. */
export function AccountPage({ ctx, actor, view }: { ctx: PageContext; actor: Actor; view: AccountView }) {
  return (
    <AccountFrame ctx={ctx} title="Mon compte" wide>
      <h2>Identité</h2>
      <dl>
        <dt class="fr-text--bold">Prénom et nom</dt><dd>{actor.fullName}</dd>
        <dt class="fr-text--bold">Adresse électronique</dt><dd>{actor.email}</dd>
      </dl>
      {view.pendingEmail ? (
        <p>Changement vers <strong>{view.pendingEmail}</strong> en attente : utilisez le lien envoyé à cette adresse.</p>
      ) : null}
      <p><a class="fr-btn fr-btn--secondary" href="/compte/adresse-electronique">Changer d’adresse électronique</a></p>

      <h2 class="fr-mt-6w">Mot de passe</h2>
      <p><a class="fr-btn fr-btn--secondary" href="/compte/mot-de-passe">Changer de mot de passe</a></p>

      <h2 class="fr-mt-6w">Double authentification</h2>
      {view.totpEnabledAt ? (
        <>
          <p>
            <span class="fr-badge fr-badge--success">Activée</span>{' '}
            depuis le {DATE.format(view.totpEnabledAt)}. Il vous reste {view.recoveryCodesLeft} code{view.recoveryCodesLeft > 1 ? 's' : ''} de secours.
          </p>
          {view.can.regenerateRecoveryCodes ? (
            <Form action="/compte/codes-de-secours" csrf={ctx.csrfToken}>
              <p>Générer de nouveaux codes rend les anciens inutilisables.</p>
              <Submit label="Générer de nouveaux codes de secours" secondary />
            </Form>
          ) : null}
        </>
      ) : (
        <>
          <p><span class="fr-badge fr-badge--warning">Non activée</span></p>
          <p>{actor.staffRoles.length > 0
            ? 'Votre rôle à la GEN impose une double authentification avant d’accéder à l’espace GEN.'
            : 'Un code à usage unique, donné par une application sur votre téléphone, protège votre compte même si votre mot de passe est découvert.'}</p>
          {view.can.enrolTotp ? <p><a class="fr-btn" href="/compte/double-authentification">Activer la double authentification</a></p> : null}
        </>
      )}

      <h2 class="fr-mt-6w">Mes organismes</h2>
      {actor.memberships.length === 0 ? <p>Vous n’êtes membre d’aucun organisme.</p> : (
        <ul>
          {actor.memberships.map((m) => <li>{m.organisationName} — {m.role === 'admin' ? 'administrateur' : 'membre'}</li>)}
        </ul>
      )}

      {actor.staffRoles.length > 0 ? (
        <>
          <h2 class="fr-mt-6w">Mes rôles à la GEN</h2>
          <ul>{actor.staffRoles.map((r) => <li>{STAFF_ROLE_LABELS[r]}</li>)}</ul>
        </>
      ) : null}
    </AccountFrame>
  );
}
