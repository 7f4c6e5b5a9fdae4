/**
 * An application with everything its pages show: call, organisation, each section read and
 * judged, documents, and the admissibility pre-check. Loaded once per request.
 */
import type { DbOrTx } from '../platform/db/index.js';
import { getCallById, type CallDetails } from '../calls/calls.store.js';
import { findApplication, findOrganisation, listSections, listFiles, sameTrainingApplications, organisationLabels, latestCorrection, lastRncpImport, findRncp, type ApplicationRow, type FileRow } from './applications.store.js';
import { rncpWarnings, normaliseRncp } from './rncp.js';
import { SECTIONS } from './sections/catalogue.js';
import { readSection, type SectionReading } from './sections/parse.js';
import type { FieldContext } from './sections/fields.js';
import type { SectionKey } from './sections/definitions.js';
import { precheck, plannedPeriod, type CriterionOutcome } from './admissibility.js';
import { missingDocuments, type DocumentKind } from './documents.js';

/** A section as its page shows it. */
export interface SectionState { reading: SectionReading; version: number; saved: boolean; updatedAt: Date | null; updatedByName: string | null }

/** Everything about one application. */
export interface Dossier {
  application: ApplicationRow;
  call: CallDetails;
  organisation: NonNullable<Awaited<ReturnType<typeof findOrganisation>>>;
  ctx: FieldContext;
  sections: Record<SectionKey, SectionState>;
  files: FileRow[];
  missingDocuments: DocumentKind[];
  precheck: CriterionOutcome[];
  /** The latest correction request, and the parts it opens while the application is in correction. */
  correction: Awaited<ReturnType<typeof latestCorrection>>;
  openParts: string[];
  /** Warnings about the certification code against the imported RNCP table (empty without a table). */
  rncpWarnings: string[];
}

/** Today's date (YYYY-MM-DD) in a time zone. */
export function dateIn(now: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The job families of a call as choice options. */
export function familyOptions(call: CallDetails): FieldContext {
  return { jobFamilies: call.families.map((f) => ({ value: f.code, label: f.title })) };
}

/** Loads an application of this organisation with everything derived; null when not theirs. */
export async function loadDossier(db: DbOrTx, organisationId: string, applicationId: string, now: Date): Promise<Dossier | null> {
  const application = await findApplication(db, organisationId, applicationId);
  if (!application) return null;
  const [call, organisation, rows, files, same, labels, correction] = await Promise.all([
    getCallById(db, application.callId), findOrganisation(db, organisationId), listSections(db, applicationId),
    listFiles(db, applicationId), sameTrainingApplications(db, organisationId, application.trainingTitle, application.id),
    organisationLabels(db, organisationId), latestCorrection(db, applicationId),
  ]);
  if (!call || !organisation) return null;
  const ctx = familyOptions(call);
  const sections = {} as Record<SectionKey, SectionState>;
  for (const def of SECTIONS) {
    const row = rows.find((r) => r.section.sectionKey === def.key);
    sections[def.key] = {
      reading: readSection(def, row?.section.values ?? {}, ctx),
      version: row?.section.version ?? 0, saved: !!row,
      updatedAt: row?.section.updatedAt ?? null, updatedByName: row?.updatedByName ?? null,
    };
  }
  const data = Object.fromEntries(SECTIONS.map((d) => [d.key, sections[d.key].reading.data]));
  const kinds = files.map((f) => f.kind);
  const today = dateIn(now, call.call.timezone);
  const certCode = typeof data.training?.certCode === 'string' ? data.training.certCode : '';
  const imported = certCode && data.training?.certRegister === 'RNCP' ? await lastRncpImport(db) : null;
  const entry = imported ? await findRncp(db, normaliseRncp(certCode)) : null;
  return {
    application, call, organisation, ctx, sections, files,
    correction, openParts: application.state === 'in_correction' && correction ? correction.sections : [],
    rncpWarnings: imported ? rncpWarnings(normaliseRncp(certCode), entry, plannedPeriod({ sections: data, today, rules: call.call.rules }).to) : [],
    missingDocuments: missingDocuments(data.training, kinds),
    precheck: precheck({
      rules: call.call.rules, criteria: call.admissibility, jobFamilies: call.families, sections: data, documents: kinds,
      organisation: { nda: organisation.nda, qualiopiStatus: organisation.qualiopiStatus, qualiopiValidUntil: organisation.qualiopiValidUntil, qualiopiAuditDate: organisation.qualiopiAuditDate },
      sameTraining: same.map((s) => ({ callTitle: s.callTitle, state: s.state })),
      today, applicationId, trainingTitle: application.trainingTitle,
      labels: labels.map((l) => ({ ...l, certCode: typeof l.training?.certCode === 'string' ? l.training.certCode : null })),
    }),
  };
}

/** Sections not complete yet, and whether required documents are missing. */
export function incompleteParts(d: Dossier): { sections: SectionKey[]; documents: DocumentKind[] } {
  return { sections: SECTIONS.filter((s) => !d.sections[s.key].reading.completed).map((s) => s.key), documents: d.missingDocuments };
}
