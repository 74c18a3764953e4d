/**
 * One PUT's work between the bytes received and the row written: parse, validate, render, hash
 * and compress. Synchronous and self-contained (bytes in, bytes out), so it runs on a worker
 * thread (`render-worker.ts`): a 1000-session body is ~3 MB of JSON, and parsing, validating and
 * rendering it on the event loop stalled every other request for a third of a second or more.
 */
import { gzipSync } from 'node:zlib';
import { parseFeedBodyBytes } from './feed-body';
import type { FeedBodyError } from './feed-body';
import { renderFeedVersion } from './feed-render';
import type { FeedContent, SequenceState } from './feed-render';

export interface VersionStamp {
  /** The version being written. */
  version: number;
  /** SEQUENCE state of the version it replaces. */
  previous: SequenceState;
  /** DTSTAMP and Last-Modified of the new version, epoch ms (whole seconds). */
  stamp: number;
  refreshMinutes: number;
}

export interface PrepareInput extends VersionStamp {
  /** The PUT body as received. */
  body: Uint8Array;
  /** Epoch ms: the session window is checked against it. */
  now: number;
}

/** A version ready to store: everything the row holds, already serialised. */
export interface PreparedVersion {
  name: string;
  timezone: string;
  sessions: number;
  /**
   * The feed's bytes (UTF-8 iCalendar), gzipped: what the database keeps. The text itself is
   * not carried: a season's is ~2 MB, copied to the event loop and collected there for nothing.
   */
  icsGzip: Uint8Array;
  etag: string;
  sequencesJson: string;
  /** The validated body, gzipped: what a later re-render would start from. */
  contentGzip: Uint8Array;
}

export type PrepareResult = { ok: true; version: PreparedVersion } | FeedBodyError;

/** Renders validated content as a version (also used for the empty calendar of a new feed). */
export function renderPreparedVersion(content: FeedContent, stamp: VersionStamp): PreparedVersion {
  const rendered = renderFeedVersion(content, stamp);
  return {
    name: content.name,
    timezone: content.timezone,
    sessions: content.sessions.length,
    icsGzip: gzipSync(rendered.ics),
    etag: rendered.etag,
    sequencesJson: JSON.stringify(rendered.sequences),
    contentGzip: gzipSync(JSON.stringify(content)),
  };
}

/** Parses and validates a PUT body, then renders it as the next version. */
export function prepareFeedVersion(input: PrepareInput): PrepareResult {
  const parsed = parseFeedBodyBytes(input.body, input.now);
  if (!parsed.ok) return parsed;
  return { ok: true, version: renderPreparedVersion(parsed.content, input) };
}
