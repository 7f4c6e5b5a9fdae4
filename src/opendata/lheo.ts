/**
 * The LHÉO 2.3 feed of the labelled offer, pure: lheo/offres/formation → action → session, as the
 * CARIF-OREF read it. Element order and names mirror the sample `exemple-bts-onisep.xml` of the
 * lheo/lheo-schema repository (../shared/data/lheo-samples), with the 2.3 namespace.
 *
 * Mapping rules:
 * - one <formation> per active label (numero = label number), domaine-formation from the ROME codes;
 * - one <action> per place: the training's places, plus the places of declared sessions not among
 *   them (same INSEE code, else same postcode + city = same place); a session goes to the action of
 *   its place; a planned session without a place (from the application) goes to the first place;
 * - an action with no session, and a training with no action, are left out (LHÉO wants at least
 *   one session per action and one action per formation);
 * - certification: <code-RNCP> or <code-RS> (the number, without its "RNCP"/"RS" prefix);
 * - code-niveau-sortie: the certification level (CNCP 2019, 3 to 8) in dict-niveaux
 *   (3 → 4 "niveau V", 4 → 5, 5 → 6, 6 → 7, 7 and 8 → 8), 0 when unknown;
 * - modalites-enseignement: 0 présentiel, 1 hybride (mixte), 2 à distance;
 * - dates AAAAMMJJ; coordinates from the place, else the commune centre.
 */
import type { CatalogueEntry, EntryPlace, EntrySession } from '../catalogue/search.js';

export const LHEO_NAMESPACE = 'http://lheo.gouv.fr/2.3';

/** What the feed needs of an organisation beyond the catalogue's entry. */
export interface LheoOrganisation { siret: string; nda: string; name: string; addressLine: string; postcode: string; city: string; email: string; phone: string }

/** Escapes text and attribute values (&, <, >, " and ' ; characters not allowed in XML 1.0 removed). */
export function xmlEscape(s: string): string {
  return s
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

type Node = string;
const el = (name: string, content: string | null | undefined, attrs: Record<string, string> = {}): Node => {
  const a = Object.entries(attrs).map(([k, v]) => ` ${k}="${xmlEscape(v)}"`).join('');
  return content === null || content === undefined ? '' : `<${name}${a}>${content}</${name}>`;
};
const text = (name: string, value: string | number | null | undefined, attrs: Record<string, string> = {}): Node =>
  value === null || value === undefined || value === '' ? '' : el(name, xmlEscape(String(value)), attrs);
const block = (name: string, children: Node[], attrs: Record<string, string> = {}): Node => el(name, `\n${children.filter(Boolean).join('\n')}\n`, attrs);

/** "2026-09-07" → "20260907". */
export const lheoDate = (iso: string) => iso.replace(/-/g, '');

/** CNCP level (3 to 8) → LHÉO dict-niveaux code. */
export function lheoLevel(level: string | null): number {
  const n = Number(level);
  if (!Number.isInteger(n) || n < 3 || n > 8) return 0;
  return Math.min(8, n + 1);
}

const MODALITY: Record<string, number> = { presentiel: 0, hybride: 1, distance: 2 };

function adresse(p: EntryPlace, num: string): Node {
  return block('adresse', [
    p.address ? text('ligne', p.address) : '', text('codepostal', p.postcode || '00000'), text('ville', p.city || '-'),
    text('departement', p.departement), text('code-INSEE-commune', p.communeCode), text('region', p.region), text('pays', 'FR'),
    p.lat !== null && p.lon !== null ? block('geolocalisation', [text('latitude', p.lat), text('longitude', p.lon)]) : '',
  ], { numero: num });
}

const placeKey = (p: EntryPlace) => p.communeCode ?? `${p.postcode}|${p.city.toLowerCase()}`;

/** The actions of an entry: its places with their sessions (rules above). */
export function actionsOf(e: CatalogueEntry): { place: EntryPlace; sessions: EntrySession[] }[] {
  const actions: { place: EntryPlace; sessions: EntrySession[] }[] = [];
  const byKey = new Map<string, { place: EntryPlace; sessions: EntrySession[] }>();
  const add = (p: EntryPlace) => {
    const k = placeKey(p);
    let a = byKey.get(k);
    if (!a) { a = { place: p, sessions: [] }; byKey.set(k, a); actions.push(a); }
    return a;
  };
  for (const p of e.places) add(p);
  for (const s of e.sessions) {
    if (s.place) add(s.place).sessions.push(s);
    else if (actions[0]) actions[0].sessions.push(s);
  }
  return actions.filter((a) => a.sessions.length > 0);
}

function formation(e: CatalogueEntry, org: LheoOrganisation | undefined, baseUrl: string): Node {
  const actions = actionsOf(e);
  if (actions.length === 0) return '';
  const register = (e.cert.register ?? (e.cert.code?.startsWith('RS') ? 'RS' : 'RNCP')).toUpperCase();
  const certNumber = e.cert.code ? e.cert.code.replace(/^(RNCP|RS)/i, '') : null;
  const url = `${baseUrl}/formations/${encodeURIComponent(e.number)}`;
  const hours = e.duration.totalHours;
  return block('formation', [
    block('domaine-formation', e.romeCodes.map((c) => text('code-ROME', c))),
    text('intitule-formation', e.title),
    text('objectif-formation', e.summary || e.title),
    text('resultats-attendus', e.cert.title ? `Certification visée : ${e.cert.title}` : e.targetJobs || '-'),
    text('contenu-formation', e.targetJobs ? `Métiers visés : ${e.targetJobs}` : e.summary || '-'),
    text('certifiante', certNumber ? 1 : 0),
    block('contact-formation', [block('coordonnees', [e.organisation.phone ? block('telfixe', [text('numtel', e.organisation.phone)]) : '', text('courriel', e.organisation.email)])]),
    text('parcours-de-formation', 1),
    text('code-niveau-entree', 0),
    certNumber ? block('certification', [text(register === 'RS' ? 'code-RS' : 'code-RNCP', certNumber)]) : '',
    text('code-niveau-sortie', lheoLevel(e.cert.level)),
    block('url-formation', [text('urlweb', url)]),
    ...actions.map((a, i) => block('action', [
      text('rythme-formation', e.duration.rhythm || (e.duration.weeklyHours ? `${e.duration.weeklyHours} heures par semaine` : 'Temps plein')),
      text('niveau-entree-obligatoire', 0),
      text('modalites-alternance', e.workStudy ? 'Alternance possible' : '-'),
      text('modalites-enseignement', MODALITY[a.sessions.find((s) => s.modality)?.modality ?? e.modalities[0] ?? 'presentiel'] ?? 0),
      text('conditions-specifiques', '-'),
      text('prise-en-charge-frais-possible', 1),
      block('lieu-de-formation', [block('coordonnees', [text('ligne', a.place.name || a.place.city), adresse(a.place, `${i + 1}`)], { numero: `${i + 1}` })]),
      text('modalites-entrees-sorties', 0),
      block('url-action', [text('urlweb', url)]),
      ...a.sessions.map((s, j) => block('session', [
        block('periode', [text('debut', lheoDate(s.start)), text('fin', s.end ? lheoDate(s.end) : '00000000')]),
        block('adresse-inscription', [adresse(a.place, `${i + 1}`)]),
      ], { numero: s.id ?? `${e.number}-${i + 1}-${j + 1}` })),
      text('duree-indicative', hours ? `${hours} heures` : e.duration.months ? `${e.duration.months} mois` : null),
    ], { numero: `${e.number}-${i + 1}` })),
    org ? block('organisme-formation-responsable', [
      text('numero-activite', org.nda),
      block('SIRET-organisme-formation', [text('SIRET', org.siret)]),
      text('nom-organisme', org.name),
      text('raison-sociale', org.name),
      block('coordonnees-organisme', [block('coordonnees', [
        block('adresse', [text('ligne', org.addressLine), text('codepostal', org.postcode), text('ville', org.city), text('pays', 'FR')]),
        org.phone ? block('telfixe', [text('numtel', org.phone)]) : '', text('courriel', org.email),
      ])]),
      block('contact-organisme', [block('coordonnees', [org.phone ? block('telfixe', [text('numtel', org.phone)]) : '', text('courriel', org.email)])]),
      text('renseignements-specifiques', '-'),
    ]) : '',
  ], { numero: e.number });
}

/** The whole feed. `orgs` by organisation id; an entry whose organisation is unknown is left out. */
export function lheoFeed(entries: CatalogueEntry[], orgs: Map<string, LheoOrganisation>, baseUrl: string): string {
  const formations = entries.filter((e) => orgs.has(e.organisation.id)).map((e) => formation(e, orgs.get(e.organisation.id), baseUrl)).filter(Boolean);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<lheo xmlns="${LHEO_NAMESPACE}">\n<offres>\n${formations.join('\n')}${formations.length ? '\n' : ''}</offres>\n</lheo>\n`;
}
