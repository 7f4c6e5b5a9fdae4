import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, test } from 'node:test';
import { BanApiGeocoder } from './ban-api.js';
import { parseCsv, writeCsv } from './csv.js';
import { GeocoderUnavailableError } from './geocoder.js';

type Handler = (req: IncomingMessage, body: Buffer, res: ServerResponse) => void | Promise<void>;

const myrha = {
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [2.350358, 48.887198] },
  properties: {
    label: '12 Rue Myrha 75018 Paris', score: 0.9712, housenumber: '12', id: '75118_6613_00012', name: '12 Rue Myrha',
    postcode: '75018', citycode: '75118', x: 652339.49, y: 6864268.32, city: 'Paris', district: 'Paris 18e Arrondissement',
    context: '75, Paris, Île-de-France', type: 'housenumber', importance: 0.68, street: 'Rue Myrha',
  },
};
const featureCollection = (features: unknown[]) => ({
  type: 'FeatureCollection', version: 'draft', features,
  attribution: 'BAN', licence: 'ETALAB-2.0', query: '12 rue myrha', limit: 5,
});

let server: Server;
let baseUrl: string;
let handler: Handler;
let calls: { url: string; body: Buffer; contentType: string }[];

before(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      calls.push({ url: req.url ?? '', body, contentType: req.headers['content-type'] ?? '' });
      void handler(req, body, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  calls = [];
});

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
};
const fast = { retries: 2, backoffMs: 5, maxBackoffMs: 20, timeoutMs: 300 };

describe('BanApiGeocoder.geocode', () => {
  test('lit une réponse GeoJSON réelle et envoie q, limit, postcode et citycode', async () => {
    handler = (_req, _body, res) => json(res, 200, featureCollection([myrha]));
    const geocoder = new BanApiGeocoder({ baseUrl, ...fast });
    const result = await geocoder.geocode('12 rue myrha', { postcode: '75018', citycode: '75118', limit: 3 });
    assert.equal(result.status, 'found');
    assert.deepEqual(result.address, {
      label: '12 Rue Myrha 75018 Paris', housenumber: '12', street: 'Rue Myrha', postcode: '75018',
      citycode: '75118', city: 'Paris', lon: 2.350358, lat: 48.887198, score: 0.9712,
    });
    const url = new URL(calls[0]!.url, baseUrl);
    assert.equal(url.pathname, '/search/');
    assert.equal(url.searchParams.get('q'), '12 rue myrha');
    assert.equal(url.searchParams.get('limit'), '3');
    assert.equal(url.searchParams.get('postcode'), '75018');
    assert.equal(url.searchParams.get('citycode'), '75118');
  });

  test('met en cache les recherches identiques', async () => {
    handler = (_req, _body, res) => json(res, 200, featureCollection([myrha]));
    const geocoder = new BanApiGeocoder({ baseUrl, ...fast });
    await geocoder.geocode('12 rue Myrha');
    await geocoder.geocode('12  RUE MYRHA');
    assert.equal(calls.length, 1);
  });

  test('répond ambiguous quand deux voies éloignées ont le même score', async () => {
    const other = { ...myrha, geometry: { type: 'Point', coordinates: [2.30, 48.84] }, properties: { ...myrha.properties, label: '12 Rue Myrha 75015 Paris', postcode: '75015', citycode: '75115' } };
    handler = (_req, _body, res) => json(res, 200, featureCollection([myrha, other]));
    const result = await new BanApiGeocoder({ baseUrl, ...fast }).geocode('12 rue myrha');
    assert.equal(result.status, 'ambiguous');
    assert.equal(result.candidates.length, 2);
  });

  test('répond not_found sans résultat, et sans appel pour une saisie vide ou trop longue', async () => {
    handler = (_req, _body, res) => json(res, 200, featureCollection([]));
    const geocoder = new BanApiGeocoder({ baseUrl, ...fast });
    assert.equal((await geocoder.geocode('zzzz qqqq')).status, 'not_found');
    assert.equal((await geocoder.geocode('')).status, 'not_found');
    assert.equal((await geocoder.geocode('a'.repeat(2000))).status, 'not_found');
    assert.equal(calls.length, 1);
  });

  test('réessaie après une erreur 500 puis réussit', async () => {
    let count = 0;
    handler = (_req, _body, res) => (++count === 1 ? json(res, 500, { message: 'boom' }) : json(res, 200, featureCollection([myrha])));
    const result = await new BanApiGeocoder({ baseUrl, ...fast }).geocode('12 rue myrha');
    assert.equal(result.status, 'found');
    assert.equal(calls.length, 2);
  });

  test('réessaie après un 429 en respectant Retry-After', async () => {
    let count = 0;
    handler = (_req, _body, res) => {
      if (++count === 1) {
        res.writeHead(429, { 'retry-after': '0' });
        res.end('Too Many Requests');
      } else json(res, 200, featureCollection([myrha]));
    };
    const result = await new BanApiGeocoder({ baseUrl, ...fast }).geocode('12 rue myrha');
    assert.equal(result.status, 'found');
    assert.equal(calls.length, 2);
  });

  test('lève GeocoderUnavailableError en français quand le service reste en erreur', async () => {
    handler = (_req, _body, res) => json(res, 503, { message: 'maintenance' });
    const geocoder = new BanApiGeocoder({ baseUrl, ...fast });
    await assert.rejects(geocoder.geocode('12 rue myrha'), (error: unknown) => {
      assert.ok(error instanceof GeocoderUnavailableError);
      assert.equal(error.status, 503);
      assert.match(error.message, /indisponible/);
      return true;
    });
    assert.equal(calls.length, 3);
  });

  test('abandonne une réponse trop lente (timeout) et le dit', async () => {
    handler = (_req, _body, res) => {
      setTimeout(() => json(res, 200, featureCollection([myrha])), 1_000).unref();
    };
    const geocoder = new BanApiGeocoder({ baseUrl, retries: 1, backoffMs: 5, timeoutMs: 50 });
    await assert.rejects(geocoder.geocode('12 rue myrha'), /pas de réponse en 50 ms/);
  });

  test('lève GeocoderUnavailableError quand le serveur est injoignable', async () => {
    const geocoder = new BanApiGeocoder({ baseUrl: 'http://127.0.0.1:1', ...fast });
    await assert.rejects(geocoder.geocode('12 rue myrha'), GeocoderUnavailableError);
  });
});

describe('BanApiGeocoder.geocodeMany', () => {
  test('envoie un CSV multipart dédoublonné et lit le CSV de résultats', async () => {
    handler = async (req, body, res) => {
      const form = await new Response(new Uint8Array(body), { headers: { 'content-type': req.headers['content-type']! } }).formData();
      const data = form.get('data');
      assert.ok(data instanceof Blob);
      assert.deepEqual(form.getAll('columns'), ['q']);
      assert.ok(form.getAll('result_columns').includes('result_label'));
      const [header, ...rows] = parseCsv(await data.text());
      assert.deepEqual(header, ['id', 'q']);
      const out = rows.map((row) => {
        const known = row[1]!.toLowerCase().includes('myrha');
        return [
          ...row,
          known ? '48.887198' : '', known ? '2.350358' : '',
          known ? '12 Rue Myrha 75018 Paris' : '', known ? '0.97' : '', known ? 'housenumber' : '',
          known ? '12' : '', known ? 'Rue Myrha' : '', known ? '75018' : '', known ? '75118' : '', known ? 'Paris' : '',
          known ? 'ok' : 'not-found',
        ];
      });
      res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8' });
      res.end(writeCsv([...header!, 'latitude', 'longitude', 'result_label', 'result_score', 'result_type',
        'result_housenumber', 'result_street', 'result_postcode', 'result_citycode', 'result_city', 'result_status'], out));
    };
    const geocoder = new BanApiGeocoder({ baseUrl, ...fast, batchSize: 2 });
    const progress: number[] = [];
    const results = await geocoder.geocodeMany(
      [{ q: '12 rue Myrha' }, { q: 'nulle part, "ici"' }, { q: '12 RUE MYRHA' }, { q: '' }, { q: '12 rue myrha' }],
      { onProgress: (done) => progress.push(done) },
    );
    assert.deepEqual(results.map((r) => r.status), ['found', 'not_found', 'found', 'not_found', 'found']);
    assert.equal(results[0]!.address?.label, '12 Rue Myrha 75018 Paris');
    assert.equal(results[0]!.address?.lon, 2.350358);
    assert.equal(calls.length, 1, 'deux adresses distinctes valides tiennent dans un lot de 2');
    assert.equal(progress.at(-1), 5);
  });

  test('lève GeocoderUnavailableError quand le lot échoue après les reprises', async () => {
    handler = (_req, _body, res) => json(res, 502, { message: 'bad gateway' });
    const geocoder = new BanApiGeocoder({ baseUrl, ...fast });
    await assert.rejects(geocoder.geocodeMany([{ q: '12 rue myrha' }]), GeocoderUnavailableError);
    assert.equal(calls.length, 3);
  });
});
