/** Routes of the territory engine: the public address page, batch files, the API and its documentation. */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Module } from '../../platform/http/app.js';
import { PUBLIC, isUuid } from '../../platform/http/access.js';
import { render, pageContext, redirectWith } from '../../platform/http/render.js';
import { renderErrorPage } from '../../platform/views/error-page.js';
import { readForm } from '../../platform/http/forms.js';
import { territoryServices } from './services.js';
import { lookupAddress, parseDateParam, LookupInputError, type AddressAnswer } from './lookup.js';
import { GeocoderUnavailableError } from '../geocoding/geocoder.js';
import { AddressPage } from './views/address-page.js';
import { UploadPage, MappingPage, BatchPage } from './views/batch-pages.js';
import { ApiDocPage } from './views/api-doc.js';
import { readUpload, UploadError, guessMapping, type ColumnMapping } from './batch-file.js';
import { createBatch, getBatch, updateBatch, batchDir } from './batch.store.js';
import { BATCH_JOB } from './batch-job.js';
import { registerTerritoryApi } from './api.js';
import type { QpvZone } from '../territory.js';

/** Territory pages and API. */
export const territoryModule: Module = (r, deps) => {
  r.get('/territoire/adresse', PUBLIC, async (c) => {
    const q = c.req.query('q') ?? '';
    const date = c.req.query('date') ?? '';
    let answer: AddressAnswer | null = null;
    let zone: QpvZone | null = null;
    let error: { field: string; message: string } | null = null;
    if (c.req.query('q') !== undefined) {
      try {
        const s = await territoryServices(deps);
        answer = await lookupAddress(s, q, date || undefined);
        if (answer.qpv) zone = s.engine.qpvZone(answer.qpv.code, { version: answer.qpv.version });
      } catch (e) {
        if (e instanceof LookupInputError) error = { field: e.field, message: e.message };
        else if (e instanceof GeocoderUnavailableError) error = { field: 'q', message: e.message };
        else throw e;
      }
    }
    return render(c, <AddressPage ctx={pageContext(c)} q={q.slice(0, 200)} date={/^\d{4}-\d{2}-\d{2}$/.test(date) ? date : ''} answer={answer} zone={zone} error={error} />, error ? 422 : 200);
  });

  r.get('/territoire/api', PUBLIC, (c) => render(c, <ApiDocPage ctx={pageContext(c)} baseUrl={deps.config.baseUrl} />));

  r.get('/territoire/fichier', PUBLIC, (c) => render(c, <UploadPage ctx={pageContext(c)} />));

  r.post('/territoire/fichier', PUBLIC, async (c) => {
    const body = await c.req.parseBody();
    const file = body.fichier;
    const date = typeof body.date === 'string' ? body.date : '';
    const fail = (msg: string) => render(c, <UploadPage ctx={pageContext(c)} error={msg} date={date} />, 422);
    if (!(file instanceof File) || file.size === 0) return fail(file instanceof File ? 'Le fichier est vide.' : 'Choisissez un fichier CSV ou XLSX.');
    try {
      if (date) parseDateParam(date);
      const bytes = new Uint8Array(await file.arrayBuffer());
      const table = await readUpload(bytes, file.name);
      const batch = await createBatch(deps.database.db, deps.config.dataDir, { filename: file.name, encoding: table.encoding, header: table.header, total: table.rows.length, bytes, now: deps.now() });
      if (date) await updateBatch(deps.database.db, batch.id, { date });
      return redirectWith(c, `/territoire/fichier/${batch.id}/colonnes`);
    } catch (e) {
      if (e instanceof UploadError || e instanceof LookupInputError) return fail(e.message);
      throw e;
    }
  });

  const loadBatch = async (id: string | undefined) => (isUuid(id) ? getBatch(deps.database.db, id, deps.now()) : null);
  const preview = async (id: string, filename: string) => {
    const table = await readUpload(new Uint8Array(await fs.readFile(path.join(batchDir(deps.config.dataDir, id), 'source'))), filename);
    return table.rows.slice(0, 3).map((x) => x.cells);
  };

  r.get('/territoire/fichier/:batchId/colonnes', PUBLIC, async (c) => {
    const batch = await loadBatch(c.req.param('batchId'));
    if (!batch) return renderErrorPage(c, 404);
    if (batch.status !== 'mapping') return c.redirect(`/territoire/fichier/${batch.id}`, 303);
    return render(c, <MappingPage ctx={pageContext(c)} batch={batch} preview={await preview(batch.id, batch.filename)} mapping={guessMapping(batch.header)} />);
  });

  r.post('/territoire/fichier/:batchId/colonnes', PUBLIC, async (c) => {
    const batch = await loadBatch(c.req.param('batchId'));
    if (!batch) return renderErrorPage(c, 404);
    if (batch.status !== 'mapping') return c.redirect(`/territoire/fichier/${batch.id}`, 303);
    const v = await readForm(c);
    const values = Object.fromEntries(Object.entries(v).map(([k, x]) => [k, Array.isArray(x) ? (x[0] ?? '') : (x ?? '')]));
    const col = (k: string): number | null => {
      const s = values[k];
      if (!s) return null;
      const n = Number(s);
      return Number.isInteger(n) && n >= 0 && n < batch.header.length ? n : null;
    };
    const errors: Record<string, string> = {};
    let mapping: ColumnMapping | null = null;
    if (values.mode === 'single') {
      const a = col('address');
      if (a === null) errors.address = 'Choisissez la colonne qui contient l’adresse complète.';
      else mapping = { kind: 'single', address: a };
    } else if (values.mode === 'parts') {
      const street = col('street');
      if (street === null) errors.street = 'Choisissez la colonne qui contient la voie.';
      else mapping = { kind: 'parts', number: col('number'), street, postcode: col('postcode'), city: col('city') };
    } else errors.mode = 'Indiquez comment l’adresse est écrite.';
    if (!mapping) return render(c, <MappingPage ctx={pageContext(c)} batch={batch} preview={await preview(batch.id, batch.filename)} mapping={null} errors={errors} values={values} />, 422);
    await updateBatch(deps.database.db, batch.id, { mapping, status: 'queued' });
    await deps.jobs.send(BATCH_JOB, { id: batch.id });
    return redirectWith(c, `/territoire/fichier/${batch.id}`);
  });

  r.get('/territoire/fichier/:batchId', PUBLIC, async (c) => {
    const batch = await loadBatch(c.req.param('batchId'));
    if (!batch) return renderErrorPage(c, 404);
    if (batch.status === 'mapping') return c.redirect(`/territoire/fichier/${batch.id}/colonnes`, 303);
    return render(c, <BatchPage ctx={pageContext(c)} batch={batch} />);
  });

  r.get('/territoire/fichier/:batchId/etat', PUBLIC, async (c) => {
    const batch = await loadBatch(c.req.param('batchId'));
    if (!batch) return c.json({ error: 'Fichier introuvable ou expiré.' }, 404);
    c.header('Cache-Control', 'no-store');
    return c.json({ status: batch.status, done: batch.done, total: batch.total });
  });

  for (const ext of ['csv', 'xlsx'] as const) {
    r.get(`/territoire/fichier/:batchId/resultats.${ext}`, PUBLIC, async (c) => {
      const batch = await loadBatch(c.req.param('batchId'));
      if (!batch || batch.status !== 'done') return renderErrorPage(c, 404);
      const data = await fs.readFile(path.join(batchDir(deps.config.dataDir, batch.id), `resultats.${ext}`));
      const type = ext === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      return c.body(new Uint8Array(data), 200, { 'Content-Type': type, 'Content-Disposition': `attachment; filename="adresses-resultats.${ext}"`, 'Cache-Control': 'no-store' });
    });
  }

  registerTerritoryApi(r, deps);
};
