/** What the requester sees: their ticket (through the private link or their space) and the list of their tickets. */
import { Layout, type PageContext } from '../../platform/views/layout.js';
import { ErrorSummary, Form, Radios, Submit, Textarea, type FormState } from '../../platform/views/ui.js';
import { SATISFACTION_LABELS, TOPIC_SHORT, type Topic, type TicketStatus } from '../support.js';
import { AttachmentsField, Conversation, StatusBadge, parisDate, type MessageView } from './parts.js';

/** A ticket as its requester sees it (never internal notes). */
export interface RequesterTicketView {
  number: string; subject: string; topic: Topic; status: TicketStatus; createdAt: Date; trainingLabel: string;
  mergedInto: string | null; satisfaction: number | null;
}

/** Props of the requester's ticket page. */
export interface RequesterTicketProps {
  ctx: PageContext;
  ticket: RequesterTicketView;
  messages: MessageView[];
  /** Base path of the forms (/demande/<token> or /compte/demandes/<id>). */
  base: string;
  mayReply: boolean;
  asksSatisfaction: boolean;
  state?: FormState;
  signedInSpace?: boolean;
}

/** The ticket, its conversation, the reply form and the satisfaction question. */
export function RequesterTicketPage(p: RequesterTicketProps) {
  const t = p.ticket;
  const hasErrors = !!p.state?.errors && Object.keys(p.state.errors).length > 0;
  const crumbs = p.signedInSpace ? [{ label: 'Mon compte', href: '/compte' }, { label: 'Mes demandes', href: '/compte/demandes' }] : [{ label: 'Accueil', href: '/' }];
  return (
    <Layout ctx={p.ctx} title={`Demande ${t.number}`} hasErrors={hasErrors} breadcrumb={crumbs}>
      <h1>{`Demande ${t.number}`}</h1>
      <StatusBadge status={t.status} />
      <dl class="lg-details fr-mt-2w">
        <dt>Objet</dt><dd>{t.subject}</dd>
        <dt>Sujet</dt><dd>{TOPIC_SHORT[t.topic]}</dd>
        {t.trainingLabel ? <><dt>Formation</dt><dd>{t.trainingLabel}</dd></> : null}
        <dt>Envoyée le</dt><dd>{parisDate(t.createdAt)}</dd>
      </dl>
      {t.mergedInto ? <div class="fr-notice fr-notice--info fr-mb-3w"><div class="fr-container"><p class="fr-notice__title">{`Cette demande a été regroupée avec la demande ${t.mergedInto}.`}</p></div></div> : null}
      <ErrorSummary errors={p.state?.errors} fieldOrder={['message', 'pieces', 'note', '_form']} />
      <h2>Échanges</h2>
      <Conversation messages={p.messages} requesterView />
      {p.mayReply ? (
        <section aria-labelledby="repondre-titre">
          <h2 id="repondre-titre">Répondre</h2>
          <Form action={`${p.base}/repondre`} csrf={p.ctx.csrfToken} multipart>
            <Textarea name="message" label="Votre message" state={p.state} rows={6} maxlength={5000} />
            <AttachmentsField state={p.state} />
            <Submit label="Envoyer ma réponse" />
          </Form>
        </section>
      ) : t.status === 'closed' ? <p>Cette demande est clôturée. Pour une nouvelle question, <a href="/contact">écrivez-nous</a>.</p> : null}
      {p.asksSatisfaction ? (
        <section aria-labelledby="avis" class="fr-mt-4w">
          <h2 id="avis" tabindex={-1}>Votre avis</h2>
          <Form action={`${p.base}/avis`} csrf={p.ctx.csrfToken}>
            <Radios name="note" label="Êtes-vous satisfait de la réponse apportée à votre demande ?" state={p.state}
              options={[5, 4, 3, 2, 1].map((n) => ({ value: String(n), label: SATISFACTION_LABELS[n]! }))} />
            <Textarea name="commentaire" label="Un commentaire" required={false} state={p.state} rows={3} maxlength={2000} />
            <Submit label="Envoyer mon avis" secondary />
          </Form>
        </section>
      ) : t.satisfaction ? <p class="fr-mt-4w">{`Merci pour votre avis : « ${SATISFACTION_LABELS[t.satisfaction]} ».`}</p> : null}
    </Layout>
  );
}

/** The list of the signed-in person's tickets. */
export function MyTicketsPage({ ctx, tickets }: { ctx: PageContext; tickets: { id: string; number: string; subject: string; status: TicketStatus; createdAt: Date }[] }) {
  return (
    <Layout ctx={ctx} title="Mes demandes" breadcrumb={[{ label: 'Mon compte', href: '/compte' }]}>
      <h1>Mes demandes</h1>
      <p>Les demandes envoyées depuis la <a href="/contact">page de contact</a> avec votre adresse électronique.</p>
      {tickets.length === 0 ? <p>Vous n’avez encore envoyé aucune demande.</p> : (
        <div class="fr-table"><table>
          <caption>Vos demandes, les plus récentes d’abord</caption>
          <thead><tr><th scope="col">Numéro</th><th scope="col">Objet</th><th scope="col">État</th><th scope="col">Envoyée le</th></tr></thead>
          <tbody>{tickets.map((t) => (
            <tr><td><a href={`/compte/demandes/${t.id}`}>{t.number}</a></td><td>{t.subject}</td><td><StatusBadge status={t.status} /></td><td>{parisDate(t.createdAt)}</td></tr>
          ))}</tbody>
        </table></div>
      )}
    </Layout>
  );
}
