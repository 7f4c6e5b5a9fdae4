/** OpenAPI 3.1 description of the territory API, served at /api/v1/openapi.json. */
import { CATALOGUE_OPENAPI_PATHS } from '../../catalogue/openapi.js';
import { OPENDATA_OPENAPI_PATHS } from '../../opendata/openapi.js';

const address = {
  type: 'object',
  properties: {
    label: { type: 'string', example: '12 Rue Myrha 75018 Paris' }, housenumber: { type: ['string', 'null'] }, street: { type: 'string' },
    postcode: { type: 'string' }, citycode: { type: 'string' }, city: { type: 'string' },
    lon: { type: 'number' }, lat: { type: 'number' }, score: { type: 'number', minimum: 0, maximum: 1 },
  },
  required: ['label', 'housenumber', 'street', 'postcode', 'citycode', 'city', 'lon', 'lat', 'score'],
};
const qpv = {
  type: ['object', 'null'],
  properties: { code: { type: 'string', example: 'QN07511M' }, name: { type: 'string', example: 'Goutte D\'Or' }, commune: { type: 'string' }, version: { type: 'string', example: 'qpv-2024' } },
};
const rural = { type: ['object', 'null'], properties: { status: { type: 'string' }, label: { type: 'string' }, version: { type: 'string' } } };
const error = { type: 'object', properties: { error: { type: 'string', description: 'Message en français' }, field: { type: 'string' } } };
const date = { name: 'date', in: 'query', required: false, description: 'Date (AAAA-MM-JJ) dont la géographie en vigueur est utilisée ; par défaut aujourd’hui (Europe/Paris).', schema: { type: 'string', format: 'date' } };
const errors = {
  400: { description: 'Paramètre invalide', content: { 'application/json': { schema: error } } },
  429: { description: 'Trop de requêtes (limite par adresse IP) ; en-tête Retry-After', content: { 'application/json': { schema: error } } },
};

/** The OpenAPI document. */
export const OPENAPI = {
  openapi: '3.1.0',
  info: {
    title: 'API territoire du label Grande École du Numérique',
    version: '1.0.0',
    description: 'Quartiers prioritaires (QPV), zones de revitalisation rurale (ZRR) et France Ruralités Revitalisation (FRR) à partir d’un point ou d’une adresse. Géographies versionnées : chaque réponse nomme la version utilisée. Sans compte ; CORS ouvert pour GET ; limite de requêtes par adresse IP.',
  },
  servers: [{ url: '/' }],
  paths: {
    '/api/v1/territoire/point': {
      get: {
        summary: 'Quartier prioritaire contenant un point',
        parameters: [
          { name: 'lon', in: 'query', required: true, schema: { type: 'number', minimum: -180, maximum: 180 } },
          { name: 'lat', in: 'query', required: true, schema: { type: 'number', minimum: -90, maximum: 90 } },
          date,
        ],
        responses: { 200: { description: 'Le QPV, ou null hors QPV', content: { 'application/json': { schema: { type: 'object', properties: { qpv, version: { type: ['string', 'null'] } } } } } }, ...errors },
      },
    },
    '/api/v1/territoire/adresse': {
      get: {
        summary: 'Géocodage d’une adresse et classement QPV / ZRR / FRR',
        parameters: [{ name: 'q', in: 'query', required: true, schema: { type: 'string', maxLength: 200 }, example: '12 rue myrha paris 18e' }, date],
        responses: {
          200: {
            description: 'Réponse',
            content: { 'application/json': { schema: { type: 'object', properties: {
              status: { type: 'string', enum: ['found', 'ambiguous', 'not_found'] }, address: { ...address, type: ['object', 'null'] },
              candidates: { type: 'array', items: address }, qpv, zrr: rural, frr: rural,
              versions: { type: 'object', properties: { qpv: { type: ['string', 'null'] }, zrr: { type: ['string', 'null'] }, frr: { type: ['string', 'null'] } } },
            } } } },
          },
          ...errors,
          503: { description: 'Service de géocodage indisponible', content: { 'application/json': { schema: error } } },
        },
      },
    },
    '/api/v1/territoire/adresses': {
      post: {
        summary: 'Fichier CSV d’adresses → CSV de résultats',
        description: 'Corps : un CSV (UTF-8, UTF-8 avec BOM ou Latin-1 ; séparateur ; , ou tabulation) dont la première ligne nomme les colonnes : « adresse », ou « numero », « voie », « code_postal », « commune ». 10 000 lignes au plus (au-delà, utilisez la page /territoire/fichier). Colonnes ajoutées : adresse_trouvee, score, lon, lat, code_commune, code_qpv, nom_qpv, en_qpv, zrr, frr, statut, versions.',
        parameters: [date],
        requestBody: { required: true, content: { 'text/csv': { schema: { type: 'string' } } } },
        responses: { 200: { description: 'CSV de résultats', content: { 'text/csv': { schema: { type: 'string' } } } }, ...errors },
      },
    },
    ...CATALOGUE_OPENAPI_PATHS,
    ...OPENDATA_OPENAPI_PATHS,
  },
} as const;
