/** OpenAPI description of GET /api/v1/formations, merged into the platform's file (src/territory/web/openapi.ts). */
const q = (name: string, description: string, schema: Record<string, unknown> = { type: 'string' }) => ({ name, in: 'query', required: false, description, schema });
const error = { type: 'object', properties: { error: { type: 'string', description: 'Message en français' }, field: { type: 'string' } } };
const place = {
  type: 'object',
  properties: {
    name: { type: 'string' }, postcode: { type: 'string' }, city: { type: 'string' }, communeCode: { type: ['string', 'null'], description: 'Code INSEE' },
    departement: { type: ['string', 'null'] }, region: { type: ['string', 'null'] }, lat: { type: ['number', 'null'] }, lon: { type: ['number', 'null'] },
    qpv: { type: ['object', 'null'], properties: { code: { type: 'string' }, name: { type: 'string' } } }, qpvKnown: { type: 'boolean', description: 'Faux quand l’adresse n’a pas pu être située' },
  },
};
const training = {
  type: 'object',
  properties: {
    number: { type: 'string', example: 'GEN-2021-0007', description: 'Numéro de label' }, title: { type: 'string' }, url: { type: 'string', format: 'uri' }, labelCheckUrl: { type: 'string', format: 'uri' },
    organisation: { type: 'object', properties: { name: { type: 'string' }, siret: { type: ['string', 'null'] } } },
    family: { type: ['object', 'null'], properties: { code: { type: 'string', example: 'F1' }, title: { type: 'string' } } },
    certification: { type: 'object', properties: { register: { enum: ['RNCP', 'RS', null] }, code: { type: ['string', 'null'] }, title: { type: ['string', 'null'] }, level: { type: ['string', 'null'] } } },
    modalities: { type: 'array', items: { enum: ['presentiel', 'distance', 'hybride'] } }, workStudy: { type: 'boolean' },
    durationHours: { type: ['number', 'null'] }, durationMonths: { type: ['number', 'null'] },
    places: { type: 'array', items: place },
    nextSession: { type: ['object', 'null'], properties: { start: { type: 'string', format: 'date' }, end: { type: ['string', 'null'], format: 'date' }, places: { type: ['integer', 'null'] }, placesLeft: { type: ['integer', 'null'], description: 'Places restantes : places offertes moins les apprenants inscrits quand la liste existe, sinon les places offertes' }, city: { type: ['string', 'null'] }, provisional: { type: 'boolean', description: 'Session prévue dans la candidature, pas encore déclarée' } } },
    distanceKm: { type: ['number', 'null'], description: 'Distance du lieu le plus proche au centre de la commune demandée' },
    validFrom: { type: ['string', 'null'], format: 'date' }, validUntil: { type: ['string', 'null'], format: 'date' },
  },
};

/** The paths of the trainings API. */
export const CATALOGUE_OPENAPI_PATHS = {
  '/api/v1/formations': {
    get: {
      summary: 'Formations labellisées (recherche)',
      description: 'Les formations dont le label est en vigueur, avec les mêmes filtres que la page /formations. Un label suspendu, retiré ou expiré disparaît aussitôt. Réponse avec ETag (If-None-Match → 304). 20 résultats par page.',
      parameters: [
        q('q', 'Mots-clés en français (accents et casse ignorés, « développeuse » trouve « développeur »)'),
        q('region', 'Code de région (INSEE), par exemple 11'), q('departement', 'Code de département, par exemple 93'),
        q('commune', 'Commune : code INSEE, code postal ou nom'), q('rayon', 'Rayon en km autour du centre de la commune (0 à 300)', { type: 'number' }),
        q('famille', 'Code de famille de métiers, par exemple F1'), q('modalite', 'Modalité', { enum: ['presentiel', 'distance', 'hybride'] }),
        q('alternance', 'oui : alternance possible', { enum: ['oui'] }), q('repertoire', 'Répertoire de la certification', { enum: ['RNCP', 'RS'] }),
        q('niveau', 'Niveau de la certification', { enum: ['3', '4', '5', '6', '7', '8'] }),
        q('debut', 'Une session commence à partir de cette date', { type: 'string', format: 'date' }), q('fin', 'Une session commence au plus tard à cette date', { type: 'string', format: 'date' }),
        q('qpv', 'oui : un lieu en quartier prioritaire', { enum: ['oui'] }), q('tri', 'Tri', { enum: ['pertinence', 'session', 'distance'] }),
        q('page', 'Page (à partir de 1)', { type: 'integer', minimum: 1 }),
      ],
      responses: {
        200: {
          description: 'Résultats, avec le nombre de formations par valeur de chaque filtre (facets)',
          content: { 'application/json': { schema: { type: 'object', properties: {
            total: { type: 'integer' }, page: { type: 'integer' }, pages: { type: 'integer' }, pageSize: { type: 'integer' },
            results: { type: 'array', items: training }, facets: { type: 'object', additionalProperties: { type: 'object', additionalProperties: { type: 'integer' } } },
          } } } },
        },
        304: { description: 'Inchangé depuis l’ETag envoyé' },
        400: { description: 'Paramètre invalide', content: { 'application/json': { schema: error } } },
        429: { description: 'Trop de requêtes (limite par adresse IP) ; en-tête Retry-After', content: { 'application/json': { schema: error } } },
      },
    },
  },
} as const;
