/** Admissibility: a verdict and comment per criterion beside the pre-check, then the outcome. */
import { Layout, type PageContext } from '../../platform/views/layout.js';
import { ErrorSummary, Form, Input, Radios, Textarea, type FormState } from '../../platform/views/ui.js';
import type { StaffDossier } from '../staff-dossier.js';
import { verdictField, verdictCommentField } from '../admissibility-review.js';
import { CORRECTION_PARTS } from '../correction-parts.js';
import { canReview } from '../review.states.js';
import { ApplicationTabs, StatusBadge, WORKSPACE, reviewPath } from './parts.js';

const PRECHECK_LABEL = { met: 'Rempli', not_met: 'Non rempli', to_check: 'À vérifier' } as const;

/** Props: `verdictState` and `decisionState` carry the errors of whichever form was refused. */
export interface AdmissibilityPageProps { ctx: PageContext; s: StaffDossier; verdictState?: FormState; decisionState?: FormState; message?: string }

/** The page. */
export function AdmissibilityPage({ ctx, s, verdictState, decisionState, message }: AdmissibilityPageProps) {
  const app = s.dossier.application;
  const path = `${reviewPath(app.id)}/recevabilite`;
  const criteria = s.dossier.call.admissibility;
  const open = s.review.state === 'admissibility' && app.state === 'submitted';
  const saved: FormState['values'] = {};
  for (const v of s.verdicts) { saved[verdictField(v.criterionCode)] = v.verdict; saved[verdictCommentField(v.criterionCode)] = v.comment; }
  const vState: FormState = { errors: verdictState?.errors, values: verdictState?.values ?? saved };
  const errors = { ...(verdictState?.errors ?? {}), ...(decisionState?.errors ?? {}), ...(message ? { _form: message } : {}) };
  const order = [...criteria.flatMap((c) => [verdictField(c.code), verdictCommentField(c.code)]), 'outcome', 'motivation', 'sections', 'message', 'dueOn'];
  const dState: FormState = { errors: decisionState?.errors, values: decisionState?.values ?? {} };
  const checked = new Set([dState.values?.sections ?? []].flat());
  return (
    <Layout ctx={ctx} title={`Recevabilité – ${app.trainingTitle}`} hasErrors={Object.keys(errors).length > 0}
      breadcrumb={[{ label: 'Espace GEN', href: '/gestion' }, { label: 'Candidatures', href: WORKSPACE }, { label: app.trainingTitle, href: reviewPath(app.id) }]}>
      <ErrorSummary errors={errors} fieldOrder={order} />
      <h1>Recevabilité</h1>
      <p>{app.trainingTitle} – {s.dossier.organisation.name} <StatusBadge status={s.status} /></p>
      <ApplicationTabs applicationId={app.id} current="recevabilite" may={s.may} />
      {!open ? <div class="fr-alert fr-alert--info fr-mb-4w"><p>{app.state === 'in_correction' ? 'Des corrections ont été demandées : l’examen reprendra quand le porteur aura déposé à nouveau la candidature.' : 'La recevabilité de cette candidature a été décidée ; les avis ne sont plus modifiables.'}</p></div> : null}
      <Form action={path} csrf={ctx.csrfToken} id="avis">
        <h2>Avis sur chaque critère</h2>
        {criteria.map((c, i) => {
          const p = s.dossier.precheck.find((x) => x.code === c.code);
          return (
            <section class="fr-mb-4w">
              <h3 class="fr-h6">Critère {i + 1} – {c.title}</h3>
              <p class="fr-text--sm">{c.description}</p>
              {p ? <p class="fr-text--sm"><strong>Pré-contrôle : {PRECHECK_LABEL[p.status]}.</strong> {p.reason}</p> : null}
              <Radios name={verdictField(c.code)} label={`Avis sur le critère ${i + 1}`} state={vState} inline options={[{ value: 'met', label: 'Rempli' }, { value: 'not_met', label: 'Non rempli' }]} />
              <Textarea name={verdictCommentField(c.code)} label={`Commentaire sur le critère ${i + 1}`} hint="Obligatoire si le critère n’est pas rempli : il sera cité dans la notification." required={false} rows={2} maxlength={2000} state={vState} />
            </section>
          );
        })}
        {open ? <button type="submit" class="fr-btn fr-btn--secondary">Enregistrer les avis</button> : null}
      </Form>
      {open && canReview(s.review.state, 'admit') ? (
        <Form action={`${path}/decision`} csrf={ctx.csrfToken} id="decision">
          <h2 class="fr-mt-6w">Décision de recevabilité</h2>
          <p>Enregistrez d’abord les avis : la décision s’appuie sur les avis enregistrés.</p>
          <input type="hidden" name="version" value={String(s.review.version)} />
          <Radios name="outcome" label="Décision" state={dState} options={[
            { value: 'admissible', label: 'Recevable', hint: 'Les 10 critères sont remplis : la candidature passe à la notation.' },
            { value: 'inadmissible', label: 'Irrecevable', hint: 'Au moins un critère n’est pas rempli : le porteur reçoit une notification motivée.' },
            { value: 'correction', label: 'Demander des corrections', hint: 'La candidature revient au porteur pour les parties cochées, jusqu’à la date limite.' },
          ]} />
          <Textarea name="motivation" label="Motivation" hint="Obligatoire pour une décision d’irrecevabilité." required={false} state={dState} rows={4} maxlength={5000} />
          <fieldset class={`fr-fieldset${dState.errors?.sections ? ' fr-fieldset--error' : ''}`} id="sections" aria-labelledby={`sections-legende${dState.errors?.sections ? ' sections-erreur' : ''}`} role="group">
            <legend class="fr-fieldset__legend fr-fieldset__legend--regular" id="sections-legende">Parties à corriger (demande de corrections)</legend>
            {CORRECTION_PARTS.map((part, i) => (
              <div class="fr-fieldset__element">
                <div class="fr-checkbox-group">
                  <input type="checkbox" id={`sections-${i}`} name="sections" value={part.key} checked={checked.has(part.key)} />
                  <label class="fr-label" for={`sections-${i}`}>{part.label}</label>
                </div>
              </div>
            ))}
            {dState.errors?.sections ? <div class="fr-messages-group"><p class="fr-message fr-message--error" id="sections-erreur">{dState.errors.sections}</p></div> : null}
          </fieldset>
          <Textarea name="message" label="Message au porteur (demande de corrections)" required={false} state={dState} rows={4} maxlength={5000} />
          <Input name="dueOn" type="date" label="Date limite de dépôt des corrections" required={false} state={dState} />
          <button type="submit" class="fr-btn">Enregistrer la décision</button>
        </Form>
      ) : null}
    </Layout>
  );
}
