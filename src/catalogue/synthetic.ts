/**
 * Synthetic but realistic catalogue data over real communes (the benchmark's 5,000 labelled
 * trainings and 20,000 sessions): organisations, submitted applications with complete course
 * sections, one committee meeting, "labelled" decisions, active labels and declared sessions.
 * Deterministic (seeded PRNG); communes drawn by population, so big cities get more trainings.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/index.js';
import { organisations } from '../organisations/organisations.schema.js';
import { applications, applicationSections } from '../applications/applications.schema.js';
import { committeeMeetings, committeeDecisions } from '../review/review.schema.js';
import { labels } from '../labels/labels.schema.js';
import { trainingSessions } from '../sessions/sessions.schema.js';
import { calls, callCutoffs, jobFamilies } from '../calls/calls.schema.js';
import { allCommunes, type Commune } from './geo.js';

/** A small deterministic PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Trainings per job family: title, target jobs, certification title, level, register. */
const TRAININGS: Record<string, [string, string, string, string, 'RNCP' | 'RS'][]> = {
  F1: [
    ['Développeur web et web mobile', 'Développeur web, développeuse front-end', 'Développeur web et web mobile', '5', 'RNCP'],
    ['Concepteur développeur d’applications', 'Développeur d’applications, développeuse full-stack', 'Concepteur développeur d’applications', '6', 'RNCP'],
    ['Développeur intégrateur', 'Intégrateur web, développeuse WordPress', 'Développeur intégrateur en réalisation d’applications web', '5', 'RNCP'],
  ],
  F2: [
    ['Data analyst', 'Analyste de données, chargée d’études statistiques', 'Data analyst', '6', 'RNCP'],
    ['Développeur en intelligence artificielle', 'Développeur IA, ingénieure données', 'Développeur en intelligence artificielle', '6', 'RNCP'],
  ],
  F3: [
    ['Technicien supérieur systèmes et réseaux', 'Technicien réseaux, administratrice systèmes', 'Technicien supérieur systèmes et réseaux', '5', 'RNCP'],
    ['Administrateur d’infrastructures sécurisées', 'Administrateur systèmes, analyste cybersécurité', 'Administrateur d’infrastructures sécurisées', '6', 'RNCP'],
  ],
  F4: [
    ['Technicien d’assistance informatique', 'Technicienne support, technicien helpdesk', 'Technicien d’assistance en informatique', '4', 'RNCP'],
    ['Médiateur numérique', 'Conseiller numérique, médiatrice numérique', 'Responsable d’espace de médiation numérique', '5', 'RNCP'],
  ],
  F5: [
    ['Designer web', 'Webdesigner, designeuse UI', 'Designer web', '5', 'RNCP'],
    ['Concepteur designer UI', 'Designer UX/UI, conceptrice d’interfaces', 'Concepteur designer UI', '6', 'RNCP'],
  ],
  F6: [['Chef de projet digital', 'Cheffe de projet web, product owner', 'Chef de projet digital', '6', 'RNCP']],
  F7: [['Community manager', 'Community manager, chargée de communication digitale', 'Animer des communautés en ligne', '', 'RS']],
  F8: [['Vendeur conseil en e-commerce', 'Vendeuse e-commerce, conseiller commerce en ligne', 'Gestionnaire d’unité commerciale en e-commerce', '5', 'RNCP']],
  F9: [['Consultant en transformation numérique', 'Consultante numérique, assistant à maîtrise d’ouvrage', 'Consultant en transformation digitale', '7', 'RNCP']],
};
const ORG_PREFIX = ['Simplon', 'École du numérique', 'Campus numérique', 'Fabrique numérique', 'Coding school', 'Atelier du code', 'Web@cadémie', 'Numérique solidaire'];
const STREETS = ['rue de la République', 'avenue Jean Jaurès', 'rue Victor Hugo', 'place de la Mairie', 'rue Pasteur', 'boulevard Gambetta', 'rue du Général de Gaulle', 'rue des Écoles'];

const iso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (d: string, n: number) => iso(new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000));

/** What was created. */
export interface SyntheticOutcome { organisations: number; labels: number; sessions: number; numbers: string[]; applicationIds: string[] }

/**
 * Seeds `trainings` active labels and `sessions` sessions for the call `callSlug` (or the first call).
 * Label numbers use the year `numberYear` (kept apart from the real sequences).
 */
export async function seedSyntheticCatalogue(db: DbOrTx, o: { trainings: number; sessions: number; now: Date; seed?: number; numberYear?: number; callSlug?: string; numberOf?: (i: number) => Promise<string> }): Promise<SyntheticOutcome> {
  const rnd = prng(o.seed ?? 7);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const [call] = o.callSlug ? await db.select().from(calls).where(sql`${calls.slug} = ${o.callSlug}`) : await db.select().from(calls).limit(1);
  if (!call) throw new Error('Aucun appel : créez un appel avant les données synthétiques du catalogue.');
  const [cutoff] = await db.select().from(callCutoffs).where(sql`${callCutoffs.callId} = ${call.id}`).limit(1);
  const families = new Set((await db.select({ code: jobFamilies.code }).from(jobFamilies).where(sql`${jobFamilies.callId} = ${call.id}`)).map((f) => f.code));
  if (!cutoff) throw new Error('L’appel n’a pas de relevé.');
  // Communes weighted by population (the 3,000 largest).
  const communes = allCommunes().filter((c) => !/^(75056|69123|13055)$/.test(c.code)).sort((a, b) => b.population - a.population).slice(0, 3000);
  const weights: number[] = [];
  let total = 0;
  for (const c of communes) { total += Math.sqrt(c.population); weights.push(total); }
  const commune = (): Commune => {
    const x = rnd() * total;
    let lo = 0, hi = weights.length - 1;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (weights[mid]! < x) lo = mid + 1; else hi = mid; }
    return communes[lo]!;
  };
  const today = iso(o.now);
  const year = o.numberYear ?? 2020;

  const orgCount = Math.max(1, Math.ceil(o.trainings / 4));
  const orgRows = Array.from({ length: orgCount }, (_, i) => {
    const c = commune();
    return {
      name: `${pick(ORG_PREFIX)} ${c.name} ${i + 1}`, siret: `9${String((o.seed ?? 7) % 10_000).padStart(4, '0')}${String(i).padStart(9, '0')}`, nda: `9${String((o.seed ?? 7) % 1000).padStart(3, '0')}${String(i).padStart(7, '0')}`, qualiopiStatus: 'certified' as const,
      addressLine: `${1 + Math.floor(rnd() * 120)} ${pick(STREETS)}`, postcode: c.postcodes[0] ?? '00000', city: c.name,
      contactName: 'Accueil formation', contactEmail: `contact${i + 1}@formation-exemple.fr`, contactPhone: `01 ${String(10 + (i % 89)).padStart(2, '0')} 00 00 00`,
    };
  });
  const orgIds: string[] = [];
  for (let i = 0; i < orgRows.length; i += 500) orgIds.push(...(await db.insert(organisations).values(orgRows.slice(i, i + 500)).returning({ id: organisations.id })).map((r) => r.id));

  const [meeting] = await db.insert(committeeMeetings).values({ callId: call.id, cutoffId: cutoff.id, heldOn: addDays(today, -200), place: 'Paris (données synthétiques)' }).returning();
  const familyCodes = Object.keys(TRAININGS).filter((f) => families.size === 0 || families.has(f));
  const numbers: string[] = [];
  const applicationIds: string[] = [];
  const labelIds: { id: string; org: string; commune: Commune }[] = [];
  for (let start = 0; start < o.trainings; start += 250) {
    const n = Math.min(250, o.trainings - start);
    const specs = Array.from({ length: n }, (_, k) => {
      const i = start + k;
      const family = pick(familyCodes);
      const [title, jobs, certTitle, level, register] = pick(TRAININGS[family]!);
      const c = commune();
      const distance = rnd() < 0.2 ? (rnd() < 0.3 ? 'full' : 'part') : 'none';
      const hours = 400 + Math.floor(rnd() * 12) * 100;
      const distanceHours = distance === 'full' ? hours : distance === 'part' ? Math.round(hours * 0.3) : 0;
      const workStudy = rnd() < 0.25;
      return { i, family, title, jobs, certTitle, level, register, c, hours, distanceHours, workStudy, org: orgIds[i % orgIds.length]! };
    });
    const apps = await db.insert(applications).values(specs.map((s) => ({
      organisationId: s.org, callId: call.id, trainingTitle: s.title, state: 'submitted' as const, cutoffId: cutoff.id, submittedAt: o.now,
    }))).returning({ id: applications.id });
    await db.insert(applicationSections).values(specs.flatMap((s, k) => {
      const applicationId = apps[k]!.id;
      return [
        { applicationId, sectionKey: 'training', values: {}, completed: true, data: {
          summary: `Formation de ${s.hours} heures pour devenir ${s.jobs.split(',')[0]!.toLowerCase()} à ${s.c.name}, ouverte sans prérequis de diplôme aux demandeurs d’emploi et aux jeunes.`,
          jobFamily: s.family, targetJobs: s.jobs, certRegister: s.register, certCode: `${s.register}${30000 + (s.i % 5000)}`, certTitle: s.certTitle, ...(s.level ? { certLevel: s.level } : {}), certOwned: 'oui',
        } },
        { applicationId, sectionKey: 'duration', values: {}, completed: true, data: {
          totalHours: s.hours, centreHours: s.hours - s.distanceHours, distanceHours: s.distanceHours, months: Math.round(s.hours / 140), weeklyHours: 35,
          weeklyRhythm: 'Du lundi au vendredi, 9 h – 17 h.', immersionType: s.workStudy ? 'work_study' : 'internship', immersionWeeks: 8,
        } },
        { applicationId, sectionKey: 'places', values: {}, completed: true, data: {
          places: [{ name: `Campus de ${s.c.name}`, address: `${1 + (s.i % 90)} ${STREETS[s.i % STREETS.length]}`, postcode: s.c.postcodes[0] ?? '', city: s.c.name }],
          sessions: [{ start: addDays(today, 30 + (s.i % 200)), end: addDays(today, 250 + (s.i % 200)), learners: 12 + (s.i % 12) }],
        } },
      ];
    }));
    applicationIds.push(...apps.map((a) => a.id));
    const given: string[] = [];
    for (const spec of specs) given.push(o.numberOf ? await o.numberOf(spec.i) : `GEN-${year}-${String(spec.i + 1).padStart(4, '0')}`);
    const decisions = await db.insert(committeeDecisions).values(apps.map((a) => ({
      meetingId: meeting!.id, applicationId: a.id, outcome: 'labelled' as const, motivation: 'Données synthétiques du banc de mesure.', decidedAt: o.now,
    }))).returning({ id: committeeDecisions.id });
    const rows = await db.insert(labels).values(specs.map((s, k) => {
      const number = given[k]!;
      numbers.push(number);
      return {
        number, applicationId: apps[k]!.id, organisationId: s.org, callId: call.id, decisionId: decisions[k]!.id, trainingTitle: s.title, status: 'active' as const,
        agreementSignedAt: o.now, validFrom: addDays(today, -100), validUntil: addDays(today, 1000), statusChangedAt: o.now,
      };
    })).returning({ id: labels.id, org: labels.organisationId });
    rows.forEach((r, k) => labelIds.push({ id: r.id, org: r.org, commune: specs[k]!.c }));
  }

  let sessions = 0;
  const sessionRows: (typeof trainingSessions.$inferInsert)[] = [];
  for (let i = 0; i < o.sessions; i++) {
    const l = labelIds[i % labelIds.length]!;
    const start = addDays(today, Math.floor(rnd() * 540) - 60);
    const c = rnd() < 0.8 ? l.commune : commune();
    sessionRows.push({
      labelId: l.id, organisationId: l.org, name: `Session ${i + 1}`, initialStart: start, plannedStart: start, plannedEnd: addDays(start, 180 + Math.floor(rnd() * 180)),
      place: { address: `${1 + (i % 90)} ${STREETS[i % STREETS.length]}`, postcode: c.postcodes[0], commune: c.name, inseeCode: c.code, lat: c.lat, lon: c.lon },
      modality: pick(['presentiel', 'presentiel', 'presentiel', 'hybride', 'distance'] as const), places: 10 + Math.floor(rnd() * 15), workStudy: rnd() < 0.25,
      status: start < today ? 'started' : 'planned',
    });
    if (sessionRows.length === 500 || i === o.sessions - 1) {
      await db.insert(trainingSessions).values(sessionRows);
      sessions += sessionRows.length;
      sessionRows.length = 0;
    }
  }
  return { organisations: orgIds.length, labels: labelIds.length, sessions, numbers, applicationIds };
}
