/** The staff page of one label: facts, convention and signatures, actions allowed now, history. */
import { Layout, type PageContext } from '../../platform/views/layout.js';
import { ErrorSummary, Form, Input, Radios, Submit, Textarea, type FormState } from '../../platform/views/ui.js';
import { parisDateTime } from '../../platform/pdf/pdf.js';
import type { FoundLabel } from '../labels.store.js';
import type { SignatureRow } from '../agreement.store.js';
import { STATUS_EVENT_LABELS } from '../label.states.js';
import type { StaffEvent } from '../commands/change-status.js';
import { History, LabelFacts, Signatures, StatusBadge } from './parts.js';
import { LabelSupervisionBlock, type LabelSupervision } from '../../inspections/label-supervision.js';

/** What the staff label page shows. */
export interface StaffLabelPageProps {
  ctx: PageContext;
  found: FoundLabel;
  signatures: SignatureRow[];
  history: { id: number; at: string; actorLabel: string; action: string; after: unknown }[];
  /** What the viewer may do now (policy and state already applied). */
  may: { countersign: boolean; recordCopy: boolean; events: StaffEvent[]; answerRequest: boolean };
  today: string;
  state?: FormState;
  /** Complaints and inspections (monitoring team and admins only; src/inspections). */
  supervision?: LabelSupervision | null;
}

const EVENT_HINTS: Record<StaffEvent, string> = {
  suspend: 'Manquement à corriger : le label reste suspendu jusqu’à son rétablissement.',
  reinstate: 'Le manquement est corrigé : le label redevient actif.',
  withdraw: 'Définitif : la formation perd son label.',
  terminate: 'Définitif : la convention prend fin.',
};

/** The page. */
export function StaffLabelPage(p: StaffLabelPageProps) {
  const { ctx, found, may, state } = p;
  const l = found.label;
  const base = `/gestion/labels/${l.id}`;
  const signedByOrg = p.signatures.find((s) => s.kind === 'organisation');
  return (
    <Layout ctx={ctx} title={`Label ${l.number}`} hasErrors={!!state?.errors && Object.keys(state.errors).length > 0}
      breadcrumb={[{ label: 'Espace GEN', href: '/gestion' }, { label: 'Labels', href: '/gestion/labels' }]}>
      <ErrorSummary errors={state?.errors} fieldOrder={['contresigne', 'signedOn', 'fichier', 'evenement', 'motivation', 'reponse', 'answerMotivation']} />
      <h1>Label {l.number} <StatusBadge status={l.status} /></h1>
      <LabelFacts label={l} callTitle={found.callTitle} organisationName={found.organisationName} rules={found.rules} seedGrant={found.seedGrant} />
      <p><a href={`/gestion/candidatures/${l.applicationId}`}>Voir la candidature</a></p>

      {ctx.actor?.staffRoles.some((r) => r === 'monitoring' || r === 'admin')
        ? <p><a class="fr-link" href={`/gestion/suivi/labels/${l.id}`}>Suivi-évaluation du label : sessions, échéances, indicateurs</a></p>
        : null}
      {found.seedGrant && ctx.actor?.staffRoles.some((r) => r === 'monitoring' || r === 'admin')
        ? <p><a class="fr-link" href={`/gestion/subventions/${l.id}`}>Subvention d’amorçage : tranches, versements, retenues et reprises</a></p>
        : null}
      <h2>Convention de labellisation</h2>
      <p><a class="fr-link fr-icon-file-pdf-line fr-link--icon-left" href={`${base}/convention.pdf`}>
        {p.signatures.some((s) => s.kind !== 'organisation') ? 'Télécharger la convention signée' : signedByOrg ? 'Télécharger la convention signée par l’organisme' : 'Télécharger le projet de convention'} (PDF)
      </a></p>
      <Signatures signatures={p.signatures} />
      {l.status === 'pending_agreement' && !signedByOrg ? <p>En attente de la signature d’un administrateur de l’organisme dans son espace.</p> : null}

      {may.countersign ? (
        <div class="lg-label-panel">
          <h3>Contresigner la convention</h3>
          <p>La contresignature rend le label actif dès aujourd’hui pour {found.rules.durations.labelYears} ans. Votre identité, l’heure et l’empreinte du document sont enregistrées.</p>
          <Form action={`${base}/contresigner`} csrf={ctx.csrfToken}>
            <div class={`fr-checkbox-group fr-mb-3w${state?.errors?.contresigne ? ' fr-checkbox-group--error' : ''}`}>
              <input type="checkbox" id="contresigne" name="contresigne" value="oui" aria-describedby={state?.errors?.contresigne ? 'contresigne-erreur' : undefined} />
              <label class="fr-label" for="contresigne">Je contresigne la convention au nom de la Grande École du Numérique ({ctx.actor?.fullName}).</label>
              {state?.errors?.contresigne ? <p class="fr-error-text" id="contresigne-erreur">{state.errors.contresigne}</p> : null}
            </div>
            <Submit label="Contresigner la convention" />
          </Form>
        </div>
      ) : null}

      {may.recordCopy ? (
        <div class="lg-label-panel">
          <h3>Enregistrer une copie signée</h3>
          <p>Si la convention a été signée sur papier par les deux parties, déposez sa copie (PDF) : le label devient actif à la date de signature.</p>
          <Form action={`${base}/copie-signee`} csrf={ctx.csrfToken} multipart>
            <Input name="signedOn" type="date" label="Date de la signature" hint={`Au plus tard aujourd’hui (${p.today.split('-').reverse().join('/')}).`} state={state} />
            <div class={`fr-upload-group${state?.errors?.fichier ? ' fr-upload-group--error' : ''}`}>
              <label class="fr-label" for="fichier">Convention signée<span class="fr-hint-text" id="fichier-aide">Un fichier PDF.</span></label>
              <input class="fr-upload" type="file" id="fichier" name="fichier" accept="application/pdf,.pdf"
                aria-describedby={`fichier-aide${state?.errors?.fichier ? ' fichier-erreur' : ''}`} />
              {state?.errors?.fichier ? <p class="fr-error-text" id="fichier-erreur">{state.errors.fichier}</p> : null}
            </div>
            <Submit label="Enregistrer la copie signée" secondary />
          </Form>
        </div>
      ) : null}

      {l.terminationRequestedAt ? (
        <div class="lg-label-panel">
          <h2>Demande de résiliation amiable</h2>
          <p>L’organisme a demandé la résiliation le {parisDateTime(l.terminationRequestedAt)} : « {l.terminationRequestReason} »</p>
          {may.answerRequest ? (
            <Form action={`${base}/demande-resiliation`} csrf={ctx.csrfToken}>
              <input type="hidden" name="version" value={String(l.version)} />
              <Radios name="reponse" label="Réponse" state={state} options={[
                { value: 'accepter', label: 'Accepter : résilier la convention' },
                { value: 'refuser', label: 'Refuser : le label reste actif' },
              ]} />
              <Textarea name="answerMotivation" label="Motivation" hint="Communiquée à l’organisme." state={state} maxlength={4000} />
              <Submit label="Répondre à la demande" />
            </Form>
          ) : null}
        </div>
      ) : null}

      {may.events.length > 0 ? (
        <>
          <h2>Changer le statut</h2>
          <Form action={`${base}/statut`} csrf={ctx.csrfToken}>
            <input type="hidden" name="version" value={String(l.version)} />
            <Radios name="evenement" label="Décision" state={state}
              options={may.events.map((e) => ({ value: e, label: STATUS_EVENT_LABELS[e] ?? e, hint: EVENT_HINTS[e] }))} />
            <Textarea name="motivation" label="Motivation" hint="Obligatoire ; communiquée par courriel aux administrateurs de l’organisme." state={state} maxlength={4000} />
            <Submit label="Enregistrer la décision" />
          </Form>
        </>
      ) : null}

      {p.supervision ? <LabelSupervisionBlock {...p.supervision} /> : null}

      <h2>Historique</h2>
      <History entries={p.history} />
    </Layout>
  );
}
