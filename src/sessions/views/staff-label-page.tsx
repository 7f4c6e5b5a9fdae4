/** Staff view of one label's monitoring: breaches, sessions, obligations and indicators against the call's targets. */
import { Layout, type PageContext } from '../../platform/views/layout.js';
import type { LabelLine } from '../compliance.js';
import type { SessionRow, ObligationRow } from '../sessions.store.js';
import { SESSION_STATUS_LABELS, MODALITY_LABELS, frDay } from '../sessions.js';
import { indicatorRows } from '../../learners/indicators.js';
import { LABEL_STATUS_LABELS, type LabelStatus } from '../../labels/index.js';
import { BreachList, ObligationTable } from './session-pages.js';

/** The page. */
export function StaffLabelPage(p: { ctx: PageContext; line: LabelLine; validFrom: string | null; validUntil: string | null; sessions: SessionRow[]; obligations: ObligationRow[]; today: string; staffSessionPages: boolean }) {
  const l = p.line;
  const names = new Map(p.sessions.map((s) => [s.id, s.name]));
  return (
    <Layout ctx={p.ctx} title={`Suivi du label ${l.number}`} breadcrumb={[{ label: 'Espace GEN', href: '/gestion' }, { label: 'Suivi-évaluation', href: '/gestion/suivi' }]}>
      <h1>Suivi du label {l.number}</h1>
      <p>« {l.trainingTitle} », {l.organisationName} — {LABEL_STATUS_LABELS[l.status as LabelStatus] ?? l.status}, valable du {frDay(p.validFrom)} au {frDay(p.validUntil)} — région : {l.region}. <a href={`/gestion/labels/${l.id}`}>Fiche du label</a></p>
      <BreachList breaches={l.breaches} warnings={[]} />
      <h2>Sessions</h2>
      <div class="fr-table lg-table-wrap">
        <table>
          <caption>Sessions du label ({p.sessions.length})</caption>
          <thead><tr><th scope="col">Session</th><th scope="col">Démarrage</th><th scope="col">Fin</th><th scope="col">Lieu</th><th scope="col">Modalité</th><th scope="col">Places</th><th scope="col">Statut</th></tr></thead>
          <tbody>
            {p.sessions.length === 0 ? <tr><td colspan={7}>Aucune session déclarée.</td></tr> : null}
            {p.sessions.map((s) => (
              <tr>
                <td>{p.staffSessionPages && s.status !== 'cancelled' ? <a href={`/gestion/suivi/sessions/${s.id}/apprenants`}>{s.name}</a> : s.name}</td>
                <td>{frDay(s.actualStart ?? s.plannedStart)}{s.plannedStart !== s.initialStart ? <><br /><span class="fr-hint-text">initialement le {frDay(s.initialStart)}</span></> : null}</td>
                <td>{frDay(s.actualEnd ?? s.plannedEnd)}</td>
                <td>{[s.place.commune, s.place.departement].filter(Boolean).join(', ') || s.place.address}{s.place.qpv ? ` (QPV ${s.place.qpv})` : ''}</td>
                <td>{MODALITY_LABELS[s.modality]}</td>
                <td>{s.places}</td>
                <td>{SESSION_STATUS_LABELS[s.status]}{s.cancelledReason ? ` : ${s.cancelledReason}` : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Échéances</h2>
      <ObligationTable rows={p.obligations} today={p.today} caption="Échéances du label et de ses sessions" sessionNames={names} />
      <h2>Indicateurs</h2>
      <div class="fr-table lg-table-wrap">
        <table>
          <caption>Indicateurs des apprenants du label face aux cibles de l’appel</caption>
          <thead><tr><th scope="col">Indicateur</th><th scope="col">Valeur</th><th scope="col">Détail</th><th scope="col">Cible</th><th scope="col">Appréciation</th></tr></thead>
          <tbody>
            {indicatorRows(l.indicators).map((r) => (
              <tr><th scope="row">{r.label}</th><td>{r.value}</td><td>{r.detail}</td><td>{r.target}</td><td class={r.meets === false ? 'lg-miss' : undefined}>{r.verdict}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}
