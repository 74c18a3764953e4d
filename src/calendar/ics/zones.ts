/**
 * TZID → zone, and wall time ↔ instant in that zone.
 *
 * Resolution order for a TZID (RFC 5545 §3.2.19 leaves the naming to the producer):
 * 1. an IANA name the runtime's Intl knows, also inside tzurl/vendor paths
 *    (`/freeassociation.sourceforge.net/Tzfile/Europe/London`, `/mozilla.org/…/Europe/Berlin`)
 *    and libical's dashed form (`US-Eastern`, `America-Chicago`);
 * 2. a Windows zone id (`W. Europe Standard Time`) via CLDR's table;
 * 3. an Outlook display name, with or without its `(UTC+01:00)` prefix
 *    (`(GMT+10:00) Canberra, Melbourne, Sydney`), or failing that its first city that names a
 *    Windows zone or an IANA zone (`Amsterdam, Belgrade, Berlin, …`);
 * 4. the file's VTIMEZONE of that TZID, computed only for the years asked about
 *    (`custom-zone.ts`; Lotus Notes' custom `Eastern`, Office 365's `Customized Time Zone`);
 * 5. the fixed offset in a `(UTC-05:00) …` prefix or a `GMT+1`-style id.
 * The caller falls back to the runner's zone when all of these fail.
 *
 * IANA zones come first because a VTIMEZONE is a frozen copy of the rules the producer knew
 * (Exchange still writes 1601-based rules), while Intl has the current ones.
 */
import {
  DAY_MS,
  MINUTE_MS,
  isValidTimeZone,
  zoneOffsetMinutes,
  zonedInstant,
} from '../../core/time';
import type { CustomZone } from './custom-zone';
import { WINDOWS_DISPLAY_NAMES, WINDOWS_ZONES } from './windows-zones';
import { wallDate } from './values';

/** A zone a wall time can be read in. */
export type Zone =
  | { kind: 'utc' }
  | { kind: 'iana'; name: string }
  | { kind: 'fixed'; offsetMinutes: number }
  | { kind: 'vtimezone'; tzid: string; rules: CustomZone };

export const UTC_ZONE: Zone = { kind: 'utc' };

/** Human-readable zone name for warnings. */
export function describeZone(zone: Zone): string {
  switch (zone.kind) {
    case 'utc':
      return 'UTC';
    case 'iana':
      return zone.name;
    case 'fixed': {
      const sign = zone.offsetMinutes < 0 ? '-' : '+';
      const abs = Math.abs(zone.offsetMinutes);
      return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
    }
    case 'vtimezone':
      return `the file's VTIMEZONE "${zone.tzid}"`;
  }
}

// No real TZID comes close; the bound keeps every lookup below cheap on hostile input.
const MAX_TZID_LENGTH = 256;

const lowerKeyed = (table: Readonly<Record<string, string>>): Map<string, string> =>
  new Map(Object.entries(table).map(([k, v]) => [normalizeName(k), v]));

function normalizeName(name: string): string {
  return name.toLowerCase().replace(/\s+/g, ' ').trim();
}

let windowsIds: Map<string, string> | null = null;
let displayNames: Map<string, string> | null = null;
let cities: Map<string, string> | null = null;

function windowsTable(): Map<string, string> {
  windowsIds ??= lowerKeyed(WINDOWS_ZONES);
  return windowsIds;
}

function displayTable(): Map<string, string> {
  displayNames ??= lowerKeyed(WINDOWS_DISPLAY_NAMES);
  return displayNames;
}

/**
 * City → IANA zone: cities of the Windows display names (through their Windows id), then the
 * last segment of every IANA zone Intl lists (`Kuala_Lumpur` → "kuala lumpur"). A city two
 * Windows zones claim ("La Paz") is left out.
 */
function cityTable(): Map<string, string> {
  if (cities) return cities;
  const table = new Map<string, string>();
  const ambiguous = new Set<string>();
  for (const [list, windowsId] of Object.entries(WINDOWS_DISPLAY_NAMES)) {
    const iana = WINDOWS_ZONES[windowsId];
    if (!iana) continue;
    for (const city of splitCities(list)) {
      const prior = table.get(city);
      if (prior !== undefined && prior !== iana) ambiguous.add(city);
      else table.set(city, iana);
    }
  }
  for (const city of ambiguous) table.delete(city);
  const supported =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  for (const zone of supported) {
    const city = normalizeName((zone.split('/').pop() ?? '').replaceAll('_', ' '));
    if (city && !table.has(city)) table.set(city, zone);
  }
  cities = table;
  return table;
}

function splitCities(list: string): string[] {
  return list
    .split(/[,;]/)
    .map((c) => normalizeName(c))
    .filter((c) => c.length > 0);
}

// `(UTC+01:00) `, `(GMT-05:00) `, `(GMT) `, `(UTC) `.
const DISPLAY_PREFIX_RE = /^\((?:UTC|GMT)(?:([+-])(\d{1,2}):?(\d{2})?)?\)/i;
// `GMT+1`, `UTC-05:00`, `+0100`.
const OFFSET_ID_RE = /^(?:UTC|GMT)?([+-])(\d{1,2}):?(\d{2})?$/i;

function offsetMinutes(
  sign: string | undefined,
  hours: string | undefined,
  minutes: string | undefined,
): number | null {
  const h = Number(hours ?? 0);
  const m = Number(minutes ?? 0);
  if (h > 14 || m > 59) return null;
  return (sign === '-' ? -1 : 1) * (h * 60 + m);
}

// What an IANA zone id can be made of (`America/Port-au-Prince`, `Etc/GMT+5`). Anything else is
// refused before asking Intl, whose refusal (a thrown RangeError) costs tens of microseconds:
// Outlook names such as "Customized Time Zone" are tried this way on every TZID.
const IANA_ID_RE = /^[A-Za-z0-9_+\-/]+$/;

function iana(name: string): Zone | null {
  return IANA_ID_RE.test(name) && isValidTimeZone(name) ? { kind: 'iana', name } : null;
}

/** Steps 1–3: a TZID that names an IANA zone, directly or through Windows names. */
function resolveByName(tzid: string): Zone | null {
  if (tzid.toUpperCase() === 'Z') return UTC_ZONE;
  const direct = iana(tzid);
  if (direct) return direct;
  if (tzid.includes('/')) {
    const segments = tzid.split('/').filter((s) => s.length > 0);
    for (let n = Math.min(3, segments.length); n >= 1; n--) {
      const zone = iana(segments.slice(-n).join('/'));
      if (zone) return zone;
    }
  } else if (/^[A-Za-z]+-[A-Za-z_]+$/.test(tzid)) {
    const zone = iana(tzid.replace('-', '/'));
    if (zone) return zone;
  }
  const key = normalizeName(tzid);
  const windowsIana = windowsTable().get(key);
  if (windowsIana) return iana(windowsIana);
  const rest = normalizeName(tzid.replace(DISPLAY_PREFIX_RE, ''));
  const displayId = displayTable().get(rest);
  const displayIana = displayId ? WINDOWS_ZONES[displayId] : undefined;
  if (displayIana) return iana(displayIana);
  const cityTableMap = cityTable();
  for (const city of splitCities(rest)) {
    const zone = cityTableMap.get(city);
    if (zone) return iana(zone);
  }
  return null;
}

/** Step 5: a fixed offset spelled in the TZID. */
function resolveByOffset(tzid: string): Zone | null {
  const prefix = DISPLAY_PREFIX_RE.exec(tzid) ?? OFFSET_ID_RE.exec(tzid);
  if (!prefix) return null;
  const minutes = offsetMinutes(prefix[1], prefix[2], prefix[3]);
  if (minutes === null) return null;
  return minutes === 0 ? UTC_ZONE : { kind: 'fixed', offsetMinutes: minutes };
}

/**
 * The zone a TZID stands for, or `null` when nothing identifies it (the caller then uses the
 * runner's zone). `findVtimezone` looks the TZID up among the file's usable VTIMEZONEs.
 */
export function resolveTzid(
  tzid: string,
  findVtimezone: (tzid: string) => CustomZone | null,
): Zone | null {
  if (tzid.length === 0 || tzid.length > MAX_TZID_LENGTH) return null;
  const byName = resolveByName(tzid);
  if (byName) return byName;
  const vtimezone = findVtimezone(tzid);
  if (vtimezone) return { kind: 'vtimezone', tzid, rules: vtimezone };
  return resolveByOffset(tzid);
}

interface Block {
  /** Instant of the block's first wall time (its 00:00). */
  start: number;
  /** True when no offset change happens in the block, so wall time maps to an instant by addition. */
  uniform: boolean;
}

// Offset changes are months apart (Morocco's Ramadan pauses, the closest, are ~30 days), so a
// week with the same offset at both ends has none inside.
const WEEK_MS = 7 * DAY_MS;

/**
 * Wall time ↔ instant, with memos.
 *
 * `zonedInstant` asks Intl up to six times per conversion, a VTIMEZONE searches its onsets,
 * and a calendar of 10,000 events converts hundreds of thousands of times. So each (zone, week)
 * is checked once (an IANA week with one offset on both sides in two Intl lookups): a week
 * without an offset change converts any wall time in it by addition; a week with one converts
 * day by day the same way, and its transition day asks the zone for every time, keeping the
 * gap/overlap rules (RFC 5545 §3.3.5). One clock serves one read: no state outlives it.
 */
export class ZoneClock {
  // Per zone (its IANA name or its VTIMEZONE), the blocks checked so far, by wall start.
  private readonly weeks = new Map<string | CustomZone, Map<number, Block>>();
  private readonly days = new Map<string | CustomZone, Map<number, Block>>();

  /** The instant a wall time shows in `zone`. */
  toInstant(wall: number, zone: Zone): number {
    switch (zone.kind) {
      case 'utc':
        return wall;
      case 'fixed':
        return wall - zone.offsetMinutes * MINUTE_MS;
      case 'iana':
      case 'vtimezone': {
        // No closures here: this runs for every time of a large calendar.
        const key = zone.kind === 'iana' ? zone.name : zone.rules;
        const weekStart = Math.floor(wall / WEEK_MS) * WEEK_MS;
        const weeks = blocksOf(this.weeks, key);
        let week = weeks.get(weekStart);
        if (!week) {
          week =
            (zone.kind === 'iana' ? steadyIanaWeek(weekStart, zone.name) : null) ??
            block(weekStart, WEEK_MS, zone);
          weeks.set(weekStart, week);
        }
        if (week.uniform) return week.start + (wall - weekStart);
        const dayStart = Math.floor(wall / DAY_MS) * DAY_MS;
        const days = blocksOf(this.days, key);
        let day = days.get(dayStart);
        if (!day) {
          day = block(dayStart, DAY_MS, zone);
          days.set(dayStart, day);
        }
        if (day.uniform) return day.start + (wall - dayStart);
        return convertExactly(wall, zone);
      }
    }
  }

  /** The wall time `zone` shows at `instant`. */
  toWall(instant: number, zone: Zone): number {
    switch (zone.kind) {
      case 'utc':
        return instant;
      case 'fixed':
        return instant + zone.offsetMinutes * MINUTE_MS;
      case 'iana':
        return instant + zoneOffsetMinutes(instant, zone.name) * MINUTE_MS;
      case 'vtimezone':
        return instant + zone.rules.offsetAtInstant(instant) * 1000;
    }
  }
}

type ComputedZone = Extract<Zone, { kind: 'iana' } | { kind: 'vtimezone' }>;

/** A wall time to its instant without memos, keeping the gap/overlap rules. */
function convertExactly(wall: number, zone: ComputedZone): number {
  return zone.kind === 'iana'
    ? ianaInstant(wall, zone.name)
    : wall - zone.rules.offsetAtWall(wall) * 1000;
}

function blocksOf<K>(cache: Map<K, Map<number, Block>>, key: K): Map<number, Block> {
  let byStart = cache.get(key);
  if (!byStart) {
    byStart = new Map();
    cache.set(key, byStart);
  }
  return byStart;
}

/**
 * A week of wall time in an IANA zone that needs no closer look: the same offset a day before
 * its first instant and a day after its last one, the instants its wall times can map to (any
 * offset is within ±14 h). Two Intl lookups instead of the dozen `block` makes; `null` when the
 * offsets differ, so `block` and the day-by-day path handle the week with the transition.
 */
function steadyIanaWeek(weekStart: number, name: string): Block | null {
  const before = zoneOffsetMinutes(weekStart - DAY_MS, name);
  const after = zoneOffsetMinutes(weekStart + WEEK_MS + DAY_MS, name);
  if (before !== after) return null;
  return { start: weekStart - before * MINUTE_MS, uniform: true };
}

/** The instant a wall time shows in an IANA zone (the earlier one in a fall-back overlap). */
export function ianaInstant(wall: number, name: string): number {
  const dayStart = Math.floor(wall / DAY_MS) * DAY_MS;
  const sinceMidnight = wall - dayStart;
  const minutes = Math.floor(sinceMidnight / MINUTE_MS);
  return zonedInstant(wallDate(wall), minutes, name) + (sinceMidnight - minutes * MINUTE_MS);
}

/**
 * A block of wall time is uniform when its start and its end convert with the same offset and
 * it lasts exactly as long in instants as in wall time: then no transition lies inside.
 */
function block(startWall: number, length: number, zone: ComputedZone): Block {
  const start = convertExactly(startWall, zone);
  const next = convertExactly(startWall + length, zone);
  const last = convertExactly(startWall + length - MINUTE_MS, zone);
  return { start, uniform: next - start === length && last - start === length - MINUTE_MS };
}
