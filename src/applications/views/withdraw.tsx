/** Withdrawing an application, with a motivation. */
import type { PageContext } from '../../platform/views/layout.js';
import { ErrorSummary, Form, Textarea, type FormState } from '../../platform/views/ui.js';
import type { ApplicationRow } from '../applications.store.js';
import { ApplicationShell, StateBadge } from './shell.js';
import { withdrawPath, appPath } from './paths.js';

/** The withdrawal page. */
export function WithdrawPage({ ctx, app, state }: { ctx: PageContext; app: ApplicationRow; state: FormState }) {
  const orgId = app.organisationId;
  return (
    <ApplicationShell ctx={ctx} title="Retirer la candidature" orgId={orgId} app={app} hasErrors={Object.keys(state.errors ?? {}).length > 0}>
      <h1>Retirer la candidature</h1>
      <StateBadge state={app.state} />
      <p>La candidature « {app.trainingTitle} » ne sera pas examinée. Ce retrait est définitif ; vous pourrez déposer une nouvelle candidature pour cette formation.</p>
      <ErrorSummary errors={state.errors} fieldOrder={['reason']} />
      <Form action={withdrawPath(orgId, app.id)} csrf={ctx.csrfToken}>
        <input type="hidden" name="version" value={String(app.version)} />
        <Textarea name="reason" label="Motif du retrait" hint="2 000 caractères au plus." state={state} maxlength={2000} />
        <ul class="fr-btns-group fr-btns-group--inline-md">
          <li><button type="submit" class="fr-btn">Retirer la candidature</button></li>
          <li><a class="fr-btn fr-btn--secondary" href={appPath(orgId, app.id)}>Annuler</a></li>
        </ul>
      </Form>
    </ApplicationShell>
  );
}
