/** A ticket as staff see it: details, state buttons, the conversation with notes, reply, note, triage, merge, history. */
import { Layout, type PageContext } from '../../platform/views/layout.js';
import { ErrorSummary, Form, Input, Radios, Select, Submit, Textarea, type FormState } from '../../platform/views/ui.js';
import { PRIORITIES, PRIORITY_LABELS, REQUESTER_LABELS, SATISFACTION_LABELS, STATUS_LABELS, TOPIC_SHORT, type TicketStatus, type Topic } from '../support.js';
import { EVENT_LABELS, type TicketEvent } from '../support.states.js';
import type { TicketRow } from '../tickets.store.js';
import { Conversation, PriorityBadge, StatusBadge, parisDate, type MessageView } from './parts.js';
import { isOverdue } from './inbox.js';

/** Props of the staff ticket page. */
export interface StaffTicketProps {
  ctx: PageContext;
  ticket: TicketRow & { assigneeName: string | null; mergedIntoNumber: string | null };
  messages: MessageView[];
  events: TicketEvent[];
  topics: Topic[];
  staffPeople: { id: string; fullName: string }[];
  macros: { id: string; title: string }[];
  /** Text put in the reply box by a saved reply. */
  prefill: string;
  history: { at: Date; actor: string; from: string; to: string }[];
  now: Date;
  /** The actor may plan an inspection (monitoring, admin) and this is a complaint about a label. */
  mayOpenInspection?: boolean;
  state?: FormState;
}

/** The staff ticket page. */
export function StaffTicketPage(p: StaffTicketProps) {
  const t = p.ticket;
  const errors = p.state?.errors ?? {};
  const values = { reponse: p.prefill, apres: 'await_requester', priorite: t.priority, responsable: t.assigneeId ?? '', sujet: t.topic, ...p.state?.values };
  const state: FormState = { errors, values };
  const version = <input type="hidden" name="version" value={String(t.version)} />;
  const action = (verb: string) => `/gestion/support/${t.id}/${verb}`;
  return (
    <Layout ctx={p.ctx} title={`Demande ${t.number}`} hasErrors={Object.keys(errors).length > 0} breadcrumb={[{ label: 'Espace GEN', href: '/gestion' }, { label: 'Demandes d’assistance', href: '/gestion/support' }]}>
      <ErrorSummary errors={errors} fieldOrder={['reponse', 'apres', 'note', 'priorite', 'responsable', 'sujet', 'cible', '_form']} />
      <h1>{`Demande ${t.number} : ${t.subject}`}</h1>
      <ul class="fr-badges-group">
        <li><StatusBadge status={t.status} /></li>
        <li><PriorityBadge priority={t.priority} /></li>
        {t.flaggedForMonitoring ? <li><p class="fr-badge fr-badge--sm fr-badge--error fr-badge--no-icon">Réclamation signalée au suivi-évaluation</p></li> : null}
        {isOverdue(t, p.now) ? <li><p class="fr-badge fr-badge--sm fr-badge--error">Première réponse en retard</p></li> : null}
      </ul>
      {p.mayOpenInspection ? (
        <p><a class="fr-btn fr-btn--secondary fr-btn--sm" href={`/gestion/inspections/nouvelle?demande=${t.id}`}>Ouvrir une inspection</a></p>
      ) : null}
      {t.mergedIntoNumber ? <p>{`Fusionnée dans la demande ${t.mergedIntoNumber} : `}<a href={`/gestion/support/${t.mergedIntoId}`}>ouvrir la demande conservée</a></p> : null}
      <dl class="lg-details fr-mt-2w">
        <dt>Demandeur</dt><dd>{t.anonymisedAt
          ? `${REQUESTER_LABELS[t.requesterKind]} — données personnelles effacées le ${parisDate(t.anonymisedAt)} (durée de conservation écoulée)`
          : `${t.requesterName || '(nom non indiqué)'} <${t.email}> — ${REQUESTER_LABELS[t.requesterKind]}`}</dd>
        <dt>Sujet</dt><dd>{TOPIC_SHORT[t.topic]}</dd>
        {t.trainingLabel ? <><dt>Formation</dt><dd>{t.trainingLabel}{t.trainingRef ? '' : ' (décrite par le demandeur, non rattachée à un label)'}</dd></> : null}
        {t.topic === 'complaint' ? <><dt>Identité</dt><dd>{t.shareIdentity ? 'Peut être communiquée à l’organisme' : 'Ne pas communiquer à l’organisme'}</dd></> : null}
        <dt>Reçue le</dt><dd>{parisDate(t.createdAt)}</dd>
        <dt>Première réponse</dt><dd>{t.firstAnsweredAt ? `envoyée le ${parisDate(t.firstAnsweredAt)}` : `attendue au plus tard le ${parisDate(t.firstAnswerDueAt)}`}</dd>
        <dt>Responsable</dt><dd>{t.assigneeName ?? 'Personne'}</dd>
        {t.satisfaction ? <><dt>Satisfaction</dt><dd>{`${SATISFACTION_LABELS[t.satisfaction]}${t.satisfactionComment ? ` — « ${t.satisfactionComment} »` : ''}`}</dd></> : null}
      </dl>
      {p.events.length > 0 ? (
        <ul class="fr-btns-group fr-btns-group--inline-md fr-btns-group--sm">
          {p.events.map((e) => (
            <li><Form action={action('statut')} csrf={p.ctx.csrfToken}>{version}<input type="hidden" name="evenement" value={e} /><Submit label={EVENT_LABELS[e]} secondary /></Form></li>
          ))}
        </ul>
      ) : null}
      <h2>Échanges</h2>
      <Conversation messages={p.messages} />
      {t.status !== 'closed' ? (
        <section aria-labelledby="repondre-titre">
          <h2 id="repondre-titre">Répondre au demandeur</h2>
          {p.macros.length > 0 ? (
            <form method="get" action={`/gestion/support/${t.id}`} class="fr-mb-2w">
              <div class="fr-select-group">
                <label class="fr-label" for="macro">Partir d’une réponse type</label>
                <select class="fr-select" id="macro" name="macro">{p.macros.map((m) => <option value={m.id}>{m.title}</option>)}</select>
              </div>
              <button type="submit" class="fr-btn fr-btn--tertiary fr-btn--sm">Insérer la réponse type</button>
            </form>
          ) : null}
          <Form action={action('repondre')} csrf={p.ctx.csrfToken}>
            {version}
            <Textarea name="reponse" label="Réponse envoyée par courriel" hint="Le demandeur la reçoit avec un lien pour répondre." state={state} rows={8} maxlength={10000} />
            <Radios name="apres" label="Ensuite, la demande est" state={state} options={[
              { value: 'await_requester', label: STATUS_LABELS.waiting }, { value: 'resolve', label: STATUS_LABELS.resolved }, { value: 'keep', label: 'En cours (je reviendrai vers le demandeur)' },
            ]} />
            <Submit label="Envoyer la réponse" />
          </Form>
        </section>
      ) : null}
      <section aria-labelledby="note-titre" class="fr-mt-4w">
        <h2 id="note-titre">Note interne</h2>
        <Form action={action('note')} csrf={p.ctx.csrfToken}>
          <Textarea name="note" label="Note pour l’équipe" hint="Jamais montrée ni envoyée au demandeur." state={state} rows={3} maxlength={5000} />
          <Submit label="Ajouter la note" secondary />
        </Form>
      </section>
      <section aria-labelledby="classement-titre" class="fr-mt-4w">
        <h2 id="classement-titre">Classement</h2>
        <Form action={action('classement')} csrf={p.ctx.csrfToken}>
          {version}
          <Select name="priorite" label="Priorité" state={state} options={PRIORITIES.map((x) => ({ value: x, label: PRIORITY_LABELS[x] }))} />
          <Select name="responsable" label="Responsable" required={false} placeholder="Personne" state={state} options={p.staffPeople.map((s) => ({ value: s.id, label: s.fullName }))} />
          <Select name="sujet" label="Sujet" hint="Le sujet décide qui voit la demande : une réclamation va au suivi-évaluation, une demande sur les données personnelles aux administrateurs." state={state} options={p.topics.map((x) => ({ value: x, label: TOPIC_SHORT[x] }))} />
          <Submit label="Enregistrer le classement" secondary />
        </Form>
      </section>
      {['new', 'open', 'waiting'].includes(t.status) ? (
        <section aria-labelledby="fusion-titre" class="fr-mt-4w">
          <h2 id="fusion-titre">Doublon</h2>
          <Form action={action('fusion')} csrf={p.ctx.csrfToken}>
            {version}
            <Input name="cible" label="Fusionner cette demande dans la demande n°" hint="Ses messages et pièces jointes rejoignent la demande indiquée ; celle-ci est clôturée. Exemple : GEN-T-2025-00012" state={{ errors, values: p.state?.values }} spellcheck={false} />
            <Submit label="Fusionner" secondary />
          </Form>
        </section>
      ) : null}
      <section aria-labelledby="historique-titre" class="fr-mt-4w">
        <h2 id="historique-titre">Historique des états</h2>
        {p.history.length === 0 ? <p>Aucun changement d’état.</p> : (
          <ul>{p.history.map((h) => <li>{`${parisDate(h.at)} — ${h.actor} : ${label(h.from)} → ${label(h.to)}`}</li>)}</ul>
        )}
      </section>
    </Layout>
  );
}

function label(s: string): string {
  return STATUS_LABELS[s as TicketStatus] ?? s;
}
