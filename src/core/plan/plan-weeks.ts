/**
 * The planner: strength sessions placed around the runner's calendar by the rules of SPEC §4.
 *
 * For each week, in order: keep the accepted sessions that still obey every rule, find the
 * days that may hold a session, choose the best of them, and materialise the sessions with
 * their content and reasons. The rules themselves live in ./rules, one module each.
 */
import { PHASE_RULES, phaseForWeek, weeklyTarget } from '../phases';
import { collectRaces } from '../races';
import { DEFAULT_TEXT_STYLE } from '../text-style';
import { addDays, dateInZone, minutesInZone, startOfWeek } from '../time';
import type { DateString } from '../time';
import { alternativesFor } from './alternatives';
import { collectCalendarFacts } from './calendar-facts';
import type { CalendarFacts } from './calendar-facts';
import { findCandidates, pickSlot } from './candidates';
import { chooseMostDays } from './choose-days';
import type { WeekContext } from './context';
import { PLACED_SESSION } from './context';
import { explainMissing } from './explain';
import { keepAccepted } from './keep-accepted';
import { liftingWeekOf, readLog } from './log-adaptation';
import { assignIds, materialise, weekSessionMinutes } from './materialise';
import type { RuleContext } from './rules';
import type {
  AcceptedSession,
  PlannedSession,
  PlanResult,
  PlanWarning,
  PlanWeek,
  PlanWeeksOptions,
  Unplaced,
} from './types';
import { warnAboutExistingStrength } from './warnings';

function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/** Accepted sessions, and Ironstride's own events read back from the calendar, by start. */
function collectAccepted(facts: CalendarFacts, accepted: readonly AcceptedSession[]) {
  const byId = new Map<string, AcceptedSession>();
  for (const s of facts.ironstrideSessions) {
    const id = s.event.ironstrideSessionId;
    if (id) byId.set(id, { id, start: s.start, end: s.end });
  }
  for (const a of accepted) byId.set(a.id, a);
  return [...byId.values()].sort((a, b) => a.start - b.start || a.id.localeCompare(b.id));
}

/**
 * Plans strength sessions for one or more weeks around the runner's calendar.
 *
 * Hard constraints H1–H8 are never broken; within them the policy decides (hard days hard by
 * default: on tempo/interval/hill days, 3–8 h after the run). Deterministic: the same calendar
 * and preferences always give the same plan. Missing sessions come back as `unplaced` with the
 * reason, rule-breaking strength already in the calendar as `warnings`. With a training `log`,
 * the sessions follow what was done (SPEC §6b): each exercise's target weight and reps, a block
 * held by a skipped week or restarted after two empty weeks, a new lifter's weeks counted from
 * their first trained one.
 *
 * @example planWeeks({ events, prefs, firstWeek: '2027-03-01', weeks: 4 })
 */
export function planWeeks(options: PlanWeeksOptions): PlanResult {
  const { prefs } = options;
  const tz = prefs.timezone;
  const weekCount = options.weeks ?? 1;
  if (!Number.isInteger(weekCount) || weekCount < 1) {
    throw new RangeError(`weeks must be a whole number ≥ 1, got ${String(options.weeks)}`);
  }
  const first = startOfWeek(options.firstWeek, prefs.weekStartsOn);
  const end = addDays(first, 7 * weekCount);
  const facts = collectCalendarFacts(options.events, prefs);
  const races = collectRaces(options.events, prefs.races, tz);
  const accepted = collectAccepted(facts, options.accepted ?? []);
  const log = readLog(options.log?.entries ?? [], { races, prefs });
  const sessionLengths = new Map<string, number>();

  const strengthDays = new Map<DateString, string>();
  for (const [date, list] of facts.strengthByDay) {
    strengthDays.set(date, `your "${list[0]?.event.title || 'strength'}"`);
  }
  // Accepted sessions outside the planned weeks are real sessions: they count for H3.
  for (const a of accepted) {
    const date = dateInZone(a.start, tz);
    if ((date < first || date >= end) && !strengthDays.has(date)) {
      strengthDays.set(date, PLACED_SESSION);
    }
  }
  const rules: RuleContext & { strengthDays: Map<DateString, string> } = {
    facts,
    races,
    prefs,
    strengthDays,
    text: options.text ?? DEFAULT_TEXT_STYLE,
  };
  const usualMinute = median(
    [...facts.strengthByDay.values()].flat().map((s) => minutesInZone(s.start, tz)),
  );

  const weeks: PlanWeek[] = [];
  const sessions: PlannedSession[] = [];
  const unplaced: Unplaced[] = [];
  const warnings: PlanWarning[] = warnAboutExistingStrength(rules, first, end);
  // Alternatives are worked out once every week is placed, so none clashes with a later week.
  const findAlternatives: (() => void)[] = [];

  for (let w = 0; w < weekCount; w++) {
    const weekStart = addDays(first, 7 * w);
    const weekEnd = addDays(weekStart, 7);
    const weekPhase = phaseForWeek(weekStart, races, prefs.phase);
    const rule = PHASE_RULES[weekPhase.phase];
    const target = weeklyTarget(weekPhase, prefs.sessionsPerWeek);
    let existing = 0;
    for (let d = weekStart; d < weekEnd; d = addDays(d, 1)) {
      existing += facts.strengthByDay.get(d)?.length ?? 0;
    }
    weeks.push({
      start: weekStart,
      phase: weekPhase.phase,
      target,
      max: rule.max,
      existing,
      ...(weekPhase.race ? { race: weekPhase.race } : {}),
    });
    // H6: the week's room, strength already in the calendar counted.
    const room = Math.max(0, Math.min(target, rule.max) - existing);
    const ctx: WeekContext = {
      weekStart,
      phase: weekPhase.phase,
      rules,
      policy: prefs.policy,
      ...(usualMinute === undefined ? {} : { usualMinute }),
      noAvailability: prefs.availability.every((windows) => windows.length === 0),
    };

    // 1. Keep accepted sessions that still obey every rule; the rest must move.
    const { kept, toMove } = keepAccepted(accepted, ctx, room, options.notBefore, weekEnd);
    // 2. The days that may hold a session.
    const materialiseOptions = { liftingWeek: liftingWeekOf(log, weekStart, w), log };
    const need = weekSessionMinutes(ctx, room - kept.length, materialiseOptions, sessionLengths);
    // Full-length slots where the day has them, else the shortest the week's sessions allow.
    const full = findCandidates(ctx, need.longest, options.notBefore);
    const { candidates, blockers } =
      need.shortest < need.longest ? findCandidates(ctx, need.shortest, options.notBefore) : full;
    for (const [date, candidate] of full.candidates) candidates.set(date, candidate);
    // 3. The best of them; hard days first, so the usual time learnt there carries over.
    const chosen = chooseMostDays([...candidates.values()], room - kept.length, ctx);
    const fresh = [...chosen]
      .sort((a, b) => Number(!!b.hard) - Number(!!a.hard) || a.offset - b.offset)
      .map((c) => {
        const slot = pickSlot(c, ctx);
        ctx.usualMinute ??= minutesInZone(slot.start, tz);
        strengthDays.set(c.date, PLACED_SESSION);
        return { date: c.date, slot };
      });
    // 4. The sessions, with content and reasons.
    const placements = assignIds(weekStart, kept, fresh, toMove, options.reservedIds ?? []);
    const weekSessions = materialise(placements, ctx, materialiseOptions);
    const chosenDays = placements.map((p) => p.date);
    for (const session of weekSessions) {
      sessions.push(session);
      findAlternatives.push(() => {
        session.alternatives = alternativesFor(session, chosenDays, candidates, ctx);
      });
    }

    const missing = room - placements.length;
    if (missing > 0) {
      const why = explainMissing(ctx, candidates, blockers);
      const have = placements.length + existing;
      for (let i = 0; i < missing; i++) {
        unplaced.push({
          week: weekStart,
          reason: `Session ${have + i + 1} of ${Math.min(target, rule.max)} does not fit: ${why}`,
        });
      }
    }
  }

  for (const find of findAlternatives) find();

  const runs = options.events.filter((e) => {
    if (e.classification.activity !== 'run') return false;
    const date = e.allDay && e.startDate ? e.startDate : dateInZone(e.start, tz);
    return date >= first && date < end;
  });
  return { timezone: tz, weeks, runs, races, sessions, unplaced, warnings };
}
