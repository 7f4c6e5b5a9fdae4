/** The application's task list: each section with its state, the documents, the summary. */
import type { PageContext } from '../../platform/views/layout.js';
import { SECTIONS } from '../sections/catalogue.js';
import type { Dossier } from '../dossier.js';
import { dateTimeSeconds } from '../format.js';
import { memberPermissions, memberMayChange } from '../applications.policy.js';
import { isDecided, type ApplicantOutcome } from '../outcome.js';
import { OutcomeNotice } from './outcome.js';
import { ApplicationShell, StateBadge } from './shell.js';
import { sectionPath, documentsPath, summaryPath, withdrawPath, receiptPath, dossierPdfPath, renewPath } from './paths.js';

type Status = { label: string; badge: string };
const DONE: Status = { label: 'Complète', badge: 'fr-badge--success' };
const PARTIAL: Status = { label: 'Incomplète', badge: 'fr-badge--warning' };
const NOT_STARTED: Status = { label: 'Non commencée', badge: 'fr-badge--info' };
const TO_CORRECT: Status = { label: 'À corriger', badge: 'fr-badge--warning' };

function Task({ href, title, status, detail }: { href: string; title: string; status: Status; detail?: string }) {
  return (
    <li class="fr-mb-2w lg-task">
      <a class="fr-link" href={href}>{title}</a>{' '}
      <span class={`fr-badge fr-badge--sm ${status.badge}`}>{status.label}</span>
      {detail ? <p class="fr-text--xs fr-mb-0">{detail}</p> : null}
    </li>
  );
}

/** The task-list page of an application. */
export function OverviewPage({ ctx, d, outcome = { kind: 'none' }, submissions = [], unreadMessages = 0 }: { ctx: PageContext; d: Dossier; outcome?: ApplicantOutcome; submissions?: { sequence: number; receiptNumber: string; submittedAt: Date }[]; unreadMessages?: number }) {
  const app = d.application;
  const orgId = app.organisationId;
  const tz = d.call.call.timezone;
  const may = memberPermissions(app.state);
  const cutoff = d.call.cutoffs.find((c) => c.id === app.cutoffId);
  const done = SECTIONS.filter((s) => d.sections[s.key].reading.completed).length + (d.missingDocuments.length === 0 ? 1 : 0);
  const unmet = d.precheck.filter((c) => c.status === 'not_met').length;
  return (
    <ApplicationShell ctx={ctx} title={app.trainingTitle} orgId={orgId} app={app}>
      <h1>{app.trainingTitle}</h1>
      <StateBadge state={app.state} />
      <p>Appel : {d.call.call.title}</p>
      {d.application.renewedFromId ? <p class="fr-text--sm">Renouvellement : les réponses ont été reprises d’une candidature précédente. Vérifiez et mettez à jour chaque rubrique, puis joignez des pièces à jour.</p> : null}
      <OutcomeNotice o={outcome} orgId={orgId} appId={app.id} />
      {app.receiptNumber && app.submittedAt ? (
        <div class="fr-callout fr-mb-4w">
          <p class="fr-callout__title">Candidature déposée</p>
          <p class="fr-callout__text">Récépissé n° {app.receiptNumber}, déposée le {dateTimeSeconds(app.submittedAt, tz)} (heure de Paris){cutoff ? `, examinée au ${cutoff.label}` : ''}.</p>
          <ul class="fr-mt-2w">
            {submissions.map((s) => (
              <li><a class="fr-link fr-icon-download-line fr-link--icon-left" href={receiptPath(orgId, app.id, s.sequence)} download>Récépissé n° {s.receiptNumber}{s.sequence > 1 ? ` (dépôt n° ${s.sequence})` : ''}, PDF</a></li>
            ))}
          </ul>
          {/* H2 (messages): the thread with the GEN team, open once the application is submitted. */}
          <p class="fr-callout__text fr-mt-2w"><a class="fr-link fr-icon-mail-line fr-link--icon-left" href={`/organisations/${orgId}/candidatures/${app.id}/messages`}>Messages avec l’équipe GEN</a>{unreadMessages > 0 ? <span class="fr-badge fr-badge--sm fr-badge--new fr-ml-1w">{unreadMessages === 1 ? '1 message non lu' : `${unreadMessages} messages non lus`}</span> : null}</p>
        </div>
      ) : null}
      {app.state === 'withdrawn' ? <div class="fr-alert fr-alert--warning fr-mb-4w"><p>Candidature retirée{app.withdrawalReason ? ` : « ${app.withdrawalReason} »` : ''}.</p></div> : null}
      <h2>Rubriques de la candidature</h2>
      <p>{done} rubriques complètes sur {SECTIONS.length + 1}. Chaque rubrique s’enregistre séparément, dans l’ordre de votre choix.</p>
      <ol class="lg-task-list">
        {SECTIONS.map((s) => {
          const st = d.sections[s.key];
          const status = st.reading.completed ? DONE : st.saved ? PARTIAL : NOT_STARTED;
          const open = app.state === 'in_correction' && memberMayChange(app.state, s.key, d.openParts);
          const detail = st.updatedAt ? `Enregistrée le ${dateTimeSeconds(st.updatedAt, tz)}${st.updatedByName ? ` par ${st.updatedByName}` : ''}` : undefined;
          return <Task href={sectionPath(orgId, app.id, s.key)} title={s.title} status={open ? TO_CORRECT : status} detail={detail} />;
        })}
        <Task href={documentsPath(orgId, app.id)} title="Pièces justificatives" status={d.missingDocuments.length === 0 ? DONE : d.files.length ? PARTIAL : NOT_STARTED} detail={`${d.files.length} document(s) joint(s)`} />
        <Task href={summaryPath(orgId, app.id)} title={may.submit ? 'Récapitulatif et dépôt' : 'Récapitulatif'} status={app.state === 'draft' ? (unmet ? PARTIAL : DONE) : DONE}
          detail={unmet ? `${unmet} critère(s) de recevabilité non rempli(s) à ce jour` : 'Tous les critères vérifiables par la plateforme sont remplis'} />
      </ol>
      <ul class="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left fr-mt-4w">
        <li><a class="fr-btn fr-btn--secondary fr-icon-file-pdf-line" href={dossierPdfPath(orgId, app.id)}>Télécharger le dossier complet (PDF)</a></li>
        {may.renew ? <li><a class="fr-btn fr-btn--tertiary fr-icon-refresh-line" href={renewPath(orgId, app.id)}>Renouveler à partir de cette candidature</a></li> : null}
      </ul>
      {may.withdraw && !isDecided(outcome) ? <p class="fr-mt-4w"><a class="fr-link fr-icon-close-circle-line fr-link--icon-left" href={withdrawPath(orgId, app.id)}>Retirer la candidature</a></p> : null}
    </ApplicationShell>
  );
}
