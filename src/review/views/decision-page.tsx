/** The committee's decision on one application of the agenda: labelled (with a seed grant), rejected or deferred, always motivated. */
import { Layout, type PageContext } from '../../platform/views/layout.js';
import { ErrorSummary, Form, Input, Radios, Textarea, type FormState } from '../../platform/views/ui.js';
import type { AgendaItem } from '../committee.store.js';
import { formatScore } from '../scoring.js';
import { frenchDate } from '../review.js';
import { euros } from '../routing.js';
import { COMMITTEE, SCORE_HIDDEN, meetingPath, reviewPath } from './parts.js';

/** The seed grant ceiling shown beside the field. */
export interface CeilingView { requested: number; budgetCap: number | null; max: number; maxShare: number }

/** Props of the page. */
export interface DecisionPageProps { ctx: PageContext; meeting: { id: string; heldOn: string }; item: AgendaItem; ceiling: CeilingView; state?: FormState; message?: string }

/** The page. */
export function DecisionPage({ ctx, meeting, item, ceiling, state, message }: DecisionPageProps) {
  const errors = { ...(state?.errors ?? {}), ...(message ? { _form: message } : {}) };
  const grantHint = ceiling.requested === 0
    ? 'Le porteur n’a pas demandé de subvention d’amorçage : laissez vide.'
    : `Montant demandé : ${euros(ceiling.requested)}${ceiling.budgetCap !== null ? ` ; ${Math.round(ceiling.maxShare * 100)} % du budget des sessions concernées : ${euros(ceiling.budgetCap)}` : ''}. Maximum : ${euros(ceiling.max)}. En euros, laissez vide pour aucune subvention.`;
  return (
    <Layout ctx={ctx} title={`Décision – ${item.trainingTitle}`} hasErrors={Object.keys(errors).length > 0}
      breadcrumb={[{ label: 'Espace GEN', href: '/gestion' }, { label: 'Comité de labellisation', href: COMMITTEE }, { label: `Séance du ${frenchDate(meeting.heldOn)}`, href: meetingPath(meeting.id) }]}>
      <ErrorSummary errors={errors} fieldOrder={['outcome', 'motivation', 'seedGrant']} />
      <h1>Décision du comité</h1>
      <dl class="lg-details">
        <dt>Formation</dt><dd><a href={reviewPath(item.applicationId)}>{item.trainingTitle}</a></dd>
        <dt>Organisme</dt><dd>{item.organisationName}</dd>
        <dt>Région</dt><dd>{item.regionName ?? '—'}</dd>
        <dt>Note moyenne</dt><dd>{item.scoresHidden ? SCORE_HIDDEN : <>{formatScore(item.mean)} ({item.totals.length} note{item.totals.length > 1 ? 's' : ''}{item.spread !== null ? `, écart ${item.spread.toLocaleString('fr-FR')}` : ''}){item.needsDiscussion ? ' – écart à discuter' : ''}</>}</dd>
        {item.deferred ? <><dt>Reports</dt><dd>Déjà reportée {item.deferred} fois.</dd></> : null}
      </dl>
      <Form action={`${meetingPath(meeting.id)}/decisions/${item.applicationId}`} csrf={ctx.csrfToken}>
        <Radios name="outcome" label="Décision" state={state} options={[
          { value: 'labelled', label: 'Labelliser la formation', hint: 'Un label est créé, en attente de la signature de la convention.' },
          { value: 'rejected', label: 'Refuser la candidature' },
          { value: 'deferred', label: 'Reporter au relevé suivant', hint: 'La candidature passe à l’ordre du jour de la séance du relevé suivant.' },
        ]} />
        <Textarea name="motivation" label="Motivation" hint="Obligatoire ; elle est communiquée au porteur et figure au procès-verbal." state={state} rows={5} maxlength={5000} />
        <Input name="seedGrant" label="Subvention d’amorçage (labellisation seulement)" hint={grantHint} inputmode="numeric" state={state} required={false} />
        <button type="submit" class="fr-btn">Enregistrer la décision</button>
      </Form>
    </Layout>
  );
}
