/** The staff inbox: filters, search, and the tickets most urgent first. */
import { Layout, type PageContext } from '../../platform/views/layout.js';
import { Pagination } from '../../staff/views/common.js';
import { PRIORITIES, PRIORITY_LABELS, STATUSES, STATUS_LABELS, TOPIC_SHORT, type Priority, type TicketStatus, type Topic } from '../support.js';
import { PriorityBadge, StatusBadge, parisDate } from './parts.js';

/** A row of the inbox. */
export interface InboxRow {
  id: string; number: string; subject: string; topic: Topic; status: TicketStatus; priority: Priority; assigneeName: string | null;
  firstAnswerDueAt: Date; firstAnsweredAt: Date | null; createdAt: Date; flaggedForMonitoring: boolean; email: string;
}

/** Props of the inbox. */
export interface InboxProps {
  ctx: PageContext;
  rows: InboxRow[];
  total: number;
  page: number;
  size: number;
  params: Record<string, string>;
  topics: Topic[];
  staffPeople: { id: string; fullName: string }[];
  now: Date;
  /** The actor plans inspections (monitoring, admin): link to them. */
  showInspections?: boolean;
}

const crumbs = [{ label: 'Espace GEN', href: '/gestion' }];

function SelectFilter({ name, label, value, options }: { name: string; label: string; value: string; options: { value: string; label: string }[] }) {
  return (
    <div class="fr-select-group fr-col-12 fr-col-md-3">
      <label class="fr-label" for={`filtre-${name}`}>{label}</label>
      <select class="fr-select" id={`filtre-${name}`} name={name}>
        {options.map((o) => <option value={o.value} selected={o.value === value}>{o.label}</option>)}
      </select>
    </div>
  );
}

/** Whether the first answer is late. */
export function isOverdue(t: { firstAnsweredAt: Date | null; firstAnswerDueAt: Date; status: TicketStatus }, now: Date): boolean {
  return !t.firstAnsweredAt && ['new', 'open', 'waiting'].includes(t.status) && t.firstAnswerDueAt < now;
}

/** The inbox page. */
export function InboxPage(p: InboxProps) {
  const v = p.params;
  return (
    <Layout ctx={p.ctx} title="Demandes d’assistance" breadcrumb={crumbs}>
      <h1>Demandes d’assistance</h1>
      <ul class="fr-btns-group fr-btns-group--inline-md fr-btns-group--sm">
        <li><a class="fr-btn fr-btn--secondary" href="/gestion/support/reponses-types">Réponses types</a></li>
        <li><a class="fr-btn fr-btn--secondary" href="/gestion/support/aide">Articles du centre d’aide</a></li>
        <li><a class="fr-btn fr-btn--secondary" href="/gestion/support/chiffres">Chiffres</a></li>
        {p.showInspections ? <li><a class="fr-btn fr-btn--secondary" href="/gestion/inspections">Inspections</a></li> : null}
      </ul>
      <form method="get" action="/gestion/support" class="fr-mb-4w" aria-label="Filtrer les demandes">
        <div class="fr-grid-row fr-grid-row--gutters">
          <div class="fr-input-group fr-col-12 fr-col-md-6">
            <label class="fr-label" for="filtre-q">Rechercher<span class="fr-hint-text">Numéro, adresse, nom, objet, formation ou texte des messages</span></label>
            <input class="fr-input" type="search" id="filtre-q" name="q" value={v.q ?? ''} />
          </div>
          <SelectFilter name="statut" label="État" value={v.statut ?? 'actives'} options={[{ value: 'actives', label: 'À traiter (nouvelles, en cours, en attente)' }, { value: 'toutes', label: 'Tous les états' }, ...STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))]} />
          <SelectFilter name="sujet" label="Sujet" value={v.sujet ?? ''} options={[{ value: '', label: 'Tous les sujets' }, ...p.topics.map((t) => ({ value: t, label: TOPIC_SHORT[t] }))]} />
          <SelectFilter name="priorite" label="Priorité" value={v.priorite ?? ''} options={[{ value: '', label: 'Toutes' }, ...PRIORITIES.map((x) => ({ value: x, label: PRIORITY_LABELS[x] }))]} />
          <SelectFilter name="responsable" label="Responsable" value={v.responsable ?? ''} options={[{ value: '', label: 'Tout le monde' }, { value: 'moi', label: 'Moi' }, { value: 'personne', label: 'Personne' }, ...p.staffPeople.map((s) => ({ value: s.id, label: s.fullName }))]} />
          <div class="fr-col-12 fr-col-md-6">
            <fieldset class="fr-fieldset" aria-labelledby="filtre-options-legende">
              <legend class="fr-fieldset__legend fr-fieldset__legend--regular" id="filtre-options-legende">Options</legend>
              <div class="fr-fieldset__element fr-fieldset__element--inline"><div class="fr-checkbox-group">
                <input type="checkbox" id="filtre-retard" name="retard" value="1" checked={v.retard === '1'} /><label class="fr-label" for="filtre-retard">Première réponse en retard</label>
              </div></div>
              <div class="fr-fieldset__element fr-fieldset__element--inline"><div class="fr-checkbox-group">
                <input type="checkbox" id="filtre-signalees" name="signalees" value="1" checked={v.signalees === '1'} /><label class="fr-label" for="filtre-signalees">Réclamations signalées au suivi-évaluation</label>
              </div></div>
            </fieldset>
          </div>
        </div>
        <button class="fr-btn" type="submit">Filtrer</button>
      </form>
      <p role="status">{`${p.total} demande${p.total > 1 ? 's' : ''}`}</p>
      {p.rows.length > 0 ? (
        <div class="fr-table lg-table-wrap"><table>
          <caption class="fr-sr-only">Demandes, la première réponse la plus urgente d’abord</caption>
          <thead><tr><th scope="col">Numéro</th><th scope="col">Objet</th><th scope="col">Sujet</th><th scope="col">État</th><th scope="col">Priorité</th><th scope="col">Responsable</th><th scope="col">Première réponse attendue</th></tr></thead>
          <tbody>{p.rows.map((t) => (
            <tr>
              <td><a href={`/gestion/support/${t.id}`}>{t.number}</a></td>
              <td>{t.subject}<br /><span class="fr-text--xs">{t.email}</span></td>
              <td>{TOPIC_SHORT[t.topic]}{t.flaggedForMonitoring ? <p class="fr-badge fr-badge--sm fr-badge--error fr-badge--no-icon">Signalée</p> : null}</td>
              <td><StatusBadge status={t.status} /></td>
              <td><PriorityBadge priority={t.priority} /></td>
              <td>{t.assigneeName ?? '—'}</td>
              <td>{t.firstAnsweredAt ? `Répondu le ${parisDate(t.firstAnsweredAt)}` : <>{parisDate(t.firstAnswerDueAt)}{isOverdue(t, p.now) ? <p class="fr-badge fr-badge--sm fr-badge--error">En retard</p> : null}</>}</td>
            </tr>
          ))}</tbody>
        </table></div>
      ) : <p>Aucune demande ne correspond à ces critères.</p>}
      <Pagination page={p.page} total={p.total} size={p.size} base="/gestion/support" params={v} />
    </Layout>
  );
}
