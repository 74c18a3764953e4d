/** The kind of a run, hardest first, and its intensity (SPEC §3): races, long runs, workouts, easy runs. */
import { firstMatch, says } from './fields';
import type { ActivityFinding, Field, KindFinding, RaceFinding } from './fields';
import { KEY_KINDS } from './types';
import {
  EASY,
  EASY_WEAK,
  EFFORT_AFTER,
  HANSONS_STRENGTH,
  HIGDON_PACE,
  HILLS,
  INTERVALS_GENERIC,
  INTERVALS_SPECIFIC,
  LONG,
  LONG_QUALITY,
  LONG_WHEN_LONG_ENOUGH,
  NAMED_EVENT,
  NAMED_EVENT_HINTS,
  NOT_EVENT_NAME,
  NOT_RACE_AFTER,
  NOT_RACE_BEFORE,
  PARKRUN,
  QUALITY,
  RACE,
  RACE_AS_WORKOUT,
  RECOVERY,
  REPEATS,
  RUN_NOUN,
  STEADY,
  TEMPO,
  TEN_K_PACE,
} from './vocabulary';
import type { ParsedQuantities } from './parse-quantities';
import type { Classification, Intensity, RunKind } from './types';

/** A run is long from this distance on, with no harder marker (SPEC §3). */
const LONG_RUN_KM = 16;
/** …or from this duration on. */
const LONG_RUN_MINUTES = 90;
const LONG_RUN_MILES = 10;
const KM_PER_MILE = 1.609344;
const MARATHON_KM = 42.195;
const HALF_MARATHON_KM = 21.0975;
/** What marks a parkrun as a race rather than a weekly run (SPEC §3). */
const PARKRUN_AS_RACE = /(?<![a-z])(?:pb|pr|all[- ]out|flat out|time trial)(?![a-z])/;
/** A duration label already in minutes ("100 min", "90'"). */
const MINUTES_LABEL = /min|'$/;
const SPACES = /\s+/;

// ---------------------------------------------------------------------------------------------
// Run kinds
// ---------------------------------------------------------------------------------------------

const MARATHON_WORD = /marat/;
const HALF_WORD = /half|halb|semi|media|medio|halve/;

/** The first race word of a field that names an event (not "race pace", "pre-race"). */
export function firstRace(field: Field): RaceFinding | null {
  if (field.race === undefined) field.race = findRace(field);
  return field.race;
}

export function findRace(field: Field): RaceFinding | null {
  const w = field.workout;
  for (const m of w.matchAll(RACE)) {
    const word = m[0];
    const after = w.slice(m.index + word.length);
    const before = w.slice(Math.max(0, m.index - 14), m.index);
    if (NOT_RACE_AFTER.test(after) || NOT_RACE_BEFORE.test(before)) continue;
    if (MARATHON_WORD.test(word) && EFFORT_AFTER.test(after)) continue;
    return { word };
  }
  if (field.name === 'title') {
    const named = NAMED_EVENT_HINTS.test(field.text.cased)
      ? NAMED_EVENT.exec(field.text.cased)
      : null;
    if (named?.[1] !== undefined) {
      const name = named[1].trim();
      const nameWords = name.toLowerCase().split(SPACES);
      if (!nameWords.some((n) => NOT_EVENT_NAME.test(n) || isTrainingWord(n))) {
        return { word: `${name} ${named[2] ?? ''}` };
      }
    }
  }
  const parkrun = PARKRUN.exec(w);
  if (parkrun && PARKRUN_AS_RACE.test(w)) {
    return { word: parkrun[0] };
  }
  return null;
}

/**
 * A named running event whose name merely starts with a cross-training word ("Surf City 10K",
 * "Bike Path Half"): the name, not the activity. `null` unless the title names such an event
 * and another word of the name follows the cross word, so "Swim 5K" stays a swim.
 */
export function crossWordInRaceName(
  field: Field,
  isCross: (word: string) => boolean,
): string | null {
  if (field.name !== 'title' || !NAMED_EVENT_HINTS.test(field.text.cased)) return null;
  const named = NAMED_EVENT.exec(field.text.cased);
  if (named?.[1] === undefined || named[2] === 'Triathlon') return null;
  const name = named[1].trim();
  const words = name.toLowerCase().split(SPACES);
  const at = words.findIndex(isCross);
  if (at < 0 || at === words.length - 1) return null;
  return `${name} ${named[2] ?? ''}`.trim();
}

/**
 * Why the event reads as a workout whatever race words it has (SPEC §3, "a workout is not a
 * race"): a pace or rehearsal word in the title, or a repeat structure anywhere.
 */
export function workoutShape(fields: readonly Field[]): string | null {
  for (const f of fields) {
    const repeats = f.runWalk ? null : firstMatch(REPEATS, f.workout);
    if (repeats) return `${f.name} has a repeat structure ("${repeats.trim()}")`;
    if (f.name !== 'title') continue;
    const pace = firstMatch(RACE_AS_WORKOUT, f.workout);
    if (pace) return says(f.name, pace);
  }
  return null;
}

export function isTrainingWord(word: string): boolean {
  return (
    EASY.test(word) ||
    TEMPO.test(word) ||
    LONG.test(word) ||
    STEADY.test(word) ||
    RECOVERY.test(word) ||
    HILLS.test(word) ||
    INTERVALS_GENERIC.test(word) ||
    RUN_NOUN.test(word)
  );
}

/** The distance a race's name gives ("Berlin Marathon" → 42.195 km), if it gives one. */
export function raceDistance(fields: readonly Field[]): number | undefined {
  for (const f of fields) {
    for (const m of f.workout.matchAll(RACE)) {
      if (MARATHON_WORD.test(m[0])) return HALF_WORD.test(m[0]) ? HALF_MARATHON_KM : MARATHON_KM;
    }
  }
  return undefined;
}

/** Segments that make a long run hard: marathon pace, fast finish, tempo, repetitions. */
export function longQuality(fields: readonly Field[]): string | null {
  for (const f of fields) {
    const hit =
      firstMatch(LONG_QUALITY, f.workout) ??
      firstMatch(HIGDON_PACE, f.workout) ??
      (f.daniels.has('M') ? '@ M' : null) ??
      (f.daniels.has('T') ? '@ T' : null) ??
      firstMatch(INTERVALS_SPECIFIC, f.workout) ??
      (REPEATS.test(f.workout) ? firstMatch(REPEATS, f.workout) : null);
    if (hit) return `${f.name} mentions "${hit.trim()}"`;
  }
  return null;
}

export function found(kind: RunKind, field: Field, word: string): KindFinding {
  return {
    kind,
    reasons: [says(field.name, word)],
    confidence: field.name === 'title' ? 0.9 : 0.8,
  };
}

/** The kind a field names, hardest first; `null` when it names none. Computed once per field. */
export function kindOf(field: Field, all: readonly Field[]): KindFinding | null {
  if (field.kind === undefined) field.kind = findKind(field, all);
  return field.kind;
}

export function findKind(field: Field, all: readonly Field[]): KindFinding | null {
  const w = field.workout;
  const d = field.daniels;

  const race = field.notARace ? null : firstRace(field);
  if (race) {
    const workout = workoutShape(all);
    if (!workout) return found('race', field, race.word);
    field.raceRuledOut = `${workout}: a workout, not a race`;
  }
  // "Marathon 4 x 5 km": repeats named after a marathon or a half are run at its pace.
  const atRacePace = race && MARATHON_WORD.test(race.word) ? race.word : null;

  const long = firstMatch(LONG, w) ?? (d.has('L') ? 'L' : null);
  if (long) {
    const finding = found('long', field, long);
    if (long === 'L') finding.reasons = [`${field.name}: Daniels "L" run`];
    const quality = longQuality(all);
    if (quality) {
      finding.hard = true;
      finding.reasons.push(`${quality}: a marathon-pace or fast segment makes the long run hard`);
    }
    return finding;
  }

  const hills = firstMatch(HILLS, w);
  if (hills) return found('hills', field, hills);

  // Run/walk's repetitions are walk breaks.
  const repeats = !field.runWalk && REPEATS.test(w);
  const intervals =
    firstMatch(INTERVALS_SPECIFIC, w) ??
    (d.has('I') ? 'I' : null) ??
    (d.has('R') ? 'R' : null) ??
    (repeats ? firstMatch(TEN_K_PACE, w) : null);
  if (intervals) {
    const finding = found('intervals', field, intervals);
    if (intervals.length === 1) finding.reasons = [`${field.name}: Daniels "${intervals}" pace`];
    return finding;
  }

  if (HANSONS_STRENGTH.test(w)) {
    return {
      kind: 'tempo',
      confidence: 0.85,
      reasons: [`${field.name}: Hansons "strength" repeats run just under threshold`],
    };
  }
  const tempo =
    firstMatch(TEMPO, w) ??
    firstMatch(HIGDON_PACE, w) ??
    (repeats ? null : firstMatch(TEN_K_PACE, w));
  if (tempo) return found('tempo', field, tempo);
  const daniel = d.has('T') ? 'T' : d.has('M') ? 'M' : null;
  if (daniel) {
    return {
      kind: 'tempo',
      confidence: 0.85,
      reasons: [`${field.name}: Daniels "${daniel}" pace`],
    };
  }

  if (atRacePace) {
    return {
      kind: 'tempo',
      confidence: 0.8,
      reasons: [`${field.name}: repeats named after the ${atRacePace.trim()}, run at its pace`],
    };
  }
  const generic = firstMatch(INTERVALS_GENERIC, w) ?? (repeats ? firstMatch(REPEATS, w) : null);
  if (generic) return found('intervals', field, generic);

  const steady = firstMatch(STEADY, w);
  if (steady) {
    const finding = found('steady', field, steady);
    if (steady === 'medium' && field.mediumLong) {
      finding.reasons = [`${says(field.name, field.mediumLong)}: medium-long is steady, not long`];
    }
    return finding;
  }

  const recovery = firstMatch(RECOVERY, w);
  if (recovery) return found('recovery', field, recovery);

  const easy = firstMatch(EASY, w) ?? firstMatch(EASY_WEAK, w) ?? (d.has('E') ? 'E' : null);
  if (easy) {
    const finding = found('easy', field, easy);
    if (easy === 'E') finding.reasons = [`${field.name}: Daniels "E" pace`];
    if (field.addOn) {
      finding.reasons.push(`"${field.addOn.trim()}" are drills on an easy run, not a workout`);
    }
    return finding;
  }
  return null;
}

/** Weak hints, read only when no field names a kind: a bare parkrun, "quality session". */
export function fallbackKindOf(field: Field): KindFinding | null {
  const w = field.workout;
  const parkrun = firstMatch(PARKRUN, w);
  if (parkrun) {
    return {
      kind: 'steady',
      confidence: 0.5,
      reasons: [`${says(field.name, parkrun)}, not marked as a race: a steady run`],
    };
  }
  const quality = firstMatch(QUALITY, w);
  if (quality) {
    return {
      kind: 'tempo',
      confidence: 0.5,
      reasons: [`${says(field.name, quality)}: a hard session of unnamed kind`],
    };
  }
  return null;
}

export function intensityOf(kind: RunKind, hardLong: boolean): Intensity {
  switch (kind) {
    case 'recovery':
    case 'easy':
      return 'easy';
    case 'steady':
      return 'moderate';
    case 'long':
      return hardLong ? 'hard' : 'moderate';
    default:
      return 'hard';
  }
}

export function formatNumber(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** Why the run's length makes it a long run, or `null` when it is not long enough. */
export function longByLength(q: ParsedQuantities, eventMinutes: number | undefined): string | null {
  if (q.distanceKm !== undefined && q.distanceKm >= LONG_RUN_KM) {
    const label = q.distanceLabel ?? '';
    // Runners who plan in miles read "≥ 10 mi"; 9.95 mi is over 16 km but not over 10 mi.
    if (q.distanceInMiles && q.distanceKm >= LONG_RUN_MILES * KM_PER_MILE) {
      return `parsed ${label} ≥ ${LONG_RUN_MILES} mi → long`;
    }
    const km = q.distanceInMiles ? ` (${formatNumber(q.distanceKm)} km)` : '';
    return `parsed ${label}${km} ≥ ${LONG_RUN_KM} km → long`;
  }
  if (q.durationMinutes !== undefined && q.durationMinutes >= LONG_RUN_MINUTES) {
    const label = q.durationLabel ?? '';
    const asMinutes = MINUTES_LABEL.test(label) ? '' : ` (${formatNumber(q.durationMinutes)} min)`;
    return `parsed ${label}${asMinutes} ≥ ${LONG_RUN_MINUTES} min → long`;
  }
  const parsed = q.distanceKm !== undefined || q.durationMinutes !== undefined;
  if (!parsed && eventMinutes !== undefined && eventMinutes >= LONG_RUN_MINUTES) {
    return `event lasts ${eventMinutes} min ≥ ${LONG_RUN_MINUTES} min → long`;
  }
  return null;
}

/**
 * "Intervals" whose only structure is run/walk ("Intervals · 35min" with "Run 2 min / walk 1 min
 * x 8" below it, as Runna writes a beginner's session) are walk breaks: an easy run (SPEC §3).
 */
function walkBreaksNotIntervals(
  fields: readonly Field[],
  finding: KindFinding | null,
): KindFinding | null {
  if (finding?.kind !== 'intervals') return finding;
  const runWalk = fields.find((f) => f.runWalk);
  if (!runWalk || fields.some((f) => !f.runWalk && REPEATS.test(f.workout))) return finding;
  return {
    kind: 'easy',
    confidence: Math.min(finding.confidence, 0.8),
    reasons: [
      ...finding.reasons,
      `${runWalk.name} describes run/walk: the intervals are walk breaks, an easy run`,
    ],
  };
}

export function classifyRun(
  fields: readonly Field[],
  activity: ActivityFinding,
  q: ParsedQuantities,
  eventMinutes: number | undefined,
): Classification {
  const reasons = [...activity.reasons];
  let finding: KindFinding | null = null;
  for (const field of fields) {
    finding = kindOf(field, fields);
    if (finding) break;
  }
  for (const field of fields) {
    if (finding) break;
    finding = fallbackKindOf(field);
  }
  finding = walkBreaksNotIntervals(fields, finding);
  let kind: RunKind;
  let confidence: number;
  let hardLong = false;
  if (finding) {
    kind = finding.kind;
    confidence = finding.confidence;
    hardLong = finding.hard === true;
    for (const r of finding.reasons) if (!reasons.includes(r)) reasons.push(r);
  } else {
    kind = 'easy';
    confidence = activity.confidence >= 0.75 ? 0.4 : 0.3;
  }

  if (kind === 'easy' || kind === 'recovery' || (kind === 'steady' && finding)) {
    const progression =
      kind === 'steady'
        ? fields.map((f) => firstMatch(LONG_WHEN_LONG_ENOUGH, f.workout)).find(Boolean)
        : null;
    if (kind !== 'steady' || progression) {
      const byLength = longByLength(q, eventMinutes);
      if (byLength) {
        reasons.push(byLength);
        if (progression) {
          hardLong = true;
          reasons.push(`"${progression}" on a run that long: a long run with a fast finish, hard`);
        }
        kind = 'long';
        confidence = byLength.startsWith('event') ? 0.6 : Math.max(confidence, 0.75);
      }
    }
  }

  if (!finding && kind === 'easy') {
    reasons.push('no word for the kind of run: a plain run counts as easy (low confidence)');
  }
  const ruledOut = fields.find((f) => f.raceRuledOut)?.raceRuledOut;
  if (ruledOut && kind !== 'race') reasons.push(ruledOut);

  const result: Classification = {
    activity: 'run',
    kind,
    intensity: intensityOf(kind, hardLong),
    key: KEY_KINDS.includes(kind),
    confidence,
    reasons,
  };
  if (q.durationMinutes !== undefined) result.durationMinutes = q.durationMinutes;
  if (q.distanceKm !== undefined) result.distanceKm = q.distanceKm;
  else if (kind === 'race') {
    const km = raceDistance(fields);
    if (km !== undefined) result.distanceKm = km;
  }
  return result;
}
