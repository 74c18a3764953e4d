/** What an event is before what kind of run: office and errands, rest, the activity, accessory strength. */
import { firstMatch, says } from './fields';
import type { ActivityFinding, Field } from './fields';
import { crossWordInRaceName, fallbackKindOf, kindOf } from './run-kind';
import {
  ACCESSORY,
  ACCESSORY_ALL,
  AGILE_SPRINT,
  ALTERNATIVE,
  CROSS,
  CROSS_COMPOUND,
  EASY,
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
  NOT_A_RUN_LAUF,
  OFFICE,
  OFFICE_SOFT,
  RECOVERY,
  REST,
  REST_IN_WORKOUT,
  RUN_AS_VERB,
  RUN_NOUN,
  SESSION_JOIN,
  STEADY,
  STRENGTH,
  STRENGTH_COMPOUND,
  TEMPO,
  TRAVEL,
} from './vocabulary';
import type { NormalizedText } from './normalize-text';
import type { ParsedQuantities } from './parse-quantities';
import type { Activity, Classification } from './types';

/** Strength this short is accessory work, not a session the rules count (SPEC §3). */
const ACCESSORY_MAX_MINUTES = 25;
/** The words after "run" quoted in the reason for "Run the numbers". */
const RUN_VERB_PHRASE = /run\s+\S+\s+\S+/;

// ---------------------------------------------------------------------------------------------
// Office, rest and activity
// ---------------------------------------------------------------------------------------------

export function hasActivityNoun(lower: string): boolean {
  return (
    RUN_NOUN.test(lower) ||
    germanRun(lower) !== null ||
    CROSS.test(lower) ||
    CROSS_COMPOUND.test(lower) ||
    STRENGTH.test(lower)
  );
}

/** A "-lauf" compound that is a run ("Dauerlauf", "Bergläufe"), not a process ("Ablauf"). */
export function germanRun(lower: string): string | null {
  if (!lower.includes('lauf')) return null;
  const m = GERMAN_LAUF.exec(lower);
  if (!m) return null;
  return NOT_A_RUN_LAUF.has(m[1] ?? '') ? null : m[0];
}

/**
 * Why the title is an office, errand or travel event, or `null`. A title that spells out a
 * workout (repetitions, a pace, a run with a distance) is kept as training whatever else it says.
 */
export function findOffice(title: NormalizedText, quantities: ParsedQuantities): string | null {
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
export function findRest(lower: string): string | null {
  if (!REST.test(lower)) return null;
  return firstMatch(REST, lower.replace(REST_IN_WORKOUT, ' '));
}

/** A run-kind word in a piece of text ("tempo", "long", "hills", "easy"). */
export function kindWordIn(w: string): string | null {
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
export function describesRun(field: Field, all: readonly Field[]): boolean {
  return (
    kindOf(field, all) !== null ||
    field.daniels.size > 0 ||
    fallbackKindOf(field) !== null ||
    GENERIC_WORKOUT.test(field.workout)
  );
}

export function activityOf(
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
  if (cross && !runNoun) {
    const event = crossWordInRaceName(field, (word) => CROSS.test(word));
    if (event) {
      return {
        activity: 'run',
        confidence: strong - 0.1,
        reasons: [`title names a running event ("${event}"): "${cross[0]}" is part of its name`],
      };
    }
  }
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

export function rest(reasons: string[], texts: readonly NormalizedText[]): Classification {
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
export function accessoryReason(
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

export function notRun(activity: Activity, confidence: number, reasons: string[]): Classification {
  return { activity, kind: null, intensity: null, key: false, confidence, reasons };
}
