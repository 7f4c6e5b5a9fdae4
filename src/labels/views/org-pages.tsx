/** The organisation's label pages: its labels with status and end date, and one label with its convention. */
import type { Child } from 'hono/jsx';
import { Layout, type PageContext } from '../../platform/views/layout.js';
import { ErrorSummary, Form, Submit, Textarea, type FormState } from '../../platform/views/ui.js';
import { parisDateTime } from '../../platform/pdf/pdf.js';
import type { FoundLabel, LabelRow } from '../labels.store.js';
import type { SignatureRow } from '../agreement.store.js';
import { frenchDay, inRenewalWindow, renewalPath } from '../label.js';
import { History, LabelFacts, Signatures, StatusBadge } from './parts.js';

function RenewalBanner({ label, orgId }: { label: LabelRow; orgId: string }) {
  return (
    <div class="fr-notice fr-notice--info fr-mb-3w">
      <div class="fr-container">
        <div class="fr-notice__body">
          <p class="fr-notice__title">
            Le label {label.number} de « {label.trainingTitle} » prend fin le {frenchDay(label.validUntil)}.{' '}
            <a href={renewalPath(orgId, label.applicationId)}>Préparer la candidature de renouvellement<span class="fr-sr-only"> de « {label.trainingTitle} »</span></a>
          </p>
        </div>
      </div>
    </div>
  );
}

/** The organisation's labels. */
export function OrganisationLabelsPage({ ctx, orgId, orgName, labels, today, toSign }: { ctx: PageContext; orgId: string; orgName: string; labels: LabelRow[]; today: string; toSign: Set<string> }) {
  return (
    <Layout ctx={ctx} title={`Labels – ${orgName}`} breadcrumb={[{ label: 'Mes organismes', href: '/organisations' }, { label: orgName, href: `/organisations/${orgId}` }]}>
      <h1>Labels de {orgName}</h1>
      {labels.filter((l) => inRenewalWindow(l, today)).map((l) => <RenewalBanner label={l} orgId={orgId} />)}
      {labels.filter((l) => toSign.has(l.id)).length > 0 ? (
        <div class="fr-alert fr-alert--warning fr-alert--sm fr-mb-3w"><p>Une convention de labellisation attend la signature d’un administrateur de l’organisme.</p></div>
      ) : null}
      <p>Le label est accordé à une formation pour la durée fixée par l’appel, à compter de la signature complète de sa convention.</p>
      <div class="fr-table lg-table-wrap">
        <table>
          <caption>Labels de l’organisme</caption>
          <thead><tr><th scope="col">Numéro</th><th scope="col">Formation</th><th scope="col">Statut</th><th scope="col">Fin de validité</th><th scope="col">Convention</th></tr></thead>
          <tbody>
            {labels.length === 0 ? <tr><td colspan={5}>Aucun label pour l’instant : un label est créé quand le comité labellise une candidature.</td></tr> : null}
            {labels.map((l) => (
              <tr>
                <td><a href={`/organisations/${orgId}/labels/${l.id}`}>{l.number}</a></td>
                <td>{l.trainingTitle}</td>
                <td><StatusBadge status={l.status} /></td>
                <td>{l.validUntil ? frenchDay(l.validUntil) : 'À la signature'}</td>
                <td>{toSign.has(l.id) ? 'À signer' : l.agreementSignedAt ? 'Signée' : l.status === 'pending_agreement' ? 'En attente de contresignature' : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}

/** What one organisation label page shows. */
export interface OrganisationLabelPageProps {
  ctx: PageContext;
  orgId: string;
  found: FoundLabel;
  signatures: SignatureRow[];
  history: { id: number; at: string; actorLabel: string; action: string; after: unknown }[];
  /** The viewer is an admin of the organisation and the convention awaits its signature. */
  maySign: boolean;
  /** The convention awaits the organisation's signature (shown to members who cannot sign). */
  awaitsSignature: boolean;
  mayRequestTermination: boolean;
  today: string;
  state?: FormState;
  /** The seed grant's tranches, read-only (src/grants), when the label has some. */
  seedGrantSection?: Child | null;
}

/** One label of the organisation. */
export function OrganisationLabelPage(p: OrganisationLabelPageProps) {
  const { ctx, found, state } = p;
  const l = found.label;
  const base = `/organisations/${p.orgId}/labels/${l.id}`;
  const fully = p.signatures.some((s) => s.kind !== 'organisation');
  return (
    <Layout ctx={ctx} title={`Label ${l.number}`} hasErrors={!!state?.errors && Object.keys(state.errors).length > 0}
      breadcrumb={[{ label: 'Mes organismes', href: '/organisations' }, { label: found.organisationName, href: `/organisations/${p.orgId}` }, { label: 'Labels', href: `/organisations/${p.orgId}/labels` }]}>
      <ErrorSummary errors={state?.errors} fieldOrder={['jeSigne', 'reason']} />
      <h1>Label {l.number}</h1>
      {inRenewalWindow(l, p.today) ? <RenewalBanner label={l} orgId={p.orgId} /> : null}
      <LabelFacts label={l} callTitle={found.callTitle} organisationName={found.organisationName} rules={found.rules} seedGrant={found.seedGrant} />

      <h2>Documents</h2>
      <ul>
        <li><a class="fr-link fr-icon-file-pdf-line fr-link--icon-left" href={`${base}/convention.pdf`}>
          {fully ? 'Convention de labellisation signée' : p.signatures.length ? 'Convention signée par l’organisme, en attente de contresignature' : 'Projet de convention de labellisation'} (PDF)
        </a></li>
        <li><a class="fr-link" href={`/organisations/${p.orgId}/candidatures/${l.applicationId}`}>Candidature à l’origine du label</a></li>
      </ul>
      {l.status === 'active' || l.status === 'suspended' ? (
        <>
          <h2>Suivi du label</h2>
          <ul>
            <li><a class="fr-link" href={`${base}/sessions`}>Sessions, apprenants et bilans</a></li>
            <li><a class="fr-link" href={`/organisations/${p.orgId}/calendrier`}>Calendrier des échéances</a></li>
          </ul>
        </>
      ) : null}
      {p.seedGrantSection ?? null}
      <h3>Signatures</h3>
      <Signatures signatures={p.signatures} />

      {p.maySign ? (
        <div class="lg-label-panel">
          <h2>Signer la convention</h2>
          <p>Lisez le projet de convention ci-dessus. En signant, vous engagez l’organisme à respecter ses engagements pendant toute la durée du label. Votre nom, votre adresse électronique, l’heure de la signature et l’empreinte SHA-256 du document signé sont enregistrés. Le label devient actif à la contresignature de la Grande École du Numérique.</p>
          <Form action={`${base}/signer`} csrf={ctx.csrfToken}>
            <div class={`fr-checkbox-group fr-mb-3w${state?.errors?.jeSigne ? ' fr-checkbox-group--error' : ''}`}>
              <input type="checkbox" id="jeSigne" name="jeSigne" value="oui" aria-describedby={state?.errors?.jeSigne ? 'jeSigne-erreur' : undefined} />
              <label class="fr-label" for="jeSigne">Je signe la convention de labellisation au nom de {found.organisationName}, en tant que {ctx.actor?.fullName} ({ctx.actor?.email}).</label>
              {state?.errors?.jeSigne ? <p class="fr-error-text" id="jeSigne-erreur">{state.errors.jeSigne}</p> : null}
            </div>
            <Submit label="Signer la convention" />
          </Form>
        </div>
      ) : p.awaitsSignature ? (
        <div class="fr-alert fr-alert--info fr-alert--sm fr-mb-3w"><p>La convention attend la signature d’un administrateur de l’organisme.</p></div>
      ) : null}

      {l.terminationRequestedAt ? (
        <div class="fr-alert fr-alert--info fr-alert--sm fr-mb-3w"><p>Demande de résiliation amiable envoyée le {parisDateTime(l.terminationRequestedAt)}, en cours d’examen par la Grande École du Numérique.</p></div>
      ) : null}
      {p.mayRequestTermination ? (
        <>
          <h2>Demander la résiliation amiable</h2>
          <p>L’organisme peut demander à mettre fin à la convention. La Grande École du Numérique examine la demande et vous répond par courriel.</p>
          <Form action={`${base}/resiliation`} csrf={ctx.csrfToken}>
            <Textarea name="reason" label="Motif de la demande" state={state} maxlength={4000} />
            <Submit label="Demander la résiliation" secondary />
          </Form>
        </>
      ) : null}

      <h2>Historique</h2>
      <History entries={p.history} />
    </Layout>
  );
}
