/**
 * What an assigned reviewer sees before an application's content: who they declare about (the
 * organisation, its SIRET, the partners the application names), and the refusal every content
 * route answers until they have declared (403, raised by `loadStaffDossier`).
 */
import { and, eq } from 'drizzle-orm';
import { HTTPException } from 'hono/http-exception';
import type { DbOrTx } from '../platform/db/index.js';
import type { Actor } from '../platform/http/context.js';
import { applications, applicationSections } from '../applications/applications.schema.js';
import { organisations } from '../organisations/organisations.schema.js';
import { applicationFacts } from './facts.js';
import { reviewMay } from './review.policy.js';

/** Raised by the content loaders while the actor must still declare: the platform answers 403. */
export class DeclarationRequired extends HTTPException {
  constructor() {
    super(403, { message: 'Déclarez d’abord vos liens d’intérêt avec l’organisme et ses partenaires.' });
  }
}

/** A partner named in the application, as the declaration page lists it. */
export interface NamedPartner { name: string; type: string }

/** What the declaration page shows. */
export interface DeclarationSubject {
  application: { id: string; trainingTitle: string; receiptNumber: string | null };
  organisation: { name: string; siret: string };
  partners: NamedPartner[];
}

const PARTNER_TYPES: Record<string, string> = {
  sourcing: 'Recrutement des apprenants', employer: 'Employeur', certifier: 'Certificateur', funder: 'Financeur', other: 'Autre',
};

/** The partners of the "Partenaires" section's data (`{ partners: [{ name, type }] }`), named once each. */
export function namedPartners(data: unknown): NamedPartner[] {
  const rows = data && typeof data === 'object' && Array.isArray((data as { partners?: unknown }).partners) ? (data as { partners: unknown[] }).partners : [];
  const seen = new Map<string, NamedPartner>();
  for (const r of rows) {
    if (!r || typeof r !== 'object') continue;
    const name = typeof (r as { name?: unknown }).name === 'string' ? (r as { name: string }).name.trim() : '';
    const type = typeof (r as { type?: unknown }).type === 'string' ? (r as { type: string }).type : '';
    if (name && !seen.has(name.toLowerCase())) seen.set(name.toLowerCase(), { name, type: PARTNER_TYPES[type] ?? '' });
  }
  return [...seen.values()];
}

/** The declaration the actor must make on the application, or null when they need not (or may not see it at all). */
export async function loadDeclaration(db: DbOrTx, actor: Actor, applicationId: string): Promise<DeclarationSubject | null> {
  const facts = await applicationFacts(db, actor, applicationId);
  if (!facts || !reviewMay(actor, 'review.declare', facts)) return null;
  const [row] = await db.select({ id: applications.id, trainingTitle: applications.trainingTitle, receiptNumber: applications.receiptNumber, name: organisations.name, siret: organisations.siret })
    .from(applications).innerJoin(organisations, eq(organisations.id, applications.organisationId)).where(eq(applications.id, applicationId));
  if (!row) return null;
  const [partners] = await db.select({ data: applicationSections.data }).from(applicationSections)
    .where(and(eq(applicationSections.applicationId, applicationId), eq(applicationSections.sectionKey, 'partners')));
  return {
    application: { id: row.id, trainingTitle: row.trainingTitle, receiptNumber: row.receiptNumber },
    organisation: { name: row.name, siret: row.siret },
    partners: namedPartners(partners?.data),
  };
}
