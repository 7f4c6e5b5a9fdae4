/** The committee's decision on one application of the agenda: labelled or rejected, always motivated. */
import { Layout, type PageContext } from '../../platform/views/layout.js';
import { ErrorSummary, Form, Radios, Textarea, type FormState } from '../../platform/views/ui.js';
import type { AgendaItem } from '../committee.store.js';
import { formatScore } from '../scoring.js';
import { frenchDate } from '../review.js';
import { COMMITTEE, meetingPath, reviewPath } from './parts.js';

/** Props of the page. */
export interface DecisionPageProps { ctx: PageContext; meeting: { id: string; heldOn: string }; item: AgendaItem; state?: FormState; message?: string }

/** The page. */
export function DecisionPage({ ctx, meeting, item, state, message }: DecisionPageProps) {
  const errors = { ...(state?.errors ?? {}), ...(message ? { _form: message } : {}) };
  return (
    <Layout ctx={ctx} title={`Décision – ${item.trainingTitle}`} hasErrors={Object.keys(errors).length > 0}
      breadcrumb={[{ label: 'Espace GEN', href: '/gestion' }, { label: 'Comité de labellisation', href: COMMITTEE }, { label: `Séance du ${frenchDate(meeting.heldOn)}`, href: meetingPath(meeting.id) }]}>
      <ErrorSummary errors={errors} fieldOrder={['outcome', 'motivation']} />
      <h1>Décision du comité</h1>
      <dl class="lg-details">
        <dt>Formation</dt><dd><a href={reviewPath(item.applicationId)}>{item.trainingTitle}</a></dd>
        <dt>Organisme</dt><dd>{item.organisationName}</dd>
        <dt>Région</dt><dd>{item.regionName ?? '—'}</dd>
        <dt>Note moyenne</dt><dd>{formatScore(item.mean)} ({item.totals.length} note{item.totals.length > 1 ? 's' : ''}{item.spread !== null ? `, écart ${item.spread.toLocaleString('fr-FR')}` : ''})</dd>
      </dl>
      <Form action={`${meetingPath(meeting.id)}/decisions/${item.applicationId}`} csrf={ctx.csrfToken}>
        <Radios name="outcome" label="Décision" state={state} options={[
          { value: 'labelled', label: 'Labelliser la formation', hint: 'Un label est créé, en attente de la signature de la convention.' },
          { value: 'rejected', label: 'Refuser la candidature' },
        ]} />
        <Textarea name="motivation" label="Motivation" hint="Elle est communiquée au porteur et figure au procès-verbal." state={state} rows={5} maxlength={5000} />
        <button type="submit" class="fr-btn">Enregistrer la décision et notifier le porteur</button>
      </Form>
    </Layout>
  );
}
