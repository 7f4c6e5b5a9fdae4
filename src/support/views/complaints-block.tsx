/**
 * Complaints about one labelled training, as a block for other pages. Staff see everything and
 * can open an inspection; the organisation sees that a complaint exists, its date and state, and
 * who made it only when the complainant agreed (shareIdentity).
 */
import { STATUS_LABELS, type TicketStatus } from '../support.js';
import { parisDate } from './parts.js';

/** What the block needs of a complaint ticket. */
export interface ComplaintItem {
  id: string; number: string; subject: string; status: TicketStatus; createdAt: Date;
  requesterName: string; email: string; shareIdentity: boolean; trainingRef: string | null;
}

/** Who the complainant is, as this audience may see it. */
export function complainantFor(t: Pick<ComplaintItem, 'requesterName' | 'email' | 'shareIdentity'>, audience: 'staff' | 'organisation'): string {
  if (audience === 'organisation' && !t.shareIdentity) return 'Anonyme (la personne n’a pas accepté que son identité vous soit communiquée)';
  return t.requesterName ? `${t.requesterName} <${t.email}>` : t.email;
}

/** The block: a table of complaints; for staff, links to the tickets and to "Ouvrir une inspection". */
export function ComplaintsBlock({ complaints, audience, headingLevel = 2 }: { complaints: ComplaintItem[]; audience: 'staff' | 'organisation'; headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section aria-labelledby="reclamations-titre" class="fr-mt-4w">
      <H id="reclamations-titre">Réclamations</H>
      {complaints.length === 0 ? <p>Aucune réclamation.</p> : (
        <div class="fr-table lg-table-wrap"><table>
          <caption class="fr-sr-only">Réclamations, les plus récentes d’abord</caption>
          <thead><tr><th scope="col">Reçue le</th><th scope="col">{audience === 'staff' ? 'Demande' : 'Numéro'}</th><th scope="col">Auteur</th><th scope="col">État</th>{audience === 'staff' ? <th scope="col">Suite</th> : null}</tr></thead>
          <tbody>{complaints.map((t) => (
            <tr>
              <td>{parisDate(t.createdAt)}</td>
              <td>{audience === 'staff' ? <><a href={`/gestion/support/${t.id}`}>{t.number}</a><br /><span class="fr-text--xs">{t.subject}</span></> : t.number}</td>
              <td>{complainantFor(t, audience)}</td>
              <td>{STATUS_LABELS[t.status]}</td>
              {audience === 'staff' ? <td><a class="fr-link fr-link--sm" href={`/gestion/inspections/nouvelle?demande=${t.id}`}>Ouvrir une inspection<span class="fr-sr-only">{` à la suite de ${t.number}`}</span></a></td> : null}
            </tr>
          ))}</tbody>
        </table></div>
      )}
    </section>
  );
}
