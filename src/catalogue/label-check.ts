/** Whether a label is valid on a day, and why not: what the public check page says. Pure. */
import { longDate } from './views/format.js';

/** What the check page needs of a label. */
export interface CheckedLabel { number: string; status: string; validFrom: string | null; validUntil: string | null; statusChangedAt: Date }

/** The verdict. */
export interface LabelVerdict { valid: boolean; title: string; reason: string }

/** A label number as people type it: "gen-2021-7" → "GEN-2021-0007"; null when it cannot be one. */
export function normaliseLabelNumber(input: string): string | null {
  const m = /^\s*GEN\s*[-–\s]?\s*(\d{4})\s*[-–\s]?\s*(\d{1,4})\s*$/i.exec(input);
  return m ? `GEN-${m[1]}-${m[2]!.padStart(4, '0')}` : null;
}

const day = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);

/** The verdict on a label on a day (Paris). */
export function labelVerdict(l: CheckedLabel, today: string): LabelVerdict {
  const since = longDate(day(l.statusChangedAt));
  switch (l.status) {
    case 'active':
      if (l.validUntil && l.validUntil < today) return { valid: false, title: 'Label expiré', reason: `Le label est arrivé à son terme le ${longDate(l.validUntil)}.` };
      if (l.validFrom && l.validFrom > today) return { valid: false, title: 'Label pas encore en vigueur', reason: `Le label sera valable à partir du ${longDate(l.validFrom)}.` };
      return { valid: true, title: 'Label valide', reason: `Le label est valable${l.validFrom ? ` du ${longDate(l.validFrom)}` : ''}${l.validUntil ? ` au ${longDate(l.validUntil)}` : ''}.` };
    case 'pending_agreement':
      return { valid: false, title: 'Label pas encore en vigueur', reason: 'Le label a été attribué mais la convention n’est pas encore signée.' };
    case 'suspended':
      return { valid: false, title: 'Label suspendu', reason: `Le label est suspendu depuis le ${since}.` };
    case 'withdrawn':
      return { valid: false, title: 'Label retiré', reason: `Le label a été retiré le ${since}.` };
    case 'terminated':
      return { valid: false, title: 'Label résilié', reason: `La convention a été résiliée le ${since}.` };
    case 'expired':
      return { valid: false, title: 'Label expiré', reason: `Le label est arrivé à son terme${l.validUntil ? ` le ${longDate(l.validUntil)}` : ''}.` };
    default:
      return { valid: false, title: 'Label non valide', reason: 'Ce label n’est pas en vigueur.' };
  }
}
