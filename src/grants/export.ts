/** CSV export of seed-grant tranches and clawbacks (semicolons, UTF-8 with BOM; no personal data). */
import { conditionText, TRANCHE_STATE_LABELS } from './grants.js';
import type { ClawbackRow, TrancheRow } from './grants.store.js';

/** A tranche line of the export. */
export interface ExportTranche { tranche: TrancheRow; labelNumber: string; trainingTitle: string; organisationName: string; region: string }
/** A clawback line of the export. */
export interface ExportClawback { clawback: ClawbackRow; labelNumber: string; trainingTitle: string; organisationName: string; region: string }

const HEADERS = ['Label', 'Formation', 'Organisme', 'Région', 'Ligne', 'Condition', 'Part (%)', 'Montant (€)', 'État', 'À verser depuis', 'Date de versement ou de reprise', 'Référence du paiement', 'Motivation'];

function cell(v: string | number | null): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v).replace('.', ',');
  if (/^-?\d+\.\d{2}$/.test(v)) return v.replace('.', ',');
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[;"\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const euros = (cents: number) => (cents / 100).toFixed(2);
const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** The CSV text: tranches, then clawbacks as negative lines. */
export function grantsCsv(tranches: readonly ExportTranche[], clawbacks: readonly ExportClawback[]): string {
  const out = [HEADERS.map(cell).join(';')];
  for (const l of tranches) {
    const t = l.tranche;
    out.push([l.labelNumber, l.trainingTitle, l.organisationName, l.region, t.title, conditionText(t), t.sharePercent, euros(t.amountCents), TRANCHE_STATE_LABELS[t.state],
      day(t.payableAt), t.paidOn, t.paymentReference, t.motivation].map(cell).join(';'));
  }
  for (const l of clawbacks) {
    const c = l.clawback;
    out.push([l.labelNumber, l.trainingTitle, l.organisationName, l.region, 'Reprise', null, null, euros(-c.amountCents), 'Reprise', null, c.decidedOn, null, c.motivation].map(cell).join(';'));
  }
  return `\uFEFF${out.join('\r\n')}\r\n`;
}
