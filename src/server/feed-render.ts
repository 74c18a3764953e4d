/**
 * One feed version as iCalendar bytes: the CLI's writer (`writeIcs`), per-session SEQUENCE
 * numbers carried over from the previous version, and the validators HTTP caching needs. Runs
 * once per stored version (ical-generator needs tens of milliseconds for 100 events), never per
 * request.
 */
import { createHash } from 'node:crypto';
import { writeIcs } from '../calendar/ics';
import type { IcsSession } from '../calendar/ics';
import { formatPrescription, IRONSTRIDE_MARKER } from '../core/exercises';
import type { PlanSessionInput } from '../core/plan/plan-json';

/** The name a feed has until the first PUT names it. */
export const DEFAULT_FEED_NAME = 'Strength · Ironstride';

/** What a PUT stores: SPEC §9's body after validation. */
export interface FeedContent {
  name: string;
  timezone: string;
  sessions: PlanSessionInput[];
}

/** Per session id: a fingerprint of what was written and the SEQUENCE it was written with. */
export interface SequenceEntry {
  /** Fingerprint of the rendered session (times, zone, title, description). */
  f: string;
  /** SEQUENCE (RFC 5545 §3.8.7.4). */
  s: number;
  /** The version in which the session left the feed; absent while it is in the feed. */
  gone?: number;
}

export type SequenceState = Record<string, SequenceEntry>;

/**
 * Removed sessions remember their SEQUENCE (so one that comes back outranks the copy a calendar
 * app may still hold), but only this many, so a feed's state can't grow without bound.
 */
export const MAX_REMEMBERED_REMOVED = 1000;

/**
 * The description written for a session: the plan's own text, or for a client that sent only
 * exercises, one line per exercise and the reasons, as the planner would have written them.
 */
export function sessionDescription(session: PlanSessionInput): string {
  if (
    session.description.trim() !== '' ||
    (session.exercises.length === 0 && session.reasons.length === 0)
  ) {
    return session.description;
  }
  const lines = session.exercises.map((e, i) => {
    const dose = e.seconds !== undefined ? { seconds: e.seconds } : { reps: e.reps ?? 1 };
    return `${i + 1}. ${formatPrescription({ id: e.name, name: e.name, sets: e.sets, restSeconds: e.restSeconds, cue: e.cue, ...(e.perSide ? { perSide: true } : {}), ...dose })}`;
  });
  if (session.reasons.length > 0)
    lines.push('', 'Why this slot:', ...session.reasons.map((r) => `- ${r}`));
  lines.push('', IRONSTRIDE_MARKER);
  return lines.join('\n');
}

function toIcsSession(session: PlanSessionInput): Omit<IcsSession, 'sequence'> {
  return {
    id: session.id,
    start: Date.parse(session.start),
    end: Date.parse(session.end),
    title: session.title,
    description: sessionDescription(session),
  };
}

function fingerprint(session: Omit<IcsSession, 'sequence'>, timezone: string): string {
  const written = JSON.stringify([
    timezone,
    session.start,
    session.end,
    session.title,
    session.description,
  ]);
  return createHash('sha256').update(written).digest('base64url').slice(0, 22);
}

/**
 * SEQUENCE per session for a new version: unchanged sessions keep theirs, a changed one gets its
 * previous value + 1, a new one 0, and one that returns after being removed its remembered value
 * + 1 when it changed. Sessions that left the feed in this version are remembered as removed.
 */
export function assignSequences(
  previous: SequenceState,
  sessions: readonly Omit<IcsSession, 'sequence'>[],
  timezone: string,
  version: number,
): SequenceState {
  const next: SequenceState = {};
  for (const session of sessions) {
    const f = fingerprint(session, timezone);
    const before = previous[session.id];
    next[session.id] = {
      f,
      s: before === undefined ? 0 : before.f === f ? before.s : before.s + 1,
    };
  }
  const removed = Object.entries(previous)
    .filter(([id]) => next[id] === undefined)
    .map(([id, entry]): [string, SequenceEntry] => [id, { ...entry, gone: entry.gone ?? version }])
    .sort((a, b) => (b[1].gone ?? 0) - (a[1].gone ?? 0))
    .slice(0, MAX_REMEMBERED_REMOVED);
  for (const [id, entry] of removed) next[id] = entry;
  return next;
}

export interface RenderFeedOptions {
  /** The version being written (numbers removed sessions in the state). */
  version: number;
  previous: SequenceState;
  /** DTSTAMP of every event: when this version was written, epoch ms. */
  stamp: number;
  refreshMinutes: number;
}

export interface RenderedVersion {
  ics: string;
  /** Strong validator (RFC 9110 §8.8.3): SHA-256 of the bytes served, quoted. */
  etag: string;
  sequences: SequenceState;
}

/** Renders one version of a feed; the bytes served for it until the next version. */
export function renderFeedVersion(
  content: FeedContent,
  options: RenderFeedOptions,
): RenderedVersion {
  const sessions = content.sessions.map(toIcsSession);
  const sequences = assignSequences(options.previous, sessions, content.timezone, options.version);
  const ics = writeIcs(
    sessions.map((s) => ({ ...s, sequence: sequences[s.id]?.s ?? 0 })),
    {
      timezone: content.timezone,
      stamp: options.stamp,
      name: content.name,
      refreshMinutes: options.refreshMinutes,
    },
  );
  return { ics, etag: etagOf(ics), sequences };
}

export function etagOf(ics: string): string {
  return `"${createHash('sha256').update(ics, 'utf8').digest('base64url')}"`;
}
