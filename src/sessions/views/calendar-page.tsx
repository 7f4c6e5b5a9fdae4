/** The organisation's calendar: its obligations (late first), its sessions, and the private ICS feed. */
import { Layout, type PageContext } from '../../platform/views/layout.js';
import type { SessionRow, ObligationRow } from '../sessions.store.js';
import { SESSION_STATUS_LABELS, frDay } from '../sessions.js';
import { OBLIGATION_KIND_LABELS, obligationState, type ObligationKind } from '../obligations.js';
import { ObligationBadge, obligationHref } from './session-pages.js';
import { LABEL_STATUS_LABELS, type LabelStatus } from '../../labels/index.js';

export interface CalendarObligation { obligation: ObligationRow; labelNumber: string; trainingTitle: string; sessionName: string | null }
export interface CalendarSession { session: SessionRow; labelNumber: string; trainingTitle: string }
export interface CalendarLabel { id: string; number: string; trainingTitle: string; status: string; validFrom: string | null; validUntil: string | null }

/** The calendar page. */
export function CalendarPage(p: { ctx: PageContext; orgId: string; orgName: string; obligations: CalendarObligation[]; sessions: CalendarSession[]; labels: CalendarLabel[]; today: string; feedUrl: string | null; feedSince: string; regenerated: boolean; isAdmin: boolean; show: 'open' | 'all'; learnerPages: boolean }) {
  const withState = p.obligations.map((o) => ({ ...o, state: obligationState(o.obligation.dueOn, !!o.obligation.doneAt, p.today) }));
  const late = withState.filter((o) => o.state === 'late');
  const shown = p.show === 'all' ? withState : withState.filter((o) => o.state !== 'done');
  const labelHref = (id: string) => `/organisations/${p.orgId}/labels/${id}/sessions`;
  return (
    <Layout ctx={p.ctx} title={`Calendrier – ${p.orgName}`} breadcrumb={[{ label: 'Mes organismes', href: '/organisations' }, { label: p.orgName, href: `/organisations/${p.orgId}` }]}>
      <h1>Calendrier des échéances de {p.orgName}</h1>
      {late.length > 0
        ? <div class="fr-alert fr-alert--error fr-mb-3w"><h2 class="fr-alert__title">{late.length === 1 ? 'Une obligation est en retard' : `${late.length} obligations sont en retard`}</h2><ul>{late.map((o) => <li>{OBLIGATION_KIND_LABELS[o.obligation.kind as ObligationKind]}{o.obligation.year ? ` ${o.obligation.year}` : ''} — {o.trainingTitle}{o.sessionName ? `, ${o.sessionName}` : ''} : attendue le {frDay(o.obligation.dueOn)}</li>)}</ul></div>
        : <div class="fr-alert fr-alert--success fr-alert--sm fr-mb-3w"><p>Aucune obligation en retard.</p></div>}
      <h2>Formations labellisées</h2>
      <ul>
        {p.labels.length === 0 ? <li>Aucun label actif pour l’instant.</li> : null}
        {p.labels.map((l) => <li><a href={labelHref(l.id)}>Sessions de « {l.trainingTitle} »</a> — label {l.number}, {LABEL_STATUS_LABELS[l.status as LabelStatus] ?? l.status}, valable du {frDay(l.validFrom)} au {frDay(l.validUntil)}</li>)}
      </ul>
      <h2>Échéances</h2>
      <form method="get" action={`/organisations/${p.orgId}/calendrier`} class="fr-mb-2w">
        <div class="fr-select-group">
          <label class="fr-label" for="voir">Échéances affichées</label>
          <select class="fr-select" id="voir" name="voir">
            <option value="ouvertes" selected={p.show === 'open'}>À faire (à venir, à échéance, en retard)</option>
            <option value="toutes" selected={p.show === 'all'}>Toutes, y compris les obligations faites</option>
          </select>
        </div>
        <button type="submit" class="fr-btn fr-btn--secondary fr-btn--sm">Afficher</button>
      </form>
      <div class="fr-table lg-table-wrap">
        <table>
          <caption>Échéances de l’organisme</caption>
          <thead><tr><th scope="col">Échéance</th><th scope="col">Obligation</th><th scope="col">Formation</th><th scope="col">Session</th><th scope="col">État</th></tr></thead>
          <tbody>
            {shown.length === 0 ? <tr><td colspan={5}>Aucune échéance.</td></tr> : null}
            {shown.map((o) => (
              <tr>
                <td>{frDay(o.obligation.dueOn)}</td>
                <td>{(() => {
                  const text = `${OBLIGATION_KIND_LABELS[o.obligation.kind as ObligationKind]}${o.obligation.year ? ` ${o.obligation.year}` : ''}`;
                  const href = p.learnerPages && o.state !== 'done' ? obligationHref(p.orgId, o.obligation) : null;
                  return href ? <a href={href}>{text}</a> : text;
                })()}</td>
                <td><a href={labelHref(o.obligation.labelId)}>{o.trainingTitle}</a></td>
                <td>{o.obligation.sessionId && o.sessionName ? <a href={`${labelHref(o.obligation.labelId)}/${o.obligation.sessionId}`}>{o.sessionName}</a> : '—'}</td>
                <td><ObligationBadge state={o.state} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Sessions</h2>
      <div class="fr-table lg-table-wrap">
        <table>
          <caption>Sessions de l’organisme</caption>
          <thead><tr><th scope="col">Session</th><th scope="col">Formation</th><th scope="col">Démarrage</th><th scope="col">Fin</th><th scope="col">Statut</th></tr></thead>
          <tbody>
            {p.sessions.length === 0 ? <tr><td colspan={5}>Aucune session déclarée.</td></tr> : null}
            {p.sessions.map(({ session: s, trainingTitle }) => (
              <tr>
                <td><a href={`${labelHref(s.labelId)}/${s.id}`}>{s.name}</a></td>
                <td>{trainingTitle}</td>
                <td>{frDay(s.actualStart ?? s.plannedStart)}</td>
                <td>{frDay(s.actualEnd ?? s.plannedEnd)}</td>
                <td>{SESSION_STATUS_LABELS[s.status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 id="abonnement">S’abonner au calendrier</h2>
      {p.regenerated ? (
        <div class="fr-alert fr-alert--success fr-mb-3w">
          <h3 class="fr-alert__title">Nouveau lien créé</h3>
          <p>L’ancien lien ne fonctionne plus. Copiez le nouveau lien maintenant : pour votre sécurité, il ne sera plus affiché (vous pourrez en créer un autre).</p>
        </div>
      ) : null}
      <p>Ajoutez ce lien privé à votre agenda (Outlook, Thunderbird, Google Agenda…) pour y voir les échéances et les sessions. Ne le partagez qu’au sein de votre organisme.</p>
      {p.feedUrl ? (
        <>
          <div class="fr-input-group">
            <label class="fr-label" for="lien-ics">Lien du calendrier (format iCalendar)</label>
            <input class="fr-input" id="lien-ics" type="text" readonly value={p.feedUrl} />
          </div>
          <p><a class="fr-link fr-icon-calendar-line fr-link--icon-left" href={p.feedUrl}>Télécharger le calendrier (.ics)</a></p>
        </>
      ) : (
        <p>Le lien en vigueur a été créé le {p.feedSince}. Il n’est affiché qu’à sa création ; si vous l’avez perdu, {p.isAdmin ? 'régénérez-le ci-dessous' : 'demandez à un administrateur de l’organisme de le régénérer'}.</p>
      )}
      {p.isAdmin ? (
        <form method="post" action={`/organisations/${p.orgId}/calendrier/lien`} class="fr-mt-2w">
          <input type="hidden" name="_csrf" value={p.ctx.csrfToken} />
          <p class="fr-hint-text" id="regenerer-aide">Si le lien a circulé hors de l’organisme, régénérez-le : l’ancien lien cessera aussitôt de fonctionner et les agendas abonnés devront utiliser le nouveau.</p>
          <button type="submit" class="fr-btn fr-btn--secondary" aria-describedby="regenerer-aide">Régénérer le lien</button>
        </form>
      ) : null}
    </Layout>
  );
}
