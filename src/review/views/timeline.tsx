/** The timeline of an application, read from the audit log (oldest first). */
import { parisDateTime } from './parts.js';

const ACTIONS: Record<string, string> = {
  'application.created': 'Candidature créée',
  'application.section_saved': 'Section enregistrée',
  'application.submitted': 'Candidature déposée',
  'application.resubmitted': 'Candidature déposée à nouveau',
  'application.withdrawn': 'Candidature retirée',
  'application.correction_requested': 'Corrections demandées au porteur',
  'review.reviewer_assigned': 'Instructeur affecté',
  'review.reviewer_unassigned': 'Instructeur retiré',
  'review.no_conflict_declared': 'Absence de lien d’intérêt déclarée par l’instructeur',
  'review.verdicts_recorded': 'Avis de recevabilité enregistrés',
  'review.admissible': 'Déclarée recevable',
  'review.inadmissible': 'Déclarée irrecevable',
  'review.scored': 'Notation enregistrée',
  'committee.labelled': 'Labellisée par le comité',
  'committee.rejected': 'Refusée par le comité',
  'label.created': 'Label créé',
  // H2: messages and consultations.
  'message.organisation_posted': 'Message de l’organisme',
  'message.staff_posted': 'Message de l’équipe GEN',
  'consultation.partners_contacted': 'Partenaires contactés',
  'consultation.partner_answered': 'Réponse d’un partenaire',
  'consultation.partner_phone_recorded': 'Réponse d’un partenaire enregistrée par téléphone',
  'consultation.region_asked': 'Avis de la Région demandé',
  'consultation.region_answered': 'Avis de la Région reçu',
};

/** The list of events. */
export function Timeline({ entries }: { entries: readonly { id: number; at: string; actorLabel: string; action: string }[] }) {
  if (entries.length === 0) return <p>Aucun événement.</p>;
  return (
    <ol class="lg-timeline">
      {entries.map((e) => (
        <li><time datetime={e.at}>{parisDateTime(e.at)}</time> – {ACTIONS[e.action] ?? e.action} <span class="fr-text--xs">par {e.actorLabel}</span></li>
      ))}
    </ol>
  );
}
