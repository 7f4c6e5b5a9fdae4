/**
 * Regional needs (the observatory table of the cahier, section 1.f, as data: table regional_needs
 * of the current call) and the labelled trainings that answer them, pure.
 *
 * Matching rule (documented on the pages): a training answers a job in demand of a région when
 * (1) one of its places or sessions is in that région, and (2) every significant word of the job's
 * key phrase is found, stemmed, in the training's title, target jobs or certification title
 * (catalogue text rules: accents, case and French endings ignored). The key phrase is the job's
 * name before any parenthesis and before its first "/" ("Développeur (full-stack, …)" →
 * "Développeur"; "Chargé de communication digitale/web" → "Chargé de communication digitale").
 */
import type { CatalogueEntry } from '../catalogue/search.js';
import { stemMatches, stems } from '../catalogue/text.js';

/** The key phrase of a job in demand. */
export function jobKeyPhrase(job: string): string {
  return job.split('(')[0]!.split('/')[0]!.trim();
}

/** Whether a training's texts name this job (rule above). */
export function answersJob(job: string, e: CatalogueEntry): boolean {
  const wanted = stems(jobKeyPhrase(job));
  if (wanted.length === 0) return false;
  const doc = stems([e.title, e.targetJobs, e.cert.title ?? ''].join(' '));
  return wanted.every((w) => doc.some((d) => stemMatches(w, d)));
}

/** Whether a training takes place in a région (INSEE code). */
export function inRegion(e: CatalogueEntry, regionCode: string): boolean {
  return e.places.some((p) => p.region === regionCode) || e.sessions.some((s) => s.place?.region === regionCode);
}

/** Each job of a région with the trainings answering it. */
export function needsOfRegion(jobs: string[], regionCode: string, entries: CatalogueEntry[]): { job: string; trainings: CatalogueEntry[] }[] {
  const here = entries.filter((e) => inRegion(e, regionCode));
  return jobs.map((job) => ({ job, trainings: here.filter((e) => answersJob(job, e)) }));
}

/** Most jobs a région lists, and longest job name. */
export const MAX_JOBS = 30;
export const MAX_JOB_LENGTH = 150;

/** The jobs typed by staff, one per line: trimmed, blank lines and duplicates dropped; or the French error. */
export function parseJobs(text: string): { ok: true; jobs: string[] } | { ok: false; message: string } {
  const seen = new Set<string>();
  const jobs: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const job = line.replace(/\s+/g, ' ').trim();
    if (!job || seen.has(job.toLowerCase())) continue;
    if (job.length > MAX_JOB_LENGTH) return { ok: false, message: `Le métier « ${job.slice(0, 40)}… » dépasse ${MAX_JOB_LENGTH} caractères.` };
    seen.add(job.toLowerCase());
    jobs.push(job);
  }
  if (jobs.length === 0) return { ok: false, message: 'Indiquez au moins un métier, un par ligne.' };
  if (jobs.length > MAX_JOBS) return { ok: false, message: `Indiquez au plus ${MAX_JOBS} métiers (${jobs.length} saisis).` };
  return { ok: true, jobs };
}
