/** The thread of an application, on the organisation side and on the staff side: messages, attachments, the form to write. */
import { Layout, type PageContext } from '../../platform/views/layout.js';
import { ErrorSummary, Form, Textarea, type FormState } from '../../platform/views/ui.js';
import { ApplicationShell } from '../../applications/views/shell.js';
import { appPath } from '../../applications/views/paths.js';
import type { ApplicationState } from '../../applications/application.states.js';
import { parisDateTime } from '../../review/views/parts.js';
import { MAX_MESSAGE_FILES, MAX_MESSAGE_LENGTH, paragraphs, type MessageSide } from '../messages.js';
import type { ThreadApplication } from '../messages.policy.js';

/** A message as the thread shows it. */
export interface MessageView {
  id: string; side: MessageSide; authorLabel: string; body: string; createdAt: Date; unread: boolean;
  files: { href: string; fileName: string; size: number }[];
}

/** Props shared by both pages. */
export interface ThreadProps { ctx: PageContext; app: ThreadApplication; messages: MessageView[]; action: string; mayPost: boolean; state?: FormState }

const kb = (n: number) => `${Math.max(1, Math.round(n / 1024)).toLocaleString('fr-FR')} ko`;

function Thread({ ctx, messages, action, mayPost, state }: ThreadProps & { readerSide: MessageSide }) {
  const unread = messages.filter((m) => m.unread).length;
  return (
    <>
      {unread ? <p class="fr-badge fr-badge--new fr-mb-2w">{unread === 1 ? '1 nouveau message' : `${unread} nouveaux messages`}</p> : null}
      {messages.length === 0 ? <p>Aucun message pour l’instant.</p> : (
        <ol class="lg-appmsg-list">
          {messages.map((m) => (
            <li class={`lg-appmsg lg-appmsg--${m.side}`} id={`message-${m.id}`}>
              <p class="fr-text--sm fr-mb-1w">
                <strong>{m.authorLabel}</strong> – <time datetime={m.createdAt.toISOString()}>{parisDateTime(m.createdAt)}</time>
                {m.unread ? <span class="fr-badge fr-badge--sm fr-badge--new fr-ml-1w">Nouveau</span> : null}
              </p>
              <div class="lg-appmsg__body">{paragraphs(m.body).map((p) => <p>{p}</p>)}</div>
              {m.files.length ? (
                <ul class="fr-mb-0">
                  {m.files.map((f) => <li><a class="fr-link fr-link--sm" href={f.href} download>{f.fileName} ({kb(f.size)})</a></li>)}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {mayPost ? (
        <>
          <h2>Écrire un message</h2>
          <Form action={action} csrf={ctx.csrfToken} multipart>
            <Textarea name="message" label="Votre message" state={state} rows={6} maxlength={MAX_MESSAGE_LENGTH} />
            <div class={`fr-upload-group${state?.errors?.pieces ? ' fr-upload-group--error' : ''}`}>
              <label class="fr-label" for="pieces">Pièces jointes (facultatif)
                <span class="fr-hint-text" id="pieces-aide">Au plus {MAX_MESSAGE_FILES} fichiers : PDF, image, document bureautique. Leur contenu est vérifié, quel que soit leur nom.</span>
              </label>
              <input class="fr-upload" type="file" id="pieces" name="pieces" multiple aria-describedby={`pieces-aide${state?.errors?.pieces ? ' pieces-erreur' : ''}`} />
              {state?.errors?.pieces ? <p id="pieces-erreur" class="fr-error-text">{state.errors.pieces}</p> : null}
            </div>
            <button type="submit" class="fr-btn fr-mt-2w">Envoyer le message</button>
          </Form>
        </>
      ) : <p class="fr-mt-2w">La candidature a été retirée : il n’est plus possible d’écrire.</p>}
    </>
  );
}

/** The organisation's page. */
export function MemberThreadPage(p: ThreadProps) {
  const errors = p.state?.errors ?? {};
  const app = { id: p.app.id, trainingTitle: p.app.trainingTitle, state: p.app.state as ApplicationState };
  return (
    <ApplicationShell ctx={p.ctx} title={`Messages – ${p.app.trainingTitle}`} orgId={p.app.organisationId} app={app} hasErrors={Object.keys(errors).length > 0}>
      <ErrorSummary errors={errors} fieldOrder={['message', 'pieces']} />
      <h1>Messages avec l’équipe GEN</h1>
      <p>Candidature « {p.app.trainingTitle} »{p.app.receiptNumber ? `, récépissé n° ${p.app.receiptNumber}` : ''}. <a class="fr-link" href={appPath(p.app.organisationId, p.app.id)}>Retour à la candidature</a></p>
      <p class="fr-text--sm">Chaque message est envoyé aux instructeurs de votre candidature, qui en sont avertis par courriel.</p>
      <Thread {...p} readerSide="organisation" />
    </ApplicationShell>
  );
}

/** The staff page. */
export function StaffThreadPage(p: ThreadProps) {
  const errors = p.state?.errors ?? {};
  return (
    <Layout ctx={p.ctx} title={`Messages – ${p.app.trainingTitle}`} hasErrors={Object.keys(errors).length > 0}
      breadcrumb={[{ label: 'Espace GEN', href: '/gestion' }, { label: 'Candidatures', href: '/gestion/candidatures' }, { label: p.app.trainingTitle, href: `/gestion/candidatures/${p.app.id}` }]}>
      <ErrorSummary errors={errors} fieldOrder={['message', 'pieces']} />
      <h1>Messages avec l’organisme</h1>
      <p>{p.app.organisationName} – candidature « {p.app.trainingTitle} »{p.app.receiptNumber ? `, récépissé n° ${p.app.receiptNumber}` : ''}.</p>
      <p class="fr-text--sm">Les membres de l’organisme sont avertis par courriel de chaque message.</p>
      <Thread {...p} readerSide="staff" />
    </Layout>
  );
}
