/**
 * VTIMEZONE components generated from the runtime's own zone data (Intl), so written calendars
 * carry their zone rules (RFC 5545 §3.6.5) without shipping a second copy of the tz database.
 */
import { MINUTE_MS, zoneOffsetMinutes, zonedParts } from '../../core/time';

const DAY_MS = 24 * 60 * MINUTE_MS;

interface Transition {
  /** The first instant with the new offset. */
  at: number;
  from: number;
  to: number;
}

function findTransitions(timeZone: string, from: number, to: number): Transition[] {
  const out: Transition[] = [];
  let previous = zoneOffsetMinutes(from, timeZone);
  // Zones change offset at most a few times a year; daily steps then a binary search to the
  // minute find every change without 500k Intl calls.
  for (let t = from + DAY_MS; t <= to; t += DAY_MS) {
    const offset = zoneOffsetMinutes(t, timeZone);
    if (offset === previous) continue;
    let lo = t - DAY_MS;
    let hi = t;
    while (hi - lo > MINUTE_MS) {
      const mid = lo + Math.floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS;
      if (zoneOffsetMinutes(mid, timeZone) === previous) lo = mid;
      else hi = mid;
    }
    out.push({ at: hi, from: previous, to: offset });
    previous = offset;
  }
  return out;
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

/** Local wall time just before the change, in the old offset: what DTSTART means here. */
function formatLocal(instant: number, offsetMinutes: number): string {
  const d = new Date(instant + offsetMinutes * MINUTE_MS);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return (
    `${p(d.getUTCFullYear(), 4)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}` +
    `T${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`
  );
}

/**
 * A VTIMEZONE for `timeZone` covering the years `fromYear`…`toYear`: one STANDARD or DAYLIGHT
 * observance per transition in that span (the larger offset of a pair is daylight time), or a
 * single STANDARD observance for a zone without changes. Lines are joined with CRLF and not
 * folded (each is short).
 */
export function buildVtimezone(timeZone: string, fromYear: number, toYear: number): string {
  const from = Date.UTC(fromYear, 0, 1);
  const to = Date.UTC(toYear + 1, 0, 1);
  const transitions = findTransitions(timeZone, from, to);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`, `X-LIC-LOCATION:${timeZone}`];
  const firstTransition = transitions[0];
  if (!firstTransition) {
    const offset = formatOffset(zoneOffsetMinutes(from, timeZone));
    lines.push(
      'BEGIN:STANDARD',
      `DTSTART:${formatLocal(from, zoneOffsetMinutes(from, timeZone))}`,
      `TZOFFSETFROM:${offset}`,
      `TZOFFSETTO:${offset}`,
      'END:STANDARD',
    );
  } else {
    // The offset in force at the start of the span, as its own observance, so times before the
    // first transition are defined too.
    const initial = zoneOffsetMinutes(from, timeZone);
    const firstTo = firstTransition.to;
    const initialKind = initial > firstTo ? 'DAYLIGHT' : 'STANDARD';
    lines.push(
      `BEGIN:${initialKind}`,
      `DTSTART:${formatLocal(from, initial)}`,
      `TZOFFSETFROM:${formatOffset(initial)}`,
      `TZOFFSETTO:${formatOffset(initial)}`,
      `END:${initialKind}`,
    );
    for (const t of transitions) {
      const kind = t.to > t.from ? 'DAYLIGHT' : 'STANDARD';
      lines.push(
        `BEGIN:${kind}`,
        `DTSTART:${formatLocal(t.at, t.from)}`,
        `TZOFFSETFROM:${formatOffset(t.from)}`,
        `TZOFFSETTO:${formatOffset(t.to)}`,
        `END:${kind}`,
      );
    }
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}

/** The calendar year of an instant in a zone. */
export function yearInZone(instant: number, timeZone: string): number {
  return zonedParts(instant, timeZone).year;
}
