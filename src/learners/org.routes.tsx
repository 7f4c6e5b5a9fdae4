/** Organisation routes of a session's learners (ORG_MEMBER; someone else's session answers 404). */
import type { Context } from 'hono';
import { z } from 'zod';
import type { Router } from '../platform/http/router.js';
import type { AppEnv } from '../platform/http/context.js';
import { ORG_MEMBER, isUuid } from '../platform/http/access.js';
import { readForm, parseForm, type FormValues } from '../platform/http/forms.js';
import { render, pageContext, redirectWith } from '../platform/http/render.js';
import { renderErrorPage } from '../platform/views/error-page.js';
import { dispatchMails } from '../platform/mail/mailer.js';
import { todayInParis } from '../territory/index.js';
import { readUpload, UploadError } from '../territory/web/batch-file.js';
import {
  addMonths, CERTIFICATIONS, COMPLETIONS, EXIT_SITUATIONS, LEARNER_FIELDS, MAX_ROSTER_ROWS, checkRosterMapping, guessRosterMapping, learnerValues,
  parseFrenchDate, readRoster, rosterTemplateCsv, validateLearner, type Certification, type Completion, type ExitSituation, type LearnerFieldKey, type RosterMapping,
} from './learners.js';
import { indicators } from './indicators.js';
import { placeAddresses } from './placement.js';
import {
  breachesOfSession, deleteImport, findCrousOffice, findImport, insertImport, learnerOfSession, learnersOfSession, listCrousOffices, sessionContext, type LearnerRow, type SessionContext,
} from './learners.store.js';
import { learnerActor } from './learners.policy.js';
import { refreshTranches, grantMail } from '../grants/index.js';
import { addLearner, attestStart, changeLearner, importLearners, removeLearner, rosterLocked } from './commands/roster.js';
import { recordLeave, recordOutcomes, submitEndReport, type EndReportLine } from './commands/reports.js';
import { auditExport, auditRosterView } from './commands/privacy.js';
import { recordBreach } from './commands/crous.js';
import { AttestationPage, EndReportPage, ImportMappingPage, ImportUploadPage, LearnerPage, OutcomesPage, RosterPage, orgBase } from './views/org.js';
import type { FormState } from '../platform/views/ui.js';
import { learnersCsv } from './export.js';

const WAVES: Record<string, '3m' | '6m'> = { '3-mois': '3m', '6-mois': '6m' };

/** The session of the URL if it belongs to the URL's organisation, else null (→ 404). */
async function sessionOf(c: Context<AppEnv>): Promise<SessionContext | null> {
  const orgId = c.req.param('orgId');
  const sessionId = c.req.param('sessionId');
  if (!isUuid(orgId) || !isUuid(sessionId)) return null;
  return sessionContext(c.get('deps').database.db, sessionId.toLowerCase(), { orgId: orgId.toLowerCase() });
}

async function learnerOf(c: Context<AppEnv>, s: SessionContext): Promise<LearnerRow | null> {
  const id = c.req.param('learnerId');
  return isUuid(id) ? learnerOfSession(c.get('deps').database.db, s.session.id, id.toLowerCase()) : null;
}

/** The date of the geography of a session: its actual start, else its planned start. */
const geoDate = (s: SessionContext) => s.session.actualStart ?? s.session.plannedStart;

const learnerRaw = (v: FormValues) => Object.fromEntries(LEARNER_FIELDS.map((f) => [f.key, typeof v[f.key] === 'string' ? (v[f.key] as string) : ''])) as Record<LearnerFieldKey, string>;

const leaveForm = z.object({
  date_sortie: z.string().trim().refine((v) => parseFrenchDate(v) !== null, 'Indiquez la date de sortie au format JJ/MM/AAAA.'),
  motif_sortie: z.string().trim().min(3, 'Indiquez le motif de la sortie.').max(1000, 'Le motif ne doit pas dépasser 1 000 caractères.'),
});
const breachForm = z.object({
  crous: z.string().refine((v) => isUuid(v), 'Choisissez le CROUS destinataire.'),
  nature: z.enum(['classes', 'exams'], { message: 'Choisissez la nature des absences.' }),
  du: z.string().trim().refine((v) => parseFrenchDate(v) !== null, 'Indiquez le début de la période au format JJ/MM/AAAA.'),
  au: z.string().trim().refine((v) => parseFrenchDate(v) !== null, 'Indiquez la fin de la période au format JJ/MM/AAAA.'),
  details: z.string().trim().min(10, 'Détaillez les absences (au moins 10 caractères).').max(2000, 'Le détail ne doit pas dépasser 2 000 caractères.'),
});

/** Registers the organisation's learner routes. */
export function registerOrganisationLearnerRoutes(r: Router): void {
  const today = (c: Context<AppEnv>) => todayInParis(c.get('deps').now());
  const db = (c: Context<AppEnv>) => c.get('deps').database.db;
  const base = (s: SessionContext) => orgBase(s.session.organisationId, s.session.id);

  const renderLearner = async (c: Context<AppEnv>, s: SessionContext, learner: LearnerRow | null, states: { state?: FormState; leaveState?: FormState; breachState?: FormState } = {}, status = 200) =>
    render(c, <LearnerPage ctx={pageContext(c)} orgId={s.session.organisationId} s={s} learner={learner} crousOffices={await listCrousOffices(db(c))} locked={rosterLocked(s.session)} {...states}
      state={states.state ?? (learner ? { values: learnerValues(learner) } : undefined)} />, status);

  r.get('/organisations/:orgId/sessions/:sessionId/apprenants', ORG_MEMBER, async (c) => {
    const s = await sessionOf(c);
    if (!s) return renderErrorPage(c, 404);
    const deps = c.get('deps');
    const rows = await learnersOfSession(deps.database.db, s.session.id);
    await deps.database.db.transaction((tx) => auditRosterView(tx, learnerActor(c), s.session.id, rows.length, 'organisation', deps.now()));
    return render(c, <RosterPage ctx={pageContext(c)} orgId={s.session.organisationId} s={s} learners={rows} indicators={indicators(rows, s.rules)} locked={rosterLocked(s.session)} breaches={await breachesOfSession(deps.database.db, s.session.id)} />);
  });

  r.get('/organisations/:orgId/sessions/:sessionId/apprenants.csv', ORG_MEMBER, async (c) => {
    const s = await sessionOf(c);
    if (!s) return renderErrorPage(c, 404);
    const deps = c.get('deps');
    const rows = await learnersOfSession(deps.database.db, s.session.id);
    await deps.database.db.transaction((tx) => auditExport(tx, learnerActor(c), s.session.id, rows.length, 'csv', deps.now()));
    return new Response(learnersCsv(rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="apprenants-${s.session.id.slice(0, 8)}.csv"`, 'Cache-Control': 'private, no-store' } });
  });

  r.get('/organisations/:orgId/sessions/:sessionId/apprenants/modele.csv', ORG_MEMBER, async (c) => {
    const s = await sessionOf(c);
    if (!s) return renderErrorPage(c, 404);
    return new Response(rosterTemplateCsv(), { headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="modele-apprenants.csv"' } });
  });

  r.get('/organisations/:orgId/sessions/:sessionId/apprenants/nouveau', ORG_MEMBER, async (c) => {
    const s = await sessionOf(c);
    return s ? renderLearner(c, s, null, { state: { values: { rqth: 'non', aide_crous: 'non' } } }) : renderErrorPage(c, 404);
  });

  r.post('/organisations/:orgId/sessions/:sessionId/apprenants/nouveau', ORG_MEMBER, async (c) => {
    const s = await sessionOf(c);
    if (!s) return renderErrorPage(c, 404);
    const values = await readForm(c);
    const v = validateLearner(learnerRaw(values), today(c));
    if (!v.ok) return renderLearner(c, s, null, { state: { errors: v.errors as Record<string, string>, values } }, 422);
    const deps = c.get('deps');
    const [place] = await placeAddresses(deps, [v.data.address], geoDate(s));
    const res = await deps.database.db.transaction((tx) => addLearner(tx, learnerActor(c), s, v.data, place!, deps.now()));
    if (!res.ok) return renderLearner(c, s, null, { state: { errors: { _form: res.message }, values } }, 422);
    return redirectWith(c, `${base(s)}/apprenants`, place!.placement === 'placed'
      ? `${v.data.firstName} ${v.data.lastName} est ajouté(e) à la liste.`
      : `${v.data.firstName} ${v.data.lastName} est ajouté(e), mais son adresse n’a pas pu être placée : corrigez-la.`);
  });

  r.get('/organisations/:orgId/sessions/:sessionId/apprenants/import', ORG_MEMBER, async (c) => {
    const s = await sessionOf(c);
    return s ? render(c, <ImportUploadPage ctx={pageContext(c)} orgId={s.session.organisationId} s={s} />) : renderErrorPage(c, 404);
  });

  r.post('/organisations/:orgId/sessions/:sessionId/apprenants/import', ORG_MEMBER, async (c) => {
    const s = await sessionOf(c);
    if (!s) return renderErrorPage(c, 404);
    const fail = (m: string) => render(c, <ImportUploadPage ctx={pageContext(c)} orgId={s.session.organisationId} s={s} state={{ errors: { fichier: m } }} />, 422);
    const locked = rosterLocked(s.session);
    if (locked) return fail(locked);
    const body = await c.req.parseBody();
    const file = body.fichier;
    if (!(file instanceof File) || file.size === 0) return fail(file instanceof File ? 'Le fichier est vide.' : 'Choisissez un fichier CSV ou XLSX.');
    const bytes = new Uint8Array(await file.arrayBuffer());
    try {
      await readUpload(bytes, file.name, MAX_ROSTER_ROWS);
    } catch (e) {
      if (e instanceof UploadError) return fail(e.message.replace('lignes d’adresses', 'lignes d’apprenants').replace('sans adresse', 'sans apprenant'));
      throw e;
    }
    const deps = c.get('deps');
    const id = await deps.database.db.transaction((tx) => insertImport(tx, { sessionId: s.session.id, fileName: file.name.slice(0, 200), content: Buffer.from(bytes).toString('base64'), createdBy: learnerActor(c).id, createdAt: deps.now() }));
    return c.redirect(`${base(s)}/apprenants/import/${id}`, 303);
  });

  const loadImport = async (c: Context<AppEnv>, s: SessionContext) => {
    const id = c.req.param('importId');
    const row = isUuid(id) ? await findImport(db(c), s.session.id, id.toLowerCase()) : null;
    if (!row) return null;
    const table = await readUpload(new Uint8Array(Buffer.from(row.content, 'base64')), row.fileName, MAX_ROSTER_ROWS);
    return { row, table };
  };
  const renderMapping = (c: Context<AppEnv>, s: SessionContext, imp: NonNullable<Awaited<ReturnType<typeof loadImport>>>, extra: { state?: FormState; importErrors?: { line: number; column: string; message: string }[] } = {}, status = 200) =>
    render(c, <ImportMappingPage ctx={pageContext(c)} orgId={s.session.organisationId} s={s} importId={imp.row.id} fileName={imp.row.fileName} encoding={imp.table.encoding}
      header={imp.table.header} preview={imp.table.rows.slice(0, 3).map((x) => x.cells)} rowCount={imp.table.rows.length} mapping={guessRosterMapping(imp.table.header)} {...extra} />, status);

  r.get('/organisations/:orgId/sessions/:sessionId/apprenants/import/:importId', ORG_MEMBER, async (c) => {
    const s = await sessionOf(c);
    const imp = s ? await loadImport(c, s) : null;
    return s && imp ? renderMapping(c, s, imp) : renderErrorPage(c, 404);
  });

  r.post('/organisations/:orgId/sessions/:sessionId/apprenants/import/:importId', ORG_MEMBER, async (c) => {
    const s = await sessionOf(c);
    const imp = s ? await loadImport(c, s) : null;
    if (!s || !imp) return renderErrorPage(c, 404);
    const values = await readForm(c);
    const mapping = Object.fromEntries(LEARNER_FIELDS.map((f) => {
      const v = values[`col_${f.key}`];
      return [f.key, typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : null];
    })) as RosterMapping;
    const mappingErrors = checkRosterMapping(mapping, imp.table.header.length);
    if (Object.keys(mappingErrors).length) return renderMapping(c, s, imp, { state: { errors: mappingErrors, values } }, 422);
    const deps = c.get('deps');
    const existing = await learnersOfSession(deps.database.db, s.session.id);
    const read = readRoster(imp.table.header, imp.table.rows, mapping, today(c), existing);
    if (!read.ok) return renderMapping(c, s, imp, { state: { values }, importErrors: read.errors }, 422);
    const places = await placeAddresses(deps, read.learners.map((l) => l.address), geoDate(s));
    const res = await deps.database.db.transaction(async (tx) => {
      const out = await importLearners(tx, learnerActor(c), s, read.learners.map(({ line: _line, ...l }) => l), places, imp.row.fileName, deps.now());
      if (out.ok) await deleteImport(tx, imp.row.id, deps.now());
      return out;
    });
    if (!res.ok) return renderMapping(c, s, imp, { state: { errors: { _form: res.message }, values } }, 422);
    const unplaced = places.filter((p) => p.placement === 'unplaced').length;
    return redirectWith(c, `${base(s)}/apprenants`, `${res.count} apprenant(s) importé(s).${unplaced ? ` ${unplaced} adresse(s) n’ont pas pu être placées : corrigez-les.` : ''}`);
  });

  r.get('/organisations/:orgId/sessions/:sessionId/apprenants/:learnerId', ORG_MEMBER, async (c) => {
    const s = await sessionOf(c);
    const l = s ? await learnerOf(c, s) : null;
    return s && l ? renderLearner(c, s, l) : renderErrorPage(c, 404);
  });

  r.post('/organisations/:orgId/sessions/:sessionId/apprenants/:learnerId', ORG_MEMBER, async (c) => {
    const s = await sessionOf(c);
    const l = s ? await learnerOf(c, s) : null;
    if (!s || !l) return renderErrorPage(c, 404);
    const values = await readForm(c);
    const v = validateLearner(learnerRaw(values), today(c));
    if (!v.ok) return renderLearner(c, s, l, { state: { errors: v.errors as Record<string, string>, values } }, 422);
    const deps = c.get('deps');
    const place = v.data.address !== l.address || l.placement === 'unplaced' ? (await placeAddresses(deps, [v.data.address], geoDate(s)))[0]! : null;
    const res = await deps.database.db.transaction((tx) => changeLearner(tx, learnerActor(c), s, l, v.data, place, deps.now()));
    if (!res.ok) return renderLearner(c, s, l, { state: { errors: { _form: res.message }, values } }, 422);
    return redirectWith(c, `${base(s)}/apprenants`, place && place.placement === 'unplaced' ? 'Modifications enregistrées, mais l’adresse n’a toujours pas pu être placée.' : 'Modifications enregistrées.');
  });

  r.post('/organisations/:orgId/sessions/:sessionId/apprenants/:learnerId/supprimer', ORG_MEMBER, async (c) => {
    const s = await sessionOf(c);
    const l = s ? await learnerOf(c, s) : null;
    if (!s || !l) return renderErrorPage(c, 404);
    const deps = c.get('deps');
    const res = await deps.database.db.transaction((tx) => removeLearner(tx, learnerActor(c), s, l, deps.now()));
    if (!res.ok) return renderLearner(c, s, l, { state: { errors: { _form: res.message }, values: learnerValues(l) } }, 422);
    return redirectWith(c, `${base(s)}/apprenants`, 'L’apprenant est retiré de la liste.');
  });

  r.post('/organisations/:orgId/sessions/:sessionId/apprenants/:learnerId/sortie', ORG_MEMBER, async (c) => {
    const s = await sessionOf(c);
    const l = s ? await learnerOf(c, s) : null;
    if (!s || !l) return renderErrorPage(c, 404);
    const form = await parseForm(c, leaveForm);
    if (!form.ok) return renderLearner(c, s, l, { leaveState: form }, 422);
    const leftOn = parseFrenchDate(form.data.date_sortie)!;
    if (leftOn > today(c)) return renderLearner(c, s, l, { leaveState: { errors: { date_sortie: 'La date de sortie ne peut pas être dans le futur.' }, values: form.values } }, 422);
    const deps = c.get('deps');
    const res = await deps.database.db.transaction((tx) => recordLeave(tx, learnerActor(c), s, l, leftOn, form.data.motif_sortie, deps.now()));
    if (!res.ok) return renderLearner(c, s, l, { leaveState: { errors: res.errors ?? { _form: res.message }, values: form.values } }, 422);
    return redirectWith(c, `${base(s)}/apprenants`, 'La sortie anticipée est enregistrée.');
  });

  r.post('/organisations/:orgId/sessions/:sessionId/apprenants/:learnerId/manquement', ORG_MEMBER, async (c) => {
    const s = await sessionOf(c);
    const l = s ? await learnerOf(c, s) : null;
    if (!s || !l) return renderErrorPage(c, 404);
    const form = await parseForm(c, breachForm);
    if (!form.ok) return renderLearner(c, s, l, { breachState: form }, 422);
    const deps = c.get('deps');
    const office = await findCrousOffice(deps.database.db, form.data.crous.toLowerCase());
    if (!office) return renderLearner(c, s, l, { breachState: { errors: { crous: 'Choisissez le CROUS destinataire.' }, values: form.values } }, 422);
    const res = await deps.database.db.transaction((tx) => recordBreach(tx, learnerActor(c), s, l, office, {
      kind: form.data.nature, fromDate: parseFrenchDate(form.data.du)!, toDate: parseFrenchDate(form.data.au)!, details: form.data.details,
    }, !!deps.config.SMTP_URL, deps.now()));
    if (!res.ok) return renderLearner(c, s, l, { breachState: { errors: res.errors ?? { _form: res.message }, values: form.values } }, 422);
    await dispatchMails(deps, [res.mailId]);
    return redirectWith(c, `${base(s)}/apprenants`, `L’avis de manquement est envoyé au ${office.name}.`);
  });

  const renderAttestation = async (c: Context<AppEnv>, s: SessionContext, state?: FormState) => {
    const rows = await learnersOfSession(db(c), s.session.id);
    const dueOn = addMonths(s.session.actualStart ?? s.session.plannedStart, s.rules.durations.reportingDelayMonths);
    return render(c, <AttestationPage ctx={pageContext(c)} orgId={s.session.organisationId} s={s} learners={rows} indicators={indicators(rows, s.rules)} dueOn={dueOn}
      state={state ?? { values: { date_demarrage: (s.session.actualStart ?? s.session.plannedStart).split('-').reverse().join('/') } }} />, state?.errors ? 422 : 200);
  };

  r.get('/organisations/:orgId/sessions/:sessionId/attestation', ORG_MEMBER, async (c) => {
    const s = await sessionOf(c);
    if (!s) return renderErrorPage(c, 404);
    const deps = c.get('deps');
    const n = (await learnersOfSession(deps.database.db, s.session.id)).length;
    await deps.database.db.transaction((tx) => auditRosterView(tx, learnerActor(c), s.session.id, n, 'organisation', deps.now()));
    return renderAttestation(c, s);
  });

  r.post('/organisations/:orgId/sessions/:sessionId/attestation', ORG_MEMBER, async (c) => {
    const s = await sessionOf(c);
    if (!s) return renderErrorPage(c, 404);
    const values = await readForm(c);
    const date = parseFrenchDate(typeof values.date_demarrage === 'string' ? values.date_demarrage : '');
    const errors: Record<string, string> = {};
    if (!date) errors.date_demarrage = 'Indiquez la date de démarrage effectif au format JJ/MM/AAAA.';
    if (values.certifie !== 'oui') errors.certifie = 'Cochez la case pour certifier le démarrage.';
    if (Object.keys(errors).length) return renderAttestation(c, s, { errors, values });
    const deps = c.get('deps');
    const rows = await learnersOfSession(deps.database.db, s.session.id);
    const toPlace = rows.filter((l) => l.placement !== 'overridden' && l.address && date !== s.session.plannedStart);
    const placed = toPlace.length ? await placeAddresses(deps, toPlace.map((l) => l.address!), date!) : [];
    const places = new Map(toPlace.map((l, i) => [l.id, placed[i]!]));
    const res = await deps.database.db.transaction(async (tx) => {
      const locked = await sessionContext(tx, s.session.id, { lock: true });
      const done = await attestStart(tx, learnerActor(c), locked ?? s, date!, today(c), places, deps.now());
      // A seed-grant tranche waiting for this attestation becomes payable at once.
      const grants = done.ok ? await refreshTranches(tx, deps.now(), grantMail(deps), s.session.labelId) : null;
      return { done, mailIds: grants?.mailIds ?? [] };
    }).then(async ({ done, mailIds }) => { await dispatchMails(deps, mailIds); return done; });
    if (!res.ok) return renderAttestation(c, s, { errors: { date_demarrage: res.message }, values });
    return redirectWith(c, `${base(s)}/apprenants`, `Le démarrage est attesté avec ${res.count} apprenant(s).`);
  });

  const renderEndReport = async (c: Context<AppEnv>, s: SessionContext, state?: FormState) =>
    render(c, <EndReportPage ctx={pageContext(c)} orgId={s.session.organisationId} s={s} learners={await learnersOfSession(db(c), s.session.id)} state={state} />, state?.errors ? 422 : 200);

  r.get('/organisations/:orgId/sessions/:sessionId/bilan', ORG_MEMBER, async (c) => {
    const s = await sessionOf(c);
    return s ? renderEndReport(c, s) : renderErrorPage(c, 404);
  });

  r.post('/organisations/:orgId/sessions/:sessionId/bilan', ORG_MEMBER, async (c) => {
    const s = await sessionOf(c);
    if (!s) return renderErrorPage(c, 404);
    const values = await readForm(c);
    const str = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : '');
    const rows = await learnersOfSession(db(c), s.session.id);
    const errors: Record<string, string> = {};
    const end = parseFrenchDate(str('date_fin'));
    if (!end) errors.date_fin = 'Indiquez la date de fin effective au format JJ/MM/AAAA.';
    const lines: EndReportLine[] = [];
    for (const l of rows) {
      const name = `${l.lastName ?? ''} ${l.firstName ?? ''}`.trim();
      const completion = str(`parcours_${l.id}`), certification = str(`certification_${l.id}`), situation = str(`sortie_${l.id}`);
      if (!(COMPLETIONS as readonly string[]).includes(completion)) errors[`parcours_${l.id}`] = `${name} : indiquez si le parcours est terminé ou interrompu.`;
      if (!(CERTIFICATIONS as readonly string[]).includes(certification)) errors[`certification_${l.id}`] = `${name} : indiquez le résultat à la certification.`;
      if (!(EXIT_SITUATIONS as readonly string[]).includes(situation)) errors[`sortie_${l.id}`] = `${name} : indiquez la situation à la sortie.`;
      lines.push({ learnerId: l.id, completion: completion as Completion, certification: certification as Certification, situation: situation as ExitSituation });
    }
    if (Object.keys(errors).length) return renderEndReport(c, s, { errors, values });
    const deps = c.get('deps');
    const res = await deps.database.db.transaction(async (tx) => {
      const locked = await sessionContext(tx, s.session.id, { lock: true });
      const done = await submitEndReport(tx, learnerActor(c), locked ?? s, end!, lines, today(c), deps.now());
      const grants = done.ok ? await refreshTranches(tx, deps.now(), grantMail(deps), s.session.labelId) : null;
      return { done, mailIds: grants?.mailIds ?? [] };
    }).then(async ({ done, mailIds }) => { await dispatchMails(deps, mailIds); return done; });
    if (!res.ok) return renderEndReport(c, s, { errors: res.errors ?? { _form: res.message }, values });
    return redirectWith(c, `${base(s)}/apprenants`, 'Le bilan de fin de session est remis ; la GEN va l’examiner.');
  });

  r.get('/organisations/:orgId/sessions/:sessionId/situations/:wave', ORG_MEMBER, async (c) => {
    const s = await sessionOf(c);
    const wave = WAVES[c.req.param('wave') ?? ''];
    if (!s || !wave) return renderErrorPage(c, 404);
    return render(c, <OutcomesPage ctx={pageContext(c)} orgId={s.session.organisationId} s={s} learners={await learnersOfSession(db(c), s.session.id)} wave={wave} slug={c.req.param('wave')!} />);
  });

  r.post('/organisations/:orgId/sessions/:sessionId/situations/:wave', ORG_MEMBER, async (c) => {
    const s = await sessionOf(c);
    const wave = WAVES[c.req.param('wave') ?? ''];
    if (!s || !wave) return renderErrorPage(c, 404);
    const values = await readForm(c);
    const rows = await learnersOfSession(db(c), s.session.id);
    const map = new Map<string, ExitSituation>();
    const errors: Record<string, string> = {};
    for (const l of rows) {
      const v = values[`situation_${l.id}`];
      if (typeof v !== 'string' || v === '') continue;
      if ((EXIT_SITUATIONS as readonly string[]).includes(v)) map.set(l.id, v as ExitSituation);
      else errors[`situation_${l.id}`] = 'Situation inconnue.';
    }
    const deps = c.get('deps');
    const page = (state: FormState) => render(c, <OutcomesPage ctx={pageContext(c)} orgId={s.session.organisationId} s={s} learners={rows} wave={wave} slug={c.req.param('wave')!} state={state} />, 422);
    if (Object.keys(errors).length) return page({ errors, values });
    const res = await deps.database.db.transaction((tx) => recordOutcomes(tx, learnerActor(c), s, wave, map, deps.now()));
    if (!res.ok) return page({ errors: { _form: res.message }, values });
    return redirectWith(c, `${base(s)}/apprenants`, `Situations à ${wave === '3m' ? 3 : 6} mois enregistrées (${res.count} modifiée(s)).`);
  });
}
