/** The page of one organisation: its details, its members and its pending invitations. */
import { Layout, type PageContext } from '../../platform/views/layout.js';
import { QUALIOPI_STATUSES, ROLE_LABELS, formatDay, type MemberRole, type QualiopiStatus } from '../organisation.js';
import type { OrganisationPermissions } from '../organisations.policy.js';
import { ChooseButton } from './organisations-list.js';
import { formatDate, formatSiret } from './format.js';

/** A member row with the actions the viewer may take on it. */
export interface MemberView {
  userId: string; fullName: string; email: string; role: MemberRole; isSelf: boolean;
  mayPromote: boolean; mayDemote: boolean; mayRemove: boolean;
}

/** Everything the page shows. */
export interface OrganisationPageProps {
  ctx: PageContext;
  org: {
    id: string; name: string; siret: string; nda: string; qualiopiStatus: QualiopiStatus; qualiopiValidUntil: string | null;
    qualiopiAuditDate: string | null; addressLine: string; postcode: string; city: string;
    contactName: string; contactEmail: string; contactPhone: string;
  };
  current: boolean;
  qualiopiWarning: string | null;
  members: MemberView[];
  invitations: { id: string; email: string; role: MemberRole; expiresAt: Date }[];
  may: OrganisationPermissions;
  /** A refused action, shown at the top (status 422). */
  error?: string;
}

/** The organisation page. */
export function OrganisationPage(p: OrganisationPageProps) {
  const { ctx, org, may } = p;
  const q = QUALIOPI_STATUSES.find((s) => s.value === org.qualiopiStatus);
  return (
    <Layout ctx={ctx} title={org.name} hasErrors={!!p.error} breadcrumb={[{ label: 'Mes organismes', href: '/organisations' }]}>
      {p.error ? (
        <div class="fr-alert fr-alert--error fr-mb-4w" id="resume-erreurs" tabindex={-1} role="alert">
          <h2 class="fr-alert__title">Action impossible</h2>
          <p>{p.error}</p>
        </div>
      ) : null}
      <h1>{org.name}</h1>
      <p>
        {p.current
          ? <span class="fr-badge fr-badge--success fr-badge--no-icon">Organisme actuel</span>
          : may.choose ? <ChooseButton orgId={org.id} name={org.name} csrf={ctx.csrfToken} /> : null}
      </p>
      <nav class="fr-mb-4w" aria-label="Espaces de l’organisme">
        <ul class="fr-btns-group fr-btns-group--inline-md fr-btns-group--secondary">
          <li><a class="fr-btn fr-btn--secondary" href={`/organisations/${org.id}/candidatures`}>Candidatures</a></li>
          <li><a class="fr-btn fr-btn--secondary" href={`/organisations/${org.id}/labels`}>Labels et sessions</a></li>
          <li><a class="fr-btn fr-btn--secondary" href={`/organisations/${org.id}/calendrier`}>Calendrier des échéances</a></li>
          <li><a class="fr-btn fr-btn--secondary" href={`/organisations/${org.id}/conformite/bilans`}>Bilans annuels</a></li>
          <li><a class="fr-btn fr-btn--secondary" href={`/organisations/${org.id}/conformite/modifications`}>Demandes de modification</a></li>
          <li><a class="fr-btn fr-btn--secondary" href={`/organisations/${org.id}/conformite/sanctions`}>Procédures</a></li>
          <li><a class="fr-btn fr-btn--secondary" href={`/organisations/${org.id}/inspections`}>Contrôles et réclamations</a></li>
        </ul>
      </nav>
      <h2>Informations</h2>
      {p.qualiopiWarning ? <div class="fr-alert fr-alert--warning fr-alert--sm fr-mb-3w"><p>{p.qualiopiWarning}</p></div> : null}
      <dl class="lg-details">
        <dt>SIRET</dt><dd>{formatSiret(org.siret)}</dd>
        <dt>Numéro de déclaration d’activité</dt><dd>{org.nda}</dd>
        <dt>Qualiopi</dt>
        <dd>
          {q?.label ?? org.qualiopiStatus}
          {org.qualiopiValidUntil ? ` – certificat valable jusqu’au ${formatDay(org.qualiopiValidUntil)}` : ''}
          {org.qualiopiAuditDate ? ` – audit le ${formatDay(org.qualiopiAuditDate)}` : ''}
          {p.qualiopiWarning ? <> <span class="fr-badge fr-badge--warning fr-badge--sm">Certificat expiré</span></> : null}
        </dd>
        <dt>Adresse</dt><dd>{org.addressLine}, {org.postcode} {org.city}</dd>
        <dt>Contact</dt><dd>{org.contactName} – {org.contactEmail} – {org.contactPhone}</dd>
      </dl>
      {may.edit ? <p><a class="fr-btn fr-btn--secondary fr-icon-edit-line fr-btn--icon-left" href={`/organisations/${org.id}/modifier`}>Modifier les informations</a></p> : null}
      <h2>Membres</h2>
      <MembersTable {...p} />
      {may.manageMembers ? <p><a class="fr-btn fr-icon-user-add-line fr-btn--icon-left" href={`/organisations/${org.id}/inviter`}>Inviter une personne</a></p> : null}
      <h2>Invitations en attente</h2>
      <InvitationsTable {...p} />
    </Layout>
  );
}

function PostButton({ action, csrf, label, hidden, field, secondary = true }: { action: string; csrf: string; label: string; hidden: string; field?: [string, string]; secondary?: boolean }) {
  return (
    <form method="post" action={action} class="lg-inline-form">
      <input type="hidden" name="_csrf" value={csrf} />
      {field ? <input type="hidden" name={field[0]} value={field[1]} /> : null}
      <button type="submit" class={`fr-btn fr-btn--sm${secondary ? ' fr-btn--secondary' : ''}`}>{label}<span class="fr-sr-only"> {hidden}</span></button>
    </form>
  );
}

function MembersTable({ ctx, org, members, may }: OrganisationPageProps) {
  const base = `/organisations/${org.id}`;
  return (
    <div class="fr-table lg-table-wrap">
      <table>
        <caption class="fr-sr-only">Membres de l’organisme</caption>
        <thead><tr><th scope="col">Nom</th><th scope="col">Adresse électronique</th><th scope="col">Rôle</th><th scope="col">Actions</th></tr></thead>
        <tbody>
          {members.map((m) => (
            <tr>
              <td>{m.fullName}{m.isSelf ? ' (vous)' : ''}</td>
              <td>{m.email}</td>
              <td>{ROLE_LABELS[m.role]}</td>
              <td>
                <ul class="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
                  {m.mayPromote ? <li><PostButton action={`${base}/membres/${m.userId}/role`} csrf={ctx.csrfToken} field={['role', 'admin']} label="Nommer administrateur" hidden={m.fullName} /></li> : null}
                  {m.mayDemote ? <li><PostButton action={`${base}/membres/${m.userId}/role`} csrf={ctx.csrfToken} field={['role', 'member']} label="Retirer le rôle d’administrateur" hidden={`à ${m.fullName}`} /></li> : null}
                  {m.mayRemove ? <li><PostButton action={`${base}/membres/${m.userId}/retirer`} csrf={ctx.csrfToken} label="Retirer de l’organisme" hidden={m.fullName} /></li> : null}
                  {m.isSelf && may.leave ? <li><PostButton action={`${base}/quitter`} csrf={ctx.csrfToken} label="Quitter l’organisme" hidden={org.name} /></li> : null}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function InvitationsTable({ ctx, org, invitations, may }: OrganisationPageProps) {
  if (invitations.length === 0) return <p>Aucune invitation en attente.</p>;
  return (
    <div class="fr-table lg-table-wrap">
      <table>
        <caption class="fr-sr-only">Invitations en attente</caption>
        <thead><tr><th scope="col">Adresse invitée</th><th scope="col">Rôle</th><th scope="col">Valable jusqu’au</th>{may.manageMembers ? <th scope="col">Actions</th> : null}</tr></thead>
        <tbody>
          {invitations.map((i) => (
            <tr>
              <td>{i.email}</td>
              <td>{ROLE_LABELS[i.role]}</td>
              <td>{formatDate(i.expiresAt)}</td>
              {may.manageMembers ? <td><PostButton action={`/organisations/${org.id}/invitations/${i.id}/annuler`} csrf={ctx.csrfToken} label="Annuler l’invitation" hidden={`de ${i.email}`} /></td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
