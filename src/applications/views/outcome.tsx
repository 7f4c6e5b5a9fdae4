/** The GEN's answer on the application page: corrections asked, inadmissibility, committee decision. */
import type { ApplicantOutcome } from '../outcome.js';
import { SECTIONS } from '../sections/catalogue.js';
import type { SectionKey } from '../sections/definitions.js';
import { sectionPath, documentsPath, resubmitPath } from './paths.js';

const frDate = (iso: string) => iso.split('-').reverse().join('/');
const parisDate = (d: Date) => d.toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris', day: '2-digit', month: '2-digit', year: 'numeric' });

/** The part names of a correction request, each linked to its page. */
function PartLinks({ orgId, appId, parts }: { orgId: string; appId: string; parts: string[] }) {
  return (
    <ul>
      {parts.map((p) => {
        const def = SECTIONS.find((s) => s.key === p);
        if (p === 'documents') return <li><a href={documentsPath(orgId, appId)}>Pièces justificatives</a></li>;
        return def ? <li><a href={sectionPath(orgId, appId, def.key as SectionKey)}>{def.title}</a></li> : <li>{p}</li>;
      })}
    </ul>
  );
}

/** The outcome block (nothing when there is nothing to say). */
export function OutcomeNotice({ o, orgId, appId }: { o: ApplicantOutcome; orgId: string; appId: string }) {
  switch (o.kind) {
    case 'none': return null;
    case 'in_correction':
      return (
        <div class="fr-alert fr-alert--warning fr-mb-4w" id="corrections">
          <h2 class="fr-alert__title">La GEN demande des corrections avant le {frDate(o.dueOn)}</h2>
          <p class="lg-prewrap">{o.message}</p>
          <p class="fr-mt-2w">Seules ces rubriques sont à nouveau modifiables :</p>
          <PartLinks orgId={orgId} appId={appId} parts={o.parts} />
          <p><a class="fr-btn" href={resubmitPath(orgId, appId)}>Redéposer la candidature corrigée</a></p>
        </div>
      );
    case 'inadmissible':
      return (
        <div class="fr-alert fr-alert--error fr-mb-4w" id="decision">
          <h2 class="fr-alert__title">Candidature déclarée irrecevable</h2>
          <p class="lg-prewrap">{o.motivation}</p>
          {o.unmet.length ? (
            <>
              <p class="fr-mt-2w">Critères de recevabilité non remplis :</p>
              <ul>{o.unmet.map((u) => <li>{u.code}. {u.title}{u.comment ? ` — ${u.comment}` : ''}</li>)}</ul>
            </>
          ) : null}
        </div>
      );
    case 'labelled':
      return (
        <div class="fr-alert fr-alert--success fr-mb-4w" id="decision">
          <h2 class="fr-alert__title">Formation labellisée Grande École du Numérique</h2>
          {o.motivation ? <p class="lg-prewrap">{o.motivation}</p> : null}
          {o.label ? <p>Label n° {o.label.number} : <a href={`/organisations/${orgId}/labels/${o.label.id}`}>voir le label et sa convention</a>.</p> : null}
        </div>
      );
    case 'deferred':
      return (
        <div class="fr-alert fr-alert--info fr-mb-4w" id="decision">
          <h2 class="fr-alert__title">Examen reporté au relevé suivant</h2>
          <p>
            Le comité de labellisation du {parisDate(o.decidedAt)} a reporté l’examen de votre candidature
            {o.cutoff ? <> au <strong>{o.cutoff.label}</strong>{o.cutoff.closesAt ? ` (clôture le ${parisDate(o.cutoff.closesAt)})` : ''}</> : ' au relevé suivant'}.
            {o.times > 1 ? ` Elle a été reportée ${o.times} fois.` : ''}
          </p>
          <p class="fr-mt-2w">Motivation du comité :</p>
          <p class="lg-prewrap">{o.motivation}</p>
          {o.cutoff?.resultsNote ? <p class="fr-mt-2w">{o.cutoff.resultsNote}.</p> : null}
          <p class="fr-mt-2w">Votre candidature reste déposée : vous n’avez rien à redéposer.</p>
        </div>
      );
    case 'rejected':
      return (
        <div class="fr-alert fr-alert--error fr-mb-4w" id="decision">
          <h2 class="fr-alert__title">Candidature non retenue par le comité de labellisation</h2>
          <p class="lg-prewrap">{o.motivation}</p>
        </div>
      );
  }
}
