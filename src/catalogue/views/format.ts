/** Formatting shared by the catalogue pages. */
const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** "2026-09-01" → "1er septembre 2026". */
export function longDate(iso: string | null): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-').map(Number);
  return `${d === 1 ? '1er' : d} ${MONTHS[(m ?? 1) - 1]} ${y}`;
}

/** A number in French ("1 200,5"). */
export const frNumber = (n: number) => n.toLocaleString('fr-FR');

/** "1 formation" / "3 formations". */
export const plural = (n: number, one: string, many: string) => `${frNumber(n)} ${n === 1 ? one : many}`;

/** Path of a training page. */
export const trainingPath = (number: string) => `/formations/${encodeURIComponent(number)}`;
/** Path of a label check page. */
export const checkPath = (number: string) => `/labels/verifier/${encodeURIComponent(number)}`;

/** Immersion kinds as the training page says them. */
export const IMMERSION_LABELS: Record<string, string> = {
  internship: 'Stage', client_projects: 'Projets professionnalisants pour des clients', work_study: 'Alternance', none: 'Aucune',
};
