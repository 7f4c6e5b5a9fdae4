/** An application's staff page: header, reviewers, conflict, admissibility, scores, corrections, the deposited dossier, timeline. */
import type { Child } from 'hono/jsx';
import { Layout, type PageContext } from '../../platform/views/layout.js';
import { ErrorSummary, Form, Select, Textarea, type FormState } from '../../platform/views/ui.js';
import { SECTIONS } from '../../applications/sections/catalogue.js';
import { SectionValues } from '../../applications/views/section-page.js';
import { LABEL_STATUS_LABELS } from '../../labels/label.states.js';
import type { StaffDossier } from '../staff-dossier.js';
import { formatScore } from '../scoring.js';
import { correctionPartLabel } from '../correction-parts.js';
import { frenchDate } from '../review.js';
import { ApplicationTabs, SCORE_HIDDEN, StatusBadge, WORKSPACE, reviewPath, parisDateTime } from './parts.js';
import { AdmissibilityTable } from './admissibility-table.js';
import { Timeline } from './timeline.js';
import { OrganiseBox } from './organise-box.js';
import { euros } from '../routing.js';

/** Props of the page; `state` carries the errors of a refused assignment or conflict form. */
export interface ApplicationPageProps { ctx: PageContext; s: StaffDossier; state?: FormState; message?: string; /** H2: messages link and partners/Région block (see consultations/index.tsx). */ panels?: Child }

/** The page. */
export function ApplicationPage({ ctx, s, state, message, panels }: ApplicationPageProps) {
  const app = s.dossier.application;
  const path = reviewPath(app.id);
  const errors = { ...(state?.errors ?? {}), ...(message ? { _form: message } : {}) };
  return (
    <Layout ctx={ctx} title={app.trainingTitle} hasErrors={Object.keys(errors).length > 0} breadcrumb={[{ label: 'Espace GEN', href: '/gestion' }, { label: 'Candidatures', href: WORKSPACE }]}>
      <ErrorSummary errors={errors} fieldOrder={['reviewerId', 'reason']} />
      <h1>{app.trainingTitle}</h1>
      <p><StatusBadge status={s.status} /> {s.scores?.needsDiscussion ? <span class="fr-badge fr-badge--sm fr-badge--warning">Écart de notes à discuter</span> : null}</p>
      <dl class="lg-details">
        <dt>Organisme</dt><dd>{s.dossier.organisation.name} (SIRET {s.dossier.organisation.siret})</dd>
        <dt>Récépissé</dt><dd>{app.receiptNumber ?? '—'}</dd>
        <dt>Appel</dt><dd>{s.dossier.call.call.title}</dd>
        <dt>Déposée le</dt><dd>{parisDateTime(app.submittedAt)}</dd>
        <dt>Région du lieu principal</dt><dd>{s.review.regionName ?? 'Inconnue'}{s.review.departementCode ? ` (${s.review.departementCode})` : ''}</dd>
        <dt>Groupe d’instruction</dt><dd>{s.groups.length ? s.groups.map((g) => `${g.name}${g.lead ? ` (responsable : ${g.lead})` : ''}`).join(' ; ') : 'Aucun groupe ne couvre cette région'}</dd>
        <dt>Note moyenne</dt><dd>{s.hiddenSheets > 0 ? SCORE_HIDDEN : formatScore(s.scores?.mean)}{s.scores ? ` – médiane ${formatScore(s.scores.median)}, écart ${s.scores.spread.toLocaleString('fr-FR')} point(s)` : ''}</dd>
      </dl>
      <ApplicationTabs applicationId={app.id} current="dossier" may={s.may} />
      <OrganiseBox ctx={ctx} s={s} state={state} />
      {s.deferrals.length ? (
        <div class="fr-alert fr-alert--warning fr-mb-4w">
          <h2 class="fr-alert__title">Décision reportée par le comité</h2>
          {s.deferrals.map((d) => <p>Le {parisDateTime(d.decidedAt)}, reportée {d.toCutoffLabel ? `au ${d.toCutoffLabel}` : 'au relevé suivant'} : {d.motivation}</p>)}
        </div>
      ) : null}
      {s.decision ? (
        <div class={`fr-alert ${s.decision.outcome === 'labelled' ? 'fr-alert--success' : 'fr-alert--info'} fr-mb-4w`}>
          <h2 class="fr-alert__title">{s.decision.outcome === 'labelled' ? 'Formation labellisée par le comité' : 'Candidature refusée par le comité'}</h2>
          <p>{s.decision.motivation}</p>
          {s.decision.seedGrant ? <p>Subvention d’amorçage accordée : {euros(s.decision.seedGrant)}.</p> : null}
          {s.label ? <p>Label <a href={`/gestion/labels/${s.label.id}`}>{s.label.number}</a> – {LABEL_STATUS_LABELS[s.label.status]}{s.label.validUntil ? `, valide jusqu’au ${frenchDate(s.label.validUntil)}` : ''}.</p> : null}
        </div>
      ) : s.review.state === 'inadmissible' ? (
        <div class="fr-alert fr-alert--info fr-mb-4w"><h2 class="fr-alert__title">Candidature irrecevable</h2><p>{s.review.motivation}</p></div>
      ) : null}

      <h2>Instructeurs</h2>
      {s.assignments.length === 0 ? <p>Aucun instructeur n’est affecté.</p> : (
        <ul>
          {s.assignments.map((a) => (
            <li>
              {a.fullName}, affecté le {parisDateTime(a.assignedAt)}
              {s.clearances.has(a.reviewerId) ? ` – aucun lien d’intérêt déclaré le ${parisDateTime(s.clearances.get(a.reviewerId)!)}` : ' – déclaration d’intérêts attendue'}{' '}
              {s.may.assign ? (
                <Form action={`${path}/instructeurs/retirer`} csrf={ctx.csrfToken}>
                  <input type="hidden" name="reviewerId" value={a.reviewerId} />
                  <button type="submit" class="fr-btn fr-btn--sm fr-btn--tertiary">Retirer {a.fullName}</button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {s.may.assign && s.assignable.length > 0 ? (
        <Form action={`${path}/instructeurs`} csrf={ctx.csrfToken}>
          <Select name="reviewerId" label="Affecter un instructeur" hint="Les personnes ayant déclaré un conflit d’intérêts avec l’organisme ne sont pas proposées." state={state} options={s.assignable.map((r) => ({ value: r.id, label: r.fullName }))} />
          <button type="submit" class="fr-btn fr-btn--secondary">Affecter</button>
        </Form>
      ) : null}

      {panels}

      <h2>Recevabilité</h2>
      <AdmissibilityTable criteria={s.dossier.call.admissibility} precheck={s.dossier.precheck} verdicts={s.verdicts} />

      <h2>Notes</h2>
      {s.hiddenSheets > 0 ? <p>Les notes des autres instructeurs ({s.hiddenSheets}) s’afficheront quand vous aurez enregistré la vôtre.</p> : null}
      {s.sheets.length === 0 ? <p>Aucune note enregistrée.</p> : (
        <div class="fr-table lg-table-wrap">
          <table>
            <caption>Notes par critère de sélection et par instructeur</caption>
            <thead><tr><th scope="col">Critère</th>{s.sheets.map((sh) => <th scope="col">{sh.fullName}</th>)}</tr></thead>
            <tbody>
              {s.dossier.call.selection.map((c) => (
                <tr>
                  <th scope="row">{c.code}. {c.title} <span class="fr-text--xs">({c.weight.toLocaleString('fr-FR')} pts)</span></th>
                  {s.sheets.map((sh) => { const l = sh.lines.find((x) => x.criterionCode === c.code); return <td>{l ? `${l.points.toLocaleString('fr-FR')} pts (niveau ${l.level}) – ${l.comment}` : '—'}</td>; })}
                </tr>
              ))}
              <tr><th scope="row">Total</th>{s.sheets.map((sh) => <td><strong>{formatScore(sh.total)}</strong></td>)}</tr>
            </tbody>
          </table>
        </div>
      )}

      {s.corrections.length ? (
        <>
          <h2>Demandes de corrections</h2>
          <ul>
            {s.corrections.map((c) => (
              <li>Le {parisDateTime(c.request.requestedAt)} par {c.requestedByName ?? 'un instructeur'} : {c.request.sections.map(correctionPartLabel).join(', ')} – avant le {frenchDate(c.request.dueOn)}. « {c.request.message} »</li>
            ))}
          </ul>
        </>
      ) : null}

      <h2>Dossier déposé</h2>
      {SECTIONS.map((sec) => (
        <section class="fr-mb-3w">
          <h3 class="fr-h5">{sec.title}</h3>
          <SectionValues def={sec} values={s.dossier.sections[sec.key].reading.values} fieldCtx={s.dossier.ctx} />
        </section>
      ))}
      <h3 class="fr-h5">Pièces justificatives</h3>
      {s.dossier.files.length === 0 ? <p>Aucune pièce jointe.</p> : <ul>{s.dossier.files.map((f) => <li>{f.fileName} ({f.kind})</li>)}</ul>}

      {s.may.declareConflict ? (
        <>
          <h2>Conflit d’intérêts</h2>
          <p>Si vous avez un lien avec cet organisme (emploi, mandat, parenté, partenariat…), déclarez-le : vous ne verrez plus ses candidatures et ne pourrez ni les instruire ni les noter.</p>
          <Form action={`${path}/conflit`} csrf={ctx.csrfToken}>
            <Textarea name="reason" label="Nature du lien avec l’organisme" state={state} rows={3} maxlength={500} />
            <button type="submit" class="fr-btn fr-btn--tertiary">Déclarer un conflit d’intérêts</button>
          </Form>
        </>
      ) : null}

      <h2>Historique</h2>
      <Timeline entries={s.timeline} />
    </Layout>
  );
}
