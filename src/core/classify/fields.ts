/**
 * One field of an event (title or description) as the classifier reads it, with its add-on drills
 * taken out for kind detection, and the shapes the findings about it take.
 */
import {
  ADD_ON_SPRINTS,
  ADD_ON_SPRINTS_ALL,
  ADD_ON_SPRINTS_HINTS,
  AEROBIC_THRESHOLD,
  AEROBIC_THRESHOLD_HINTS,
  DANIELS,
  EASY_CONTEXT,
  MEDIUM_LONG,
  MEDIUM_LONG_HINTS,
  PLUS_SPEED,
  RUN_WALK,
  RUN_WALK_ALL,
  RUN_WALK_HINTS,
  RUN_WALK_STRUCTURE,
  SHORT_ADD_ON,
  SHORT_ADD_ON_HINTS,
  SHORT_HILL_SPRINTS,
  STRIDES,
  STRIDES_ALL,
  STRIDES_HINTS,
} from './vocabulary';
import type { NormalizedText } from './normalize-text';
import type { Activity, RunKind } from './types';
import type { Matcher } from './vocabulary';

/** Leading punctuation of an add-on as matched ("+ 6 hill sprints" → "6 hill sprints"). */
const LEADING_PUNCTUATION = /^[^a-z0-9]+/;
const WRITTEN_IN_CAPITALS = /[A-Z]{2}/;
const LOWER_CASE_LETTER = /[a-z]/;

export type FieldName = 'title' | 'description';

/** A field of the event, folded, with the add-on drills taken out for kind detection. */
export interface Field {
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

export interface KindFinding {
  kind: RunKind;
  reasons: string[];
  confidence: number;
  /** A long run with marathon-pace or fast-finish segments. */
  hard?: boolean;
}

export interface ActivityFinding {
  activity: Activity;
  reasons: string[];
  confidence: number;
}

export function says(field: FieldName, word: string): string {
  return `${field} mentions "${word.trim()}"`;
}

export function firstMatch(re: Matcher, text: string): string | null {
  const m = re.exec(text);
  return m ? m[0] : null;
}

export function prepareField(name: FieldName, text: NormalizedText): Field {
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

export interface RaceFinding {
  word: string;
}
