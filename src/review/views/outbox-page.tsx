/** The meeting's outbox of decision mails (pretalx style): each draft previewed and editable, then sent in bulk. */
import { Layout, type PageContext } from '../../platform/views/layout.js';
import { ErrorSummary, Form, type FormState } from '../../platform/views/ui.js';
import { frenchDate } from '../review.js';
import { OUTCOME_LABELS } from '../minutes-pdf.js';
import { COMMITTEE, meetingPath, parisDateTime, reviewPath } from './parts.js';

/** Props of the page. */
export interface OutboxProps {
  ctx: PageContext;
  meeting: { id: string; heldOn: string };
  mails: { mail: { decisionId: string; subject: string; body: string; sentAt: Date | null; editedAt: Date | null }; outcome: 'labelled' | 'rejected' | 'deferred'; applicationId: string; trainingTitle: string; organisationName: string }[];
  editing?: { decisionId: string; state: FormState };
  message?: string;
}

/** The page. */
export function OutboxPage(p: OutboxProps) {
  const path = meetingPath(p.meeting.id);
  const unsent = p.mails.filter((m) => !m.mail.sentAt).length;
  // Summary links go to the field of the mail being edited (ids are unique per mail).
  const ids: Record<string, string> = p.editing ? { subject: `objet-${p.editing.decisionId}`, body: `texte-${p.editing.decisionId}` } : {};
  const errors = { ...Object.fromEntries(Object.entries(p.editing?.state.errors ?? {}).map(([k, v]) => [ids[k] ?? k, v])), ...(p.message ? { _form: p.message } : {}) };
  return (
    <Layout ctx={p.ctx} title={`Courriers de décision – séance du ${frenchDate(p.meeting.heldOn)}`} hasErrors={Object.keys(errors).length > 0}
      breadcrumb={[{ label: 'Espace GEN', href: '/gestion' }, { label: 'Comité de labellisation', href: COMMITTEE }, { label: `Séance du ${frenchDate(p.meeting.heldOn)}`, href: path }]}>
      <ErrorSummary errors={errors} fieldOrder={[ids.subject ?? '', ids.body ?? '']} />
      <h1>Courriers de décision</h1>
      <p>Chaque décision de la séance prépare un courrier au porteur. Relisez-les, modifiez-les si besoin, puis envoyez-les ensemble. Un courrier envoyé ne peut plus être modifié.</p>
      {p.mails.length === 0 ? <p>Aucune décision n’a encore été prise pendant cette séance.</p> : null}
      {unsent > 0 ? (
        <Form action={`${path}/courriers/envoyer`} csrf={p.ctx.csrfToken}>
          <button type="submit" class="fr-btn fr-mb-4w">{unsent > 1 ? `Envoyer les ${unsent} courriers en attente` : 'Envoyer le courrier en attente'}</button>
        </Form>
      ) : p.mails.length ? <p>Tous les courriers ont été envoyés.</p> : null}
      {p.mails.map((m) => {
        const editing = p.editing?.decisionId === m.mail.decisionId ? p.editing.state : undefined;
        const state: FormState = editing ?? { values: { subject: m.mail.subject, body: m.mail.body } };
        return (
          <section class="fr-mb-6w" id={`courrier-${m.mail.decisionId}`} aria-labelledby={`titre-${m.mail.decisionId}`}>
            <h2 class="fr-h5" id={`titre-${m.mail.decisionId}`}><a href={reviewPath(m.applicationId)}>{m.trainingTitle}</a> – {m.organisationName}</h2>
            <p><span class="fr-badge fr-badge--sm">{OUTCOME_LABELS[m.outcome]}</span>{' '}
              {m.mail.sentAt ? <span class="fr-badge fr-badge--sm fr-badge--success">Envoyé le {parisDateTime(m.mail.sentAt)}</span> : <span class="fr-badge fr-badge--sm fr-badge--warning">À envoyer</span>}
              {m.mail.editedAt ? <span class="fr-text--xs"> Modifié le {parisDateTime(m.mail.editedAt)}</span> : null}</p>
            {m.mail.sentAt ? (
              <div class="lg-mail-preview">
                <p><strong>Objet : {m.mail.subject}</strong></p>
                {m.mail.body.split(/\n\s*\n/).map((para) => <p>{para}</p>)}
              </div>
            ) : (
              <Form action={`${path}/courriers/${m.mail.decisionId}`} csrf={p.ctx.csrfToken}>
                <Field id={`objet-${m.mail.decisionId}`} name="subject" label={`Objet du courrier pour ${m.trainingTitle}`} state={state} />
                <Field id={`texte-${m.mail.decisionId}`} name="body" label={`Texte du courrier pour ${m.trainingTitle}`} hint="Séparez les paragraphes par une ligne vide." state={state} rows={8} />
                <button type="submit" class="fr-btn fr-btn--sm fr-btn--secondary">Enregistrer le courrier<span class="fr-sr-only"> pour {m.trainingTitle}</span></button>
              </Form>
            )}
          </section>
        );
      })}
    </Layout>
  );
}

/** A field with an id unique on the page (one form per mail). */
function Field({ id, name, label, hint, state, rows }: { id: string; name: string; label: string; hint?: string; state: FormState; rows?: number }) {
  const error = state.errors?.[name];
  const value = String(state.values?.[name] ?? '');
  const described = [hint ? `${id}-aide` : '', error ? `${id}-erreur` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`fr-input-group${error ? ' fr-input-group--error' : ''}`}>
      <label class="fr-label" for={id}>{label}{hint ? <span class="fr-hint-text" id={`${id}-aide`}>{hint}</span> : null}</label>
      {rows
        ? <textarea class={`fr-input${error ? ' fr-input--error' : ''}`} id={id} name={name} rows={rows} maxlength={10000} aria-describedby={described} aria-invalid={error ? 'true' : undefined}>{value}</textarea>
        : <input class={`fr-input${error ? ' fr-input--error' : ''}`} id={id} name={name} value={value} maxlength={200} aria-describedby={described} aria-invalid={error ? 'true' : undefined} />}
      {error ? <p class="fr-error-text" id={`${id}-erreur`}>{error}</p> : null}
    </div>
  );
}
