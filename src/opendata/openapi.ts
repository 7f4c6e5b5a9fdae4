/** OpenAPI description of the open data JSON files, merged into the platform's file (src/territory/web/openapi.ts). */
import { SESSIONS, TRAININGS, type ColumnType, type Dataset } from './datasets.js';

const TYPES: Record<ColumnType, Record<string, unknown>> = {
  texte: { type: ['string', 'null'] }, entier: { type: ['integer', 'null'] }, nombre: { type: ['number', 'null'] },
  date: { type: ['string', 'null'], format: 'date' }, 'booléen': { type: 'boolean' }, URL: { type: 'string', format: 'uri' },
};

function path<R>(d: Dataset<R>) {
  return {
    get: {
      summary: `${d.title} (données ouvertes, JSON)`,
      description: `${d.description} Mêmes colonnes en CSV : /donnees-ouvertes/${d.name}.csv. Rebâti chaque nuit et à chaque changement de label.`,
      tags: ['Données ouvertes'],
      parameters: [{ name: 'If-None-Match', in: 'header', required: false, description: 'ETag reçu précédemment', schema: { type: 'string' } }],
      responses: {
        200: {
          description: 'Le jeu de données entier',
          content: { 'application/json': { schema: { type: 'object', properties: {
            date: { type: 'string', format: 'date' }, source: { type: 'string', format: 'uri' }, licence: { type: 'string' }, jeu: { type: 'string' }, total: { type: 'integer' },
            donnees: { type: 'array', items: { type: 'object', properties: Object.fromEntries(d.columns.map((c) => [c.name, { ...TYPES[c.type], description: c.description }])) } },
          } } } },
        },
        304: { description: 'Inchangé depuis l’ETag envoyé' },
      },
    },
  };
}

export const OPENDATA_OPENAPI_PATHS = {
  [`/donnees-ouvertes/${TRAININGS.name}.json`]: path(TRAININGS),
  [`/donnees-ouvertes/${SESSIONS.name}.json`]: path(SESSIONS),
};
