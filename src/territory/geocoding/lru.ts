/** A small least-recently-used cache (a Map keeps insertion order, so the first key is the oldest). */
export class LruCache<K, V> {
  private readonly entries = new Map<K, V>();

  /** `capacity` 0 disables the cache. */
  constructor(private readonly capacity: number) {}

  /** Returns the cached value and marks it as recently used. */
  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  /** Stores a value, evicting the least recently used one when full. */
  set(key: K, value: V): void {
    if (this.capacity <= 0) return;
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }

  /** Number of cached entries. */
  get size(): number {
    return this.entries.size;
  }
}
