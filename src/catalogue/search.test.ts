import { test } from 'node:test';
import assert from 'node:assert/strict';
import { search, parseSearch, searchParams, entryTerms, type CatalogueEntry, type EntryPlace, type EntrySession } from './search.js';

const TODAY = '2026-06-01';

function place(city: string, postcode: string, o: Partial<EntryPlace> & { lat: number; lon: number; communeCode: string; departement: string; region: string }): EntryPlace {
  return { name: city, address: '1 rue de la Gare', postcode, city, qpv: null, ...o };
}
const MONTREUIL = place('Montreuil', '93100', { communeCode: '93048', departement: '93', region: '11', lat: 48.8633, lon: 2.4482, qpv: { code: 'QN09301M', name: 'Bel Air' } });
const PARIS_11 = place('Paris', '75011', { communeCode: '75111', departement: '75', region: '11', lat: 48.8594, lon: 2.3787 });
const LYON_3 = place('Lyon', '69003', { communeCode: '69383', departement: '69', region: '84', lat: 45.7597, lon: 4.8492 });
const VILLEURBANNE = place('Villeurbanne', '69100', { communeCode: '69266', departement: '69', region: '84', lat: 45.7719, lon: 4.8902 });
const RENNES = place('Rennes', '35000', { communeCode: '35238', departement: '35', region: '53', lat: 48.1119, lon: -1.6819 });

function session(start: string, o: Partial<EntrySession> = {}): EntrySession {
  return { id: null, name: `Session ${start}`, start, end: null, places: 12, placesLeft: o.places === undefined ? 12 : o.places, modality: 'presentiel', workStudy: false, place: null, provisional: false, ...o };
}

function entry(number: string, title: string, o: Partial<CatalogueEntry> & { summary?: string } = {}): CatalogueEntry {
  const e: CatalogueEntry = {
    labelId: number, number, title, summary: o.summary ?? '', targetJobs: '', romeCodes: [], family: { code: 'F1', title: 'Développement' },
    cert: { register: 'RNCP', code: 'RNCP31114', title: title, level: '5' },
    duration: { totalHours: 1000, centreHours: 1000, distanceHours: 0, months: 9, weeklyHours: 35, rhythm: null, immersionType: null, immersionWeeks: null },
    modalities: ['presentiel'], workStudy: false, places: [PARIS_11], sessions: [],
    organisation: { id: 'o', name: 'Organisme', siret: null, email: null, phone: null, website: null, city: null },
    validFrom: '2026-01-01', validUntil: '2028-12-31', terms: new Map(), ...o,
  };
  e.terms = entryTerms([[e.title, 4], [e.targetJobs, 3], [e.cert.title, 3], [e.family?.title, 2], [e.summary, 1]]);
  return e;
}

const ENTRIES = [
  entry('GEN-2026-0001', 'Développeur web et web mobile', { places: [MONTREUIL], sessions: [session('2026-09-01', { workStudy: true })], workStudy: true }),
  entry('GEN-2026-0002', 'Technicien supérieur systèmes et réseaux', { family: { code: 'F2', title: 'Infrastructures' }, cert: { register: 'RNCP', code: 'RNCP31115', title: 'TSSR', level: '5' }, places: [LYON_3], sessions: [session('2026-07-01'), session('2027-01-10')] }),
  entry('GEN-2026-0003', 'Analyste en cybersécurité', { family: { code: 'F3', title: 'Cybersécurité' }, cert: { register: 'RS', code: 'RS5487', title: 'Analyste SOC', level: null }, modalities: ['distance'], places: [RENNES], sessions: [session('2026-06-15', { modality: 'distance' })] }),
  entry('GEN-2026-0004', 'Data analyst', { summary: 'Formation de développeuses et développeurs de données', cert: { register: 'RNCP', code: 'RNCP3', title: 'Analyste de données', level: '6' }, modalities: ['hybride'], places: [VILLEURBANNE], sessions: [session('2026-05-01')] }),
];

const run = (params: Record<string, string>, entries = ENTRIES) => {
  const { query, errors } = parseSearch(params);
  assert.deepEqual(errors, {}, 'paramètres valides');
  return search(entries, query, TODAY);
};
const numbers = (params: Record<string, string>) => run(params).hits.map((h) => h.entry.number);

test('les mots-clés ignorent accents et casse, et « développeuse » trouve « développeur »', () => {
  assert.deepEqual(numbers({ q: 'DEVELOPPEUR' }).sort(), ['GEN-2026-0001', 'GEN-2026-0004']);
  assert.deepEqual(numbers({ q: 'développeuse web' }), ['GEN-2026-0001']);
  assert.deepEqual(numbers({ q: 'cybersecurite' }), ['GEN-2026-0003']);
  assert.deepEqual(numbers({ q: 'réseau' }), ['GEN-2026-0002']);
  assert.deepEqual(numbers({ q: 'boulanger' }), []);
});

test('le titre compte plus que le résumé pour la pertinence', () => {
  assert.deepEqual(numbers({ q: 'développeur' }), ['GEN-2026-0001', 'GEN-2026-0004']);
});

test('chaque filtre restreint les résultats', () => {
  assert.deepEqual(numbers({ region: '84' }).sort(), ['GEN-2026-0002', 'GEN-2026-0004']);
  assert.deepEqual(numbers({ departement: '93' }), ['GEN-2026-0001']);
  assert.deepEqual(numbers({ famille: 'F3' }), ['GEN-2026-0003']);
  assert.deepEqual(numbers({ modalite: 'distance' }), ['GEN-2026-0003']);
  assert.deepEqual(numbers({ alternance: 'oui' }), ['GEN-2026-0001']);
  assert.deepEqual(numbers({ repertoire: 'RS' }), ['GEN-2026-0003']);
  assert.deepEqual(numbers({ niveau: '6' }), ['GEN-2026-0004']);
  assert.deepEqual(numbers({ qpv: 'oui' }), ['GEN-2026-0001']);
  assert.deepEqual(numbers({ commune: '35238' }), ['GEN-2026-0003']);
  assert.deepEqual(numbers({ commune: 'Paris' }), [], 'aucun lieu à Paris');
});

test('une commune entière retient les lieux de ses arrondissements', () => {
  const withParis = [...ENTRIES, entry('GEN-2026-0009', 'Concepteur développeur', { places: [PARIS_11] })];
  assert.deepEqual(run({ commune: 'Paris' }, withParis).hits.map((h) => h.entry.number), ['GEN-2026-0009']);
});

test('les sessions commençant entre deux dates, les sessions passées exclues', () => {
  assert.deepEqual(numbers({ debut: '2026-06-01', fin: '2026-07-31' }).sort(), ['GEN-2026-0002', 'GEN-2026-0003']);
  assert.deepEqual(numbers({ debut: '2026-04-01', fin: '2026-05-31' }), [], 'la session du 1er mai est passée');
  assert.deepEqual(numbers({ debut: '2027-01-01' }), ['GEN-2026-0002']);
});

test('rayon autour d’une commune : Villeurbanne est à moins de 5 km de Lyon, Montreuil à 7 km de Paris', () => {
  assert.deepEqual(numbers({ commune: 'Lyon', rayon: '5' }).sort(), ['GEN-2026-0002', 'GEN-2026-0004']);
  assert.deepEqual(numbers({ commune: '75056', rayon: '5' }), []);
  assert.deepEqual(numbers({ commune: '75056', rayon: '10' }), ['GEN-2026-0001']);
  const r = run({ commune: 'Villeurbanne', rayon: '10', tri: 'distance' }).hits;
  assert.deepEqual(r.map((h) => h.entry.number), ['GEN-2026-0004', 'GEN-2026-0002']);
  assert.ok(r[1]!.distanceKm! > 2 && r[1]!.distanceKm! < 5, `distance ${r[1]!.distanceKm}`);
});

test('combinaison de filtres, tri par prochaine session et par distance', () => {
  assert.deepEqual(numbers({ q: 'analyste', region: '84' }), ['GEN-2026-0004']);
  assert.deepEqual(numbers({ tri: 'session' }), ['GEN-2026-0003', 'GEN-2026-0002', 'GEN-2026-0001', 'GEN-2026-0004']);
  assert.deepEqual(numbers({ commune: 'Villeurbanne', rayon: '300', tri: 'distance' }), ['GEN-2026-0004', 'GEN-2026-0002']);
});

test('les nombres par valeur ignorent le filtre de leur propre famille', () => {
  const r = run({ region: '84' });
  assert.equal(r.total, 2);
  assert.deepEqual(r.facets.region, { '11': 1, '84': 2, '53': 1 });
  assert.deepEqual(r.facets.niveau, { '5': 1, '6': 1 });
  assert.deepEqual(r.facets.famille, { F1: 1, F2: 1 });
});

test('pagination', () => {
  const many = Array.from({ length: 45 }, (_, i) => entry(`GEN-2026-${String(i).padStart(4, '0')}`, `Développeur ${i}`));
  const { query } = parseSearch({ page: '3' });
  const r = search(many, query, TODAY);
  assert.equal(r.total, 45);
  assert.equal(r.pages, 3);
  assert.equal(r.hits.length, 5);
  assert.equal(search(many, parseSearch({ page: '99' }).query, TODAY).page, 3);
});

test('les paramètres invalides sont signalés en français et ignorés', () => {
  const { query, errors } = parseSearch({ debut: '2026-02-30', rayon: '500', commune: 'Lyon', modalite: 'avion', tri: 'distance', niveau: '9' });
  assert.match(errors.debut!, /date valide/);
  assert.match(errors.rayon!, /entre 0 et 300/);
  assert.match(errors.modalite!, /n’existe pas/);
  assert.match(errors.niveau!, /n’existe pas/);
  assert.equal(query.radiusKm, null);
  assert.equal(query.commune?.code, '69123');
  assert.equal(parseSearch({ commune: 'Zzzzkville' }).errors.commune?.includes('Aucune commune'), true);
  assert.match(parseSearch({ tri: 'distance' }).errors.tri!, /commune/);
});

test('la recherche s’écrit en URL canonique', () => {
  const { query } = parseSearch({ q: 'web', commune: 'Montreuil', rayon: '10', page: '2', alternance: 'oui' });
  assert.equal(searchParams(query).toString(), 'q=web&commune=93048&rayon=10&alternance=oui&page=2');
  assert.equal(searchParams(query, { page: null }).toString(), 'q=web&commune=93048&rayon=10&alternance=oui');
});
