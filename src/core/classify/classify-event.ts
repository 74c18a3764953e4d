/**
 * Classifies one calendar event (SPEC §3): is it a run, and how hard; strength; cross-training;
 * a rest day; or not training at all.
 *
 * The rules run in a fixed order, each one only where the earlier ones said nothing:
 *
 * 1. office, errand and travel context ("Tempo review", "Train to Manchester") → `other`;
 * 2. rest ("Rest or cross-train": the lighter choice wins) → `rest`;
 * 3. the activity, from the title's nouns (run beats gym and cross-training when a title names
 *    both, since the run is what decides a hard or an easy day), then from the description;
 * 4. for runs, the kind, hardest first: race → long → hills → intervals → tempo → generic
 *    repetitions → steady → recovery → easy; strides and hill sprints tacked onto a run are
 *    removed first so that they cannot make it a workout;
 * 5. for runs with no harder marker, length: ≥ 90 min or ≥ 16 km (10 mi) is a long run.
 */
import { normalizeText, EMPTY_TEXT } from './normalize-text';
import type { NormalizedText } from './normalize-text';
import type { Matcher } from './vocabulary';
import { parseQuantities } from './parse-quantities';
import type { ParsedQuantities } from './parse-quantities';
import { inferRacePriority } from './infer-race-priority';
import { KEY_KINDS } from './types';
import type { Activity, Classification, ClassifyInput, Intensity, RunKind } from './types';
import {
  ACCESSORY,
  ACCESSORY_ALL,
  ADD_ON_SPRINTS,
  ADD_ON_SPRINTS_ALL,
  ADD_ON_SPRINTS_HINTS,
  AEROBIC_THRESHOLD,
  AEROBIC_THRESHOLD_HINTS,
  AGILE_SPRINT,
  ALTERNATIVE,
  CROSS,
  CROSS_COMPOUND,
  DANIELS,
  EASY,
  EASY_CONTEXT,
  EASY_WEAK,
  EFFORT_AFTER,
  FOR_RUNNERS,
  FOR_RUNNERS_HINTS,
  FULL_REST,
  GENERIC_WORKOUT,
  GERMAN_LAUF,
  HANSONS_STRENGTH,
  HIGDON_PACE,
  HILLS,
  INTERVALS_GENERIC,
  INTERVALS_SPECIFIC,
  LONG,
  LONG_QUALITY,
  LONG_WHEN_LONG_ENOUGH,
  MEDIUM_LONG,
  MEDIUM_LONG_HINTS,
  NAMED_EVENT,
  NAMED_EVENT_HINTS,
  NOT_A_RUN_LAUF,
  NOT_EVENT_NAME,
  NOT_RACE_AFTER,
  NOT_RACE_BEFORE,
  OFFICE,
  OFFICE_SOFT,
  PARKRUN,
  PLUS_SPEED,
  QUALITY,
  RACE,
  RACE_AS_WORKOUT,
  RECOVERY,
  REPEATS,
  REST,
  REST_IN_WORKOUT,
  RUN_AS_VERB,
  RUN_NOUN,
  RUN_WALK,
  RUN_WALK_ALL,
  RUN_WALK_HINTS,
  RUN_WALK_STRUCTURE,
  SESSION_JOIN,
  SHORT_ADD_ON,
  SHORT_ADD_ON_HINTS,
  SHORT_HILL_SPRINTS,
  STEADY,
  STRENGTH,
  STRENGTH_COMPOUND,
  STRIDES,
  STRIDES_ALL,
  STRIDES_HINTS,
  TEMPO,
  TEN_K_PACE,
  TRAVEL,
} from './vocabulary';

/** Strength this short is accessory work, not a session the rules count (SPEC §3). */
const ACCESSORY_MAX_MINUTES = 25;
/** A run is long from this distance on, with no harder marker (SPEC §3). */
const LONG_RUN_KM = 16;
/** …or from this duration on. */
const LONG_RUN_MINUTES = 90;
const LONG_RUN_MILES = 10;
const KM_PER_MILE = 1.609344;
const MARATHON_KM = 42.195;
const HALF_MARATHON_KM = 21.0975;

/** The words after "run" quoted in the reason for "Run the numbers". */
const RUN_VERB_PHRASE = /run\s+\S+\s+\S+/;
/** Leading punctuation of an add-on as matched ("+ 6 hill sprints" → "6 hill sprints"). */
const LEADING_PUNCTUATION = /^[^a-z0-9]+/;
/** What marks a parkrun as a race rather than a weekly run (SPEC §3). */
const PARKRUN_AS_RACE = /(?<![a-z])(?:pb|pr|all[- ]out|flat out|time trial)(?![a-z])/;
/** A duration label already in minutes ("100 min", "90'"). */
const MINUTES_LABEL = /min|'$/;
const SPACES = /\s+/;
const WRITTEN_IN_CAPITALS = /[A-Z]{2}/;
const LOWER_CASE_LETTER = /[a-z]/;

type FieldName = 'title' | 'description';

/** A field of the event, folded, with the add-on drills taken out for kind detection. */
interface Field {
  name: FieldName;
  text: NormalizedText;
  /** `text.lower` without strides / hill sprints / medium-long, for kind detection. */
  workout: string;
  /** The field mentioned strides or a similar add-on. */
  addOn: string | null;
  /** Run/walk: its repetitions are walk breaks, not intervals. */
  runWalk: boolean;
  /** "Medium-long" as written, which `workout` spells "medium". */
  mediumLong: string | null;
  /** Daniels pace letters found in the field (cased). */
  daniels: Set<string>;
  /** The field's race word, once looked for (`undefined` until then). */
  race?: RaceFinding | null;
  /** The kind the field names, once looked for. */
  kind?: KindFinding | null;
  /** Why a race word in the field names a workout, when it does ("race pace", "3 x 3 km"). */
  raceRuledOut?: string;
  /** The runner said the event is not a race. */
  notARace?: boolean;
}

interface KindFinding {
  kind: RunKind;
  reasons: string[];
  confidence: number;
  /** A long run with marathon-pace or fast-finish segments. */
  hard?: boolean;
}

interface ActivityFinding {
  activity: Activity;
  reasons: string[];
  confidence: number;
}

function says(field: FieldName, word: string): string {
  return `${field} mentions "${word.trim()}"`;
}

function firstMatch(re: Matcher, text: string): string | null {
  const m = re.exec(text);
  return m ? m[0] : null;
}

function prepareField(name: FieldName, text: NormalizedText): Field {
  let workout = text.lower;
  let addOn: string | null = null;
  if (STRIDES_HINTS.test(workout)) {
    const stride = STRIDES.exec(workout);
    if (stride) {
      addOn = stride[0];
      workout = workout.replace(STRIDES_ALL, ' strides ').replace(PLUS_SPEED, ' ');
    }
  }
  if (ADD_ON_SPRINTS_HINTS.test(workout)) {
    const sprint = ADD_ON_SPRINTS.exec(workout);
    if (sprint) {
      addOn ??= sprint[0].replace(LEADING_PUNCTUATION, '');
      workout = workout.replace(ADD_ON_SPRINTS_ALL, ' strides ');
    }
  }
  // Extras inside an easy run stay easy (SPEC §3): short hill sprints, a few short reps at
  // marathon pace. Only when the run itself is said to be easy.
  if (EASY_CONTEXT.test(workout)) {
    const hillSprints = SHORT_HILL_SPRINTS.exec(workout);
    if (hillSprints) {
      addOn ??= hillSprints[0];
      workout = workout.replace(hillSprints[0], ' strides ');
    }
    const extra = SHORT_ADD_ON_HINTS.test(workout) ? SHORT_ADD_ON.exec(workout) : null;
    if (extra && EASY_CONTEXT.test(workout.slice(0, extra.index))) {
      addOn ??= extra[0].replace(LEADING_PUNCTUATION, '');
      workout = `${workout.slice(0, extra.index)} strides `;
    }
  }
  let runWalk = false;
  if (RUN_WALK_HINTS.test(workout)) {
    const structure = RUN_WALK_STRUCTURE.exec(workout);
    if (structure) {
      runWalk = true;
      workout = workout.replace(structure[0], ' run/walk ');
    }
    if (RUN_WALK.test(workout)) {
      runWalk = true;
      workout = workout.replace(RUN_WALK_ALL, ' run/walk ');
    }
  }
  let mediumLong: string | null = null;
  if (MEDIUM_LONG_HINTS.test(workout)) {
    mediumLong = firstMatch(MEDIUM_LONG, workout);
    if (mediumLong) workout = workout.replace(MEDIUM_LONG, ' medium ');
  }
  if (AEROBIC_THRESHOLD_HINTS.test(workout)) {
    workout = workout.replace(AEROBIC_THRESHOLD, ' steady ');
  }
  const daniels = new Set<string>();
  // Daniels' paces are capitals in mixed-case text; in a title written in capitals
  // ("EASY 5 M") a capital letter says nothing.
  if (!WRITTEN_IN_CAPITALS.test(text.cased) || LOWER_CASE_LETTER.test(text.cased)) {
    for (const m of text.cased.matchAll(DANIELS)) daniels.add(m[1] ?? m[2] ?? '');
  }
  return { name, text, workout, addOn, runWalk, mediumLong, daniels };
}

// ---------------------------------------------------------------------------------------------
// Office, rest and activity
// ---------------------------------------------------------------------------------------------

function hasActivityNoun(lower: string): boolean {
  return (
    RUN_NOUN.test(lower) ||
    germanRun(lower) !== null ||
    CROSS.test(lower) ||
    CROSS_COMPOUND.test(lower) ||
    STRENGTH.test(lower)
  );
}

/** A "-lauf" compound that is a run ("Dauerlauf", "Bergläufe"), not a process ("Ablauf"). */
function germanRun(lower: string): string | null {
  if (!lower.includes('lauf')) return null;
  const m = GERMAN_LAUF.exec(lower);
  if (!m) return null;
  return NOT_A_RUN_LAUF.has(m[1] ?? '') ? null : m[0];
}

/**
 * Why the title is an office, errand or travel event, or `null`. A title that spells out a
 * workout (repetitions, a pace, a run with a distance) is kept as training whatever else it says.
 */
function findOffice(title: NormalizedText, quantities: ParsedQuantities): string | null {
  const lower = title.lower;
  const runAsVerb = RUN_AS_VERB.test(lower);
  const hard =
    firstMatch(AGILE_SPRINT, lower) ??
    firstMatch(TRAVEL, lower) ??
    (runAsVerb ? firstMatch(RUN_VERB_PHRASE, lower) : null) ??
    firstMatch(OFFICE, lower);
  const soft = hard ? null : firstMatch(OFFICE_SOFT, lower);
  if (!hard && !soft) return null;

  const runNoun = RUN_NOUN.test(lower) || germanRun(lower) !== null;
  const workout =
    quantities.hasRunRepeats ||
    lower.includes('@') ||
    (runNoun && quantities.distanceKm !== undefined && !runAsVerb);
  if (workout) return null;
  if (hard) return `office or errand context: title mentions "${hard}"`;
  // "Lunch run", "Lunchtime 5k": the meal is when, the run is what.
  if (soft && !hasActivityNoun(lower) && quantities.distanceKm === undefined) {
    return `title mentions "${soft}" and no activity: not training`;
  }
  return null;
}

/** The rest word of a field, once rests inside a workout ("90s rest") are cut out. */
function findRest(lower: string): string | null {
  if (!REST.test(lower)) return null;
  return firstMatch(REST, lower.replace(REST_IN_WORKOUT, ' '));
}

/** A run-kind word in a piece of text ("tempo", "long", "hills", "easy"). */
function kindWordIn(w: string): string | null {
  return (
    firstMatch(LONG, w) ??
    firstMatch(HILLS, w) ??
    firstMatch(INTERVALS_SPECIFIC, w) ??
    firstMatch(TEMPO, w) ??
    firstMatch(HIGDON_PACE, w) ??
    firstMatch(INTERVALS_GENERIC, w) ??
    firstMatch(STEADY, w) ??
    firstMatch(RECOVERY, w) ??
    firstMatch(EASY, w)
  );
}

/** Any sign that a field describes a run, beyond the nouns: a kind, a pace, "workout". */
function describesRun(field: Field, all: readonly Field[]): boolean {
  return (
    kindOf(field, all) !== null ||
    field.daniels.size > 0 ||
    fallbackKindOf(field) !== null ||
    GENERIC_WORKOUT.test(field.workout)
  );
}

function activityOf(
  field: Field,
  all: readonly Field[],
  quantities: ParsedQuantities,
): ActivityFinding | null {
  const lower = FOR_RUNNERS_HINTS.test(field.text.lower)
    ? field.text.lower.replace(FOR_RUNNERS, ' ')
    : field.text.lower;
  const strong = field.name === 'title' ? 0.9 : 0.75;

  const compound = firstMatch(STRENGTH_COMPOUND, lower);
  if (compound) {
    return { activity: 'strength', confidence: strong, reasons: [says(field.name, compound)] };
  }
  if (HANSONS_STRENGTH.test(lower)) {
    return {
      activity: 'run',
      confidence: strong,
      reasons: [`${field.name} says "strength" with running repeats: Hansons strength, a run`],
    };
  }
  const crossCompound = firstMatch(CROSS_COMPOUND, lower);
  if (crossCompound) {
    return { activity: 'cross', confidence: strong, reasons: [says(field.name, crossCompound)] };
  }

  const runNoun = firstMatch(RUN_NOUN, lower) ?? germanRun(lower);
  const cross = CROSS.exec(lower);
  if (cross && ALTERNATIVE.test(lower) && (runNoun !== null || describesRun(field, all))) {
    return {
      activity: 'cross',
      confidence: strong - 0.1,
      reasons: [
        says(field.name, cross[0]),
        `"or" between cross-training and a run: the lighter choice wins`,
      ],
    };
  }
  if (runNoun) return { activity: 'run', confidence: strong, reasons: [says(field.name, runNoun)] };
  const strength = STRENGTH.exec(lower);
  if ((cross || strength) && SESSION_JOIN.test(lower)) {
    // Two sessions in one event ("Tempo 20 min + core"): the run part decides the day.
    const runPart = lower
      .split(SESSION_JOIN)
      .find((part) => !CROSS.test(part) && !STRENGTH.test(part) && kindWordIn(part) !== null);
    if (runPart) {
      return {
        activity: 'run',
        confidence: strong - 0.1,
        reasons: [`${field.name} joins a run ("${runPart.trim()}") with another session`],
      };
    }
  }
  if (cross && (!strength || cross.index <= strength.index)) {
    return { activity: 'cross', confidence: strong, reasons: [says(field.name, cross[0])] };
  }
  if (strength) {
    return { activity: 'strength', confidence: strong, reasons: [says(field.name, strength[0])] };
  }
  if (describesRun(field, all)) return { activity: 'run', confidence: strong, reasons: [] };
  if (quantities.hasRunRepeats) {
    return {
      activity: 'run',
      confidence: strong - 0.2,
      reasons: [`${field.name} describes running repeats`],
    };
  }
  return null;
}

function rest(reasons: string[], texts: readonly NormalizedText[]): Classification {
  const result: Classification = {
    activity: 'rest',
    kind: null,
    intensity: 'rest',
    key: false,
    confidence: 0.95,
    reasons,
  };
  for (const text of texts) {
    const full = firstMatch(FULL_REST, text.lower);
    if (full) {
      result.fullRest = true;
      reasons.push(`"${full}": a full rest day, no strength either`);
      break;
    }
  }
  return result;
}

/**
 * Why a strength (or mobility) event is accessory work (SPEC §3): only accessory words, or 25
 * minutes or less. `null` when it is a session the rules count.
 */
function accessoryReason(
  activity: ActivityFinding,
  title: NormalizedText,
  minutes: number | undefined,
): string | null {
  const lower = title.lower;
  const word = firstMatch(ACCESSORY, lower);
  if (word) {
    const rest = lower.replace(ACCESSORY_ALL, ' ');
    const other =
      STRENGTH.test(rest) ||
      STRENGTH_COMPOUND.test(rest) ||
      (activity.activity === 'cross' && (CROSS.test(rest) || CROSS_COMPOUND.test(rest)));
    if (!other) return `"${word}" is accessory work: shown, not counted as a strength session`;
  }
  if (
    activity.activity === 'strength' &&
    minutes !== undefined &&
    minutes <= ACCESSORY_MAX_MINUTES
  ) {
    return `${minutes} min of strength is accessory work: shown, not counted as a session`;
  }
  return null;
}

function notRun(activity: Activity, confidence: number, reasons: string[]): Classification {
  return { activity, kind: null, intensity: null, key: false, confidence, reasons };
}

// ---------------------------------------------------------------------------------------------
// Run kinds
// ---------------------------------------------------------------------------------------------

interface RaceFinding {
  word: string;
}

const MARATHON_WORD = /marat/;
const HALF_WORD = /half|halb|semi|media|medio|halve/;

/** The first race word of a field that names an event (not "race pace", "pre-race"). */
function firstRace(field: Field): RaceFinding | null {
  if (field.race === undefined) field.race = findRace(field);
  return field.race;
}

function findRace(field: Field): RaceFinding | null {
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
 * Why the event reads as a workout whatever race words it has (SPEC §3, "a workout is not a
 * race"): a pace or rehearsal word in the title, or a repeat structure anywhere.
 */
function workoutShape(fields: readonly Field[]): string | null {
  for (const f of fields) {
    const repeats = f.runWalk ? null : firstMatch(REPEATS, f.workout);
    if (repeats) return `${f.name} has a repeat structure ("${repeats.trim()}")`;
    if (f.name !== 'title') continue;
    const pace = firstMatch(RACE_AS_WORKOUT, f.workout);
    if (pace) return says(f.name, pace);
  }
  return null;
}

function isTrainingWord(word: string): boolean {
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
function raceDistance(fields: readonly Field[]): number | undefined {
  for (const f of fields) {
    for (const m of f.workout.matchAll(RACE)) {
      if (MARATHON_WORD.test(m[0])) return HALF_WORD.test(m[0]) ? HALF_MARATHON_KM : MARATHON_KM;
    }
  }
  return undefined;
}

/** Segments that make a long run hard: marathon pace, fast finish, tempo, repetitions. */
function longQuality(fields: readonly Field[]): string | null {
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

function found(kind: RunKind, field: Field, word: string): KindFinding {
  return {
    kind,
    reasons: [says(field.name, word)],
    confidence: field.name === 'title' ? 0.9 : 0.8,
  };
}

/** The kind a field names, hardest first; `null` when it names none. Computed once per field. */
function kindOf(field: Field, all: readonly Field[]): KindFinding | null {
  if (field.kind === undefined) field.kind = findKind(field, all);
  return field.kind;
}

function findKind(field: Field, all: readonly Field[]): KindFinding | null {
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
function fallbackKindOf(field: Field): KindFinding | null {
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

function intensityOf(kind: RunKind, hardLong: boolean): Intensity {
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

function formatNumber(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** Why the run's length makes it a long run, or `null` when it is not long enough. */
function longByLength(q: ParsedQuantities, eventMinutes: number | undefined): string | null {
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

function classifyRun(
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

/** Title quantities win; the description fills in what the title does not give. */
function mergeQuantities(
  title: ParsedQuantities,
  description: ParsedQuantities | null,
): ParsedQuantities {
  if (!description) return title;
  const merged: ParsedQuantities = {
    ...title,
    hasRepeats: title.hasRepeats || description.hasRepeats,
    hasRunRepeats: title.hasRunRepeats || description.hasRunRepeats,
  };
  if (title.distanceKm === undefined && description.distanceKm !== undefined) {
    merged.distanceKm = description.distanceKm;
    merged.distanceInMiles = description.distanceInMiles;
    if (description.distanceLabel !== undefined) merged.distanceLabel = description.distanceLabel;
  }
  if (title.durationMinutes === undefined && description.durationMinutes !== undefined) {
    merged.durationMinutes = description.durationMinutes;
    if (description.durationLabel !== undefined) merged.durationLabel = description.durationLabel;
  }
  return merged;
}

function withQuantities(c: Classification, q: ParsedQuantities): Classification {
  if (q.durationMinutes !== undefined) c.durationMinutes = q.durationMinutes;
  if (q.distanceKm !== undefined) c.distanceKm = q.distanceKm;
  return c;
}

/**
 * Classifies a calendar event as training or not, and a run by kind and intensity (SPEC §3).
 *
 * Pure: the answer depends only on the input. Understands English, German, French, Spanish and
 * Dutch titles, the shorthand of common plans (Daniels `2E + 4 x 1T`, Higdon `5 m pace`,
 * Pfitzinger `General aerobic + speed`, Hansons `Strength 6 x 1 mile`) and the distance and
 * duration forms they use.
 *
 * @param input - The event's title, description and, when it is timed, its length in minutes.
 * @returns What the event is, how sure the classifier is, and why, in plain words.
 *
 * @example
 * classifyEvent({ title: 'LR 18 w/ last 4 @ MP' });
 * // → { activity: 'run', kind: 'long', intensity: 'hard', key: true, … }
 */
export function classifyEvent(input: ClassifyInput): Classification {
  const titleText = normalizeText(input.title);
  const descriptionText = input.description ? normalizeText(input.description) : EMPTY_TEXT;
  const titleQuantities = parseQuantities(titleText.lower);
  const q = mergeQuantities(
    titleQuantities,
    descriptionText.lower ? parseQuantities(descriptionText.lower) : null,
  );

  const office = findOffice(titleText, titleQuantities);
  if (office) return notRun('other', 0.85, [office]);

  const titleRest = findRest(titleText.lower);
  if (titleRest) {
    const reasons = [says('title', titleRest)];
    if (ALTERNATIVE.test(titleText.lower))
      reasons.push('"or" offers a choice: the lighter one (rest) wins');
    return rest(reasons, [titleText, descriptionText]);
  }

  const title = prepareField('title', titleText);
  const description = descriptionText.lower ? prepareField('description', descriptionText) : null;
  const fields = description ? [title, description] : [title];
  if (input.notARace) for (const f of fields) f.notARace = true;

  let activity = activityOf(title, fields, titleQuantities);
  if (!activity && description) {
    const descriptionRest = findRest(descriptionText.lower);
    if (descriptionRest) return rest([says('description', descriptionRest)], [descriptionText]);
    activity = activityOf(description, fields, q);
  }
  if (
    !activity &&
    q.distanceKm !== undefined &&
    q.distanceKm >= 1 &&
    !REPEATS.test(titleText.lower)
  ) {
    activity = {
      activity: 'run',
      confidence: 0.5,
      reasons: [`only a distance (${q.distanceLabel ?? ''}): most likely a run`],
    };
  }
  if (!activity) return notRun('other', 0.6, ['no training word: not training']);

  if (activity.activity === 'run') {
    const run = classifyRun(fields, activity, q, input.eventMinutes);
    if (input.notARace) run.reasons.push('you said this is not a race');
    if (run.kind === 'race') run.racePriority = inferRacePriority(input.title, input.description);
    return run;
  }
  const minutes = q.durationMinutes ?? input.eventMinutes;
  const accessory = accessoryReason(activity, titleText, minutes);
  if (accessory) {
    const result = notRun('strength', activity.confidence, [...activity.reasons, accessory]);
    result.accessory = true;
    return withQuantities(result, q);
  }
  return withQuantities(notRun(activity.activity, activity.confidence, activity.reasons), q);
}
