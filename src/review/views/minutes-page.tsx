/** The minutes (procès-verbal) of a meeting, as a printable HTML page. */
import { Layout, type PageContext } from '../../platform/views/layout.js';
import { formatScore } from '../scoring.js';
import { frenchDate } from '../review.js';
import { COMMITTEE, meetingPath, parisDateTime } from './parts.js';
import { OUTCOME_LABELS } from '../minutes-pdf.js';
import { euros } from '../routing.js';

/** What the minutes record. */
export interface MinutesProps {
  ctx: PageContext;
  meeting: { id: string; heldOn: string; place: string; minutesValidatedAt: Date | null };
  callTitle: string; cutoffLabel: string;
  members: { fullName: string }[];
  conflicts: { fullName: string; organisationName: string }[];
  decisions: { decision: { outcome: 'labelled' | 'rejected' | 'deferred'; motivation: string; meanScore: string | null; decidedAt: Date; seedGrant: number | null }; trainingTitle: string; organisationName: string; receiptNumber: string | null; regionName: string | null }[];
}

/** The page. */
export function MinutesPage(p: MinutesProps) {
  const labelled = p.decisions.filter((d) => d.decision.outcome === 'labelled').length;
  return (
    <Layout ctx={p.ctx} title={`Procès-verbal de la séance du ${frenchDate(p.meeting.heldOn)}`}
      breadcrumb={[{ label: 'Espace GEN', href: '/gestion' }, { label: 'Comité de labellisation', href: COMMITTEE }, { label: `Séance du ${frenchDate(p.meeting.heldOn)}`, href: meetingPath(p.meeting.id) }]}>
      <h1>Procès-verbal du comité de labellisation</h1>
      <p>Séance du {frenchDate(p.meeting.heldOn)}{p.meeting.place ? `, ${p.meeting.place}` : ''}. {p.callTitle}, {p.cutoffLabel}.</p>
      <p>{p.meeting.minutesValidatedAt ? `Procès-verbal validé le ${parisDateTime(p.meeting.minutesValidatedAt)}.` : 'Projet de procès-verbal : non encore validé.'}</p>
      <p><a class="fr-link fr-icon-download-line fr-link--icon-left" href={`${meetingPath(p.meeting.id)}/proces-verbal.pdf`}>Télécharger le procès-verbal (PDF)</a></p>
      <h2>Membres présents</h2>
      <ul>{p.members.map((m) => <li>{m.fullName}</li>)}</ul>
      <h2>Conflits d’intérêts déclarés</h2>
      {p.conflicts.length === 0 ? <p>Aucun membre n’a déclaré de conflit d’intérêts.</p> : <ul>{p.conflicts.map((c) => <li>{c.fullName} avec {c.organisationName} : ne prend pas part aux délibérations qui concernent cet organisme.</li>)}</ul>}
      <h2>Décisions</h2>
      <p>{p.decisions.length} décision{p.decisions.length > 1 ? 's' : ''}, dont {labelled} labellisation{labelled > 1 ? 's' : ''}.</p>
      <div class="fr-table lg-table-wrap">
        <table>
          <caption>Décisions de la séance</caption>
          <thead><tr><th scope="col">Formation</th><th scope="col">Organisme</th><th scope="col">Région</th><th scope="col">Note moyenne</th><th scope="col">Décision</th><th scope="col">Motivation</th></tr></thead>
          <tbody>
            {p.decisions.length === 0 ? <tr><td colspan={6}>Aucune décision.</td></tr> : null}
            {p.decisions.map((d) => (
              <tr>
                <td>{d.trainingTitle}{d.receiptNumber ? <><br /><span class="fr-text--xs">{d.receiptNumber}</span></> : null}</td>
                <td>{d.organisationName}</td>
                <td>{d.regionName ?? '—'}</td>
                <td>{formatScore(d.decision.meanScore === null ? null : Number(d.decision.meanScore))}</td>
                <td>{OUTCOME_LABELS[d.decision.outcome]}{d.decision.seedGrant ? <><br /><span class="fr-text--xs">Subvention d’amorçage : {euros(d.decision.seedGrant)}</span></> : null}</td>
                <td>{d.decision.motivation}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}
