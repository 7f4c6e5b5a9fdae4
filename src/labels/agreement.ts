/**
 * Pure rules of the convention's signature: who may sign when. The organisation's admin signs
 * first in the platform, then staff countersign; or staff record a copy signed on paper. The
 * label becomes active on the full signature.
 */
import type { LabelStatus } from './label.states.js';

/** A signature as the rules see it. */
export interface SignatureFact { kind: 'organisation' | 'countersignature' | 'signed_copy' }

const done = (sigs: SignatureFact[]) => sigs.some((s) => s.kind === 'countersignature' || s.kind === 'signed_copy');

/** Why the organisation cannot sign now, or null. */
export function organisationSignatureProblem(status: LabelStatus, sigs: SignatureFact[]): string | null {
  if (done(sigs) || sigs.some((s) => s.kind === 'organisation')) return 'La convention a déjà été signée par l’organisme.';
  if (status !== 'pending_agreement') return 'La convention de ce label n’est plus à signer.';
  return null;
}

/** Why staff cannot countersign now, or null. */
export function countersignatureProblem(status: LabelStatus, sigs: SignatureFact[]): string | null {
  if (done(sigs)) return 'La convention est déjà signée par les deux parties.';
  if (status !== 'pending_agreement') return 'La convention de ce label n’est plus à signer.';
  if (!sigs.some((s) => s.kind === 'organisation')) return 'L’organisme n’a pas encore signé la convention : la GEN ne peut pas la contresigner.';
  return null;
}

/** Why staff cannot record a paper copy signed on `signedOn` now, or null (field `signedOn` for date problems). */
export function signedCopyProblem(status: LabelStatus, sigs: SignatureFact[], signedOn: string, today: string, decidedOn: string): { field?: 'signedOn'; message: string } | null {
  if (done(sigs)) return { message: 'La convention est déjà signée par les deux parties.' };
  if (status !== 'pending_agreement') return { message: 'La convention de ce label n’est plus à signer.' };
  if (signedOn > today) return { field: 'signedOn', message: 'La date de signature ne peut pas être dans le futur.' };
  if (signedOn < decidedOn) return { field: 'signedOn', message: 'La date de signature ne peut pas précéder la décision du comité.' };
  return null;
}
