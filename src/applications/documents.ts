/** The supporting documents an application carries, and which ones are required. */
import type { SectionData } from './sections/definitions.js';

/** Kinds of supporting documents. */
export const DOCUMENT_KINDS = ['qualiopi', 'nda', 'certification', 'tax_social', 'budget', 'partner_letters', 'other'] as const;
/** One kind. */
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** French labels and hints of each kind. */
export const DOCUMENT_LABELS: Record<DocumentKind, { label: string; hint: string }> = {
  qualiopi: { label: 'Certificat Qualiopi ou contrat avec un certificateur', hint: 'Le contrat doit mentionner la date de l’audit initial.' },
  nda: { label: 'Récépissé de déclaration d’activité (NDA)', hint: '' },
  certification: { label: 'Accord de partenariat avec le certificateur', hint: 'Obligatoire si l’organisme n’est pas propriétaire de la certification.' },
  tax_social: { label: 'Attestations de régularité fiscale et sociale', hint: 'Attestations de moins de 6 mois.' },
  budget: { label: 'Budget prévisionnel de la formation', hint: '' },
  partner_letters: { label: 'Lettres d’engagement des partenaires', hint: 'Facultatif, mais utile à l’instruction.' },
  other: { label: 'Autre document', hint: 'Facultatif.' },
};

/** Whether a kind is a known document kind. */
export function isDocumentKind(v: string): v is DocumentKind {
  return (DOCUMENT_KINDS as readonly string[]).includes(v);
}

/** The kinds required for this application (the partnership agreement only when not owner). */
export function requiredDocuments(training: SectionData | undefined): DocumentKind[] {
  const base: DocumentKind[] = ['qualiopi', 'nda', 'tax_social', 'budget'];
  return training?.certOwned === 'non' ? [...base.slice(0, 2), 'certification', ...base.slice(2)] : base;
}

/** Required kinds not yet uploaded. */
export function missingDocuments(training: SectionData | undefined, uploaded: readonly string[]): DocumentKind[] {
  return requiredDocuments(training).filter((k) => !uploaded.includes(k));
}
