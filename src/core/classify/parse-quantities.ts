/**
 * Reads the distances and durations out of a workout title or description, the way plans and
 * apps write them: `16 mi`, `5 m run` (Hal Higdon's miles), `8 x 400m`, `28 km`, `8k`,
 * `40 min`, `Easy 30'`, `45m` (TrainingPeaks minutes), `2h`, `1h45`, `2:15`, `90min`.
 *
 * Only the quantities that describe the whole run count: a repetition (`6 x 800m`), a
 * recovery between repetitions (`w/ 400 m jog`), a warm-up or cool-down (`WU 2 mi`) and a
 * pace reference (`@ 10K`) are parts of a workout, not its length.
 */

const KM_PER_MILE = 1.609344;
const KM_PER_YARD = 0.0009144;

/** What the text says about how long the workout is. */
export interface ParsedQuantities {
  /** The longest whole-run distance, km. */
  distanceKm?: number;
  /** That distance as written, e.g. `16 mi`. */
  distanceLabel?: string;
  /** Whether that distance was written in miles (reasons then speak miles). */
  distanceInMiles: boolean;
  /** The longest whole-run duration, minutes. */
  durationMinutes?: number;
  /** That duration as written, e.g. `1h45`. */
  durationLabel?: string;
  /** The text has a set of repetitions (`6 x 800m`, `800s x 6`). */
  hasRepeats: boolean;
  /** A repetition is measured in running distances (miles, km, ≥ 400 m): a run, not a gym set. */
  hasRunRepeats: boolean;
}

type Role = 'whole' | 'paced' | 'part';

interface Found {
  role: Role;
  km?: number;
  minutes?: number;
  miles: boolean;
  label: string;
}

// A decimal comma only when one or two digits follow: "21,1 km" is a distance, "400,800" a list.
const NUMBER = /\d{1,3}(?:,\d{3})+(?![\d,])|\d+(?:\.\d+|,\d{1,2}(?!\d))?/g;
const REPEAT_COUNT = /\s*[x*]\s*\(?\s*\d/y;
const HOURS_MINUTES =
  /\s*(?:h|hrs?|hours?|std|u)\s*(\d{1,2})\s*(?:min(?:utes?|s)?|m|')?(?![a-z\d])/y;
const CLOCK = /:(\d{2})(?::(\d{2}))?(?!\d)/y;
const UNIT =
  /[\s-]*(milers?|miles?|mi|mls?|kms?|kilomet(?:er|re|ro)s?|k|meters?|metres?|metros?|mtrs?|m|minutes?|minuten|minutos?|mins?|hours?|hrs?|h|std|stunden?|heures?|horas?|uur|u|seconds?|secs?|sec|segundos?|sekunden|s|yards?|yds?)(?![a-z])|\s*(['"])/y;
const HIGDON_MILES = /\s+(?:run|pace)\b/y;
const STRIDE_LIKE = /\s*(?:strides?|sprints?|accelerations?|pick-?ups?)\b/y;
const REPEAT_AFTER_UNIT = /\s*[x*]\s*\d/y;
const PACE_AFTER = /\s*(?:pace|effort|race pace|tempo|speed|allure|ritmo)\b/y;
const PACED_AFTER = /\s*(?:@|at\s|a\s|à\s)/y;
const PART_AFTER =
  /\s*(?:jog|jg|rec\b|recovery|rest|walk|float|off\b|easy between|between|wu\b|w\/u|cd\b|c\/d|warm|cool)/y;
const CLOCK_NOT_DURATION_AFTER = /\s*(?:am\b|pm\b|a\.m|p\.m|uhr|\/|per\b|min\/|pace|-\s*\d)/y;

// Tested against the few characters before a number.
const REPEAT_BEFORE = /(?:^|[\d\s(])[x*]\s*\(?\s*$/;
const PART_BEFORE =
  /(?:\bwu|\bw\/u|warm[- ]?up|\bcd|\bc\/d|cool[- ]?down|\bw\/|\bwith|\blast|\bfirst|\bfinal|\bincl\w*|\/)\s*:?\s*$/;
// "jog 400 m" or "rest 90 s" after a set of repetitions is the recovery between them; at the
// start of a title ("Recovery 3 mi") it is the run itself.
const RECOVERY_BEFORE = /(?:\bjog|\bjg|\brec|recovery|\brest)\s*:?\s*$/;
const EARLIER_REPEATS = /\d\s*[x*]\s*\(?\s*\d/;
const PACE_BEFORE = /(?:@|\bat|\ballure|\britmo|\bpace|\bsub|\bgoal|\btarget)\s*$/;
const CLOCK_NOT_DURATION_BEFORE =
  /(?:@|\bat|\bum|\bby|\buntil|\bfrom|\bgoal|\btarget|\bsub|\bpb|\bpr|\blas|-)\s*$/;

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && ch >= 'a' && ch <= 'z';
}

function matchAt(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

function roleOf(text: string, start: number, end: number): Role {
  const before = text.slice(Math.max(0, start - 16), start);
  if (REPEAT_BEFORE.test(before) || matchAt(REPEAT_AFTER_UNIT, text, end)) return 'part';
  if (PART_BEFORE.test(before) || matchAt(PART_AFTER, text, end)) return 'part';
  if (RECOVERY_BEFORE.test(before) && EARLIER_REPEATS.test(text.slice(0, start))) return 'part';
  if (matchAt(PACED_AFTER, text, end)) return 'paced';
  return 'whole';
}

function toNumber(raw: string): number {
  // "5,000" groups thousands; "21,1" is a decimal comma.
  if (!raw.includes(',')) return Number(raw);
  return Number(/,\d{3}$/.test(raw) ? raw.replace(/,/g, '') : raw.replace(',', '.'));
}

/** What one number (and its unit) turned out to be. */
interface Reading {
  found: Found | null;
  hasRepeat: boolean;
  runRepeat: boolean;
  /** Where scanning resumes. */
  end: number;
}

/** A number with a unit, before the unit is converted. */
interface UnitContext {
  role: Role;
  isRep: boolean;
  label: string;
  end: number;
}

function distanceReading(ctx: UnitContext, km: number, miles: boolean, label = ctx.label): Reading {
  return {
    found: { role: ctx.role, km, miles, label },
    hasRepeat: ctx.isRep,
    runRepeat: ctx.isRep && (miles || km >= 0.4),
    end: ctx.end,
  };
}

function durationReading(ctx: UnitContext, minutes: number, label = ctx.label): Reading {
  return {
    found: { role: ctx.role, minutes, miles: false, label },
    hasRepeat: ctx.isRep,
    runRepeat: false,
    end: ctx.end,
  };
}

/**
 * Interprets one number and whatever unit follows it.
 *
 * @returns The quantity, or `null` when the number is not a distance or duration (a count, a
 *   pace, a time of day, part of a token such as `Z2`), plus where scanning resumes.
 */
function readQuantity(text: string, start: number, raw: string): Reading {
  const afterNumber = start + raw.length;
  const value = toNumber(raw);
  const none = { found: null, hasRepeat: false, runRepeat: false, end: afterNumber };

  if (matchAt(REPEAT_COUNT, text, afterNumber)) return { ...none, hasRepeat: true };

  const hm = matchAt(HOURS_MINUTES, text, afterNumber);
  if (hm && hm[1] !== undefined) {
    const minutes = value * 60 + Number(hm[1]);
    const end = afterNumber + hm[0].length;
    const label = text.slice(start, end).trim();
    return {
      ...none,
      end,
      found: { role: roleOf(text, start, end), minutes, miles: false, label },
    };
  }

  const clock = matchAt(CLOCK, text, afterNumber);
  if (clock && clock[1] !== undefined) {
    const end = afterNumber + clock[0].length;
    const before = text.slice(Math.max(0, start - 10), start);
    if (CLOCK_NOT_DURATION_BEFORE.test(before) || matchAt(CLOCK_NOT_DURATION_AFTER, text, end)) {
      return { ...none, end };
    }
    const second = Number(clock[1]);
    // h:mm for a run up to 5 hours ("Run 1:50", "Long run 2:15"), mm:ss from 10 ("Tempo 20:00");
    // 6:00–9:59 is almost always a pace or a time of day, so it is left alone.
    let minutes: number | undefined;
    if (value <= 5 && second < 60) minutes = value * 60 + second;
    else if (value >= 10 && value < 300 && second < 60 && clock[2] === undefined) {
      minutes = value + second / 60;
    }
    if (minutes === undefined) return { ...none, end };
    const label = text.slice(start, end);
    return {
      ...none,
      end,
      found: { role: roleOf(text, start, end), minutes, miles: false, label },
    };
  }

  const unit = matchAt(UNIT, text, afterNumber);
  if (!unit) return none;
  const end = afterNumber + unit[0].length;
  const word = unit[1] ?? unit[2] ?? '';
  const label = `${raw} ${word}`.replace(/ (['"])$/, '$1');
  const role = roleOf(text, start, end);
  const isRep = role === 'part' && REPEAT_BEFORE.test(text.slice(Math.max(0, start - 16), start));
  const ctx: UnitContext = { role, isRep, label, end };

  switch (canonicalUnit(word)) {
    case 'mi':
      if (matchAt(PACE_AFTER, text, end) && value < 2) return { ...none, end };
      return distanceReading(ctx, value * KM_PER_MILE, true);
    case 'km':
      if (matchAt(PACE_AFTER, text, end)) return { ...none, end };
      if (PACE_BEFORE.test(text.slice(Math.max(0, start - 10), start))) return { ...none, end };
      return distanceReading(ctx, value, false);
    case 'metre':
      return distanceReading(ctx, value / 1000, false);
    case 'm':
      // Hal Higdon writes miles as "m" before "run" and "pace" ("5 m run", "3 m pace").
      if (matchAt(HIGDON_MILES, text, end)) {
        return distanceReading(ctx, value * KM_PER_MILE, true, `${raw} mi`);
      }
      // Otherwise TrainingPeaks-style minutes ("45m", "6x2m") when the number is too small to be
      // a run's metres, and metres for track and pool distances ("8 x 400m", "Swim 1500m").
      if (isRep) {
        if (value < 30 && !matchAt(STRIDE_LIKE, text, end))
          return durationReading(ctx, value, `${raw} min`);
        return distanceReading(ctx, value / 1000, false);
      }
      return value < 100
        ? durationReading(ctx, value, `${raw} min`)
        : distanceReading(ctx, value / 1000, false);
    case 'yd':
      return distanceReading(ctx, value * KM_PER_YARD, false);
    case 's':
      // "400s", "Yasso 800s": plural metres, not seconds.
      if (value >= 100 && value % 100 === 0 && unit[0] === 's') {
        return { ...distanceReading(ctx, value / 1000, false), runRepeat: true, hasRepeat: true };
      }
      return { ...none, end, hasRepeat: isRep };
    case 'sec':
      // Seconds only ever measure a repetition or a stride, never a whole run.
      return { ...none, end, hasRepeat: isRep };
    case 'h':
      return value <= 24 ? durationReading(ctx, value * 60) : { ...none, end };
    case 'min':
      return durationReading(ctx, value);
  }
}

type Unit = 'mi' | 'km' | 'metre' | 'm' | 'yd' | 's' | 'sec' | 'h' | 'min';

/** The unit a written unit word stands for; a bare `m` stays ambiguous until its context is read. */
function canonicalUnit(word: string): Unit {
  if (word === 'm') return 'm';
  if (word === 's') return 's';
  if (word === '"') return 'sec';
  if (word === "'") return 'min';
  if (/^(?:mil|mi$|mls?$)/.test(word)) return 'mi';
  if (/^k/.test(word)) return 'km';
  if (/^(?:met|mtr)/.test(word)) return 'metre';
  if (/^(?:yard|yd)/.test(word)) return 'yd';
  if (/^(?:sec|seg|sek)/.test(word)) return 'sec';
  if (/^(?:h|std|stunde|heure|hora|u)/.test(word)) return 'h';
  return 'min';
}

function longest(found: Found[], pick: (f: Found) => number | undefined): Found | undefined {
  let best: Found | undefined;
  let bestValue = 0;
  for (const role of ['whole', 'paced'] as const) {
    for (const f of found) {
      const v = pick(f);
      if (f.role === role && v !== undefined && v > bestValue) {
        best = f;
        bestValue = v;
      }
    }
    if (best) return best;
  }
  return undefined;
}

/**
 * Parses the distances and durations of one (normalised, lower-case) text.
 *
 * @param text - A title or description folded by `normalizeText`.
 * @returns The whole-run distance and duration when the text gives them, and whether it
 *   describes repetitions.
 */
export function parseQuantities(text: string): ParsedQuantities {
  const result: ParsedQuantities = {
    distanceInMiles: false,
    hasRepeats: false,
    hasRunRepeats: false,
  };
  const found: Found[] = [];
  NUMBER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NUMBER.exec(text)) !== null) {
    // A number glued to a word ("Z2", "VO2", "F45", "Q3") is part of that word.
    if (isLetter(text[m.index - 1]) && text[m.index - 1] !== 'x') continue;
    const q = readQuantity(text, m.index, m[0]);
    if (q.hasRepeat) result.hasRepeats = true;
    if (q.runRepeat) result.hasRunRepeats = true;
    if (q.found) found.push(q.found);
    NUMBER.lastIndex = Math.max(NUMBER.lastIndex, q.end);
  }
  const distance = longest(found, (f) => f.km);
  if (distance?.km !== undefined) {
    result.distanceKm = round(distance.km);
    result.distanceLabel = distance.label;
    result.distanceInMiles = distance.miles;
  }
  const duration = longest(found, (f) => f.minutes);
  if (duration?.minutes !== undefined) {
    result.durationMinutes = round(duration.minutes);
    result.durationLabel = duration.label;
  }
  return result;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
