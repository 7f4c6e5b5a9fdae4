/** Pieces shared by the label pages: status badge, key facts, signatures, history. */
import { parisDateTime } from '../../platform/pdf/pdf.js';
import { LABEL_STATUS_LABELS, type LabelStatus } from '../label.states.js';
import { euros, firstSessionDeadline, frenchDay } from '../label.js';
import type { LabelRow } from '../labels.store.js';
import type { SignatureRow } from '../agreement.store.js';
import type { CallRules } from '../../calls/call.js';

const BADGE: Record<LabelStatus, string> = {
  pending_agreement: 'fr-badge--new', active: 'fr-badge--success', suspended: 'fr-badge--warning',
  withdrawn: 'fr-badge--error', terminated: 'fr-badge--info', expired: 'fr-badge--info',
};

/** The status as a DSFR badge. */
export function StatusBadge({ status }: { status: LabelStatus }) {
  return <span class={`fr-badge fr-badge--no-icon ${BADGE[status]}`}>{LABEL_STATUS_LABELS[status]}</span>;
}

/** The key facts of a label. */
export function LabelFacts({ label, callTitle, organisationName, rules, seedGrant }: { label: LabelRow; callTitle: string; organisationName: string; rules: CallRules; seedGrant: number | null }) {
  return (
    <dl class="lg-details">
      <dt>Numéro</dt><dd>{label.number}</dd>
      <dt>Formation</dt><dd>{label.trainingTitle}</dd>
      <dt>Organisme</dt><dd>{organisationName}</dd>
      <dt>Appel</dt><dd>{callTitle}</dd>
      <dt>Statut</dt><dd><StatusBadge status={label.status} />{label.statusReason && label.status !== 'active' && label.status !== 'pending_agreement' ? <> – {label.statusReason}</> : null}</dd>
      <dt>Validité</dt>
      <dd>{label.validFrom ? `du ${frenchDay(label.validFrom)} au ${frenchDay(label.validUntil)} inclus` : `${rules.durations.labelYears} ans à compter de la signature complète de la convention`}</dd>
      {label.validFrom ? <><dt>Première session au plus tard le</dt><dd>{frenchDay(firstSessionDeadline(label.validFrom, rules.durations.firstSessionWithinMonths))}</dd></> : null}
      <dt>Subvention d’amorçage</dt><dd>{seedGrant && seedGrant > 0 ? euros(seedGrant) : 'Aucune'}</dd>
    </dl>
  );
}

const KIND: Record<SignatureRow['kind'], string> = {
  organisation: 'Signature de l’organisme',
  countersignature: 'Contresignature de la GEN',
  signed_copy: 'Copie signée enregistrée par la GEN',
};

/** The signatures recorded so far, with the hash of each signed document. */
export function Signatures({ signatures }: { signatures: SignatureRow[] }) {
  if (signatures.length === 0) return <p>La convention n’est pas encore signée.</p>;
  return (
    <ul class="lg-signatures">
      {signatures.map((s) => (
        <li>
          <strong>{KIND[s.kind]}</strong> : {s.signerName} ({s.signerEmail}), le {parisDateTime(s.signedAt)}
          {s.signedOn ? `, signée le ${frenchDay(s.signedOn)}` : ''}
          <br /><span class="fr-text--xs lg-hash">Empreinte SHA-256 du document : {s.sha256}</span>
        </li>
      ))}
    </ul>
  );
}

const ACTIONS: Record<string, string> = {
  'label.created': 'Label créé par la décision du comité',
  'label.agreement_signed': 'Convention signée par l’organisme',
  'label.agreement_countersigned': 'Convention contresignée par la GEN',
  'label.agreement_copy_recorded': 'Copie signée de la convention enregistrée',
  'label.activated': 'Label actif',
  'label.suspended': 'Label suspendu',
  'label.reinstated': 'Label rétabli',
  'label.withdrawn': 'Label retiré',
  'label.terminated': 'Convention résiliée',
  'label.expired': 'Label expiré',
  'label.termination_requested': 'Résiliation amiable demandée par l’organisme',
  'label.termination_refused': 'Demande de résiliation refusée',
  'label.renewal_invited': 'Invitation à renouveler envoyée',
};

/** The motivation or reason an audit entry carries, if any. */
function reasonOf(after: unknown): string | null {
  if (!after || typeof after !== 'object') return null;
  const a = after as Record<string, unknown>;
  const r = a.motivation ?? a.reason;
  return typeof r === 'string' && r ? r : null;
}

/** The history of a label, from the audit log (oldest first). */
export function History({ entries }: { entries: readonly { id: number; at: string; actorLabel: string; action: string; after: unknown }[] }) {
  if (entries.length === 0) return <p>Aucun événement.</p>;
  return (
    <ol class="lg-timeline">
      {entries.map((e) => {
        const reason = reasonOf(e.after);
        return (
          <li>
            <time datetime={e.at}>{parisDateTime(new Date(e.at))}</time> – {ACTIONS[e.action] ?? e.action} <span class="fr-text--xs">par {e.actorLabel}</span>
            {reason ? <><br /><span class="fr-text--sm">Motivation : {reason}</span></> : null}
          </li>
        );
      })}
    </ol>
  );
}
