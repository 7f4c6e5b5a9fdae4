/** Admin page of one account: its staff roles, its status, and what happened to it. */
import { Layout, type PageContext } from '../../platform/views/layout.js';
import { ErrorSummary, Form, Submit, Textarea, type FormState } from '../../platform/views/ui.js';
import { STAFF_ROLES, STAFF_ROLE_LABELS } from '../../platform/auth/roles.js';
import type { auditLog } from '../../platform/audit/audit.schema.js';
import type { StaffUserRow } from '../staff.store.js';
import { parisDate, STAFF_CRUMB } from './common.js';
import { rolesText } from './users.js';
import { AuditTable } from './audit-table.js';

/** Props of the account page. */
export interface UserPageProps {
  ctx: PageContext;
  user: StaffUserRow;
  history: (typeof auditLog.$inferSelect)[];
  state?: FormState;
}

/** Page /gestion/utilisateurs/:userId. */
export function UserPage({ ctx, user, history, state }: UserPageProps) {
  const values = state?.values;
  const rolesPosted = !!values && ('roles' in values || 'motivation' in values);
  const checked: string[] = rolesPosted ? [values.roles ?? []].flat() : user.roles;
  const base = `/gestion/utilisateurs/${user.id}`;
  return (
    <Layout ctx={ctx} title={`Compte de ${user.fullName}`} hasErrors={!!state?.errors} breadcrumb={[STAFF_CRUMB, { label: 'Utilisateurs et rôles', href: '/gestion/utilisateurs' }]}>
      <h1>Compte de {user.fullName}</h1>
      <ErrorSummary errors={state?.errors} fieldOrder={['roles', 'motivation', 'motivationStatut']} />
      <div class="fr-table">
        <table>
          <caption>Informations du compte</caption>
          <tbody>
            <tr><th scope="row">Adresse électronique</th><td>{user.email}</td></tr>
            <tr><th scope="row">Rôles GEN</th><td>{rolesText(user.roles)}</td></tr>
            <tr><th scope="row">Double authentification</th><td>{user.totpEnabledAt ? <>Activée le {parisDate(user.totpEnabledAt)} — <a href={`${base}/double-authentification`}>Réinitialiser (appareil perdu)</a></> : 'Non activée'}</td></tr>
            <tr><th scope="row">Créé le</th><td>{parisDate(user.createdAt)}</td></tr>
            <tr><th scope="row">État</th><td>{user.disabledAt ? `Désactivé le ${parisDate(user.disabledAt)}` : 'Actif'}</td></tr>
          </tbody>
        </table>
      </div>

      <h2>Rôles de l’équipe GEN</h2>
      <p>Un rôle donne accès à l’espace GEN après l’activation de la double authentification. Chaque changement est inscrit au journal d’audit avec sa motivation.</p>
      <Form action={`${base}/roles`} csrf={ctx.csrfToken}>
        <fieldset class={`fr-fieldset${state?.errors?.roles ? ' fr-fieldset--error' : ''}`} id="roles" aria-labelledby={`roles-legende${state?.errors?.roles ? ' roles-erreur' : ''}`}>
          <legend class="fr-fieldset__legend fr-fieldset__legend--regular" id="roles-legende">Rôles attribués</legend>
          {STAFF_ROLES.map((r) => (
            <div class="fr-fieldset__element">
              <div class="fr-checkbox-group">
                <input type="checkbox" id={`role-${r}`} name="roles" value={r} checked={checked.includes(r)} />
                <label class="fr-label" for={`role-${r}`}>{STAFF_ROLE_LABELS[r]}</label>
              </div>
            </div>
          ))}
          {state?.errors?.roles ? (
            <div class="fr-messages-group" aria-live="assertive"><p class="fr-message fr-message--error" id="roles-erreur">{state.errors.roles}</p></div>
          ) : null}
        </fieldset>
        <Textarea name="motivation" label="Motivation du changement" hint="Par exemple : arrivée dans l’équipe d’instruction, fin de mission." state={state} maxlength={1000} rows={3} />
        <Submit label="Enregistrer les rôles" />
      </Form>

      <h2 class="fr-mt-6w">{user.disabledAt ? 'Réactiver le compte' : 'Désactiver le compte'}</h2>
      <p>{user.disabledAt
        ? 'La personne pourra de nouveau se connecter.'
        : 'La personne ne pourra plus se connecter et toutes ses sessions ouvertes sont fermées immédiatement.'}</p>
      <Form action={`${base}/statut`} csrf={ctx.csrfToken}>
        <input type="hidden" name="action" value={user.disabledAt ? 'enable' : 'disable'} />
        <Textarea name="motivationStatut" label={user.disabledAt ? 'Motivation de la réactivation' : 'Motivation de la désactivation'} state={state} maxlength={1000} rows={3} />
        <Submit label={user.disabledAt ? 'Réactiver le compte' : 'Désactiver le compte'} secondary />
      </Form>

      <h2 class="fr-mt-6w">Historique du compte</h2>
      <AuditTable rows={history} caption="Événements du journal d’audit concernant ce compte" />
    </Layout>
  );
}
