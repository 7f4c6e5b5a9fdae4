/**
 * French text for the catalogue search: accents and case ignored, elisions and stop words dropped,
 * and a light stemmer (plural, feminine and common derivational endings) so that "développeuse",
 * "développeurs" and "développement" meet on "developp". Pure functions.
 */

/** Lower case, without diacritics, ligatures spelled out. */
export function fold(s: string): string {
  return s.toLowerCase().replace(/œ/g, 'oe').replace(/æ/g, 'ae').normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

const STOP = new Set([
  'a', 'au', 'aux', 'avec', 'ce', 'ces', 'd', 'dans', 'de', 'des', 'du', 'en', 'et', 'la', 'le', 'les', 'l', 'leur', 'leurs',
  'ou', 'par', 'pour', 'sur', 'un', 'une', 'vers', 'qu', 'que', 'qui', 'se', 'sa', 'son', 'ses', 'y', 'est', 'sont', 'votre', 'vos', 'nos', 'notre',
]);

/** Endings removed, longest first, as long as 3 letters at least remain. */
const SUFFIXES: [string, string][] = [
  ['issements', ''], ['issement', ''], ['atrices', ''], ['atrice', ''], ['ateurs', ''], ['ateur', ''], ['ations', ''], ['ation', ''],
  ['ements', ''], ['ement', ''], ['iennes', 'ien'], ['ienne', 'ien'], ['euses', ''], ['euse', ''], ['eurs', ''], ['eur', ''],
  ['iques', ''], ['ique', ''], ['ismes', ''], ['isme', ''], ['istes', ''], ['iste', ''], ['ances', ''], ['ance', ''], ['ences', ''], ['ence', ''],
  ['ables', ''], ['able', ''], ['ites', ''], ['ite', ''], ['ives', ''], ['ive', ''], ['ifs', ''], ['if', ''], ['ees', ''], ['ee', ''],
  ['ers', ''], ['er', ''], ['es', ''], ['e', ''],
];

/** Light French stem of one folded word. */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3 || /\d/.test(w)) return w;
  // Plurals: "réseaux" → "reseau", "formations" → "formation" (but not "accès" → "acce", "ss").
  if (/(au|eu|ou)x$/.test(w)) w = w.slice(0, -1);
  else if (w.endsWith('s') && !w.endsWith('ss') && w.length > 4) w = w.slice(0, -1);
  for (const [suffix, replacement] of SUFFIXES) {
    if (w.endsWith(suffix) && w.length - suffix.length + replacement.length >= 3) {
      w = w.slice(0, w.length - suffix.length) + replacement;
      break;
    }
  }
  return w;
}

/** Words of a text, folded, without elisions ("l’", "d’") and stop words. */
export function words(text: string): string[] {
  return fold(text)
    .replace(/\b[cdjlmnst]['’]/g, ' ')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0 && !STOP.has(w));
}

/** Stems of a text, in order (duplicates kept). */
export function stems(text: string): string[] {
  return words(text).map(stem);
}

/** Whether a query stem matches a document stem: equal, or a prefix of 4 letters or more (typing in progress). */
export function stemMatches(query: string, doc: string): boolean {
  return doc === query || (query.length >= 4 && doc.startsWith(query));
}
