/** Pure rules of the staff area: role changes, the last-admin guard, dates typed in filters, dashboard cards. */
import { STAFF_ROLES, type StaffRoleName } from '../platform/auth/roles.js';
import type { Actor } from '../platform/http/context.js';
import { zonedInstant } from '../calls/call.js';
import { staffCan, type StaffAction } from './staff.policy.js';
import { callCan, type CallAction } from '../calls/calls.policy.js';

/** What a change of the role set grants and revokes, in the canonical role order. */
export function roleChanges(current: readonly StaffRoleName[], wanted: readonly StaffRoleName[]): { granted: StaffRoleName[]; revoked: StaffRoleName[] } {
  return {
    granted: STAFF_ROLES.filter((r) => wanted.includes(r) && !current.includes(r)),
    revoked: STAFF_ROLES.filter((r) => current.includes(r) && !wanted.includes(r)),
  };
}

/** The platform must keep one active admin: revoking admin is refused when no other active admin remains. */
export function leavesNoAdmin(revoked: readonly StaffRoleName[], otherActiveAdmins: number): boolean {
  return revoked.includes('admin') && otherActiveAdmins === 0;
}

/** A calendar day typed as JJ/MM/AAAA or AAAA-MM-JJ; null when malformed or nonexistent (31/02). */
export function parseDay(input: string): { year: number; month: number; day: number } | null {
  const s = input.trim();
  const fr = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  const parts = fr ? { year: +fr[3]!, month: +fr[2]!, day: +fr[1]! } : iso ? { year: +iso[1]!, month: +iso[2]!, day: +iso[3]! } : null;
  if (!parts) return null;
  const d = new Date(Date.UTC(parts.year, parts.month - 1, parts.day));
  if (d.getUTCFullYear() !== parts.year || d.getUTCMonth() !== parts.month - 1 || d.getUTCDate() !== parts.day) return null;
  return parts;
}

/** The first or last instant of a day in Paris time (filters "du … au …" include both days). */
export function parisDayBound(day: { year: number; month: number; day: number }, bound: 'start' | 'end'): Date {
  return bound === 'start'
    ? zonedInstant(day, 'Europe/Paris')
    : zonedInstant({ ...day, hour: 23, minute: 59, second: 59, ms: 999 }, 'Europe/Paris');
}

/** A card of the staff dashboard. */
export interface DashboardCard { title: string; description: string; href: string; available: boolean }

const CARDS: { action: StaffAction | CallAction; title: string; description: string; href: string }[] = [
  { action: 'applications.review', title: 'Candidatures à instruire', description: 'Vérifier la recevabilité des candidatures et noter les critères de sélection.', href: '/gestion/candidatures' },
  { action: 'monitoring.follow', title: 'Suivi-évaluation', description: 'Suivre les sessions des formations labellisées, les attestations et les bilans annuels.', href: '/gestion/suivi' },
  { action: 'compliance.follow', title: 'Bilans annuels', description: 'Examiner les bilans annuels des formations labellisées, les accepter ou les renvoyer.', href: '/gestion/conformite/bilans' },
  { action: 'compliance.follow', title: 'Procédures contradictoires', description: 'Notifier un manquement, recueillir la réponse de l’organisme, décider d’une sanction motivée.', href: '/gestion/conformite/sanctions' },
  { action: 'compliance.follow', title: 'Demandes de modification', description: 'Approuver ou refuser les modifications des formations labellisées et suivre les versions de leur fiche.', href: '/gestion/conformite/modifications' },
  { action: 'compliance.follow', title: 'Subventions d’amorçage', description: 'Suivre les tranches des subventions d’amorçage : conditions remplies, versements, retenues et reprises.', href: '/gestion/subventions' },
  { action: 'labels.browse', title: 'Labels', description: 'Suivre les labels : conventions, signatures, suspensions, retraits, échéances.', href: '/gestion/labels' },
  { action: 'support.desk', title: 'Assistance', description: 'Répondre aux questions et aux réclamations reçues par le formulaire de contact.', href: '/gestion/support' },
  { action: 'inspections.browse', title: 'Contrôles', description: 'Planifier les contrôles des formations labellisées et consigner leurs rapports.', href: '/gestion/inspections' },
  { action: 'committee.sit', title: 'Comité de labellisation', description: 'Consulter les dossiers présentés au comité et ses décisions.', href: '/gestion/comite' },
  { action: 'users.manage', title: 'Utilisateurs et rôles', description: 'Attribuer ou retirer les rôles de l’équipe GEN, désactiver un compte.', href: '/gestion/utilisateurs' },
  { action: 'audit.browse', title: 'Journal d’audit', description: 'Consulter qui a fait quoi et vérifier l’intégrité du journal.', href: '/gestion/journal' },
  { action: 'outbox.read', title: 'Courriels envoyés', description: 'Lire les courriels envoyés par la plateforme.', href: '/gestion/courriels' },
  { action: 'review.groups', title: 'Groupes d’instruction', description: 'Répartir les instructeurs par région et désigner les responsables de groupe.', href: '/gestion/groupes' },
  { action: 'needs.edit', title: 'Besoins régionaux', description: 'Tenir à jour les métiers en tension de chaque région, montrés au public et aux instructeurs.', href: '/gestion/besoins-regionaux' },
  { action: 'crous.manage', title: 'CROUS', description: 'Adresses des CROUS qui reçoivent les signalements d’assiduité des boursiers.', href: '/gestion/crous' },
  { action: 'regions.contacts', title: 'Régions consultées', description: 'Adresses des Régions qui rendent un avis sur les formations de leur territoire.', href: '/gestion/regions/avis' },
  { action: 'calls.manage', title: 'Appels à labellisation', description: 'Modifier le calendrier, les durées, les cibles et les pondérations des appels.', href: '/gestion/appels' },
];

/** The cards the actor may see; a card links only to a page that exists (`exists`). */
export function dashboardCards(actor: Actor, exists: (href: string) => boolean): DashboardCard[] {
  return CARDS
    .filter((c) => (c.action === 'calls.read' || c.action === 'calls.manage' ? callCan(actor, c.action) : staffCan(actor, c.action)))
    .map(({ title, description, href }) => ({ title, description, href, available: exists(href) }));
}
