/** The scoring grid of one reviewer: a level 0–4 and a comment per selection criterion, with the région's needs beside criterion 1. */
import { Layout, type PageContext } from '../../platform/views/layout.js';
import { ErrorSummary, Form, Radios, Textarea, type FormState } from '../../platform/views/ui.js';
import type { StaffDossier } from '../staff-dossier.js';
import { LEVEL_LABELS, SCALE_MAX, commentField, levelField, formatScore } from '../scoring.js';
import { ApplicationTabs, StatusBadge, WORKSPACE, reviewPath } from './parts.js';

/** Props of the page. */
export interface ScoringPageProps { ctx: PageContext; s: StaffDossier; state?: FormState; message?: string }

/** The page. */
export function ScoringPage({ ctx, s, state, message }: ScoringPageProps) {
  const app = s.dossier.application;
  const grid = s.dossier.call.selection;
  const needs = s.dossier.call.needs.find((n) => n.regionCode === s.review.regionCode);
  const open = s.review.state === 'scoring' && app.state === 'submitted';
  const saved: FormState['values'] = {};
  for (const l of s.mySheet?.lines ?? []) { saved[levelField(l.criterionCode)] = String(l.level); saved[commentField(l.criterionCode)] = l.comment; }
  const st: FormState = { errors: state?.errors, values: state?.values ?? saved };
  const errors = { ...(state?.errors ?? {}), ...(message ? { _form: message } : {}) };
  const targetJobs = s.dossier.sections.training.reading.values.targetJobs ?? '';
  const words = targetJobs.toLowerCase().split(/[^\p{L}]+/u).filter((w) => w.length >= 5);
  const matches = needs ? needs.jobs.filter((j) => words.some((w) => j.toLowerCase().includes(w))) : [];
  return (
    <Layout ctx={ctx} title={`Notation – ${app.trainingTitle}`} hasErrors={Object.keys(errors).length > 0}
      breadcrumb={[{ label: 'Espace GEN', href: '/gestion' }, { label: 'Candidatures', href: WORKSPACE }, { label: app.trainingTitle, href: reviewPath(app.id) }]}>
      <ErrorSummary errors={errors} fieldOrder={grid.flatMap((c) => [levelField(c.code), commentField(c.code)])} />
      <h1>Notation</h1>
      <p>{app.trainingTitle} – {s.dossier.organisation.name} <StatusBadge status={s.status} /></p>
      <ApplicationTabs applicationId={app.id} current="notation" may={s.may} />
      {s.mySheet ? <p>Votre note enregistrée : <strong>{formatScore(s.mySheet.total)}</strong>. Vous pouvez la modifier tant que le comité n’a pas décidé.</p> : null}
      {!open ? <div class="fr-alert fr-alert--info fr-mb-4w"><p>La candidature ne peut pas être notée : elle n’est pas recevable ou le comité a déjà décidé.</p></div> : null}
      <p>Chaque critère est noté de 0 à {SCALE_MAX} ; la note est convertie en points selon la pondération du critère. Le total est sur 10.</p>
      <Form action={`${reviewPath(app.id)}/notation`} csrf={ctx.csrfToken}>
        {grid.map((c, i) => (
          <section class="fr-mb-4w">
            <h2 class="fr-h6">Critère {i + 1} – {c.title} ({c.weight.toLocaleString('fr-FR')} points)</h2>
            <p class="fr-text--sm">{c.description}</p>
            {i === 0 && needs ? (
              <div class="fr-callout fr-mb-2w">
                <h3 class="fr-callout__title fr-h6">Besoins de la région {needs.regionName}</h3>
                <p class="fr-callout__text fr-text--sm">{needs.jobs.join(' ; ')}.</p>
                <p class="fr-text--sm fr-mb-0">{matches.length ? `Métiers visés proches des besoins de la région : ${matches.join(' ; ')}.` : 'Les métiers visés ne figurent pas explicitement parmi les besoins de la région.'}</p>
              </div>
            ) : null}
            <Radios name={levelField(c.code)} label={`Niveau pour le critère ${i + 1}`} state={st} options={LEVEL_LABELS.map((label, level) => ({ value: String(level), label }))} />
            <Textarea name={commentField(c.code)} label={`Commentaire sur le critère ${i + 1}`} state={st} rows={3} maxlength={3000} />
          </section>
        ))}
        {open ? <button type="submit" class="fr-btn">Enregistrer ma notation</button> : null}
      </Form>
    </Layout>
  );
}
