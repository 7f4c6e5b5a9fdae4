/** "Mes organismes": the organisations of the signed-in person, and which one they act for. */
import { Layout, type PageContext } from '../../platform/views/layout.js';
import { ROLE_LABELS, type MemberRole } from '../organisation.js';
import { formatSiret } from './format.js';

/** One organisation of the list, with what the person may do on it. */
export interface OrganisationListItem { id: string; name: string; siret: string; city: string; role: MemberRole; current: boolean; mayChoose: boolean }

/** The list page. */
export function OrganisationsListPage({ ctx, items }: { ctx: PageContext; items: OrganisationListItem[] }) {
  return (
    <Layout ctx={ctx} title="Mes organismes">
      <h1>Mes organismes</h1>
      {items.length === 0 ? (
        <>
          <p>Vous n’êtes membre d’aucun organisme pour le moment.</p>
          <p>Si votre organisme est déjà inscrit sur la plateforme, demandez à son administrateur de vous inviter. Sinon, créez-le.</p>
        </>
      ) : (
        <>
          <p>Vous agissez pour l’organisme marqué « Organisme actuel ». Choisissez-en un autre pour agir en son nom.</p>
          <div class="fr-table lg-table-wrap">
            <table>
              <caption>Organismes dont vous êtes membre</caption>
              <thead><tr><th scope="col">Organisme</th><th scope="col">SIRET</th><th scope="col">Commune</th><th scope="col">Votre rôle</th><th scope="col">Organisme actuel</th></tr></thead>
              <tbody>
                {items.map((o) => (
                  <tr>
                    <td><a href={`/organisations/${o.id}`}>{o.name}</a></td>
                    <td>{formatSiret(o.siret)}</td>
                    <td>{o.city}</td>
                    <td>{ROLE_LABELS[o.role]}</td>
                    <td>
                      {o.current
                        ? <p class="fr-badge fr-badge--success fr-badge--no-icon">Organisme actuel</p>
                        : o.mayChoose ? <ChooseButton orgId={o.id} name={o.name} csrf={ctx.csrfToken} /> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <p><a class="fr-btn fr-icon-add-line fr-btn--icon-left" href="/organisations/nouvelle">Créer un organisme</a></p>
    </Layout>
  );
}

/** The "choisir" button making an organisation the current one for this session. */
export function ChooseButton({ orgId, name, csrf }: { orgId: string; name: string; csrf: string }) {
  return (
    <form method="post" action={`/organisations/${orgId}/choisir`} class="lg-inline-form">
      <input type="hidden" name="_csrf" value={csrf} />
      <button type="submit" class="fr-btn fr-btn--sm fr-btn--secondary">Choisir<span class="fr-sr-only"> l’organisme {name}</span></button>
    </form>
  );
}
