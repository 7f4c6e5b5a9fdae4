/** Admin page: the address where each Région receives the opinion requests. */
import { Layout, type PageContext } from '../../platform/views/layout.js';
import { ErrorSummary, Form, Input, type FormState } from '../../platform/views/ui.js';
import { REGION_CONTACTS_PATH } from './parts.js';

/** Field name of a Région's address. */
export const contactField = (code: string) => `email-${code}`;

/** The page. */
export function RegionContactsPage({ ctx, regions, state }: { ctx: PageContext; regions: { code: string; name: string }[]; state: FormState }) {
  const errors = state.errors ?? {};
  return (
    <Layout ctx={ctx} title="Contacts des Régions pour les avis" hasErrors={Object.keys(errors).length > 0} breadcrumb={[{ label: 'Espace GEN', href: '/gestion' }]}>
      <ErrorSummary errors={errors} fieldOrder={regions.map((r) => contactField(r.code))} />
      <h1>Contacts des Régions pour les avis</h1>
      <p>Chaque candidature est soumise pour avis à la Région de ses lieux de formation : la demande part à l’adresse renseignée ici. Laissez vide une Région sans contact.</p>
      <Form action={REGION_CONTACTS_PATH} csrf={ctx.csrfToken}>
        {regions.map((r) => <Input name={contactField(r.code)} type="email" label={r.name} required={false} autocomplete="off" state={state} maxlength={254} />)}
        <button type="submit" class="fr-btn">Enregistrer les contacts</button>
      </Form>
    </Layout>
  );
}
