/**
 * Conditional GET (RFC 9110 §13): whether a client's copy is still current. Calendar apps poll
 * feeds for months; a 304 is what most of those polls should get.
 */

/** RFC 9110 §13.1.2: If-None-Match uses weak comparison, so `W/"x"` matches `"x"`. */
function matchesEtag(header: string, etag: string): boolean {
  if (header === etag) return true;
  for (const part of header.split(',')) {
    const tag = part.trim();
    if (tag === '*') return true;
    if ((tag.startsWith('W/') ? tag.slice(2) : tag) === etag) return true;
  }
  return false;
}

/**
 * True when the client's copy (named by `If-None-Match`, or failing that `If-Modified-Since`)
 * is the current one. If-None-Match wins when both are sent (RFC 9110 §13.1.3); an unparsable
 * date is ignored.
 */
export function isNotModified(
  ifNoneMatch: string | undefined,
  ifModifiedSince: string | undefined,
  current: { etag: string; lastModified: number; lastModifiedShared: boolean },
): boolean {
  if (ifNoneMatch !== undefined) return matchesEtag(ifNoneMatch, current.etag);
  if (ifModifiedSince === undefined) return false;
  const since = Date.parse(ifModifiedSince);
  if (Number.isNaN(since)) return false;
  // A second shared with the version before proves nothing: the client may hold that one.
  return current.lastModifiedShared ? current.lastModified < since : current.lastModified <= since;
}
