/** A committee meeting: members, the agenda ranked by score, the territorial balance, and the minutes' validation. */
import { Layout, type PageContext } from '../../platform/views/layout.js';
import { ErrorSummary, Form } from '../../platform/views/ui.js';
import type { AgendaItem } from '../committee.store.js';
import { percent, type BalanceLine, type BalanceShares } from '../balance.js';
import { euros } from '../routing.js';
import { formatScore } from '../scoring.js';
import { frenchDate } from '../review.js';
import { COMMITTEE, SCORE_HIDDEN, meetingPath, reviewPath, parisDateTime } from './parts.js';

/** What the page shows. */
export interface MeetingProps {
  ctx: PageContext;
  meeting: { id: string; heldOn: string; place: string; minutesValidatedAt: Date | null };
  callTitle: string; cutoffLabel: string;
  members: { fullName: string }[];
  items: AgendaItem[];
  balance: { lines: BalanceLine[]; total: BalanceLine; shares: BalanceShares };
  /** The call's targets (share of QPV trainings, women). */
  targets: { womenShare: number; priorityAreaShare: number } | null;
  /** Applications this meeting deferred to the next cut-off. */
  deferred: { decision: { applicationId: string; motivation: string }; trainingTitle: string }[];
  unsentMails: number;
  canManage: boolean;
  message?: string;
}

const OUTCOME = { labelled: 'Labellisée', rejected: 'Refusée' } as const;
const OPINIONS: Record<string, string> = { favourable: 'favorable', reserved: 'réservé', unfavourable: 'défavorable' };

/** The page. */
export function MeetingPage(p: MeetingProps) {
  const locked = !!p.meeting.minutesValidatedAt;
  const path = meetingPath(p.meeting.id);
  return (
    <Layout ctx={p.ctx} title={`Séance du ${frenchDate(p.meeting.heldOn)}`} hasErrors={!!p.message} breadcrumb={[{ label: 'Espace GEN', href: '/gestion' }, { label: 'Comité de labellisation', href: COMMITTEE }]}>
      <ErrorSummary errors={p.message ? { _form: p.message } : {}} />
      <h1>Séance du {frenchDate(p.meeting.heldOn)}</h1>
      <p>{p.callTitle} – {p.cutoffLabel}{p.meeting.place ? ` – ${p.meeting.place}` : ''}</p>
      <p>Membres : {p.members.map((m) => m.fullName).join(', ') || 'aucun'}.</p>
      {locked ? <div class="fr-alert fr-alert--info fr-mb-3w"><p>Procès-verbal validé le {parisDateTime(p.meeting.minutesValidatedAt)} : les décisions sont verrouillées.</p></div> : null}
      <ul class="fr-btns-group fr-btns-group--inline-sm">
        <li><a class="fr-btn fr-btn--sm fr-btn--tertiary" href={`${path}/proces-verbal`}>Voir le procès-verbal</a></li>
        <li><a class="fr-btn fr-btn--sm fr-btn--tertiary" href={`${path}/proces-verbal.pdf`}>Procès-verbal en PDF</a></li>
        {p.canManage ? <li><a class="fr-btn fr-btn--sm fr-btn--tertiary" href={`${path}/courriers`}>Courriers de décision{p.unsentMails ? ` (${p.unsentMails} à envoyer)` : ''}</a></li> : null}
      </ul>
      <h2>Ordre du jour</h2>
      <p>Candidatures recevables du relevé, de la meilleure note moyenne à la moins bonne.</p>
      <div class="fr-table lg-table-wrap">
        <table>
          <caption>Ordre du jour de la séance</caption>
          <thead><tr><th scope="col">Rang</th><th scope="col">Formation</th><th scope="col">Région</th><th scope="col">Note moyenne</th><th scope="col">Écart</th><th scope="col">Recevabilité, partenaires, Région</th><th scope="col">Décision</th></tr></thead>
          <tbody>
            {p.items.length === 0 ? <tr><td colspan={7}>Aucune candidature recevable pour ce relevé.</td></tr> : null}
            {p.items.map((it, i) => (
              <tr>
                <td>{i + 1}</td>
                <td><a href={reviewPath(it.applicationId)}>{it.trainingTitle}</a><br /><span class="fr-text--xs">{it.organisationName}</span></td>
                <td>{it.regionName ?? '—'}</td>
                {it.scoresHidden ? <><td>{SCORE_HIDDEN}</td><td>{SCORE_HIDDEN}</td></> : <>
                  <td>{formatScore(it.mean)} <span class="fr-text--xs">({it.totals.length} note{it.totals.length > 1 ? 's' : ''})</span></td>
                  <td>{it.spread === null ? '—' : it.spread.toLocaleString('fr-FR')}{it.needsDiscussion ? <> <span class="fr-badge fr-badge--sm fr-badge--warning">À discuter</span></> : null}</td>
                </>}
                <td class="fr-text--sm">
                  {it.criteriaMet} critère{it.criteriaMet > 1 ? 's' : ''} de recevabilité rempli{it.criteriaMet > 1 ? 's' : ''}<br />
                  Partenaires : {it.partnersAsked ? `${it.partnersConfirmed} confirmé(s) sur ${it.partnersAsked} sollicité(s)` : 'aucun sollicité'}<br />
                  Région : {it.regionOpinions.length ? it.regionOpinions.map((o) => OPINIONS[o] ?? o).join(', ') : 'pas d’avis reçu'}
                  {it.deferred ? <><br /><span class="fr-badge fr-badge--sm fr-badge--info">Reportée {it.deferred} fois</span></> : null}
                </td>
                <td>
                  {it.decision ? <><strong>{OUTCOME[it.decision.outcome]}</strong>{it.decision.seedGrant ? ` – subvention ${euros(it.decision.seedGrant)}` : ''}<br /><span class="fr-text--xs">{it.decision.motivation}</span></>
                    : p.canManage && !locked ? <a class="fr-btn fr-btn--sm" href={`${path}/decisions/${it.applicationId}`}>Décider<span class="fr-sr-only"> pour {it.trainingTitle}</span></a> : 'En attente'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {p.deferred.length ? (
        <>
          <h2>Candidatures reportées au relevé suivant</h2>
          <ul>{p.deferred.map((d) => <li><a href={reviewPath(d.decision.applicationId)}>{d.trainingTitle}</a> : {d.decision.motivation}</li>)}</ul>
        </>
      ) : null}
      <h2>Équilibre territorial</h2>
      <div class="fr-table lg-table-wrap">
        <table>
          <caption>Candidatures du relevé par région du lieu principal</caption>
          <thead><tr><th scope="col">Région</th><th scope="col">Déposées</th><th scope="col">Recevables</th><th scope="col">Labellisées</th><th scope="col">Refusées</th><th scope="col">Subventions d’amorçage</th></tr></thead>
          <tbody>
            {[...p.balance.lines, p.balance.total].map((l) => <tr><th scope="row">{l.regionName}</th><td>{l.applied}</td><td>{l.admissible}</td><td>{l.labelled}</td><td>{l.rejected}</td><td>{euros(l.seedGrants)}</td></tr>)}
          </tbody>
        </table>
      </div>
      <h3 class="fr-h6">Formations labellisées par la séance</h3>
      <ul>
        <li>Formations situées en quartier prioritaire (QPV) : {percent(p.balance.shares.inQpv)}{p.balance.shares.inQpv !== null ? ` des ${p.balance.shares.classified} formation(s) localisée(s)` : ' (lieux non localisés)'} – objectif {percent(p.targets?.priorityAreaShare ?? 0.3)} des nouvelles formations.</li>
        <li>Part attendue de femmes : {percent(p.balance.shares.women)}{p.targets ? ` – objectif ${percent(p.targets.womenShare)}` : ''}.</li>
        <li>Part attendue d’habitants des QPV : {percent(p.balance.shares.qpvLearners)}.</li>
        <li>Part attendue d’habitants des zones rurales (ZRR/FRR) : {percent(p.balance.shares.ruralLearners)}.</li>
      </ul>
      {p.canManage && !locked ? (
        <Form action={`${path}/proces-verbal`} csrf={p.ctx.csrfToken}>
          <h2>Valider le procès-verbal</h2>
          <p>Une fois le procès-verbal validé, les décisions de la séance ne peuvent plus être modifiées ni ajoutées.</p>
          <button type="submit" class="fr-btn fr-btn--secondary">Valider le procès-verbal</button>
        </Form>
      ) : null}
    </Layout>
  );
}
