/** Staff pages of inspections: the list, planning one, one inspection with its report form. */
import { Layout, type PageContext } from '../../platform/views/layout.js';
import { ErrorSummary, Form, Input, Radios, Select, Submit, Textarea, type FormState } from '../../platform/views/ui.js';
import { formatParis } from '../../calls/call.js';
import { CONCLUSIONS, CONCLUSION_HINTS, CONCLUSION_LABELS, INSPECTION_KINDS, INSPECTION_STATUSES, KIND_LABELS, STATUS_LABELS, frenchDay } from '../inspection.js';
import type { InspectionRow, InspectionFileRow, LabelInfo } from '../inspections.store.js';
import { ConclusionBadge, InspectionStatusBadge, InspectionsTable, type InspectionItem } from './parts.js';

const crumbs = [{ label: 'Espace GEN', href: '/gestion' }];
const listCrumbs = [...crumbs, { label: 'Inspections', href: '/gestion/inspections' }];

/** The staff list, filtered by state and label. */
export function InspectionsListPage({ ctx, items, status, label, labels }: { ctx: PageContext; items: InspectionItem[]; status: string; label: LabelInfo | null; labels: LabelInfo[] }) {
  return (
    <Layout ctx={ctx} title={label ? `Inspections du label ${label.number}` : 'Inspections'} breadcrumb={label ? listCrumbs : crumbs}>
      <h1>{label ? `Inspections du label ${label.number}` : 'Inspections'}</h1>
      {label ? <p>{`${label.trainingTitle} — ${label.organisationName}`}</p> : null}
      <p><a class="fr-btn" href={label ? `/gestion/inspections/nouvelle?label=${label.id}` : '/gestion/inspections/nouvelle'}>Planifier une inspection</a></p>
      <form method="get" action="/gestion/inspections" class="fr-mb-4w" aria-label="Filtrer les inspections">
        <div class="fr-grid-row fr-grid-row--gutters">
          <div class="fr-select-group fr-col-12 fr-col-md-4">
            <label class="fr-label" for="filtre-statut">État</label>
            <select class="fr-select" id="filtre-statut" name="statut">
              <option value="" selected={status === ''}>Tous les états</option>
              {INSPECTION_STATUSES.map((s) => <option value={s} selected={status === s}>{STATUS_LABELS[s]}</option>)}
            </select>
          </div>
          <div class="fr-select-group fr-col-12 fr-col-md-8">
            <label class="fr-label" for="filtre-label">Label</label>
            <select class="fr-select" id="filtre-label" name="label">
              <option value="" selected={!label}>Tous les labels</option>
              {labels.map((l) => <option value={l.id} selected={label?.id === l.id}>{`${l.number} — ${l.trainingTitle} (${l.organisationName})`}</option>)}
            </select>
          </div>
        </div>
        <button class="fr-btn fr-btn--secondary" type="submit">Filtrer</button>
      </form>
      <p role="status">{`${items.length} inspection${items.length > 1 ? 's' : ''}`}</p>
      {items.length > 0 ? <InspectionsTable items={items} caption="Inspections, les prochaines d’abord" showLabel={!label} /> : <p>Aucune inspection ne correspond à ces critères.</p>}
    </Layout>
  );
}

/** Planning an inspection; `complaint` when it follows a complaint ticket. */
export function PlanInspectionPage({ ctx, labels, complaint, state }: { ctx: PageContext; labels: LabelInfo[]; complaint: { id: string; number: string; subject: string } | null; state?: FormState }) {
  const errors = state?.errors ?? {};
  return (
    <Layout ctx={ctx} title="Planifier une inspection" hasErrors={Object.keys(errors).length > 0} breadcrumb={listCrumbs}>
      <h1>Planifier une inspection</h1>
      {complaint ? <p>{'À la suite de la réclamation '}<a href={`/gestion/support/${complaint.id}`}>{complaint.number}</a>{` : « ${complaint.subject} ».`}</p> : null}
      <p>L’organisme est prévenu par courriel de la date et du type d’inspection. Le motif reste interne à l’équipe GEN.</p>
      <ErrorSummary errors={errors} fieldOrder={['label', 'type', 'date', 'motif', '_form']} />
      <Form action="/gestion/inspections/nouvelle" csrf={ctx.csrfToken}>
        <input type="hidden" name="demande" value={complaint?.id ?? ''} />
        <Select name="label" label="Formation labellisée" state={state} placeholder="Choisissez un label"
          options={labels.map((l) => ({ value: l.id, label: `${l.number} — ${l.trainingTitle} (${l.organisationName})` }))} />
        <Radios name="type" label="Type d’inspection" state={state} options={INSPECTION_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))} />
        <Input name="date" type="date" label="Date de l’inspection" hint="Format attendu : JJ/MM/AAAA" state={state} />
        <Textarea name="motif" label="Motif (interne)" hint="Par exemple : réclamation d’un apprenant sur l’interruption de la session ; contrôle annuel par sondage." state={state} rows={4} maxlength={3000} />
        <Submit label="Planifier l’inspection" />
      </Form>
    </Layout>
  );
}

/** Props of one inspection's page. */
export interface InspectionPageProps {
  ctx: PageContext;
  inspection: InspectionRow;
  label: LabelInfo;
  complaint: { id: string; number: string; subject: string } | null;
  files: InspectionFileRow[];
  history: { at: Date; actor: string; action: string }[];
  state?: FormState;
}

const ACTION_LABELS: Record<string, string> = { 'inspection.planned': 'Inspection planifiée', 'inspection.reported': 'Rapport enregistré', 'inspection.cancelled': 'Inspection annulée' };

/** One inspection: details, report (form or as recorded), cancellation, history. */
export function InspectionPage(p: InspectionPageProps) {
  const i = p.inspection;
  const errors = p.state?.errors ?? {};
  const version = <input type="hidden" name="version" value={String(i.version)} />;
  return (
    <Layout ctx={p.ctx} title={`Inspection du ${frenchDay(i.plannedOn)} — label ${p.label.number}`} hasErrors={Object.keys(errors).length > 0} breadcrumb={listCrumbs}>
      <ErrorSummary errors={errors} fieldOrder={['constats', 'conclusion', 'message', 'documents', 'motif_annulation', '_form']} />
      <h1>{`Inspection du ${frenchDay(i.plannedOn)}`}</h1>
      <ul class="fr-badges-group"><li><InspectionStatusBadge status={i.status} /></li>{i.conclusion ? <li><ConclusionBadge conclusion={i.conclusion} /></li> : null}</ul>
      <dl class="lg-details fr-mt-2w">
        <dt>Formation</dt><dd>{`${p.label.trainingTitle} — ${p.label.organisationName}`} (<a href={`/gestion/labels/${p.label.id}`}>{`label ${p.label.number}`}</a>, <a href={`/gestion/inspections?label=${p.label.id}`}>{`toutes ses inspections`}</a>)</dd>
        <dt>Type</dt><dd>{KIND_LABELS[i.kind]}</dd>
        <dt>Motif (interne)</dt><dd>{i.reason}</dd>
        {p.complaint ? <><dt>Réclamation</dt><dd><a href={`/gestion/support/${p.complaint.id}`}>{p.complaint.number}</a>{` — ${p.complaint.subject}`}</dd></> : null}
        {i.cancelReason ? <><dt>Motif de l’annulation</dt><dd>{i.cancelReason}</dd></> : null}
      </dl>
      {i.status === 'reported' ? (
        <section aria-labelledby="rapport-titre">
          <h2 id="rapport-titre">Rapport</h2>
          <p class="fr-text--sm">{`Enregistré le ${i.reportedAt ? formatParis(i.reportedAt) : '—'}`}</p>
          <h3 class="fr-h6">Constats</h3>
          <div>{(i.findings ?? '').split(/\n{2,}/).map((x) => <p>{x}</p>)}</div>
          <h3 class="fr-h6">Conclusion</h3>
          <p>{i.conclusion ? `${CONCLUSION_LABELS[i.conclusion]} — ${CONCLUSION_HINTS[i.conclusion]}` : '—'}</p>
          {i.messageToOrganisation ? <><h3 class="fr-h6">Message à l’organisme</h3><p>{i.messageToOrganisation}</p></> : null}
          <h3 class="fr-h6">Documents vérifiés</h3>
          {p.files.length === 0 ? <p>Aucun document joint.</p> : (
            <ul>{p.files.map((f) => <li><a class="fr-link fr-link--sm" href={`/gestion/inspections/${i.id}/pieces/${f.id}`}>{`${f.fileName} (${Math.ceil(f.size / 1024)} ko)`}</a></li>)}</ul>
          )}
        </section>
      ) : null}
      {i.status === 'planned' ? (
        <>
          <section aria-labelledby="rapport-form-titre">
            <h2 id="rapport-form-titre">Rapport d’inspection</h2>
            <p>Le rapport ne peut être enregistré qu’une fois. L’organisme voit la conclusion et le message qui lui est adressé, jamais les constats ni le motif.</p>
            <Form action={`/gestion/inspections/${i.id}/rapport`} csrf={p.ctx.csrfToken} multipart>
              {version}
              <Textarea name="constats" label="Constats" hint="Ce qui a été vu, entendu et vérifié (émargements, attestations, supports, locaux)." state={p.state} rows={8} maxlength={20000} />
              <Radios name="conclusion" label="Conclusion" state={p.state} options={CONCLUSIONS.map((c) => ({ value: c, label: CONCLUSION_LABELS[c], hint: CONCLUSION_HINTS[c] }))} />
              <Textarea name="message" label="Message à l’organisme" required={false} hint="Envoyé avec la conclusion : observations à corriger, délais. Ne nommez pas l’auteur d’une réclamation sans son accord." state={p.state} rows={4} maxlength={3000} />
              <div class={`fr-upload-group fr-mb-3w${errors.documents ? ' fr-input-group--error' : ''}`}>
                <label class="fr-label" for="documents">
                  Documents vérifiés (facultatif)
                  <span class="fr-hint-text" id="documents-aide">Au plus 10 fichiers PDF, images ou documents bureautiques, vérifiés comme toute pièce déposée.</span>
                </label>
                <input class="fr-upload" type="file" id="documents" name="documents" multiple aria-describedby={`documents-aide${errors.documents ? ' documents-erreur' : ''}`} aria-invalid={errors.documents ? 'true' : undefined} />
                {errors.documents ? <p id="documents-erreur" class="fr-error-text">{errors.documents}</p> : null}
              </div>
              <Submit label="Enregistrer le rapport" />
            </Form>
          </section>
          <section aria-labelledby="annuler-titre" class="fr-mt-4w">
            <h2 id="annuler-titre">Annuler l’inspection</h2>
            <Form action={`/gestion/inspections/${i.id}/annulation`} csrf={p.ctx.csrfToken}>
              {version}
              <Textarea name="motif_annulation" label="Motif de l’annulation" state={p.state} rows={3} maxlength={1000} />
              <Submit label="Annuler l’inspection" secondary />
            </Form>
          </section>
        </>
      ) : null}
      <section aria-labelledby="historique-titre" class="fr-mt-4w">
        <h2 id="historique-titre">Historique</h2>
        <ul>{p.history.map((h) => <li>{`${formatParis(h.at)} — ${h.actor} : ${ACTION_LABELS[h.action] ?? h.action}`}</li>)}</ul>
      </section>
    </Layout>
  );
}
