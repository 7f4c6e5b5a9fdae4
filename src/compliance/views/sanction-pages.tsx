/** Pages of the contradictory procedure: staff's list, notice form and decision; the organisation's list and answer. */
import { Layout, type PageContext } from '../../platform/views/layout.js';
import { ErrorSummary, Form, Radios, Select, Submit, Textarea, type FormState } from '../../platform/views/ui.js';
import type { SanctionRow } from '../compliance.store.js';
import { MEASURE_LABELS, SANCTION_MEASURES, SANCTION_STATUS_LABELS, frDate, type SanctionStatus } from '../sanctions.js';

const BADGE: Record<SanctionStatus, string> = { answer_period: 'fr-badge--info', answered: 'fr-badge--warning', applied: 'fr-badge--error', abandoned: 'fr-badge--success' };

/** The state badge of a procedure. */
export function SanctionBadge({ status }: { status: SanctionStatus }) {
  return <span class={`fr-badge fr-badge--sm fr-badge--no-icon ${BADGE[status]}`}>{SANCTION_STATUS_LABELS[status]}</span>;
}

/** A procedure with its label and organisation. */
export interface SanctionItem { procedure: SanctionRow; labelNumber: string; trainingTitle: string; labelStatus: string; organisationName: string }

function ProcedureTable({ items, href, caption }: { items: SanctionItem[]; href: (p: SanctionRow) => string; caption: string }) {
  return (
    <div class="fr-table lg-table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead><tr><th scope="col">Mesure envisagée</th><th scope="col">Formation</th><th scope="col">Organisme</th><th scope="col">Notifiée le</th><th scope="col">Réponse jusqu’au</th><th scope="col">État</th></tr></thead>
        <tbody>
          {items.length === 0 ? <tr><td colspan={6}>Aucune procédure.</td></tr> : null}
          {items.map((i) => (
            <tr>
              <td><a href={href(i.procedure)}>{MEASURE_LABELS[i.procedure.measure]}</a></td>
              <td>{i.trainingTitle} ({i.labelNumber})</td>
              <td>{i.organisationName}</td>
              <td>{frDate(i.procedure.noticeOn)}</td>
              <td>{frDate(i.procedure.answerDueOn)}</td>
              <td><SanctionBadge status={i.procedure.status} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Staff's list of procedures and the notice form. */
export function StaffSanctionsPage(p: { ctx: PageContext; items: SanctionItem[]; labels: { id: string; number: string; trainingTitle: string; organisationName: string }[]; state: FormState }) {
  const hasErrors = !!p.state.errors && Object.keys(p.state.errors).length > 0;
  return (
    <Layout ctx={p.ctx} title="Sanctions et procédures contradictoires" hasErrors={hasErrors} breadcrumb={[{ label: 'Espace GEN', href: '/gestion' }, { label: 'Suivi des labels', href: '/gestion/suivi' }]}>
      <h1>Sanctions et procédures contradictoires</h1>
      <p><a href="/gestion/conformite/bilans">Bilans annuels transmis</a></p>
      <p>Toute mesure (avertissement, retenue de la subvention d’amorçage, suspension, retrait) suit une procédure contradictoire : notification des griefs, délai de réponse de 15 jours, puis décision motivée.</p>
      <ProcedureTable items={p.items} href={(x) => `/gestion/conformite/sanctions/${x.id}`} caption="Procédures" />
      <h2>Ouvrir une procédure</h2>
      <ErrorSummary errors={p.state.errors} fieldOrder={['labelId', 'measure', 'grounds']} />
      <Form action="/gestion/conformite/sanctions" csrf={p.ctx.csrfToken}>
        <Select name="labelId" label="Label concerné" state={p.state} placeholder="Choisir un label" options={p.labels.map((l) => ({ value: l.id, label: `${l.number} – ${l.trainingTitle} (${l.organisationName})` }))} />
        <Radios name="measure" label="Mesure envisagée" state={p.state} options={SANCTION_MEASURES.map((m) => ({ value: m, label: MEASURE_LABELS[m] }))} />
        <Textarea name="grounds" label="Griefs" hint="Faits reprochés et obligations de la convention concernées ; ils sont communiqués à l’organisme." state={p.state} maxlength={4000} />
        <Submit label="Notifier les griefs" />
      </Form>
    </Layout>
  );
}

function ProcedureFacts({ item }: { item: SanctionItem }) {
  const x = item.procedure;
  return (
    <>
      <p>{item.organisationName}, formation « {item.trainingTitle} » (label {item.labelNumber}). État : <SanctionBadge status={x.status} /></p>
      <dl class="lg-answers">
        <dt>Mesure envisagée</dt><dd>{MEASURE_LABELS[x.measure]}</dd>
        <dt>Notification</dt><dd>{frDate(x.noticeOn)} ; réponse possible jusqu’au {frDate(x.answerDueOn)} inclus</dd>
        <dt>Griefs</dt><dd>{x.grounds}</dd>
        <dt>Réponse de l’organisme</dt><dd>{x.answer ?? 'Aucune réponse pour l’instant.'}</dd>
        {x.decisionMotivation ? <><dt>Décision</dt><dd>{x.status === 'applied' ? 'Mesure prononcée' : 'Procédure close sans mesure'} : {x.decisionMotivation}</dd></> : null}
      </dl>
    </>
  );
}

/** Staff's page of one procedure, with the decision form while it is open. */
export function StaffSanctionPage(p: { ctx: PageContext; item: SanctionItem; state: FormState; decidable: string | null }) {
  const x = p.item.procedure;
  const hasErrors = !!p.state.errors && Object.keys(p.state.errors).length > 0;
  const open = x.status === 'answer_period' || x.status === 'answered';
  return (
    <Layout ctx={p.ctx} title={`${MEASURE_LABELS[x.measure]} envisagé(e) – ${p.item.trainingTitle}`} hasErrors={hasErrors}
      breadcrumb={[{ label: 'Espace GEN', href: '/gestion' }, { label: 'Sanctions', href: '/gestion/conformite/sanctions' }]}>
      <h1>Procédure contradictoire : {MEASURE_LABELS[x.measure].toLowerCase()}</h1>
      <ProcedureFacts item={p.item} />
      <ErrorSummary errors={p.state.errors} fieldOrder={['decision', 'motivation']} />
      {open ? (
        <>
          <h2>Décision</h2>
          {p.decidable ? <div class="fr-alert fr-alert--info fr-alert--sm fr-mb-3w"><p>{p.decidable}</p></div> : null}
          <Form action={`/gestion/conformite/sanctions/${x.id}/decision`} csrf={p.ctx.csrfToken}>
            <input type="hidden" name="version" value={String(x.version)} />
            <Radios name="decision" label="Décision" state={p.state} options={[{ value: 'apply', label: `Prononcer : ${MEASURE_LABELS[x.measure].toLowerCase()}` }, { value: 'abandon', label: 'Clore la procédure sans mesure' }]} />
            <Textarea name="motivation" label="Motivation" hint="Elle est communiquée à l’organisme." state={p.state} maxlength={4000} />
            <Submit label="Enregistrer la décision" />
          </Form>
        </>
      ) : null}
    </Layout>
  );
}

/** The organisation's list of procedures. */
export function OrgSanctionsPage(p: { ctx: PageContext; orgId: string; orgName: string; items: SanctionItem[] }) {
  return (
    <Layout ctx={p.ctx} title={`Procédures contradictoires – ${p.orgName}`} breadcrumb={[{ label: 'Mes organismes', href: '/organisations' }, { label: p.orgName, href: `/organisations/${p.orgId}` }]}>
      <h1>Procédures contradictoires</h1>
      <p><a href={`/organisations/${p.orgId}/conformite/bilans`}>Bilans annuels</a></p>
      <p>Avant toute mesure, la Grande École du Numérique vous notifie ses griefs ; vous disposez de 15 jours pour y répondre ici.</p>
      <ProcedureTable items={p.items} href={(x) => `/organisations/${p.orgId}/conformite/sanctions/${x.id}`} caption="Procédures vous concernant" />
    </Layout>
  );
}

/** The organisation's page of one procedure, with the answer form during the answer period. */
export function OrgSanctionPage(p: { ctx: PageContext; orgId: string; item: SanctionItem; state: FormState; mayAnswer: boolean }) {
  const x = p.item.procedure;
  const hasErrors = !!p.state.errors && Object.keys(p.state.errors).length > 0;
  return (
    <Layout ctx={p.ctx} title={`Procédure contradictoire – ${p.item.trainingTitle}`} hasErrors={hasErrors}
      breadcrumb={[{ label: 'Mes organismes', href: '/organisations' }, { label: p.item.organisationName, href: `/organisations/${p.orgId}` }, { label: 'Procédures', href: `/organisations/${p.orgId}/conformite/sanctions` }]}>
      <h1>Procédure contradictoire : {MEASURE_LABELS[x.measure].toLowerCase()} envisagé(e)</h1>
      <ProcedureFacts item={p.item} />
      <ErrorSummary errors={p.state.errors} fieldOrder={['answer']} />
      {p.mayAnswer ? (
        <>
          <h2>Votre réponse</h2>
          <Form action={`/organisations/${p.orgId}/conformite/sanctions/${x.id}/reponse`} csrf={p.ctx.csrfToken}>
            <Textarea name="answer" label="Réponse aux griefs" hint={`Jusqu’au ${frDate(x.answerDueOn)} inclus ; une seule réponse est possible.`} state={p.state} maxlength={4000} rows={8} />
            <Submit label="Transmettre la réponse" />
          </Form>
        </>
      ) : null}
    </Layout>
  );
}
