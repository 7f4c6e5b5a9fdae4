/** Pages of the annual report: the organisation's list and form, staff's list and review. */
import { Layout, type PageContext } from '../../platform/views/layout.js';
import { ErrorSummary, Form, Radios, Submit, Textarea, type FormState } from '../../platform/views/ui.js';
import type { FrozenIndicator } from '../compliance.schema.js';
import type { AnnualReportRow } from '../compliance.store.js';
import { ANNUAL_REPORT_QUESTIONS, ANNUAL_REPORT_STATUS_LABELS, ANSWER_MAX, frDay, annualReportCan, type AnnualReportStatus } from '../annual-report.js';

const STATUS_BADGE: Record<AnnualReportStatus, string> = { draft: 'fr-badge--new', submitted: 'fr-badge--info', accepted: 'fr-badge--success', returned: 'fr-badge--warning' };

/** The state badge of a report ("À remplir" when none exists yet). */
export function ReportBadge({ status }: { status: AnnualReportStatus | null }) {
  if (!status) return <span class="fr-badge fr-badge--sm fr-badge--no-icon fr-badge--error">À remplir</span>;
  return <span class={`fr-badge fr-badge--sm fr-badge--no-icon ${STATUS_BADGE[status]}`}>{ANNUAL_REPORT_STATUS_LABELS[status]}</span>;
}

/** A table of indicators (computed live, or frozen at submission). */
export function IndicatorTable({ rows, caption }: { rows: FrozenIndicator[]; caption: string }) {
  return (
    <div class="fr-table lg-table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead><tr><th scope="col">Indicateur</th><th scope="col">Valeur</th><th scope="col">Détail</th><th scope="col">Objectif de l’appel</th><th scope="col">Appréciation</th></tr></thead>
        <tbody>
          {rows.map((r) => <tr><th scope="row">{r.label}</th><td>{r.value}</td><td>{r.detail || '—'}</td><td>{r.target}</td><td>{r.verdict}</td></tr>)}
        </tbody>
      </table>
    </div>
  );
}

/** One row of the organisation's list. */
export interface DutyItem { labelId: string; labelNumber: string; trainingTitle: string; year: number; dueOn: string; status: AnnualReportStatus | null }

/** The organisation's annual reports. */
export function OrgReportsPage(p: { ctx: PageContext; orgId: string; orgName: string; items: DutyItem[] }) {
  return (
    <Layout ctx={p.ctx} title={`Bilans annuels – ${p.orgName}`} breadcrumb={[{ label: 'Mes organismes', href: '/organisations' }, { label: p.orgName, href: `/organisations/${p.orgId}` }]}>
      <h1>Bilans annuels</h1>
      <p><a href={`/organisations/${p.orgId}/conformite/sanctions`}>Procédures contradictoires</a></p>
      <p>Chaque label remet, avant la date fixée par l’appel (le 31 janvier), le bilan des sessions commencées ou terminées l’année civile précédente. Les indicateurs sont calculés à partir des apprenants déclarés ; vous complétez les questions qualitatives.</p>
      <div class="fr-table lg-table-wrap">
        <table>
          <caption>Bilans attendus</caption>
          <thead><tr><th scope="col">Année</th><th scope="col">Formation</th><th scope="col">Label</th><th scope="col">À remettre avant le</th><th scope="col">État</th></tr></thead>
          <tbody>
            {p.items.length === 0 ? <tr><td colspan={5}>Aucun bilan annuel attendu pour l’instant : un bilan est attendu pour chaque année où une session commence ou finit.</td></tr> : null}
            {p.items.map((i) => (
              <tr>
                <td><a href={`/organisations/${p.orgId}/conformite/bilans/${i.labelId}/${i.year}`}>Bilan {i.year}</a></td>
                <td>{i.trainingTitle}</td>
                <td>{i.labelNumber}</td>
                <td>{frDay(i.dueOn)}</td>
                <td><ReportBadge status={i.status} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}

/** The organisation's form of one annual report. */
export function OrgReportPage(p: {
  ctx: PageContext; orgId: string; orgName: string; labelId: string; labelNumber: string; trainingTitle: string; year: number; dueOn: string;
  report: AnnualReportRow | null; sessions: { name: string }[]; rows: FrozenIndicator[]; state: FormState;
}) {
  const status = p.report?.status ?? null;
  const editable = annualReportCan(status ?? 'draft', 'submit');
  const hasErrors = !!p.state.errors && Object.keys(p.state.errors).length > 0;
  const action = `/organisations/${p.orgId}/conformite/bilans/${p.labelId}`;
  return (
    <Layout ctx={p.ctx} title={`Bilan annuel ${p.year} – ${p.trainingTitle}`} hasErrors={hasErrors}
      breadcrumb={[{ label: 'Mes organismes', href: '/organisations' }, { label: p.orgName, href: `/organisations/${p.orgId}` }, { label: 'Bilans annuels', href: `/organisations/${p.orgId}/conformite/bilans` }]}>
      <h1>Bilan annuel {p.year} de « {p.trainingTitle} »</h1>
      <p>Label {p.labelNumber}. À remettre avant le {frDay(p.dueOn)}. État : <ReportBadge status={status} /></p>
      <ErrorSummary errors={p.state.errors} fieldOrder={ANNUAL_REPORT_QUESTIONS.map((q) => q.key)} />
      {status === 'returned' && p.report?.reviewMotivation ? (
        <div class="fr-alert fr-alert--warning fr-mb-3w"><h2 class="fr-alert__title">Bilan renvoyé par l’équipe GEN</h2><p>{p.report.reviewMotivation}</p></div>
      ) : null}
      {status === 'accepted' ? <div class="fr-alert fr-alert--success fr-alert--sm fr-mb-3w"><p>Ce bilan a été accepté le {p.report?.reviewedAt ? frDay(p.report.reviewedAt.toISOString().slice(0, 10)) : '—'}.</p></div> : null}
      <h2>Sessions concernées</h2>
      {p.sessions.length ? <ul>{p.sessions.map((s) => <li>{s.name}</li>)}</ul> : <p>Aucune session déclarée cette année-là.</p>}
      <IndicatorTable rows={p.rows} caption={status === 'submitted' || status === 'accepted' ? 'Indicateurs arrêtés à la transmission' : 'Indicateurs calculés à partir des apprenants déclarés'} />
      {editable ? (
        <>
          <h2>Questions qualitatives</h2>
          <Form action={`${action}/${p.year}`} csrf={p.ctx.csrfToken}>
            <input type="hidden" name="version" value={String(p.report?.version ?? '')} />
            {ANNUAL_REPORT_QUESTIONS.map((q) => <Textarea name={q.key} label={q.label} hint={q.hint} state={p.state} maxlength={ANSWER_MAX} rows={5} />)}
            <ul class="fr-btns-group fr-btns-group--inline-md">
              <li><button type="submit" name="action" value="save" class="fr-btn fr-btn--secondary">Enregistrer le brouillon</button></li>
              <li><button type="submit" name="action" value="submit" class="fr-btn">Transmettre le bilan</button></li>
            </ul>
          </Form>
        </>
      ) : (
        <AnswersList answers={p.report?.answers ?? {}} />
      )}
    </Layout>
  );
}

/** The qualitative answers, read only. */
export function AnswersList({ answers }: { answers: Partial<Record<string, string>> }) {
  return (
    <>
      <h2>Questions qualitatives</h2>
      <dl class="lg-answers">
        {ANNUAL_REPORT_QUESTIONS.map((q) => <><dt>{q.label}</dt><dd>{answers[q.key] || '—'}</dd></>)}
      </dl>
    </>
  );
}

/** One row of staff's list. */
export interface StaffReportItem { report: AnnualReportRow; labelNumber: string; trainingTitle: string; organisationName: string }

/** Staff's list of annual reports, those to examine first. */
export function StaffReportsPage(p: { ctx: PageContext; items: StaffReportItem[] }) {
  return (
    <Layout ctx={p.ctx} title="Bilans annuels transmis" breadcrumb={[{ label: 'Espace GEN', href: '/gestion' }, { label: 'Suivi des labels', href: '/gestion/suivi' }]}>
      <h1>Bilans annuels transmis</h1>
      <p><a href="/gestion/conformite/sanctions">Sanctions et procédures contradictoires</a></p>
      <div class="fr-table lg-table-wrap">
        <table>
          <caption>Bilans à examiner puis examinés</caption>
          <thead><tr><th scope="col">Bilan</th><th scope="col">Organisme</th><th scope="col">Label</th><th scope="col">Transmis le</th><th scope="col">État</th></tr></thead>
          <tbody>
            {p.items.length === 0 ? <tr><td colspan={5}>Aucun bilan transmis.</td></tr> : null}
            {p.items.map((i) => (
              <tr>
                <td><a href={`/gestion/conformite/bilans/${i.report.id}`}>Bilan {i.report.year} – {i.trainingTitle}</a></td>
                <td>{i.organisationName}</td>
                <td>{i.labelNumber}</td>
                <td>{i.report.submittedAt ? frDay(i.report.submittedAt.toISOString().slice(0, 10)) : '—'}</td>
                <td><ReportBadge status={i.report.status} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}

/** Staff's page of one report, with the review form while it is submitted. */
export function StaffReportPage(p: { ctx: PageContext; item: StaffReportItem; state: FormState; history: { at: string; actorLabel: string; action: string; reason: string | null }[] }) {
  const r = p.item.report;
  const hasErrors = !!p.state.errors && Object.keys(p.state.errors).length > 0;
  return (
    <Layout ctx={p.ctx} title={`Bilan annuel ${r.year} – ${p.item.trainingTitle}`} hasErrors={hasErrors}
      breadcrumb={[{ label: 'Espace GEN', href: '/gestion' }, { label: 'Bilans annuels', href: '/gestion/conformite/bilans' }]}>
      <h1>Bilan annuel {r.year} de « {p.item.trainingTitle} »</h1>
      <p>{p.item.organisationName}, label {p.item.labelNumber}. État : <ReportBadge status={r.status} /> — {r.sessionCount ?? 0} session(s) concernée(s).</p>
      <IndicatorTable rows={r.indicators ?? []} caption="Indicateurs arrêtés à la transmission" />
      <AnswersList answers={r.answers} />
      <ErrorSummary errors={p.state.errors} fieldOrder={['decision', 'motivation']} />
      {r.status === 'submitted' ? (
        <>
          <h2>Examen du bilan</h2>
          <Form action={`/gestion/conformite/bilans/${r.id}/examen`} csrf={p.ctx.csrfToken}>
            <input type="hidden" name="version" value={String(r.version)} />
            <Radios name="decision" label="Décision" state={p.state} options={[{ value: 'accept', label: 'Accepter le bilan' }, { value: 'return', label: 'Renvoyer le bilan pour compléments', hint: 'L’obligation redevient à remplir pour l’organisme.' }]} />
            <Textarea name="motivation" label="Motivation" hint="Obligatoire pour un renvoi ; elle est montrée à l’organisme." state={p.state} required={false} maxlength={ANSWER_MAX} />
            <Submit label="Enregistrer la décision" />
          </Form>
        </>
      ) : r.reviewMotivation ? <p><strong>Motivation de l’examen :</strong> {r.reviewMotivation}</p> : null}
      <h2>Historique</h2>
      <ul>{p.history.map((h) => <li>{h.at} — {h.actorLabel} — {h.action}{h.reason ? ` : ${h.reason}` : ''}</li>)}</ul>
    </Layout>
  );
}
