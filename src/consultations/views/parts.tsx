/** The tables of partners' confirmations and Région opinions, shared by the staff pages and the application page. */
import { parisDateTime } from '../../review/views/parts.js';
import { Form, Input, Select, Textarea, type FormState } from '../../platform/views/ui.js';
import {
  frenchDay, OPINION_BADGES, OPINION_LABELS, PARTNER_STATUS_BADGES, PARTNER_STATUS_LABELS, PARTNER_TYPE_LABELS, RESEND_REASON_LABELS, type Opinion,
} from '../consultations.js';
import type { ConsultationsSummary, PartnerLine, RegionLine } from '../summary.js';

/** Path of the staff page of an application's consultations. */
export const consultationsPath = (applicationId: string) => `/gestion/candidatures/${applicationId}/consultations`;
/** Path of the admin page of the Régions' contacts. */
export const REGION_CONTACTS_PATH = '/gestion/regions/avis';

const yesNo = (v: boolean | null) => (v === null ? '—' : v ? 'oui' : 'non');

function PartnerAnswer({ l }: { l: PartnerLine }) {
  const r = l.row;
  if (!r?.answeredAt) {
    if (!r) return <>—</>;
    return <>Envoyée le {parisDateTime(r.sentAt)}{r.remindedAt ? `, relancée le ${parisDateTime(r.remindedAt)}` : ''}{r.expiresAt ? ` ; lien valable jusqu’au ${frenchDay(r.expiresAt.toISOString().slice(0, 10))}` : ''}</>;
  }
  return (
    <>
      Partenariat : {yesNo(r.partnershipConfirmed)} ; engagement : {yesNo(r.commitmentConfirmed)}.
      {r.comment ? <> « {r.comment} »</> : null}
      <br /><span class="fr-text--xs">{r.channel === 'phone' ? `Par téléphone, enregistré le ${parisDateTime(r.answeredAt)} – motif : ${r.motivation ?? ''}` : `Réponse par le lien le ${parisDateTime(r.answeredAt)}`}</span>
    </>
  );
}

/** The partners' table. */
export function PartnersTable({ lines }: { lines: PartnerLine[] }) {
  if (lines.length === 0) return <p>La candidature ne cite aucun partenaire.</p>;
  return (
    <div class="fr-table lg-table-wrap">
      <table>
        <caption>Confirmations des partenaires</caption>
        <thead><tr><th scope="col">Partenaire</th><th scope="col">Engagement déclaré</th><th scope="col">Statut</th><th scope="col">Réponse</th></tr></thead>
        <tbody>
          {lines.map((l) => (
            <tr>
              <td><strong>{l.partner.name}</strong>{l.partner.type ? <><br />{PARTNER_TYPE_LABELS[l.partner.type] ?? l.partner.type}</> : null}<br /><span class="fr-text--xs">{[l.partner.contactName, l.partner.email, l.partner.phone].filter(Boolean).join(' – ')}</span></td>
              <td>{l.partner.commitment || '—'}{l.partner.hiringPromises ? ` (${l.partner.hiringPromises} promesse(s) d’embauche)` : ''}</td>
              <td><span class={`fr-badge fr-badge--sm ${PARTNER_STATUS_BADGES[l.standing]}`}>{PARTNER_STATUS_LABELS[l.standing]}</span>{l.bounced && !l.row?.answeredAt ? <><br /><span class="fr-badge fr-badge--sm fr-badge--error">Courriel non distribué</span></> : null}</td>
              <td><PartnerAnswer l={l} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function regionStatus(l: RegionLine) {
  if (l.row?.opinion) return <span class={`fr-badge fr-badge--sm ${OPINION_BADGES[l.row.opinion as Opinion]}`}>Avis {OPINION_LABELS[l.row.opinion as Opinion].toLowerCase()}</span>;
  if (l.row) return <span class="fr-badge fr-badge--sm fr-badge--info">Avis demandé</span>;
  return <span class={`fr-badge fr-badge--sm ${l.hasContact ? 'fr-badge--warning' : 'fr-badge--error'}`}>{l.hasContact ? 'Non consultée' : 'Aucun contact renseigné'}</span>;
}

/** The Régions' table. */
export function RegionsTable({ lines }: { lines: RegionLine[] }) {
  if (lines.length === 0) return <p>Aucun lieu de formation n’a de code postal reconnu : la Région ne peut pas être déterminée.</p>;
  return (
    <div class="fr-table lg-table-wrap">
      <table>
        <caption>Avis des Régions des lieux de formation</caption>
        <thead><tr><th scope="col">Région</th><th scope="col">Statut</th><th scope="col">Échéance</th><th scope="col">Avis</th></tr></thead>
        <tbody>
          {lines.map((l) => (
            <tr>
              <td>{l.regionName}</td>
              <td>{regionStatus(l)}{l.bounced && !l.row?.answeredAt ? <><br /><span class="fr-badge fr-badge--sm fr-badge--error">Courriel non distribué</span></> : null}{l.resend === 'overdue' ? <><br /><span class="fr-badge fr-badge--sm fr-badge--warning">Échéance dépassée</span></> : null}</td>
              <td>{l.row ? `${frenchDay(l.row.dueOn)}${l.row.remindedAt && !l.row.answeredAt ? ` (relancée le ${parisDateTime(l.row.remindedAt)})` : ''}` : '—'}</td>
              <td>{l.row?.answeredAt ? <>{l.row.comment ? `« ${l.row.comment} »` : 'Sans commentaire'}<br /><span class="fr-text--xs">{l.row.respondentName}, le {parisDateTime(l.row.answeredAt)}</span></> : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Paths of the two "send the link again" actions. */
export const partnerResendPath = (applicationId: string) => `${consultationsPath(applicationId)}/partenaires/relance`;
export const regionResendPath = (applicationId: string) => `${consultationsPath(applicationId)}/region/relance`;
/** Field order of the resend forms (error summary). */
export const RESEND_FIELDS = ['resendPartner', 'resendEmail', 'resendMotivation', 'resendRegion', 'resendDueOn', 'regionResendMotivation'];

/**
 * The forms that issue a personal link again: to a partner whose link expired unanswered or whose
 * mail bounced, to a Région past its due date or whose mail bounced. Shown only when there is one.
 */
export function ResendForms({ summary, csrf, state, only }: { summary: ConsultationsSummary; csrf: string; state?: FormState; only?: 'partners' | 'regions' }) {
  const partners = only === 'regions' ? [] : summary.partners.filter((p) => p.row && p.resend);
  const regions = only === 'partners' ? [] : summary.regions.filter((r) => r.row && r.resend);
  if (partners.length === 0 && regions.length === 0) return null;
  // A single request to send again is chosen already.
  const st: FormState = { errors: state?.errors, values: {
    ...(partners.length === 1 ? { resendPartner: partners[0]!.row!.id } : {}), ...(regions.length === 1 ? { resendRegion: regions[0]!.row!.id } : {}), ...state?.values,
  } };
  return (
    <>
      {partners.length ? (
        <div class="fr-mb-4w">
          <h3 class="fr-h5">Envoyer un nouveau lien à un partenaire</h3>
          <p class="fr-text--sm">Le partenaire reçoit un nouveau lien personnel valable 30 jours ; l’ancien ne fonctionne plus et la relance automatique repart de zéro.</p>
          <Form action={partnerResendPath(summary.app.id)} csrf={csrf}>
            <Select name="resendPartner" label="Partenaire" state={st} options={partners.map((p) => ({ value: p.row!.id, label: `${p.partner.name} – ${RESEND_REASON_LABELS[p.resend!]}` }))} />
            <Input name="resendEmail" type="email" label="Adresse corrigée" required={false} autocomplete="off" hint={`Si le courriel n’a pas été distribué. Laissée vide, le lien part à l’adresse actuelle (${partners.map((p) => p.row!.email).join(', ')}).`} state={st} />
            <Textarea name="resendMotivation" label="Motif" required={false} hint="Par exemple : le partenaire a demandé un nouveau lien par téléphone. Enregistré dans l’historique." state={st} rows={2} maxlength={1000} />
            <button type="submit" class="fr-btn fr-btn--secondary">Envoyer un nouveau lien</button>
          </Form>
        </div>
      ) : null}
      {regions.length ? (
        <div class="fr-mb-4w">
          <h3 class="fr-h5">Redemander l’avis d’une Région</h3>
          <p class="fr-text--sm">Un nouveau lien part au contact actuel de la Région avec la nouvelle échéance ; l’ancien lien ne fonctionne plus et le rappel repart.</p>
          <Form action={regionResendPath(summary.app.id)} csrf={csrf}>
            <Select name="resendRegion" label="Région" state={st} options={regions.map((r) => ({ value: r.row!.id, label: `${r.regionName} – ${RESEND_REASON_LABELS[r.resend!]}` }))} />
            <Input name="resendDueOn" type="date" label="Nouvel avis attendu avant le" hint="Format JJ/MM/AAAA." state={st} />
            <Textarea name="regionResendMotivation" label="Motif" required={false} hint="Enregistré dans l’historique." state={st} rows={2} maxlength={1000} />
            <button type="submit" class="fr-btn fr-btn--secondary">Redemander l’avis</button>
          </Form>
        </div>
      ) : null}
    </>
  );
}

/** The block of the staff application page: both tables and the link to manage them. */
export function ConsultationsBlock({ summary, manage, csrf }: { summary: ConsultationsSummary; manage: boolean; csrf?: string }) {
  const missing = summary.partners.filter((p) => p.standing === 'not_contacted').length;
  const reachable = summary.partners.some((p) => p.standing === 'not_contacted' && p.partner.email);
  return (
    <section class="fr-mb-4w" aria-labelledby="consultations-titre">
      <h2 id="consultations-titre">Partenaires et Région</h2>
      {missing ? <p class="fr-badge fr-badge--warning fr-mb-2w">{missing === 1 ? '1 partenaire jamais contacté' : `${missing} partenaires jamais contactés`}</p> : null}
      <PartnersTable lines={summary.partners} />
      {manage && csrf && reachable ? (
        <Form action={`${consultationsPath(summary.app.id)}/partenaires`} csrf={csrf}>
          <button type="submit" class="fr-btn fr-btn--secondary fr-mb-3w">Contacter les partenaires</button>
        </Form>
      ) : null}
      <RegionsTable lines={summary.regions} />
      {manage && csrf ? <ResendForms summary={summary} csrf={csrf} /> : null}
      {manage ? <p><a class="fr-link fr-icon-arrow-right-line fr-link--icon-right" href={consultationsPath(summary.app.id)}>Contacter les partenaires, enregistrer une réponse, consulter la Région</a></p> : null}
    </section>
  );
}
