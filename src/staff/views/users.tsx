/** Admin pages: the list of accounts with a search. */
import { Layout, type PageContext } from '../../platform/views/layout.js';
import { STAFF_ROLE_LABELS } from '../../platform/auth/roles.js';
import type { StaffUserRow } from '../staff.store.js';
import { parisDate, Pagination, STAFF_CRUMB } from './common.js';

/** Staff roles of a user, in French. */
export function rolesText(roles: StaffUserRow['roles']): string {
  return roles.length ? roles.map((r) => STAFF_ROLE_LABELS[r]).join(', ') : 'Aucun';
}

/** Page /gestion/utilisateurs. */
export function UsersPage({ ctx, q, page, size, rows, total }: { ctx: PageContext; q: string; page: number; size: number; rows: StaffUserRow[]; total: number }) {
  return (
    <Layout ctx={ctx} title="Utilisateurs et rôles" breadcrumb={[STAFF_CRUMB]}>
      <h1>Utilisateurs et rôles</h1>
      <form method="get" action="/gestion/utilisateurs" class="fr-mb-4w">
        <div class="fr-search-bar" role="search">
          <label class="fr-label" for="q">Rechercher par adresse électronique ou par nom</label>
          <input class="fr-input" type="search" id="q" name="q" value={q} placeholder="Adresse électronique ou nom" />
          <button class="fr-btn" type="submit" title="Rechercher">Rechercher</button>
        </div>
      </form>
      <div class="fr-table lg-table-wrap">
        <table>
          <caption>{q ? `Comptes correspondant à « ${q} » : ${total}` : `Tous les comptes : ${total}`}</caption>
          <thead>
            <tr>
              <th scope="col">Adresse électronique</th>
              <th scope="col">Nom</th>
              <th scope="col">Rôles GEN</th>
              <th scope="col">Double authentification</th>
              <th scope="col">Créé le</th>
              <th scope="col">État</th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr><td colspan={6}>Aucun compte ne correspond à cette recherche.</td></tr>
            ) : rows.map((u) => (
              <tr>
                <th scope="row"><a href={`/gestion/utilisateurs/${u.id}`}>{u.email}</a></th>
                <td>{u.fullName}</td>
                <td>{rolesText(u.roles)}</td>
                <td>{u.totpEnabledAt ? 'Activée' : 'Non activée'}</td>
                <td>{parisDate(u.createdAt)}</td>
                <td>{u.disabledAt ? 'Désactivé' : 'Actif'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination page={page} total={total} size={size} base="/gestion/utilisateurs" params={{ q }} />
    </Layout>
  );
}
