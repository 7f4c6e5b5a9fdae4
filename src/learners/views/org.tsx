/** The organisation's pages of a session's learners: roster, learner form, import, attestation, end report, outcomes. */
import { Layout, type PageContext } from '../../platform/views/layout.js';
import { ErrorSummary, Form, Input, Select, Submit, Textarea, type FormState } from '../../platform/views/ui.js';
import type { Indicators } from '../indicators.js';
import {
  CERTIFICATIONS, CERTIFICATION_LABELS, COMPLETIONS, COMPLETION_LABELS, EDUCATION_LEVELS, EDUCATION_LABELS, ENTRY_SITUATIONS, ENTRY_SITUATION_LABELS,
  EXIT_SITUATIONS, EXIT_SITUATION_LABELS, LEARNER_FIELDS, MAX_ROSTER_ROWS, type ImportError, type RosterMapping,
} from '../learners.js';
import type { BreachRow, CrousOfficeRow, LearnerRow, SessionContext } from '../learners.store.js';
import { frDate, ImportErrorsTable, IndicatorsTable, LearnersTable, placementText, SessionFacts } from './parts.js';

/** Base path of a session's learner pages on the organisation side. */
export const orgBase = (orgId: string, sessionId: string) => `/organisations/${orgId}/sessions/${sessionId}`;

function crumbs(orgId: string, ctx: SessionContext, here?: string) {
  const list: { label: string; href?: string }[] = [
    { label: 'Mes organismes', href: '/organisations' },
    { label: ctx.organisationName, href: `/organisations/${orgId}` },
    { label: ctx.session.name, href: `/organisations/${orgId}/labels/${ctx.labelId}/sessions/${ctx.session.id}` },
  ];
  if (here) list.push({ label: 'Apprenants', href: `${orgBase(orgId, ctx.session.id)}/apprenants` });
  return list;
}

const opts = <K extends string>(keys: readonly K[], labels: Record<K, string>) => keys.map((k) => ({ value: k, label: labels[k] }));

/** The roster of a session, its indicators and what is to do next. */
export function RosterPage(p: { ctx: PageContext; orgId: string; s: SessionContext; learners: LearnerRow[]; indicators: Indicators; locked: string | null; breaches: { breach: BreachRow; crousName: string }[] }) {
  const base = orgBase(p.orgId, p.s.session.id);
  const s = p.s.session;
  const unplaced = p.learners.filter((l) => l.placement === 'unplaced');
  return (
    <Layout ctx={p.ctx} title={`Apprenants – ${s.name}`} breadcrumb={crumbs(p.orgId, p.s)}>
      <h1>Apprenants de la session « {s.name} »</h1>
      <SessionFacts ctx={p.s} />
      {unplaced.length > 0 ? (
        <div class="fr-alert fr-alert--warning fr-mb-3w">
          <h2 class="fr-alert__title">{unplaced.length === 1 ? 'Une adresse n’a pas pu être placée' : `${unplaced.length} adresses n’ont pas pu être placées`}</h2>
          <p>Le service de géographie n’a pas reconnu ces adresses : corrigez-les pour que les indicateurs QPV, ZRR et FRR soient justes.</p>
          <ul>{unplaced.map((l) => <li><a href={`${base}/apprenants/${l.id}`}>{l.lastName} {l.firstName} : {l.address ?? 'adresse absente'}</a></li>)}</ul>
        </div>
      ) : null}
      <h2>Ce qu’il reste à faire</h2>
      <ul class="fr-btns-group fr-btns-group--inline-md">
        {!p.locked ? <li><a class="fr-btn fr-btn--secondary" href={`${base}/apprenants/nouveau`}>Ajouter un apprenant</a></li> : null}
        {!p.locked ? <li><a class="fr-btn fr-btn--secondary" href={`${base}/apprenants/import`}>Importer une liste (CSV ou XLSX)</a></li> : null}
        {!s.startAttestedAt && s.status !== 'cancelled' ? <li><a class="fr-btn" href={`${base}/attestation`}>Attester le démarrage</a></li> : null}
        {s.startAttestedAt && !s.endReportAcceptedAt ? <li><a class={`fr-btn${s.endReportedAt ? ' fr-btn--secondary' : ''}`} href={`${base}/bilan`}>{s.endReportedAt ? 'Revoir le bilan de fin de session' : 'Remplir le bilan de fin de session'}</a></li> : null}
        {s.endReportedAt ? <li><a class="fr-btn fr-btn--secondary" href={`${base}/situations/3-mois`}>Situations à 3 mois</a></li> : null}
        {s.endReportedAt ? <li><a class="fr-btn fr-btn--secondary" href={`${base}/situations/6-mois`}>Situations à 6 mois</a></li> : null}
        {p.learners.length > 0 ? <li><a class="fr-btn fr-btn--tertiary" href={`${base}/apprenants.csv`}>Exporter la liste (CSV)</a></li> : null}
      </ul>
      {p.locked ? <p class="fr-alert fr-alert--info fr-alert--sm fr-mb-3w">{p.locked}</p> : null}
      <h2>Indicateurs de la session</h2>
      <IndicatorsTable indicators={p.indicators} caption="Indicateurs de la session comparés aux objectifs de l’appel" />
      <h2>Liste des apprenants</h2>
      <p class="fr-text--sm">Données personnelles : visibles seulement par les membres de votre organisme et l’équipe de suivi de la GEN ; chaque consultation est enregistrée.</p>
      <LearnersTable rows={p.learners} href={(l) => `${base}/apprenants/${l.id}`} caption={`${p.learners.length} apprenant(s)`} />
      {p.breaches.length > 0 ? (
        <>
          <h2>Manquements d’assiduité signalés au CROUS</h2>
          <ul>{p.breaches.map((b) => <li>{frDate(b.breach.fromDate)} – {frDate(b.breach.toDate)} ({b.breach.kind === 'exams' ? 'examens' : 'cours'}) : avis {b.breach.noticeSentAt ? 'envoyé' : 'en attente'} au {b.crousName}</li>)}</ul>
        </>
      ) : null}
    </Layout>
  );
}

/** The learner fields. */
export function LearnerFields({ state }: { state?: FormState }) {
  return (
    <>
      <Input name="nom" label="Nom" state={state} autocomplete="off" />
      <Input name="prenom" label="Prénom" state={state} autocomplete="off" />
      <Select name="sexe" label="Sexe" state={state} options={[{ value: 'F', label: 'Femme' }, { value: 'M', label: 'Homme' }]} />
      <Input name="date_naissance" label="Date de naissance" hint="Format JJ/MM/AAAA, par exemple 14/03/1999." state={state} />
      <Input name="courriel" type="email" label="Courriel" state={state} required={false} autocomplete="off" />
      <Input name="telephone" type="tel" label="Téléphone" state={state} required={false} autocomplete="off" />
      <Input name="adresse" label="Adresse postale" hint="Numéro, voie, code postal et commune : elle sert à savoir si l’apprenant réside en QPV, ZRR ou FRR." state={state} autocomplete="off" />
      <Select name="niveau" label="Niveau de formation" state={state} options={opts(EDUCATION_LEVELS, EDUCATION_LABELS)} />
      <Select name="situation" label="Situation à l’entrée en formation" state={state} options={opts(ENTRY_SITUATIONS, ENTRY_SITUATION_LABELS)} />
      <Select name="rqth" label="Reconnaissance de la qualité de travailleur handicapé (RQTH)" state={state} options={[{ value: 'non', label: 'Non' }, { value: 'oui', label: 'Oui' }]} />
      <Select name="aide_crous" label="Aide du CROUS demandée" state={state} options={[{ value: 'non', label: 'Non' }, { value: 'oui', label: 'Oui' }]} />
    </>
  );
}

const FIELD_ORDER = ['nom', 'prenom', 'sexe', 'date_naissance', 'courriel', 'telephone', 'adresse', 'niveau', 'situation', 'rqth', 'aide_crous'];

/** Adding or changing a learner; for an existing one, the early leave and the CROUS breach. */
export function LearnerPage(p: {
  ctx: PageContext; orgId: string; s: SessionContext; learner: LearnerRow | null; state?: FormState; leaveState?: FormState; breachState?: FormState;
  crousOffices: CrousOfficeRow[]; locked: string | null;
}) {
  const base = orgBase(p.orgId, p.s.session.id);
  const l = p.learner;
  const title = l ? `${l.lastName ?? ''} ${l.firstName ?? ''}`.trim() : 'Ajouter un apprenant';
  const hasErrors = !!(p.state?.errors || p.leaveState?.errors || p.breachState?.errors);
  const attested = !!p.s.session.startAttestedAt;
  return (
    <Layout ctx={p.ctx} title={`${title} – ${p.s.session.name}`} hasErrors={hasErrors} breadcrumb={crumbs(p.orgId, p.s, 'apprenants')}>
      <h1>{l ? `Apprenant : ${title}` : 'Ajouter un apprenant'}</h1>
      <ErrorSummary errors={{ ...p.state?.errors, ...p.leaveState?.errors, ...p.breachState?.errors }} fieldOrder={FIELD_ORDER} />
      {l ? <p>Territoire : {placementText(l)}{l.overrideReason ? ` — motif de la GEN : ${l.overrideReason}` : ''}</p> : null}
      {p.locked ? <p class="fr-alert fr-alert--info fr-alert--sm">{p.locked}</p> : (
        <Form action={l ? `${base}/apprenants/${l.id}` : `${base}/apprenants/nouveau`} csrf={p.ctx.csrfToken}>
          <LearnerFields state={p.state} />
          <Submit label={l ? 'Enregistrer les modifications' : 'Ajouter l’apprenant'} />
        </Form>
      )}
      {l && !p.locked && !attested ? (
        <Form action={`${base}/apprenants/${l.id}/supprimer`} csrf={p.ctx.csrfToken}>
          <h2 class="fr-mt-4w">Retirer de la liste</h2>
          <p>À utiliser pour un apprenant déclaré par erreur, avant l’attestation de démarrage.</p>
          <Submit label="Retirer cet apprenant" secondary />
        </Form>
      ) : null}
      {l && attested && !p.s.session.endReportAcceptedAt ? (
        <Form action={`${base}/apprenants/${l.id}/sortie`} csrf={p.ctx.csrfToken} id="sortie">
          <h2 class="fr-mt-4w">Sortie anticipée</h2>
          <Input name="date_sortie" label="Date de sortie" hint="Format JJ/MM/AAAA." state={p.leaveState} />
          <Textarea name="motif_sortie" label="Motif de la sortie" state={p.leaveState} rows={3} maxlength={1000} />
          <Submit label="Enregistrer la sortie" secondary />
        </Form>
      ) : null}
      {l && attested && l.crousAid && !p.s.session.endReportAcceptedAt ? (
        <Form action={`${base}/apprenants/${l.id}/manquement`} csrf={p.ctx.csrfToken} id="manquement">
          <h2 class="fr-mt-4w">Manquement à l’assiduité (boursier du CROUS)</h2>
          <p>Le décret impose de signaler au CROUS les absences injustifiées aux cours ou aux examens d’un bénéficiaire de l’aide : un avis (PDF) lui est envoyé par courriel.</p>
          {p.crousOffices.length === 0 ? <p class="fr-alert fr-alert--info fr-alert--sm">Aucun CROUS n’est encore paramétré : contactez la GEN.</p> : (
            <>
              <Select name="crous" label="CROUS destinataire" state={p.breachState} options={p.crousOffices.map((c) => ({ value: c.id, label: c.name }))} />
              <Select name="nature" label="Nature des absences" state={p.breachState} options={[{ value: 'classes', label: 'Absences aux cours' }, { value: 'exams', label: 'Absences aux examens' }]} />
              <Input name="du" label="Du" hint="Format JJ/MM/AAAA." state={p.breachState} />
              <Input name="au" label="Au" hint="Format JJ/MM/AAAA." state={p.breachState} />
              <Textarea name="details" label="Détail des absences" state={p.breachState} rows={3} maxlength={2000} />
              <Submit label="Envoyer l’avis au CROUS" secondary />
            </>
          )}
        </Form>
      ) : null}
      <p class="fr-mt-4w"><a href={`${base}/apprenants`}>Retour à la liste des apprenants</a></p>
    </Layout>
  );
}

/** Step 1 of the import: the file. */
export function ImportUploadPage(p: { ctx: PageContext; orgId: string; s: SessionContext; state?: FormState }) {
  const base = orgBase(p.orgId, p.s.session.id);
  return (
    <Layout ctx={p.ctx} title={`Importer des apprenants – ${p.s.session.name}`} hasErrors={!!p.state?.errors} breadcrumb={crumbs(p.orgId, p.s, 'apprenants')}>
      <h1>Importer une liste d’apprenants</h1>
      <ErrorSummary errors={p.state?.errors} fieldOrder={['fichier']} />
      <p>Téléchargez le <a href={`${base}/apprenants/modele.csv`} download>modèle de fichier (CSV)</a>, remplissez une ligne par apprenant, puis envoyez-le. Les fichiers CSV (UTF-8 ou Latin-1, séparateur point-virgule, virgule ou tabulation) et XLSX sont acceptés, jusqu’à {MAX_ROSTER_ROWS.toLocaleString('fr-FR')} lignes.</p>
      <p>L’import est tout ou rien : si une ligne contient une erreur, aucune n’est enregistrée et toutes les erreurs sont listées par ligne et par colonne.</p>
      <Form action={`${base}/apprenants/import`} csrf={p.ctx.csrfToken} multipart>
        <div class={`fr-upload-group${p.state?.errors?.fichier ? ' fr-upload-group--error' : ''}`}>
          <label class="fr-label" for="fichier">Fichier des apprenants<span class="fr-hint-text">Formats acceptés : .csv, .xlsx.</span></label>
          <input class="fr-upload" type="file" id="fichier" name="fichier" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" aria-describedby={p.state?.errors?.fichier ? 'fichier-erreur' : undefined} />
          {p.state?.errors?.fichier ? <p id="fichier-erreur" class="fr-error-text">{p.state.errors.fichier}</p> : null}
        </div>
        <Submit label="Envoyer le fichier" />
      </Form>
    </Layout>
  );
}

/** Step 2: map the columns, see the first lines, confirm; errors listed by line and column. */
export function ImportMappingPage(p: {
  ctx: PageContext; orgId: string; s: SessionContext; importId: string; fileName: string; encoding: string; header: string[];
  preview: string[][]; rowCount: number; mapping: RosterMapping; state?: FormState; importErrors?: ImportError[];
}) {
  const base = orgBase(p.orgId, p.s.session.id);
  const values = p.state?.values ?? Object.fromEntries(LEARNER_FIELDS.map((f) => [`col_${f.key}`, p.mapping[f.key] === null ? '' : String(p.mapping[f.key])]));
  const state: FormState = { errors: p.state?.errors, values };
  const columns = p.header.map((h, i) => ({ value: String(i), label: `${h} (colonne ${i + 1})` }));
  return (
    <Layout ctx={p.ctx} title={`Colonnes du fichier – ${p.s.session.name}`} hasErrors={!!p.state?.errors || !!p.importErrors?.length} breadcrumb={crumbs(p.orgId, p.s, 'apprenants')}>
      <h1>Vérifier les colonnes du fichier</h1>
      <ErrorSummary errors={p.state?.errors} fieldOrder={LEARNER_FIELDS.map((f) => `col_${f.key}`)} />
      {p.importErrors?.length ? (
        <div class="fr-alert fr-alert--error fr-mb-3w" role="alert">
          <h2 class="fr-alert__title">Le fichier contient {p.importErrors.length === 1 ? 'une erreur' : `${p.importErrors.length} erreurs`} : aucun apprenant n’a été importé</h2>
          <p>Corrigez le fichier puis <a href={`${base}/apprenants/import`}>envoyez-le à nouveau</a>.</p>
        </div>
      ) : null}
      {p.importErrors?.length ? <ImportErrorsTable errors={p.importErrors} /> : null}
      <p>Fichier « {p.fileName} » : {p.rowCount} ligne(s) d’apprenants, encodage {p.encoding}.</p>
      <Form action={`${base}/apprenants/import/${p.importId}`} csrf={p.ctx.csrfToken}>
        <fieldset class="fr-fieldset">
          <legend class="fr-fieldset__legend">Colonne du fichier pour chaque information</legend>
          {LEARNER_FIELDS.map((f) => (
            <div class="fr-fieldset__element">
              <Select name={`col_${f.key}`} label={f.label} state={state} options={columns} required={f.required} placeholder={f.required ? 'Choisir une colonne' : 'Absente du fichier'} />
            </div>
          ))}
        </fieldset>
        <Submit label="Importer les apprenants" />
      </Form>
      <div class="fr-table lg-table-wrap fr-mt-4w">
        <table>
          <caption>Premières lignes du fichier</caption>
          <thead><tr>{p.header.map((h) => <th scope="col">{h}</th>)}</tr></thead>
          <tbody>{p.preview.map((r) => <tr>{p.header.map((_, i) => <td>{r[i] ?? ''}</td>)}</tr>)}</tbody>
        </table>
      </div>
    </Layout>
  );
}

/** The start attestation: indicators against the targets, the actual start date. */
export function AttestationPage(p: { ctx: PageContext; orgId: string; s: SessionContext; learners: LearnerRow[]; indicators: Indicators; dueOn: string; state?: FormState }) {
  const base = orgBase(p.orgId, p.s.session.id);
  const unplaced = p.learners.filter((l) => l.placement === 'unplaced').length;
  return (
    <Layout ctx={p.ctx} title={`Attestation de démarrage – ${p.s.session.name}`} hasErrors={!!p.state?.errors} breadcrumb={crumbs(p.orgId, p.s, 'apprenants')}>
      <h1>Attestation de démarrage</h1>
      <ErrorSummary errors={p.state?.errors} fieldOrder={['date_demarrage']} />
      <SessionFacts ctx={p.s} />
      <p>L’attestation de démarrage, avec la liste nominative des apprenants, est due au plus tard le {frDate(p.dueOn)} (un mois après le démarrage effectif).</p>
      {p.s.session.startAttestedAt ? <p class="fr-alert fr-alert--success fr-alert--sm fr-mb-3w">Le démarrage est attesté.</p> : null}
      {unplaced > 0 ? <p class="fr-alert fr-alert--warning fr-alert--sm fr-mb-3w">{unplaced} adresse(s) non placée(s) : les parts QPV, ZRR et FRR les comptent comme hors zone tant qu’elles ne sont pas corrigées.</p> : null}
      <IndicatorsTable indicators={p.indicators} caption="Indicateurs de la session comparés aux objectifs de l’appel" />
      <LearnersTable rows={p.learners} caption={`Liste nominative : ${p.learners.length} apprenant(s)`} href={(l) => `${base}/apprenants/${l.id}`} />
      {!p.s.session.startAttestedAt ? (
        <Form action={`${base}/attestation`} csrf={p.ctx.csrfToken}>
          <Input name="date_demarrage" label="Date de démarrage effectif" hint="Format JJ/MM/AAAA. Les adresses sont classées avec la géographie en vigueur à cette date." state={p.state} />
          <div class="fr-checkbox-group fr-mb-3w">
            <input type="checkbox" id="certifie" name="certifie" value="oui" aria-describedby={p.state?.errors?.certifie ? 'certifie-erreur' : undefined} />
            <label class="fr-label" for="certifie">Je certifie que ces apprenants ont commencé la formation à cette date.</label>
            {p.state?.errors?.certifie ? <p id="certifie-erreur" class="fr-error-text">{p.state.errors.certifie}</p> : null}
          </div>
          <Submit label="Attester le démarrage" />
        </Form>
      ) : null}
    </Layout>
  );
}

/** The end-of-session report: one line per learner. */
export function EndReportPage(p: { ctx: PageContext; orgId: string; s: SessionContext; learners: LearnerRow[]; state?: FormState }) {
  const base = orgBase(p.orgId, p.s.session.id);
  const v = (name: string, fallback: string) => {
    const x = p.state?.values?.[name];
    return typeof x === 'string' ? x : fallback;
  };
  const sel = (name: string, label: string, options: { value: string; label: string }[], current: string) => (
    <div class={`fr-select-group${p.state?.errors?.[name] ? ' fr-select-group--error' : ''}`}>
      <label class="fr-label fr-sr-only" for={name}>{label}</label>
      <select class="fr-select" id={name} name={name} aria-describedby={p.state?.errors?.[name] ? `${name}-erreur` : undefined}>
        <option value="" selected={current === ''}>À renseigner</option>
        {options.map((o) => <option value={o.value} selected={o.value === current}>{o.label}</option>)}
      </select>
      {p.state?.errors?.[name] ? <p id={`${name}-erreur`} class="fr-error-text">{p.state.errors[name]}</p> : null}
    </div>
  );
  return (
    <Layout ctx={p.ctx} title={`Bilan de fin de session – ${p.s.session.name}`} hasErrors={!!p.state?.errors} breadcrumb={crumbs(p.orgId, p.s, 'apprenants')}>
      <h1>Bilan de fin de session</h1>
      <ErrorSummary errors={p.state?.errors} />
      <SessionFacts ctx={p.s} />
      <p>Pour chaque apprenant : parcours terminé ou sortie anticipée, certification obtenue et situation à la sortie. Le bilan est dû un mois après la fin de la session.</p>
      <Form action={`${base}/bilan`} csrf={p.ctx.csrfToken}>
        <Input name="date_fin" label="Date de fin effective (stage compris)" hint="Format JJ/MM/AAAA." state={{ errors: p.state?.errors, values: { date_fin: v('date_fin', frDate(p.s.session.actualEnd ?? p.s.session.plannedEnd)) } }} />
        <div class="fr-table lg-table-wrap">
          <table>
            <caption>Résultat de chaque apprenant</caption>
            <thead><tr><th scope="col">Apprenant</th><th scope="col">Parcours</th><th scope="col">Certification</th><th scope="col">Situation à la sortie</th></tr></thead>
            <tbody>
              {p.learners.map((l) => {
                const name = `${l.lastName ?? ''} ${l.firstName ?? ''}`.trim() || 'Apprenant';
                return (
                  <tr>
                    <th scope="row">{name}{l.leftOn ? ` (sorti le ${frDate(l.leftOn)})` : ''}</th>
                    <td>{sel(`parcours_${l.id}`, `Parcours de ${name}`, opts(COMPLETIONS, COMPLETION_LABELS), v(`parcours_${l.id}`, l.completion ?? (l.leftOn ? 'left' : '')))}</td>
                    <td>{sel(`certification_${l.id}`, `Certification de ${name}`, opts(CERTIFICATIONS, CERTIFICATION_LABELS), v(`certification_${l.id}`, l.certification ?? ''))}</td>
                    <td>{sel(`sortie_${l.id}`, `Situation à la sortie de ${name}`, opts(EXIT_SITUATIONS, EXIT_SITUATION_LABELS), v(`sortie_${l.id}`, l.situationAtExit ?? ''))}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <Submit label="Remettre le bilan" />
      </Form>
    </Layout>
  );
}

/** The situations at 3 or 6 months, with the learner's own survey answer beside. */
export function OutcomesPage(p: { ctx: PageContext; orgId: string; s: SessionContext; learners: LearnerRow[]; wave: '3m' | '6m'; slug: string; state?: FormState }) {
  const base = orgBase(p.orgId, p.s.session.id);
  const months = p.wave === '3m' ? 3 : 6;
  return (
    <Layout ctx={p.ctx} title={`Situations à ${months} mois – ${p.s.session.name}`} hasErrors={!!p.state?.errors} breadcrumb={crumbs(p.orgId, p.s, 'apprenants')}>
      <h1>Situation des apprenants {months} mois après la session</h1>
      <ErrorSummary errors={p.state?.errors} />
      <SessionFacts ctx={p.s} />
      <Form action={`${base}/situations/${p.slug}`} csrf={p.ctx.csrfToken}>
        <div class="fr-table lg-table-wrap">
          <table>
            <caption>Situation de chaque apprenant à {months} mois</caption>
            <thead><tr><th scope="col">Apprenant</th><th scope="col">Situation à la sortie</th><th scope="col">Situation à {months} mois</th></tr></thead>
            <tbody>
              {p.learners.map((l) => {
                const name = l.erasedAt ? 'Apprenant' : `${l.lastName ?? ''} ${l.firstName ?? ''}`.trim();
                const field = `situation_${l.id}`;
                const current = (p.state?.values?.[field] as string | undefined) ?? ((p.wave === '3m' ? l.situation3m : l.situation6m) ?? '');
                return (
                  <tr>
                    <th scope="row">{name}</th>
                    <td>{l.situationAtExit ? EXIT_SITUATION_LABELS[l.situationAtExit] : '—'}</td>
                    <td>
                      <label class="fr-label fr-sr-only" for={field}>Situation de {name} à {months} mois</label>
                      <select class="fr-select" id={field} name={field}>
                        <option value="" selected={current === ''}>À renseigner</option>
                        {EXIT_SITUATIONS.map((k) => <option value={k} selected={k === current}>{EXIT_SITUATION_LABELS[k]}</option>)}
                      </select>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <Submit label="Enregistrer les situations" />
      </Form>
    </Layout>
  );
}
