/** HTTP helpers of the open data files, pure. */

/** Whether an If-None-Match header matches this ETag (weak comparison, lists and "*" accepted). */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  return header.split(',').some((t) => bare(t) === bare(etag));
}
