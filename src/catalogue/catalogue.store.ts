/** Queries of the public catalogue (read only): active labels with what their pages show, and the data version. */
import { and, eq, gte, inArray, isNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/index.js';
import { labels } from '../labels/labels.schema.js';
import { organisations } from '../organisations/organisations.schema.js';
import { applicationSections } from '../applications/applications.schema.js';
import { jobFamilies } from '../calls/calls.schema.js';
import { trainingSessions } from '../sessions/sessions.schema.js';
import { learners } from '../learners/learners.schema.js';
import { catalogueChanges, catalogueVersion } from './catalogue.schema.js';

/** The catalogue's data version (bumped by triggers on every relevant change). */
export async function catalogueDataVersion(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ v: catalogueVersion.version }).from(catalogueVersion).where(eq(catalogueVersion.id, 1));
  return row?.v ?? 0;
}

/**
 * Labels changed after a version (null ids: every label), with the current version read in the same
 * statement. Unstamped rows (none once committed, the bump stamps them) count as changed too.
 */
export async function labelsChangedSince(db: DbOrTx, version: number): Promise<(string | null)[]> {
  const rows = await db.selectDistinct({ labelId: catalogueChanges.labelId }).from(catalogueChanges)
    .where(or(sql`${catalogueChanges.version} > ${version}`, isNull(catalogueChanges.version)));
  return rows.map((r) => r.labelId);
}

/** Labels visible on a day: active, and not past their last valid day. */
const visible = (today: string) => and(eq(labels.status, 'active'), or(isNull(labels.validUntil), gte(labels.validUntil, today)));

/** Active labels with their organisation (only these labels when ids are given). */
export async function activeLabels(db: DbOrTx, today: string, labelIds?: string[]) {
  return db.select({
    id: labels.id, number: labels.number, title: labels.trainingTitle, applicationId: labels.applicationId, callId: labels.callId,
    validFrom: labels.validFrom, validUntil: labels.validUntil,
    org: { id: organisations.id, name: organisations.name, siret: organisations.siret, email: organisations.contactEmail, phone: organisations.contactPhone, city: organisations.city },
  }).from(labels).innerJoin(organisations, eq(organisations.id, labels.organisationId))
    .where(labelIds ? and(visible(today), inArray(labels.id, labelIds)) : visible(today));
}

/** Numbers of the labels visible on a day (the interim check while the index is rebuilt). */
export async function visibleLabelNumbers(db: DbOrTx, today: string): Promise<string[]> {
  return (await db.select({ number: labels.number }).from(labels).where(visible(today))).map((r) => r.number);
}

/** The training, duration and places sections of these applications. */
export async function courseSections(db: DbOrTx, applicationIds: string[]) {
  if (applicationIds.length === 0) return [];
  return db.select({ applicationId: applicationSections.applicationId, key: applicationSections.sectionKey, data: applicationSections.data })
    .from(applicationSections)
    .where(and(inArray(applicationSections.applicationId, applicationIds), inArray(applicationSections.sectionKey, ['training', 'duration', 'places'])));
}

/** Job families of these calls. */
export async function familiesOf(db: DbOrTx, callIds: string[]) {
  if (callIds.length === 0) return [];
  return db.select({ callId: jobFamilies.callId, code: jobFamilies.code, title: jobFamilies.title }).from(jobFamilies).where(inArray(jobFamilies.callId, callIds));
}

/**
 * Sessions of active labels (only these labels when ids are given), not cancelled nor ended, with
 * the number of learners on their roster who have not left (null when the roster is empty).
 */
export async function openSessions(db: DbOrTx, today: string, labelIds?: string[]) {
  return db.select({
    id: trainingSessions.id, labelId: trainingSessions.labelId, name: trainingSessions.name, start: trainingSessions.plannedStart, end: trainingSessions.plannedEnd,
    place: trainingSessions.place, modality: trainingSessions.modality, places: trainingSessions.places, workStudy: trainingSessions.workStudy,
    enrolled: sql<number | null>`(select nullif(count(*), 0)::int from ${learners} where ${learners.sessionId} = ${trainingSessions.id} and ${learners.leftOn} is null)`,
  }).from(trainingSessions).innerJoin(labels, eq(labels.id, trainingSessions.labelId))
    .where(and(visible(today), inArray(trainingSessions.status, ['planned', 'started']), labelIds ? inArray(trainingSessions.labelId, labelIds) : undefined))
    .orderBy(trainingSessions.plannedStart);
}

/** Any label by number, whatever its status (the label check page). */
export async function labelByNumber(db: DbOrTx, number: string) {
  const [row] = await db.select({
    id: labels.id, number: labels.number, title: labels.trainingTitle, status: labels.status, validFrom: labels.validFrom, validUntil: labels.validUntil,
    statusChangedAt: labels.statusChangedAt, organisationName: organisations.name,
  }).from(labels).innerJoin(organisations, eq(organisations.id, labels.organisationId)).where(eq(sql`upper(${labels.number})`, number.toUpperCase()));
  return row ?? null;
}
