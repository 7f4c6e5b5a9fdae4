/** The pages a partner or a Région opens from its personal link (no account): the question, the thanks, a dead link. */
import { Layout, type PageContext } from '../../platform/views/layout.js';
import { ErrorSummary, Form, Input, Radios, Textarea, type FormState } from '../../platform/views/ui.js';
import { frenchDay, OPINION_LABELS, OPINIONS, type Opinion } from '../consultations.js';
import type { PartnerRow, RegionOpinionRow } from '../consultations.store.js';

/** What the pages say of the application. */
export interface PublicAppInfo { trainingTitle: string; organisationName: string }

const YES_NO = [{ value: 'oui', label: 'Oui' }, { value: 'non', label: 'Non' }];

/** A link that no longer (or never) works. */
export function DeadLinkPage({ ctx, reason }: { ctx: PageContext; reason: 'unknown' | 'expired' }) {
  return (
    <Layout ctx={ctx} title="Ce lien n’est pas valable">
      <h1>Ce lien n’est pas valable</h1>
      <p class="fr-text--lead">{reason === 'expired' ? 'Ce lien personnel a expiré : la demande n’accepte plus de réponse.' : 'Ce lien personnel est inconnu. Vérifiez qu’il a été copié en entier depuis le courriel reçu.'}</p>
      <p>Pour toute question, écrivez à l’équipe de la Grande École du Numérique depuis la <a href="/contact">page de contact</a>.</p>
    </Layout>
  );
}

/** The partner's question, or its recorded answer. */
export function PartnerAnswerPage({ ctx, row, app, action, state }: { ctx: PageContext; row: PartnerRow; app: PublicAppInfo; action: string; state?: FormState }) {
  const errors = state?.errors ?? {};
  return (
    <Layout ctx={ctx} title="Confirmer un partenariat" hasErrors={Object.keys(errors).length > 0}>
      <ErrorSummary errors={errors} fieldOrder={['partnership', 'commitment', 'comment']} />
      <h1>Confirmer un partenariat</h1>
      <p class="fr-text--lead">{app.organisationName} candidate au label Grande École du Numérique pour la formation « {app.trainingTitle} » et cite {row.partnerName} comme partenaire.</p>
      <div class="fr-callout fr-mb-4w">
        <p class="fr-callout__title">Engagement décrit par l’organisme</p>
        <p class="fr-callout__text">{row.commitment || 'Non précisé.'}{row.hiringPromises ? ` Promesses d’embauche annoncées : ${row.hiringPromises}.` : ''}</p>
      </div>
      {row.answeredAt ? (
        <div class="fr-alert fr-alert--success">
          <h2 class="fr-alert__title">Votre réponse est enregistrée</h2>
          <p>Partenariat {row.partnershipConfirmed ? 'confirmé' : 'démenti'} ; engagement {row.commitmentConfirmed ? 'confirmé' : 'non confirmé'}.{row.comment ? ` Votre commentaire : « ${row.comment} »` : ''} Merci pour votre aide.</p>
        </div>
      ) : (
        <Form action={action} csrf={ctx.csrfToken}>
          <Radios name="partnership" label={`${row.partnerName} est-il bien partenaire de cette formation ?`} state={state} options={YES_NO} inline />
          <Radios name="commitment" label="Confirmez-vous l’engagement décrit ci-dessus (dont les promesses d’embauche) ?" state={state} options={YES_NO} inline />
          <Textarea name="comment" label="Commentaire" hint="Précisions, nuances sur l’engagement, nombre réel de recrutements envisagés…" required={false} state={state} rows={4} maxlength={2000} />
          <p class="fr-text--sm">Ce lien est valable jusqu’au {frenchDay((row.expiresAt ?? new Date()).toISOString().slice(0, 10))}. Votre réponse ne peut être donnée qu’une fois.</p>
          <button type="submit" class="fr-btn">Envoyer ma réponse</button>
        </Form>
      )}
    </Layout>
  );
}

/** The Région's question, or its recorded opinion. */
export function RegionAnswerPage({ ctx, row, app, action, state }: { ctx: PageContext; row: RegionOpinionRow; app: PublicAppInfo; action: string; state?: FormState }) {
  const errors = state?.errors ?? {};
  return (
    <Layout ctx={ctx} title={`Avis de la Région ${row.regionName}`} hasErrors={Object.keys(errors).length > 0}>
      <ErrorSummary errors={errors} fieldOrder={['opinion', 'respondentName', 'comment']} />
      <h1>Avis de la Région {row.regionName}</h1>
      <p class="fr-text--lead">{app.organisationName} candidate au label Grande École du Numérique pour la formation « {app.trainingTitle} », dont un lieu de formation se trouve en {row.regionName}.</p>
      <p>Avis attendu avant le {frenchDay(row.dueOn)}.</p>
      {row.answeredAt && row.opinion ? (
        <div class="fr-alert fr-alert--success">
          <h2 class="fr-alert__title">L’avis de la Région est enregistré</h2>
          <p>Avis {OPINION_LABELS[row.opinion as Opinion].toLowerCase()}, donné par {row.respondentName}.{row.comment ? ` « ${row.comment} »` : ''} Merci.</p>
        </div>
      ) : (
        <Form action={action} csrf={ctx.csrfToken}>
          <Radios name="opinion" label="Avis de la Région" state={state} options={OPINIONS.map((o) => ({ value: o, label: OPINION_LABELS[o] }))} />
          <Input name="respondentName" label="Vos nom et fonction" autocomplete="name" state={state} maxlength={200} />
          <Textarea name="comment" label="Commentaire" hint="Obligatoire pour un avis réservé ou défavorable : il éclaire le comité de labellisation." required={false} state={state} rows={5} maxlength={3000} />
          <button type="submit" class="fr-btn">Envoyer l’avis</button>
        </Form>
      )}
    </Layout>
  );
}
