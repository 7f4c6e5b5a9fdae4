/** Pieces shared by the support pages: badges, dates, the conversation of a ticket, a checkbox, a file field. */
import { formatParis } from '../../calls/call.js';
import { STATUS_LABELS, PRIORITY_LABELS, type Priority, type TicketStatus } from '../support.js';
import type { FormState } from '../../platform/views/ui.js';

/** A date in Paris time, or a dash. */
export function parisDate(d: Date | null | undefined): string {
  return d ? formatParis(d) : '—';
}

const STATUS_BADGE: Record<TicketStatus, string> = { new: 'fr-badge--new', open: 'fr-badge--info', waiting: 'fr-badge--warning', resolved: 'fr-badge--success', closed: '' };

/** The state of a ticket as a DSFR badge. */
export function StatusBadge({ status }: { status: TicketStatus }) {
  return <p class={`fr-badge fr-badge--sm ${STATUS_BADGE[status]}`}>{STATUS_LABELS[status]}</p>;
}

/** The priority as a badge (only high and urgent stand out). */
export function PriorityBadge({ priority }: { priority: Priority }) {
  const cls = priority === 'urgent' ? 'fr-badge--error' : priority === 'high' ? 'fr-badge--warning' : '';
  return <p class={`fr-badge fr-badge--sm fr-badge--no-icon ${cls}`}>{`Priorité ${PRIORITY_LABELS[priority].toLowerCase()}`}</p>;
}

/** A message as pages show it. */
export interface MessageView {
  id: string;
  kind: 'requester' | 'staff_reply' | 'internal_note';
  author: string;
  body: string;
  createdAt: Date;
  mergedFromNumber: string | null;
  /** 'email' when the requester answered by email. */
  channel?: string;
  attachments: { href: string; fileName: string; size: number }[];
}

const KIND_TITLE: Record<MessageView['kind'], string> = { requester: 'Message du demandeur', staff_reply: 'Réponse de l’équipe GEN', internal_note: 'Note interne (invisible pour le demandeur)' };

/** The conversation, oldest first; internal notes stand out and only reach this component on staff pages. */
export function Conversation({ messages, requesterView }: { messages: MessageView[]; requesterView?: boolean }) {
  return (
    <ol class="lg-conversation">
      {messages.map((m) => (
        <li class={`lg-message lg-message--${m.kind}`}>
          <h3 class="fr-h6 fr-mb-1v">
            {requesterView ? (m.kind === 'requester' ? 'Votre message' : 'Réponse de l’équipe GEN') : `${KIND_TITLE[m.kind]} — ${m.author}`}
          </h3>
          <p class="fr-text--sm fr-mb-1w">{parisDate(m.createdAt)}{m.channel === 'email' ? ' · reçu par courriel' : ''}{m.mergedFromNumber ? ` · venant de la demande ${m.mergedFromNumber}` : ''}</p>
          <div class="lg-message__body">{m.body.split(/\n{2,}/).map((p) => <p>{p}</p>)}</div>
          {m.attachments.length > 0 ? (
            <ul class="fr-mt-1w">{m.attachments.map((a) => <li><a class="fr-link fr-link--sm" href={a.href}>{`${a.fileName} (${Math.ceil(a.size / 1024)} ko)`}</a></li>)}</ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

/** One checkbox with its label and hint. */
export function Checkbox({ name, label, hint, state }: { name: string; label: string; hint?: string; state?: FormState }) {
  const v = state?.values?.[name];
  return (
    <div class="fr-checkbox-group fr-mb-3w">
      <input type="checkbox" id={name} name={name} value="oui" checked={v === 'oui'} aria-describedby={hint ? `${name}-aide` : undefined} />
      <label class="fr-label" for={name}>{label}{hint ? <span class="fr-hint-text" id={`${name}-aide`}>{hint}</span> : null}</label>
    </div>
  );
}

/** The attachments field (PDF, PNG, JPEG; at most 3 files of 5 Mo). */
export function AttachmentsField({ state }: { state?: FormState }) {
  const error = state?.errors?.pieces;
  return (
    <div class={`fr-upload-group fr-mb-3w${error ? ' fr-input-group--error' : ''}`}>
      <label class="fr-label" for="pieces">
        Pièces jointes (facultatif)
        <span class="fr-hint-text" id="pieces-aide">Au plus 3 fichiers PDF, PNG ou JPEG de 5 Mo chacun. En cas d’erreur dans le formulaire, choisissez-les à nouveau.</span>
      </label>
      <input class="fr-upload" type="file" id="pieces" name="pieces" multiple accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
        aria-describedby={`pieces-aide${error ? ' pieces-erreur' : ''}`} aria-invalid={error ? 'true' : undefined} />
      {error ? <p id="pieces-erreur" class="fr-error-text">{error}</p> : null}
    </div>
  );
}
