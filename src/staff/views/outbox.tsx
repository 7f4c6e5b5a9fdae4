/**
 * Admin pages of the outbox. A mail's HTML version is shown as escaped source, never rendered:
 * a rendered copy would need a frame, and the platform's CSP (frame-ancestors 'none', no inline
 * style) is applied to every response, so it could not be displayed faithfully nor isolated.
 */
import { Layout, type PageContext } from '../../platform/views/layout.js';
import type { mailOutbox } from '../../platform/mail/mail.schema.js';
import { parisDate, Pagination, STAFF_CRUMB } from './common.js';

type MailRow = typeof mailOutbox.$inferSelect;

const STATUS: Record<MailRow['status'], string> = {
  stored: 'Conservé (pas de serveur SMTP)',
  queued: 'En attente d’envoi',
  sent: 'Envoyé',
  failed: 'Échec de l’envoi',
};

/** Page /gestion/courriels. */
export function OutboxPage({ ctx, to, page, size, rows, total }: { ctx: PageContext; to: string; page: number; size: number; rows: MailRow[]; total: number }) {
  return (
    <Layout ctx={ctx} title="Courriels envoyés" breadcrumb={[STAFF_CRUMB]}>
      <h1>Courriels envoyés</h1>
      <form method="get" action="/gestion/courriels" class="fr-mb-4w">
        <div class="fr-search-bar" role="search">
          <label class="fr-label" for="destinataire">Filtrer par destinataire</label>
          <input class="fr-input" type="search" id="destinataire" name="destinataire" value={to} placeholder="Adresse du destinataire" />
          <button class="fr-btn" type="submit" title="Filtrer">Filtrer</button>
        </div>
      </form>
      <div class="fr-table lg-table-wrap">
        <table>
          <caption>{to ? `Courriels adressés à « ${to} » : ${total}` : `Tous les courriels : ${total}`}</caption>
          <thead>
            <tr>
              <th scope="col">Objet</th>
              <th scope="col">Destinataire</th>
              <th scope="col">Créé le</th>
              <th scope="col">État</th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? <tr><td colspan={4}>Aucun courriel.</td></tr> : rows.map((m) => (
              <tr>
                <th scope="row"><a href={`/gestion/courriels/${m.id}`}>{m.subject}</a></th>
                <td>{m.to}</td>
                <td>{parisDate(m.createdAt)}</td>
                <td>{STATUS[m.status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination page={page} total={total} size={size} base="/gestion/courriels" params={{ destinataire: to }} />
    </Layout>
  );
}

/** Page /gestion/courriels/:mailId. */
export function MailPage({ ctx, mail }: { ctx: PageContext; mail: MailRow }) {
  return (
    <Layout ctx={ctx} title={`Courriel : ${mail.subject}`} breadcrumb={[STAFF_CRUMB, { label: 'Courriels envoyés', href: '/gestion/courriels' }]}>
      <h1>{mail.subject}</h1>
      <div class="fr-table">
        <table>
          <caption>Informations d’envoi</caption>
          <tbody>
            <tr><th scope="row">Destinataire</th><td>{mail.to}</td></tr>
            <tr><th scope="row">Modèle</th><td><code>{mail.template}</code></td></tr>
            <tr><th scope="row">Créé le</th><td>{parisDate(mail.createdAt)}</td></tr>
            <tr><th scope="row">État</th><td>{STATUS[mail.status]}{mail.error ? ` : ${mail.error}` : ''}</td></tr>
            <tr><th scope="row">Envoyé le</th><td>{parisDate(mail.sentAt)}</td></tr>
            <tr><th scope="row">Tentatives</th><td>{mail.attempts}</td></tr>
          </tbody>
        </table>
      </div>
      <h2>Version texte</h2>
      <pre class="lg-mail-text fr-p-2w">{mail.text}</pre>
      <h2>Version HTML</h2>
      <details class="fr-mb-4w">
        <summary>Afficher le code source HTML du courriel</summary>
        <pre class="lg-mail-text fr-p-2w">{mail.html}</pre>
      </details>
    </Layout>
  );
}
