/** The parts of an application a correction request may name: its form sections and its documents. */
import { SECTIONS } from '../applications/sections/catalogue.js';

/** Every part, in the task-list order. */
export const CORRECTION_PARTS: readonly { key: string; label: string }[] = [
  ...SECTIONS.map((s) => ({ key: s.key as string, label: s.title })),
  { key: 'documents', label: 'Pièces justificatives' },
];

/** French label of a part (its key when unknown). */
export function correctionPartLabel(key: string): string {
  return CORRECTION_PARTS.find((p) => p.key === key)?.label ?? key;
}

/** Whether every key names a part. */
export function areCorrectionParts(keys: readonly string[]): boolean {
  return keys.every((k) => CORRECTION_PARTS.some((p) => p.key === k));
}
