/** The background job that runs a batch file, so that a closed tab loses nothing; and the 24-hour purge. */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { AppDeps } from '../../platform/http/context.js';
import { log } from '../../platform/log.js';
import { readUpload, UploadError } from './batch-file.js';
import { runBatchRows, resultsToCsv, resultsToXlsx, summarize } from './batch-run.js';
import { batchDir, getBatch, updateBatch, purgeExpiredBatches } from './batch.store.js';
import { territoryServices } from './services.js';

/** Name of the job running a batch. */
export const BATCH_JOB = 'territory.batch';

/** Runs one batch: reads the stored file, geocodes, classifies, writes CSV and XLSX results. */
export async function runBatch(deps: AppDeps, id: string): Promise<void> {
  const db = deps.database.db;
  const batch = await getBatch(db, id, deps.now());
  if (!batch || !batch.mapping || batch.status === 'done') return;
  const dir = batchDir(deps.config.dataDir, id);
  try {
    await updateBatch(db, id, { status: 'running', done: 0 });
    const bytes = new Uint8Array(await fs.readFile(path.join(dir, 'source')));
    const table = await readUpload(bytes, batch.filename);
    const results = await runBatchRows(await territoryServices(deps), table, batch.mapping, batch.date ?? undefined, (done) => updateBatch(db, id, { done }));
    await fs.writeFile(path.join(dir, 'resultats.csv'), resultsToCsv(table, results));
    await fs.writeFile(path.join(dir, 'resultats.xlsx'), await resultsToXlsx(table, results));
    await updateBatch(db, id, { status: 'done', done: results.length, summary: summarize(results), finishedAt: deps.now() });
  } catch (e) {
    const message = e instanceof UploadError ? e.message : 'Le traitement du fichier a échoué. Réessayez ou contactez-nous si le problème persiste.';
    if (!(e instanceof UploadError)) log.error('batch failed', { id, error: e instanceof Error ? e.stack : String(e) });
    await updateBatch(db, id, { status: 'failed', error: message, finishedAt: deps.now() });
  }
}

/** Registers the batch job and the hourly purge of files older than 24 hours. */
export function registerBatchJobs(deps: AppDeps): void {
  deps.jobs.define(BATCH_JOB, async (data) => runBatch(deps, String(data.id)));
  deps.jobs.define('territory.batch-purge', async () => {
    const n = await purgeExpiredBatches(deps.database.db, deps.config.dataDir, deps.now());
    if (n) log.info('territory batches purged', { count: n });
  });
  deps.jobs.schedule('territory.batch-purge', '17 * * * *');
}
