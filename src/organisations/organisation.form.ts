/**
 * The zod schemas of the organisation forms. Each field is checked by the pure rule of
 * organisation.ts, so the message shown is the rule's French message, keyed by the field.
 */
import { z } from 'zod';
import {
  siretError, normaliseSiret, ndaError, normaliseNda, postcodeError, phoneError, normalisePhone,
  emailError, normaliseEmail, checkQualiopi, type QualiopiData, type MemberRole,
} from './organisation.js';

/** A field checked by a pure rule, then normalised. */
const ruled = (error: (v: string) => string | null, normalise: (v: string) => string = (v) => v.trim()) =>
  z.string().optional().default('').transform((v, ctx) => {
    const message = error(v);
    if (message) {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    return normalise(v);
  });

/** A required trimmed text with a French message. */
const text = (missing: string, max = 200) =>
  ruled((v) => (v.trim() === '' ? missing : v.trim().length > max ? `Ce champ ne doit pas dépasser ${max} caractères.` : null));

/** Fields of the organisation form, in display order (the error summary follows it). */
export const ORGANISATION_FIELDS = [
  'name', 'siret', 'nda', 'qualiopiStatus', 'qualiopiValidUntil', 'qualiopiAuditDate',
  'addressLine', 'postcode', 'city', 'contactName', 'contactEmail', 'contactPhone',
] as const;

/** Everything an organisation holds but its SIRET (which is fixed once created). */
export interface OrganisationDetails {
  name: string;
  nda: string;
  qualiopi: QualiopiData;
  addressLine: string;
  postcode: string;
  city: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
}

const detailsShape = {
  name: text('Renseignez la raison sociale de l’organisme.'),
  nda: ruled(ndaError, normaliseNda),
  qualiopiStatus: z.string().optional().default(''),
  qualiopiValidUntil: z.string().optional().default(''),
  qualiopiAuditDate: z.string().optional().default(''),
  addressLine: text('Renseignez l’adresse (numéro et voie).'),
  postcode: ruled(postcodeError),
  city: text('Renseignez la commune.', 100),
  contactName: text('Renseignez le nom de la personne à contacter.', 120),
  contactEmail: ruled(emailError, normaliseEmail),
  contactPhone: ruled(phoneError, normalisePhone),
};

type RawDetails = { [K in keyof typeof detailsShape]: z.infer<(typeof detailsShape)[K]> };

/** The Qualiopi date required by the chosen status is checked even when other fields failed. */
function refineQualiopi(v: RawDetails, ctx: z.RefinementCtx): void {
  const q = checkQualiopi({ status: v.qualiopiStatus, validUntil: v.qualiopiValidUntil, auditDate: v.qualiopiAuditDate });
  if (!q.ok) for (const [field, message] of Object.entries(q.errors)) ctx.addIssue({ code: 'custom', path: [field], message });
}

function toDetails(v: RawDetails): OrganisationDetails {
  const q = checkQualiopi({ status: v.qualiopiStatus, validUntil: v.qualiopiValidUntil, auditDate: v.qualiopiAuditDate });
  if (!q.ok) throw new Error('unreachable: refined before');
  return {
    name: v.name, nda: v.nda, qualiopi: q.data, addressLine: v.addressLine, postcode: v.postcode, city: v.city,
    contactName: v.contactName, contactEmail: v.contactEmail, contactPhone: v.contactPhone,
  };
}

/** Run the Qualiopi check even when another field already failed, so every error shows at once. */
const always = { when: () => true };

/** Form editing an existing organisation. */
export const organisationDetailsForm = z.object(detailsShape).superRefine(refineQualiopi, always).transform(toDetails);

/** Form creating an organisation: the details plus its SIRET. */
export const newOrganisationForm = z.object({ ...detailsShape, siret: ruled(siretError, normaliseSiret) })
  .superRefine(refineQualiopi, always)
  .transform((v) => ({ ...toDetails(v), siret: v.siret }));

/** Data of a new organisation. */
export type NewOrganisation = z.infer<typeof newOrganisationForm>;

/** Form inviting someone by email with a role. */
export const invitationForm = z.object({
  email: ruled(emailError, normaliseEmail),
  role: z.enum(['admin', 'member'], { error: 'Choisissez le rôle de la personne invitée.' }),
});

/** Form changing a member's role. */
export const roleForm = z.object({
  role: z.enum(['admin', 'member'], { error: 'Choisissez un rôle.' }).transform((r): MemberRole => r),
});
