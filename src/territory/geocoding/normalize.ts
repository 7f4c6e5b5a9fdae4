/**
 * Text normalisation shared by the BAN index and the query parser: both sides of a comparison go
 * through the same functions, so "12 r du fbg st Antoine" and "Rue du Faubourg Saint-Antoine" meet
 * on the same canonical tokens.
 */

/** Street-type abbreviations, understood only in first position of the street ("pas" is also a word). */
const TYPE_ABBREVIATIONS: Readonly<Record<string, string>> = {
  r: 'rue', ru: 'rue',
  av: 'avenue', ave: 'avenue', avn: 'avenue', aven: 'avenue', avenu: 'avenue',
  bd: 'boulevard', bld: 'boulevard', blvd: 'boulevard', bvd: 'boulevard', boul: 'boulevard', bv: 'boulevard', boulv: 'boulevard',
  pl: 'place', pla: 'place', plc: 'place',
  imp: 'impasse', imps: 'impasse',
  sq: 'square', sqr: 'square',
  all: 'allee', al: 'allee', ale: 'allee',
  crs: 'cours',
  qu: 'quai', qai: 'quai', qua: 'quai',
  pas: 'passage', pass: 'passage', psg: 'passage', pssg: 'passage',
  ch: 'chemin', chem: 'chemin', che: 'chemin',
  rte: 'route', rt: 'route',
  sent: 'sentier', sen: 'sentier',
  vla: 'villa', vil: 'villa',
  cit: 'cite', cte: 'cite',
  gal: 'galerie', gale: 'galerie',
  ham: 'hameau', hle: 'hameau',
  esp: 'esplanade', espl: 'esplanade',
  prom: 'promenade', pro: 'promenade',
  car: 'carrefour', carr: 'carrefour', crf: 'carrefour',
  rpt: 'rond point', rdpt: 'rond point', rp: 'rond point',
  pte: 'porte', prv: 'parvis', ter: 'terrasse', tsse: 'terrasse', chs: 'chaussee', chau: 'chaussee',
  rle: 'ruelle', pt: 'pont',
};

/** Abbreviations understood anywhere in a street name. */
const WORD_ABBREVIATIONS: Readonly<Record<string, string>> = {
  st: 'saint', sts: 'saints', ste: 'sainte', stes: 'saintes',
  fg: 'faubourg', fbg: 'faubourg', faub: 'faubourg', fb: 'faubourg', fbourg: 'faubourg',
  av: 'avenue', ave: 'avenue', bd: 'boulevard', bld: 'boulevard', blvd: 'boulevard',
  gal: 'general', gen: 'general', gl: 'general', mal: 'marechal', mch: 'marechal',
  pdt: 'president', pres: 'president', prof: 'professeur', pr: 'professeur',
  dr: 'docteur', doct: 'docteur', cdt: 'commandant', cmdt: 'commandant', lt: 'lieutenant',
  cap: 'capitaine', cne: 'capitaine', sgt: 'sergent', adj: 'adjudant', cel: 'colonel', col: 'colonel',
  mgr: 'monseigneur', nd: 'notre dame', ndame: 'notre dame', pte: 'porte', vx: 'vieux',
  gd: 'grand', gde: 'grande', gds: 'grands', gdes: 'grandes', pt: 'petit',
};

/** Day and month numbers in street names are spelled out in BAN ("Place du Dix-Huit Juin 1940"). */
const NUMBER_WORDS: readonly string[] = [
  '', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'onze', 'douze',
  'treize', 'quatorze', 'quinze', 'seize', 'dix sept', 'dix huit', 'dix neuf', 'vingt', 'vingt un',
  'vingt deux', 'vingt trois', 'vingt quatre', 'vingt cinq', 'vingt six', 'vingt sept', 'vingt huit',
  'vingt neuf', 'trente', 'trente un',
];

/** Every street-type word (after expansion) that may open a BAN street name. */
export const STREET_TYPES: ReadonlySet<string> = new Set([
  'rue', 'avenue', 'boulevard', 'place', 'impasse', 'square', 'allee', 'cours', 'quai', 'passage',
  'chemin', 'route', 'sentier', 'villa', 'cite', 'galerie', 'hameau', 'esplanade', 'promenade',
  'carrefour', 'rond', 'porte', 'parvis', 'terrasse', 'chaussee', 'ruelle', 'sente', 'pont', 'port',
  'voie', 'cour', 'jardin', 'parc', 'quartier', 'residence', 'lotissement', 'lieu', 'mail', 'berge',
  'passerelle', 'peristyle', 'escalier', 'escaliers', 'degre', 'traverse', 'venelle', 'clos',
  'domaine', 'hameau', 'zone', 'centre', 'square', 'allees', 'rampe', 'montee', 'descente', 'quais',
]);

/** Words that carry no meaning for matching ("Rue de la Paix" ~ "rue paix"). */
export const STOPWORDS: ReadonlySet<string> = new Set([
  'de', 'du', 'des', 'la', 'le', 'les', 'l', 'd', 'et', 'a', 'au', 'aux', 'en', 'un', 'une',
]);

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const NOT_ALNUM = /[^a-z0-9]+/g;

/** Lower-cases, removes accents and ligatures, and turns every punctuation into a single space. */
export function foldText(input: string): string {
  return input
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(NOT_ALNUM, ' ')
    .trim();
}

/** Splits folded text into tokens and separates digits glued to words ("18eme" stays, "rue18" splits). */
export function tokenize(input: string): string[] {
  const folded = foldText(input);
  if (folded === '') return [];
  return folded.split(' ');
}

/**
 * Canonical tokens of a street name: type abbreviation expanded in first position, common
 * abbreviations expanded everywhere, stopwords removed.
 */
export function canonicalStreetTokens(tokens: readonly string[]): string[] {
  const out: string[] = [];
  tokens.forEach((token, position) => {
    const spelled = /^\d{1,2}$/.test(token) ? NUMBER_WORDS[Number(token)] : undefined;
    const expanded =
      (position === 0 ? TYPE_ABBREVIATIONS[token] : undefined) ?? WORD_ABBREVIATIONS[token] ?? (spelled || token);
    for (const word of expanded.split(' ')) {
      if (!STOPWORDS.has(word)) out.push(word);
    }
  });
  return out;
}

/** Canonical key of a BAN street name, e.g. "Rue du Faubourg Saint-Antoine" → "rue faubourg saint antoine". */
export function streetKey(name: string): string {
  return canonicalStreetTokens(tokenize(name)).join(' ');
}

/** Whether a typed token can be a street type ("rue", "r", "bd", "villa"...). */
export function isStreetTypeToken(token: string): boolean {
  return TYPE_ABBREVIATIONS[token] !== undefined || STREET_TYPES.has(token);
}

/** Splits a canonical street key into its type word (if any) and the rest ("core"). */
export function splitStreetType(tokens: readonly string[]): { type: string | null; core: string[] } {
  const first = tokens[0];
  if (first === undefined || tokens.length < 2) return { type: null, core: [...tokens] };
  if (first === 'rond' && tokens[1] === 'point') {
    return tokens.length > 2 ? { type: 'rond point', core: tokens.slice(2) } : { type: null, core: [...tokens] };
  }
  if (STREET_TYPES.has(first)) return { type: first, core: tokens.slice(1) };
  return { type: null, core: [...tokens] };
}

let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)] as const;

/** Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), bounded by `max`. */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  if (la === 0) return lb;
  if (lb === 0) return la;
  if (rows[0].length <= lb) rows = [new Int32Array(lb * 2), new Int32Array(lb * 2), new Int32Array(lb * 2)];
  let [prevPrev, prev, current] = rows;
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    current[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    const caBefore = i > 1 ? a.charCodeAt(i - 2) : -1;
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      let value = prev[j - 1]! + (ca === cb ? 0 : 1);
      const insert = current[j - 1]! + 1;
      const remove = prev[j]! + 1;
      if (insert < value) value = insert;
      if (remove < value) value = remove;
      if (j > 1 && ca === b.charCodeAt(j - 2) && caBefore === cb && prevPrev[j - 2]! + 1 < value) value = prevPrev[j - 2]! + 1;
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [prevPrev, prev, current] = [prev, current, prevPrev];
  }
  return prev[lb]!;
}

/** Similarity in [0, 1] between two strings from their edit distance. */
export function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 1;
  return 1 - editDistance(a, b) / longest;
}
