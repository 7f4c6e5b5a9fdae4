/** Queries of the convention: what it is made from, and its signatures. */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/index.js';
import { organisations } from '../organisations/organisations.schema.js';
import { calls, jobFamilies } from '../calls/calls.schema.js';
import { applicationSections } from '../applications/applications.schema.js';
import { committeeDecisions, committeeMeetings } from '../review/index.js';
import { labels, labelSignatures } from './labels.schema.js';
import type { ConventionData } from './convention.js';
import { frenchNumber } from './label.js';

/** A signature row. */
export type SignatureRow = typeof labelSignatures.$inferSelect;
/** Kinds of signature. */
export type SignatureKind = SignatureRow['kind'];

const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const rows = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is Record<string, unknown> => !!x && typeof x === 'object' && Object.keys(x).length > 0) : []);

const IMMERSION: Record<string, string> = {
  internship: 'Stage', client_projects: 'Projets professionnalisants pour des clients', work_study: 'Alternance', none: 'Aucune',
};

/** Everything the convention of a label says; null when the label is unknown. */
export async function conventionData(db: DbOrTx, labelId: string): Promise<ConventionData | null> {
  const [row] = await db.select({ label: labels, org: organisations, call: calls, decision: committeeDecisions, heldOn: committeeMeetings.heldOn })
    .from(labels)
    .innerJoin(organisations, eq(organisations.id, labels.organisationId))
    .innerJoin(calls, eq(calls.id, labels.callId))
    .innerJoin(committeeDecisions, eq(committeeDecisions.id, labels.decisionId))
    .leftJoin(committeeMeetings, eq(committeeMeetings.id, committeeDecisions.meetingId))
    .where(eq(labels.id, labelId));
  if (!row) return null;
  const sections = await db.select({ key: applicationSections.sectionKey, data: applicationSections.data }).from(applicationSections)
    .where(eq(applicationSections.applicationId, row.label.applicationId));
  const s = (key: string) => sections.find((x) => x.key === key)?.data ?? {};
  const training = s('training');
  const duration = s('duration');
  const places = s('places');
  const funding = s('funding');
  const familyCode = str(training.jobFamily);
  const [family] = familyCode
    ? await db.select({ title: jobFamilies.title }).from(jobFamilies).where(and(eq(jobFamilies.callId, row.call.id), eq(jobFamilies.code, familyCode)))
    : [];
  const cert = [str(training.certCode), str(training.certTitle)].filter(Boolean).join(' – ');
  const immersionType = str(duration.immersionType);
  const weeks = num(duration.immersionWeeks);
  return {
    label: { number: row.label.number, trainingTitle: row.label.trainingTitle, validFrom: row.label.validFrom, validUntil: row.label.validUntil },
    organisation: {
      name: row.org.name, siret: row.org.siret, nda: row.org.nda, addressLine: row.org.addressLine, postcode: row.org.postcode, city: row.org.city,
      contactName: row.org.contactName, contactEmail: row.org.contactEmail,
    },
    call: { title: row.call.title, rules: row.call.rules },
    decision: { decidedAt: row.decision.decidedAt, heldOn: row.heldOn ?? null, seedGrant: row.decision.seedGrant ?? null, seedGrantSessions: str(funding.seedGrantSessions) || null },
    training: {
      summary: str(training.summary), jobFamily: family ? `${familyCode} – ${family.title}` : familyCode || '—', targetJobs: str(training.targetJobs) || '—',
      certification: cert ? `${str(training.certRegister) || 'Certification'} ${cert}` : '—',
      totalHours: num(duration.totalHours), months: num(duration.months),
      immersion: immersionType ? `${IMMERSION[immersionType] ?? immersionType}${weeks !== null ? `, ${frenchNumber(weeks)} semaines` : ''}` : '—',
    },
    places: rows(places.places).map((p) => ({ name: str(p.name), address: str(p.address), postcode: str(p.postcode), city: str(p.city) })),
    sessions: rows(places.sessions).map((x) => ({ start: str(x.start), end: str(x.end), learners: num(x.learners) })),
  };
}

/** The signatures of a label, oldest first. */
export async function signaturesOf(db: DbOrTx, labelId: string): Promise<SignatureRow[]> {
  return db.select().from(labelSignatures).where(eq(labelSignatures.labelId, labelId)).orderBy(asc(labelSignatures.signedAt));
}

/** Records a signature; null when this kind of signature already exists for the label. */
export async function insertSignature(tx: DbOrTx, v: typeof labelSignatures.$inferInsert): Promise<SignatureRow | null> {
  const [row] = await tx.insert(labelSignatures).values(v).onConflictDoNothing({ target: [labelSignatures.labelId, labelSignatures.kind] }).returning();
  return row ?? null;
}

/** The document that is the convention now: the fully signed one, else the one the organisation signed, else none (draft). */
export function currentSignedDocument(sigs: SignatureRow[]): SignatureRow | null {
  return sigs.find((s) => s.kind === 'countersignature') ?? sigs.find((s) => s.kind === 'signed_copy') ?? sigs.find((s) => s.kind === 'organisation') ?? null;
}

/** Which of these labels have at least one signature. */
export async function labelsWithSignatures(db: DbOrTx, labelIds: string[]): Promise<Set<string>> {
  if (labelIds.length === 0) return new Set();
  const rows = await db.selectDistinct({ labelId: labelSignatures.labelId }).from(labelSignatures).where(inArray(labelSignatures.labelId, labelIds));
  return new Set(rows.map((r) => r.labelId));
}
