import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { CatalogueEntry, EntryPlace } from '../catalogue/search.js';
import { actionsOf, LHEO_NAMESPACE, lheoFeed, lheoLevel, xmlEscape, type LheoOrganisation } from './lheo.js';

/** An element of a parsed document. */
interface El { name: string; attrs: Record<string, string>; children: El[]; text: string }

/** A strict little XML parser: throws on anything not well-formed (unbalanced tags, bare & or <, unquoted attributes). */
function parseXml(xml: string): El {
  let i = 0;
  const fail = (m: string) => { throw new Error(`XML mal formé à ${i} : ${m}`); };
  const checkText = (t: string) => {
    if (t.includes('<')) fail('< dans un texte');
    for (const m of t.matchAll(/&/g)) if (!/^&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/.test(t.slice(m.index))) fail('& non échappé');
    return t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, '\'').replace(/&amp;/g, '&');
  };
  if (xml.startsWith('<?xml')) i = xml.indexOf('?>') + 2;
  const stack: El[] = [];
  let root: El | null = null;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const chunk = lt === -1 ? xml.slice(i) : xml.slice(i, lt);
    if (stack.length) stack.at(-1)!.text += checkText(chunk);
    else if (chunk.trim()) fail('texte hors de la racine');
    if (lt === -1) break;
    const gt = xml.indexOf('>', lt);
    if (gt === -1) fail('balise non fermée');
    const tag = xml.slice(lt + 1, gt);
    i = gt + 1;
    if (tag.startsWith('/')) {
      const open = stack.pop();
      if (!open || open.name !== tag.slice(1).trim()) fail(`fermeture inattendue </${tag.slice(1)}>`);
      if (!stack.length) root = open!;
      continue;
    }
    const selfClosing = tag.endsWith('/');
    const m = /^([A-Za-z_][\w.-]*)((?:\s+[\w:.-]+\s*=\s*"[^"<]*")*)\s*\/?$/.exec(tag);
    if (!m) fail(`balise invalide <${tag}>`);
    const attrs: Record<string, string> = {};
    for (const a of m![2]!.matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)) attrs[a[1]!] = checkText(a[2]!);
    const el: El = { name: m![1]!, attrs, children: [], text: '' };
    if (stack.length) stack.at(-1)!.children.push(el);
    else if (root) fail('deux racines');
    if (selfClosing) { if (!stack.length) root = el; } else stack.push(el);
  }
  if (stack.length || !root) fail('document incomplet');
  return root!;
}

/** For every element name, the order of its children's names in a document (first occurrence). */
function childOrders(root: El, out = new Map<string, string[]>()): Map<string, string[]> {
  const names = [...new Set(root.children.map((c) => c.name))];
  const known = out.get(root.name) ?? [];
  for (const n of names) if (!known.includes(n)) known.push(n);
  out.set(root.name, known);
  for (const c of root.children) childOrders(c, out);
  return out;
}
const find = (e: El, name: string): El[] => [...(e.name === name ? [e] : []), ...e.children.flatMap((c) => find(c, name))];

const place = (o: Partial<EntryPlace>): EntryPlace => ({ name: 'Campus', address: '55 rue de Vincennes', postcode: '93100', city: 'Montreuil', communeCode: '93048', departement: '93', region: '11', lat: 48.8611, lon: 2.4437, qpv: null, ...o });
const entry = (o: Partial<CatalogueEntry> = {}): CatalogueEntry => ({
  labelId: 'l1', number: 'GEN-2021-0007', title: 'Développeur web & mobile <full stack>', summary: 'Former des "développeurs" d’applications.', targetJobs: 'Développeur web', romeCodes: ['M1805'],
  family: { code: 'F1', title: 'Développement' }, cert: { register: 'RNCP', code: 'RNCP31114', title: 'Développeur web et web mobile', level: '5' },
  duration: { totalHours: 1200, centreHours: 900, distanceHours: 300, months: 9, weeklyHours: 35, rhythm: null, immersionType: 'internship', immersionWeeks: 8 },
  modalities: ['hybride'], workStudy: false, places: [place({})],
  sessions: [
    { id: 's1', name: 'Printemps', start: '2026-09-07', end: '2027-04-30', places: 14, placesLeft: 14, modality: 'hybride', workStudy: false, place: place({ name: 'Montreuil' }), provisional: false },
    { id: 's2', name: 'Lyon', start: '2026-10-05', end: null, places: 12, placesLeft: 12, modality: 'presentiel', workStudy: false, place: place({ name: 'Lyon', communeCode: '69383', postcode: '69003', city: 'Lyon', departement: '69', region: '84', lat: 45.76, lon: 4.85 }), provisional: false },
  ],
  organisation: { id: 'o1', name: 'Simplon & Cie', siret: '12345678900011', email: 'contact@simplon.example', phone: '01 02 03 04 05', website: null, city: 'Montreuil' },
  validFrom: '2025-01-15', validUntil: '2028-01-14', terms: new Map(), ...o,
});
const orgs = new Map<string, LheoOrganisation>([['o1', { siret: '12345678900011', nda: '11930123456', name: 'Simplon & Cie', addressLine: '55 rue de Vincennes', postcode: '93100', city: 'Montreuil', email: 'contact@simplon.example', phone: '01 02 03 04 05' }]]);

test('échappement XML : &, <, >, guillemets et caractères interdits', () => {
  assert.equal(xmlEscape('A & B <c> "d" \'e\''), 'A &amp; B &lt;c&gt; &quot;d&quot; &apos;e&apos;');
  assert.equal(xmlEscape('bip\u0007\u0000 ok'), 'bip ok');
  assert.equal(xmlEscape('&amp;'), '&amp;amp;', 'un texte déjà échappé est échappé à nouveau (le lecteur retrouve le texte)');
});

test('niveaux LHÉO : niveau CNCP 2019 vers dict-niveaux', () => {
  assert.deepEqual(['3', '4', '5', '6', '7', '8', null, 'x'].map(lheoLevel), [4, 5, 6, 7, 8, 8, 0, 0]);
});

test('flux LHÉO 2.3 bien formé : formation → action (un lieu chacune) → session, organisme avec SIRET et NDA, code RNCP, coordonnées', () => {
  const xml = lheoFeed([entry()], orgs, 'https://label.example');
  const root = parseXml(xml);
  assert.equal(root.name, 'lheo');
  assert.equal(root.attrs.xmlns, LHEO_NAMESPACE);
  const [f] = find(root, 'formation');
  assert.equal(f!.attrs.numero, 'GEN-2021-0007');
  assert.equal(find(f!, 'intitule-formation')[0]!.text, 'Développeur web & mobile <full stack>', 'le texte se relit à l’identique');
  assert.equal(find(f!, 'code-RNCP')[0]!.text, '31114');
  assert.equal(find(f!, 'code-niveau-sortie')[0]!.text, '6');
  assert.equal(find(f!, 'code-ROME')[0]!.text, 'M1805');
  const actions = find(f!, 'action');
  assert.equal(actions.length, 2, 'Montreuil et Lyon');
  const lyon = actions[1]!;
  assert.equal(find(lyon, 'code-INSEE-commune')[0]!.text, '69383');
  assert.equal(find(lyon, 'latitude')[0]!.text, '45.76');
  const [session] = find(actions[0]!, 'session');
  assert.equal(session!.attrs.numero, 's1');
  assert.equal(find(session!, 'debut')[0]!.text, '20260907');
  assert.equal(find(session!, 'fin')[0]!.text, '20270430');
  assert.equal(find(actions[0]!, 'modalites-enseignement')[0]!.text, '1');
  const org = find(f!, 'organisme-formation-responsable')[0]!;
  assert.equal(find(org, 'numero-activite')[0]!.text, '11930123456');
  assert.equal(find(org, 'SIRET')[0]!.text, '12345678900011');
  assert.equal(find(org, 'nom-organisme')[0]!.text, 'Simplon & Cie');
});

// The lheo-schema repository has no licence file: its sample is read from ../shared, not shipped.
const LHEO_SAMPLE = new URL('../../../shared/data/lheo-samples/exemple-bts-onisep.xml', import.meta.url);

test('flux LHÉO : les éléments suivent l’ordre de l’exemple du dépôt lheo-schema, requis présents', (t) => {
  if (!fs.existsSync(LHEO_SAMPLE)) return t.skip('../shared/data/lheo-samples absent : comparaison avec l’exemple LHÉO impossible');
  const sample = parseXml(fs.readFileSync(LHEO_SAMPLE, 'utf8'));
  const expected = childOrders(sample);
  const doc = parseXml(lheoFeed([entry(), entry({ number: 'GEN-2021-0008', cert: { register: 'RS', code: 'RS5487', title: 'Cybersécurité', level: null } })], orgs, 'https://label.example'));
  const ours = childOrders(doc);
  const walk = (e: El) => {
    const order = expected.get(e.name);
    if (order) {
      const known = e.children.map((c) => c.name).filter((c) => order.includes(c));
      const positions = known.map((c) => order.indexOf(c));
      assert.deepEqual(positions, [...positions].sort((a, b) => a - b), `ordre des enfants de <${e.name}> : ${known.join(', ')}`);
    }
    e.children.forEach(walk);
  };
  walk(doc);
  const required: Record<string, string[]> = {
    lheo: ['offres'], offres: ['formation'],
    formation: ['domaine-formation', 'intitule-formation', 'objectif-formation', 'resultats-attendus', 'contenu-formation', 'certifiante', 'contact-formation', 'parcours-de-formation', 'code-niveau-entree', 'certification', 'action', 'organisme-formation-responsable'],
    action: ['rythme-formation', 'niveau-entree-obligatoire', 'modalites-alternance', 'modalites-enseignement', 'conditions-specifiques', 'prise-en-charge-frais-possible', 'lieu-de-formation', 'modalites-entrees-sorties', 'session'],
    session: ['periode', 'adresse-inscription'], periode: ['debut', 'fin'],
    'organisme-formation-responsable': ['numero-activite', 'SIRET-organisme-formation', 'nom-organisme', 'raison-sociale', 'coordonnees-organisme', 'contact-organisme'],
    adresse: ['codepostal', 'ville'],
  };
  for (const [parent, kids] of Object.entries(required)) for (const k of kids) assert.ok(ours.get(parent)?.includes(k), `<${k}> dans <${parent}>`);
  assert.ok(ours.get('certification')!.includes('code-RS'), 'une certification du RS a son code-RS');
});

test('flux LHÉO : une formation sans session ni organisme connu est écartée, une session prévue sans lieu va au premier lieu', () => {
  const planned = entry({ sessions: [{ id: null, name: 'Session 1', start: '2027-01-04', end: '2027-09-30', places: 20, placesLeft: 20, modality: null, workStudy: false, place: null, provisional: true }] });
  assert.equal(actionsOf(planned).length, 1);
  assert.equal(actionsOf(planned)[0]!.sessions[0]!.name, 'Session 1');
  const none = entry({ number: 'GEN-2021-0009', sessions: [] });
  const unknownOrg = entry({ number: 'GEN-2021-0010', organisation: { ...entry().organisation, id: 'o2' } });
  const root = parseXml(lheoFeed([none, unknownOrg], orgs, 'https://label.example'));
  assert.equal(find(root, 'formation').length, 0);
  assert.equal(find(root, 'offres').length, 1, 'le flux vide reste un document LHÉO valide');
});
