/** Staff page of an application's consultations: contact the partners, record a phone answer, ask the Régions. */
import { Layout, type PageContext } from '../../platform/views/layout.js';
import { ErrorSummary, Form, Input, Radios, Select, Textarea, type FormState } from '../../platform/views/ui.js';
import type { ConsultationsSummary } from '../summary.js';
import { PartnersTable, RegionsTable, ResendForms, consultationsPath, REGION_CONTACTS_PATH, RESEND_FIELDS } from './parts.js';

const YES_NO = [{ value: 'oui', label: 'Oui' }, { value: 'non', label: 'Non' }];

/** Props of the page. */
export interface ConsultationsPageProps { ctx: PageContext; summary: ConsultationsSummary; state?: FormState; message?: string; isAdmin: boolean }

/** The page. */
export function ConsultationsPage({ ctx, summary, state, message, isAdmin }: ConsultationsPageProps) {
  const app = summary.app;
  const path = consultationsPath(app.id);
  const errors = { ...(state?.errors ?? {}), ...(message ? { _form: message } : {}) };
  const toContact = summary.partners.filter((p) => p.standing === 'not_contacted' && p.partner.email);
  const unanswered = summary.partners.filter((p) => !p.row?.answeredAt);
  const toAsk = summary.regions.filter((r) => !r.row);
  const noContact = toAsk.filter((r) => !r.hasContact);
  return (
    <Layout ctx={ctx} title={`Partenaires et Région – ${app.trainingTitle}`} hasErrors={Object.keys(errors).length > 0}
      breadcrumb={[{ label: 'Espace GEN', href: '/gestion' }, { label: 'Candidatures', href: '/gestion/candidatures' }, { label: app.trainingTitle, href: `/gestion/candidatures/${app.id}` }]}>
      <ErrorSummary errors={errors} fieldOrder={['partnerKey', 'partnership', 'commitment', 'comment', 'motivation', 'dueOn', ...RESEND_FIELDS]} />
      <h1>Partenaires et avis de la Région</h1>
      <p>{app.organisationName} – « {app.trainingTitle} »{app.receiptNumber ? `, récépissé n° ${app.receiptNumber}` : ''}.</p>

      <h2>Confirmations des partenaires</h2>
      <p>Chaque partenaire cité doit être contacté : le comité ne peut pas labelliser une candidature dont un partenaire n’a jamais été contacté. Le lien personnel est valable 30 jours ; une relance part après 7 jours sans réponse.</p>
      <PartnersTable lines={summary.partners} />
      {toContact.length ? (
        <Form action={`${path}/partenaires`} csrf={ctx.csrfToken}>
          <p>{toContact.length === 1 ? '1 partenaire n’a pas encore été contacté' : `${toContact.length} partenaires n’ont pas encore été contactés`} : {toContact.map((p) => p.partner.name).join(', ')}.</p>
          <button type="submit" class="fr-btn">Contacter les partenaires</button>
        </Form>
      ) : null}

      <ResendForms summary={summary} csrf={ctx.csrfToken} state={state} only="partners" />

      {unanswered.length ? (
        <>
          <h3 class="fr-h5 fr-mt-4w">Enregistrer une réponse donnée par téléphone</h3>
          <Form action={`${path}/telephone`} csrf={ctx.csrfToken}>
            <Select name="partnerKey" label="Partenaire" state={state} options={unanswered.map((p) => ({ value: p.partner.key, label: p.partner.name }))} />
            <Radios name="partnership" label="Le partenaire confirme-t-il le partenariat ?" state={state} options={YES_NO} inline />
            <Radios name="commitment" label="Confirme-t-il l’engagement décrit (dont les promesses d’embauche) ?" state={state} options={YES_NO} inline />
            <Textarea name="comment" label="Ce que le partenaire a dit" required={false} state={state} rows={3} maxlength={2000} />
            <Textarea name="motivation" label="Pourquoi une réponse par téléphone" hint="Par exemple : pas de réponse au courriel, appel du 12 mars avec la directrice. Ce motif est enregistré dans l’historique." state={state} rows={2} maxlength={1000} />
            <button type="submit" class="fr-btn fr-btn--secondary">Enregistrer la réponse</button>
          </Form>
        </>
      ) : null}

      <h2 class="fr-mt-6w">Avis de la Région</h2>
      <p>La Région de chaque lieu de formation donne un avis favorable, réservé ou défavorable, par un lien personnel envoyé à son contact ; un rappel part 3 jours avant l’échéance.</p>
      <RegionsTable lines={summary.regions} />
      <ResendForms summary={summary} csrf={ctx.csrfToken} state={state} only="regions" />
      {noContact.length ? (
        <p class="fr-text--sm">Aucun contact n’est renseigné pour : {noContact.map((r) => r.regionName).join(', ')}.{isAdmin ? <> <a class="fr-link fr-link--sm" href={REGION_CONTACTS_PATH}>Renseigner les contacts des Régions</a></> : ' Un administrateur doit le saisir.'}</p>
      ) : null}
      {toAsk.length > noContact.length ? (
        <Form action={`${path}/region`} csrf={ctx.csrfToken}>
          <Input name="dueOn" type="date" label="Avis attendu avant le" hint="Format JJ/MM/AAAA." state={state} />
          <button type="submit" class="fr-btn">Demander l’avis de la Région</button>
        </Form>
      ) : null}
      <p class="fr-mt-4w"><a class="fr-link" href={`/gestion/candidatures/${app.id}`}>Retour à la candidature</a></p>
    </Layout>
  );
}
