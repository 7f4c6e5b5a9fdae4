/** The roster as CSV (personal data: every export is audited by the caller). */
import { CERTIFICATION_LABELS, COMPLETION_LABELS, EDUCATION_LABELS, ENTRY_SITUATION_LABELS, EXIT_SITUATION_LABELS, SEX_LABELS } from './learners.js';
import type { LearnerRow } from './learners.store.js';

const cell = (v: string) => (/[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const yn = (b: boolean | null) => (b === null ? '' : b ? 'oui' : 'non');

/** Columns of the export. */
export const EXPORT_COLUMNS = ['Nom', 'Prénom', 'Sexe', 'Date de naissance', 'Courriel', 'Téléphone', 'Adresse', 'Commune', 'Code commune', 'QPV', 'Code QPV', 'ZRR/FRR', 'Placement', 'Niveau de formation', 'Situation à l’entrée', 'RQTH', 'Aide CROUS', 'Sortie anticipée', 'Parcours', 'Certification', 'Situation à la sortie', 'Situation à 3 mois', 'Situation à 6 mois', 'Géographies'];

/** UTF-8 CSV with BOM, semicolon-separated (opens right in spreadsheet software). */
export function learnersCsv(rows: LearnerRow[]): string {
  const lines = [EXPORT_COLUMNS.map(cell).join(';')];
  for (const l of rows) {
    lines.push([
      l.lastName ?? '', l.firstName ?? '', SEX_LABELS[l.sex], l.birthDate ?? '', l.email ?? '', l.phone ?? '', l.address ?? '', l.commune ?? '', l.inseeCode ?? '',
      yn(l.inQpv), l.qpvCode ?? '', yn(l.inZrrFrr), l.placement === 'placed' ? 'placée' : l.placement === 'overridden' ? 'corrigée par la GEN' : 'non placée',
      EDUCATION_LABELS[l.educationLevel], ENTRY_SITUATION_LABELS[l.entrySituation], yn(l.rqth), yn(l.crousAid), l.leftOn ?? '',
      l.completion ? COMPLETION_LABELS[l.completion] : '', l.certification ? CERTIFICATION_LABELS[l.certification] : '',
      l.situationAtExit ? EXIT_SITUATION_LABELS[l.situationAtExit] : '', l.situation3m ? EXIT_SITUATION_LABELS[l.situation3m] : '', l.situation6m ? EXIT_SITUATION_LABELS[l.situation6m] : '',
      l.geoVersions ?? '',
    ].map(cell).join(';'));
  }
  return '\ufeff' + lines.join('\r\n') + '\r\n';
}
