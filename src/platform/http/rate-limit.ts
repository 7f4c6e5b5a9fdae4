/** In-process rate limiting by key (per IP for the open API): a fixed window counter, bounded in memory. */

/** Result of a hit. */
export interface RateDecision { allowed: boolean; retryAfterSeconds: number; remaining: number }

/** A limiter allowing `limit` hits per `windowMs` for each key. */
export class RateLimiter {
  private readonly hits = new Map<string, { start: number; count: number }>();
  constructor(private readonly limit: number, private readonly windowMs: number, private readonly maxKeys = 50_000) {}

  /** Counts one hit for a key at `now` (ms). */
  hit(key: string, now = Date.now()): RateDecision {
    let e = this.hits.get(key);
    if (!e || now - e.start >= this.windowMs) {
      if (this.hits.size >= this.maxKeys) this.evict(now);
      e = { start: now, count: 0 };
      this.hits.set(key, e);
    }
    e.count++;
    const allowed = e.count <= this.limit;
    return { allowed, remaining: Math.max(0, this.limit - e.count), retryAfterSeconds: allowed ? 0 : Math.ceil((e.start + this.windowMs - now) / 1000) };
  }

  private evict(now: number): void {
    for (const [k, e] of this.hits) if (now - e.start >= this.windowMs) this.hits.delete(k);
    if (this.hits.size >= this.maxKeys) this.hits.clear();
  }
}
