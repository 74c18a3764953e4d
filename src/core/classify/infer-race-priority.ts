/**
 * How much a race matters to the runner's season: `A` is the goal race the plan builds and
 * tapers towards, `B` a serious race that gets a short taper, `C` a race run as training.
 */
import { normalizeText } from './normalize-text';

/** Race priority, most important first (so `'A' < 'B'` compares the way it reads). */
export type RacePriority = 'A' | 'B' | 'C';

// Explicit markers, cased so that a stray "a" in a title is not read as priority A:
// "A race: Marathon", "B-Race", "(C)", "Priority B", "[B]".
const EXPLICIT = [
  /(?<![A-Za-z])([ABC])[- ]?(?:race|Race|RACE|priority|Priority)(?![a-z])/,
  /[([]\s*([ABC])\s*(?:race)?\s*[)\]]/,
  /(?<![A-Za-z])(?:priority|Priority|PRIORITY|prio|Prio)\s*:?\s*([ABC])(?![A-Za-z])/,
];
// Races run for training or for fun, tune-ups and time trials: C until the runner says otherwise
// (SPEC §3).
const TRAINING_RACE =
  /(?<![a-z])(?:parkrun|park run|fun[- ]?run|charity run|turkey trot|jingle bell|santa (?:run|dash)|colou?r run|glow run|training race|workout race|volkslauf|spendenlauf|benefizlauf)(?![a-z])/;
// Races that sharpen for the goal race or test fitness.
const TUNE_UP =
  /(?<![a-z])(?:tune[- ]?up|time[- ]?trial|tt|test race|rust[- ]?buster|practice race|prep race|vorbereitungs\w*|testwettkampf|course de preparation|carrera de preparacion|voorbereidingswedstrijd)(?![a-z])/;

/**
 * Infers a race's priority from its title and description.
 *
 * An explicit marker wins ("B race", "(C)", "Priority A"); otherwise parkruns, fun runs,
 * tune-ups and time trials are `C` (SPEC §3), and every other race `A`, the safe default: an A
 * race is protected by the longest taper. The runner confirms each found race once.
 *
 * @param title - The race event's title.
 * @param description - Its description, if any.
 * @returns `'A'`, `'B'` or `'C'`.
 */
export function inferRacePriority(title: string, description?: string): RacePriority {
  const text = normalizeText(description ? `${title}\n${description}` : title);
  for (const re of EXPLICIT) {
    const m = re.exec(text.cased);
    if (m?.[1] === 'A' || m?.[1] === 'B' || m?.[1] === 'C') return m[1];
  }
  if (TRAINING_RACE.test(text.lower) || TUNE_UP.test(text.lower)) return 'C';
  return 'A';
}
