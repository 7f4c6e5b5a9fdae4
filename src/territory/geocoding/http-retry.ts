/**
 * HTTP calls to a remote geocoder: a timeout per attempt, retries with exponential backoff (and
 * Retry-After) on network errors, timeouts, 429 and 5xx, then a `GeocoderUnavailableError`.
 */
import { GeocoderUnavailableError } from './geocoder.js';

/** Retry and timeout settings, all in milliseconds. */
export interface RetryPolicy {
  timeoutMs: number;
  retries: number;
  backoffMs: number;
  /** Longest wait between two attempts, whatever Retry-After says. */
  maxBackoffMs: number;
}

const wait = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    }, { once: true });
  });

function retryAfterMs(response: Response): number | null {
  const header = response.headers.get('retry-after');
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
}

/**
 * Fetches `url`, retrying what may succeed later. Returns the response when it is 2xx or a client
 * error other than 429 (the caller decides); throws `GeocoderUnavailableError` otherwise.
 */
export async function fetchWithRetry(
  url: string,
  init: () => RequestInit,
  policy: RetryPolicy,
  signal?: AbortSignal,
): Promise<Response> {
  let lastDetail = 'aucune réponse';
  let lastStatus: number | null = null;
  let lastCause: unknown = undefined;
  for (let attempt = 0; attempt <= policy.retries; attempt++) {
    signal?.throwIfAborted();
    let delay = Math.min(policy.maxBackoffMs, policy.backoffMs * 2 ** attempt * (0.75 + Math.random() / 2));
    try {
      const timeout = AbortSignal.timeout(policy.timeoutMs);
      const response = await fetch(url, { ...init(), signal: signal ? AbortSignal.any([signal, timeout]) : timeout });
      if (response.ok || (response.status < 500 && response.status !== 429)) return response;
      await response.body?.cancel();
      lastStatus = response.status;
      lastDetail = response.status === 429 ? 'trop de requêtes' : `erreur ${response.status}`;
      const asked = retryAfterMs(response);
      if (asked !== null) delay = Math.min(policy.maxBackoffMs, Math.max(delay, asked));
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      lastCause = error;
      lastStatus = null;
      lastDetail = error instanceof DOMException && error.name === 'TimeoutError'
        ? `pas de réponse en ${policy.timeoutMs} ms`
        : 'connexion impossible';
    }
    if (attempt < policy.retries) await wait(delay, signal);
  }
  throw new GeocoderUnavailableError(lastDetail, { status: lastStatus, cause: lastCause });
}
