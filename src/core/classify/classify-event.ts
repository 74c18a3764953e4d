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
import { accessoryReason, activityOf, findOffice, findRest, notRun, rest } from './activity';
import { prepareField, says } from './fields';
import { inferRacePriority } from './infer-race-priority';
import { EMPTY_TEXT, normalizeText } from './normalize-text';
import { parseQuantities } from './parse-quantities';
import { classifyRun } from './run-kind';
import { ALTERNATIVE, REPEATS } from './vocabulary';
import type { ParsedQuantities } from './parse-quantities';
import type { Classification, ClassifyInput } from './types';

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
