/**
 * The planner: strength sessions placed around the runner's calendar by the rules of SPEC §4.
 */
import { buildSession, describeSession } from '../exercises';
import { PHASE_RULES, phaseForWeek, weeklyTarget } from '../phases';
import type { Phase } from '../phases';
import { collectRaces } from '../races';
import {
  addDays,
  dateInZone,
  daysBetween,
  formatClock,
  HOUR_MS,
  minutesInZone,
  MINUTE_MS,
  startOfDayInstant,
  startOfWeek,
} from '../time';
import type { DateString } from '../time';
import { collectCalendarFacts } from './calendar-facts';
import type { CalendarFacts, RunFact } from './calendar-facts';
import { dayBlocker, dayIntensity, dayName, hardWorkoutOn, keyRunOn, kindWords } from './day-rules';
import type { DayRuleContext } from './day-rules';
import { findDaySlots, isSlotFree } from './slots';
import type { Slot } from './slots';
import type {
  AcceptedSession,
  PlannedSession,
  PlanResult,
  PlanWarning,
  PlanWeek,
  PlanWeeksOptions,
  SlotAlternative,
  Unplaced,
} from './types';
import { warnAboutExistingStrength } from './warnings';

/** Light sessions (taper, race week, recovery) are short whatever the usual length. */
export const LIGHT_SESSION_MINUTES = 30;
/** Hard days hard: lift this long after the workout when a window allows (SPEC §4). */
const PREFERRED_GAP_MIN_HOURS = 3;
const PREFERRED_GAP_MAX_HOURS = 8;

interface Candidate {
  date: DateString;
  slots: Slot[];
  /** The day's hard workout, when it has one. */
  hard?: RunFact;
  /** The next day has no run harder than easy. */
  nextEasy: boolean;
  /** Has only easy runs, or none. */
  easyOrRest: boolean;
  /** Days from the start of the week. */
  offset: number;
}

interface WeekContext {
  weekStart: DateString;
  phase: Phase;
  facts: CalendarFacts;
  rules: DayRuleContext;
  policy: PlanWeeksOptions['prefs']['policy'];
  timezone: string;
  minGapHours: number;
  /** The runner's usual strength time, minutes after midnight, if known. */
  usualMinute?: number;
  /** The runner set no availability at all. */
  noAvailability: boolean;
}

/** Session ids are stable per week and ordinal, so a re-plan patches instead of duplicating. */
function sessionId(weekStart: DateString, n: number): string {
  return `s${weekStart.replaceAll('-', '')}-${n}`;
}

function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/** Lexicographic comparison of score vectors, higher first. */
function compareScores(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (b[i] ?? 0) - (a[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The slot a day gets: hours after a hard workout, else the runner's usual time, else earliest. */
function pickSlot(candidate: Candidate, ctx: WeekContext): Slot {
  // Candidates only exist for days with at least one slot.
  const [earliest, ...later] = candidate.slots as [Slot, ...Slot[]];
  const closestToUsual = (first: Slot, rest: readonly Slot[]): Slot => {
    const usual = ctx.usualMinute;
    if (usual === undefined) return first;
    const distance = (s: Slot) => Math.abs(minutesInZone(s.start, ctx.timezone) - usual);
    return rest.reduce((best, s) => (distance(s) < distance(best) ? s : best), first);
  };
  if (candidate.hard && ctx.policy === 'hard-days-hard') {
    const from = candidate.hard.end + Math.max(ctx.minGapHours, PREFERRED_GAP_MIN_HOURS) * HOUR_MS;
    const to = candidate.hard.end + PREFERRED_GAP_MAX_HOURS * HOUR_MS;
    const [first, ...rest] = candidate.slots.filter((s) => s.start >= from && s.start <= to);
    return first ? closestToUsual(first, rest) : earliest;
  }
  return closestToUsual(earliest, later);
}

function dayScore(c: Candidate, ctx: WeekContext): number[] {
  const policyScore = ctx.policy === 'hard-days-hard' ? (c.hard ? 1 : 0) : c.easyOrRest ? 1 : 0;
  return [policyScore, c.nextEasy ? 1 : 0];
}

/**
 * The best set of `size` days: pairwise a day apart (H3), preferring hard-run days (or easy
 * days, by policy), days before easy days, the phase's timing, then spread, then earliest.
 */
function chooseDays(candidates: readonly Candidate[], size: number, ctx: WeekContext): Candidate[] {
  let best: { days: Candidate[]; score: number[] } | undefined;
  const pick: Candidate[] = [];
  const consider = () => {
    const score = scoreDays(pick, ctx);
    if (!best || compareScores(score, best.score) < 0) best = { days: [...pick], score };
  };
  const walk = (from: number) => {
    if (pick.length === size) {
      consider();
      return;
    }
    for (const [i, c] of candidates.entries()) {
      if (i < from) continue;
      const last = pick[pick.length - 1];
      if (last && daysBetween(last.date, c.date) < 2) continue;
      pick.push(c);
      walk(i + 1);
      pick.pop();
    }
  };
  walk(0);
  return best?.days ?? [];
}

function scoreDays(days: readonly Candidate[], ctx: WeekContext): number[] {
  let policy = 0;
  let nextEasy = 0;
  let timing = 0;
  for (const d of days) {
    const [p = 0, n = 0] = dayScore(d, ctx);
    policy += p;
    nextEasy += n;
    // Race week: as early as possible; recovery: as late as possible, away from the race.
    if (ctx.phase === 'race-week') timing -= d.offset;
    if (ctx.phase === 'recovery') timing += d.offset;
  }
  // Spread: the smallest distance from each chosen day to any other strength day nearby.
  let spread = 7;
  for (const d of days) {
    for (let k = 1; k < 7; k++) {
      const near =
        days.some((o) => o !== d && Math.abs(daysBetween(d.date, o.date)) === k) ||
        ctx.rules.strengthDays.has(addDays(d.date, k)) ||
        ctx.rules.strengthDays.has(addDays(d.date, -k));
      if (near) {
        spread = Math.min(spread, k);
        break;
      }
    }
  }
  // Earliest dates last, so the choice is deterministic.
  const earliness = -days.reduce((sum, d) => sum + d.offset, 0);
  return [policy, nextEasy, timing, spread, earliness];
}

function hoursText(ms: number): string {
  const minutes = Math.round(ms / MINUTE_MS);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** Why this slot, in plain words (SPEC §4's "Tuesday: same day as your intervals, 9 h after…"). */
function explainSlot(
  date: DateString,
  slot: Slot,
  ctx: WeekContext,
  otherSessionDays: readonly DateString[],
): string[] {
  const reasons: string[] = [];
  const day = dayName(date);
  const runs = ctx.facts.runsByDay.get(date) ?? [];
  const hard = hardWorkoutOn(ctx.facts, date);
  const lastRun = runs[runs.length - 1];
  if (hard) {
    reasons.push(
      `${day}: same day as your ${kindWords(hard)}, ${hoursText(slot.start - hard.end)} after it ends — hard days hard, so the easy days stay easy`,
    );
  } else if (lastRun) {
    reasons.push(
      `${day}: after your ${kindWords(lastRun)}, ${hoursText(slot.start - lastRun.end)} after it ends`,
    );
  } else if (ctx.facts.restDays.has(date)) {
    reasons.push(`${day}: a rest day from running`);
  } else {
    reasons.push(`${day}: no run that day`);
  }
  const next = addDays(date, 1);
  const nextLevel = dayIntensity(ctx.facts, next);
  if (nextLevel === 'none' || nextLevel === 'easy') {
    reasons.push(`${dayName(next)} stays easy${nextLevel === 'none' ? '' : ' (easy run only)'}`);
  }
  // The day after is never a key day (H1); say so when one follows right behind it.
  const keyAfterNext = keyRunOn(ctx.facts, addDays(date, 2));
  if (keyAfterNext) {
    reasons.push(`not the day before ${dayName(keyAfterNext.date)}'s ${kindWords(keyAfterNext)}`);
  }
  const nearest = otherSessionDays
    .map((d) => daysBetween(date, d))
    .filter((d) => d !== 0)
    .sort((a, b) => Math.abs(a) - Math.abs(b))[0];
  if (nearest !== undefined && Math.abs(nearest) <= 6) {
    reasons.push(
      `${Math.abs(nearest)} days from your other strength session (${dayName(addDays(date, nearest))})`,
    );
  }
  reasons.push(
    `${formatClock(minutesInZone(slot.start, ctx.timezone))}–${formatClock(minutesInZone(slot.end, ctx.timezone))} is free in your calendar`,
  );
  const summary = PHASE_RULES[ctx.phase].summary;
  reasons.push(summary.charAt(0).toUpperCase() + summary.slice(1));
  return reasons;
}

function alternativesFor(
  session: { date: DateString; start: number },
  chosenDays: readonly DateString[],
  candidatesByDate: ReadonlyMap<DateString, Candidate>,
  ctx: WeekContext,
): SlotAlternative[] {
  const others = new Set(ctx.rules.strengthDays);
  others.delete(session.date);
  const rules: DayRuleContext = { ...ctx.rules, strengthDays: others };
  const options: { candidate: Candidate; slot: Slot }[] = [];
  for (const candidate of candidatesByDate.values()) {
    if (candidate.date === session.date) continue;
    if (chosenDays.includes(candidate.date)) continue;
    if (dayBlocker(candidate.date, rules)) continue;
    options.push({ candidate, slot: pickSlot(candidate, ctx) });
  }
  options.sort(
    (a, b) =>
      compareScores(dayScore(a.candidate, ctx), dayScore(b.candidate, ctx)) ||
      a.candidate.offset - b.candidate.offset,
  );
  const picked = options.slice(0, 2).map(({ candidate, slot }) => ({
    start: slot.start,
    end: slot.end,
    reasons: explainSlot(
      candidate.date,
      slot,
      ctx,
      chosenDays.filter((d) => d !== session.date),
    ).slice(0, 2),
  }));
  // Then another time the same day, well apart from the chosen one (e.g. morning vs evening).
  const sameDay = candidatesByDate.get(session.date);
  if (picked.length < 2 && sameDay) {
    const later = sameDay.slots.find((s) => Math.abs(s.start - session.start) >= 90 * MINUTE_MS);
    if (later) {
      picked.push({
        start: later.start,
        end: later.end,
        reasons: [`same day, ${formatClock(minutesInZone(later.start, ctx.timezone))} instead`],
      });
    }
  }
  return picked;
}

/**
 * Plans strength sessions for one or more weeks around the runner's calendar.
 *
 * Hard constraints H1–H6 are never broken; within them the policy decides (hard days hard by
 * default: on tempo/interval/hill days, 3–8 h after the run). Deterministic: the same calendar
 * and preferences always give the same plan. Missing sessions come back as `unplaced` with the
 * reason, rule-breaking strength already in the calendar as `warnings`.
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

  // Ironstride sessions read back from the calendar are accepted sessions too.
  const acceptedById = new Map<string, AcceptedSession>();
  for (const s of facts.ironstrideSessions) {
    const id = s.event.ironstrideSessionId;
    if (id) acceptedById.set(id, { id, start: s.start, end: s.end });
  }
  for (const a of options.accepted ?? []) acceptedById.set(a.id, a);
  const accepted = [...acceptedById.values()].sort(
    (a, b) => a.start - b.start || a.id.localeCompare(b.id),
  );

  const strengthDays = new Set<DateString>(facts.strengthByDay.keys());
  // Accepted sessions outside the planned weeks are real sessions: they count for H3.
  for (const a of accepted) {
    const date = dateInZone(a.start, tz);
    if (date < first || date >= end) strengthDays.add(date);
  }
  const existingStarts = [...facts.strengthByDay.values()]
    .flat()
    .map((s) => minutesInZone(s.start, tz));

  const weeks: PlanWeek[] = [];
  const sessions: PlannedSession[] = [];
  const unplaced: Unplaced[] = [];
  const warnings: PlanWarning[] = warnAboutExistingStrength(facts, races, prefs, first, end);
  let previousPhase: Phase | undefined;
  let progression = 0;
  // Alternatives are worked out once every week is placed, so none clashes with a later week.
  const findAlternatives: (() => void)[] = [];

  for (let w = 0; w < weekCount; w++) {
    const weekStart = addDays(first, 7 * w);
    const weekEnd = addDays(weekStart, 7);
    const weekPhase = phaseForWeek(weekStart, races, prefs.phase);
    const rule = PHASE_RULES[weekPhase.phase];
    progression = weekPhase.phase === previousPhase ? progression + 1 : 0;
    previousPhase = weekPhase.phase;
    const target = weeklyTarget(weekPhase, prefs.sessionsPerWeek);
    let existing = 0;
    for (let d = weekStart; d < weekEnd; d = addDays(d, 1))
      existing += facts.strengthByDay.get(d)?.length ?? 0;
    weeks.push({
      start: weekStart,
      phase: weekPhase.phase,
      target,
      max: rule.max,
      existing,
      ...(weekPhase.race ? { race: weekPhase.race } : {}),
    });
    if (existing > rule.max) {
      warnings.push({
        code: 'too-many-sessions',
        message: `The week of ${weekStart} already has ${existing} strength sessions; ${weekPhase.phase} allows at most ${rule.max}.`,
      });
    }
    const toPlace = Math.max(0, Math.min(target, rule.max) - existing);
    const minutes =
      rule.load === 'light'
        ? Math.min(prefs.sessionMinutes, LIGHT_SESSION_MINUTES)
        : prefs.sessionMinutes;
    const ctx: WeekContext = {
      weekStart,
      phase: weekPhase.phase,
      facts,
      rules: { facts, races, strengthDays, policy: prefs.policy },
      policy: prefs.policy,
      timezone: tz,
      minGapHours: prefs.minGapAfterHardRunHours,
      usualMinute: median(existingStarts),
      noAvailability: prefs.availability.every((w) => w.length === 0),
    };

    // Keep accepted sessions that still obey every rule; the rest must move (fewest moves).
    const kept: { id: string; date: DateString; slot: Slot }[] = [];
    const toMove: string[] = [];
    for (const a of accepted) {
      const date = dateInZone(a.start, tz);
      if (date < weekStart || date >= weekEnd) continue;
      const slot = { start: a.start, end: a.end };
      // A session that already started is history: it stays where it was, whatever changed.
      const started = options.notBefore !== undefined && a.start < options.notBefore;
      if (
        kept.length < toPlace &&
        (started || (!dayBlocker(date, ctx.rules) && isSlotFree(date, slot, facts, prefs)))
      ) {
        kept.push({ id: a.id, date, slot });
        strengthDays.add(date);
      } else {
        toMove.push(a.id);
      }
    }

    const candidatesByDate = new Map<DateString, Candidate>();
    const blockers = new Map<DateString, string>();
    for (let d = weekStart, offset = 0; d < weekEnd; d = addDays(d, 1), offset++) {
      if (
        options.notBefore !== undefined &&
        startOfDayInstant(addDays(d, 1), tz) <= options.notBefore
      ) {
        blockers.set(d, 'already past');
        continue;
      }
      const blocked = dayBlocker(d, ctx.rules);
      if (blocked) {
        blockers.set(d, blocked);
        continue;
      }
      const found = findDaySlots(d, minutes, facts, prefs);
      const notBefore = options.notBefore;
      const slots =
        notBefore === undefined
          ? found.slots
          : found.slots.filter((slot) => slot.start >= notBefore);
      const blocker =
        found.slots.length > 0 && slots.length === 0 ? 'no free time left today' : found.blocker;
      if (slots.length === 0) {
        blockers.set(d, blocker ?? 'no free time');
        continue;
      }
      const level = dayIntensity(facts, d);
      const nextLevel = dayIntensity(facts, addDays(d, 1));
      candidatesByDate.set(d, {
        date: d,
        slots,
        hard: hardWorkoutOn(facts, d),
        nextEasy: nextLevel === 'none' || nextLevel === 'easy',
        easyOrRest: level === 'none' || level === 'easy',
        offset,
      });
    }

    const remaining = toPlace - kept.length;
    let chosen: Candidate[] = [];
    for (let size = remaining; size > 0 && chosen.length === 0; size--) {
      chosen = chooseDays([...candidatesByDate.values()], size, ctx);
    }
    // Hard days first, so the usual time learnt from them carries to the other days.
    const fresh: { date: DateString; slot: Slot }[] = [];
    for (const c of [...chosen].sort(
      (a, b) => Number(!!b.hard) - Number(!!a.hard) || a.offset - b.offset,
    )) {
      const slot = pickSlot(c, ctx);
      if (ctx.usualMinute === undefined) ctx.usualMinute = minutesInZone(slot.start, tz);
      fresh.push({ date: c.date, slot });
      strengthDays.add(c.date);
    }

    // Ids: kept sessions keep theirs, moved ones reuse the ids they had, new ones get fresh ones.
    const used = new Set([...kept.map((k) => k.id), ...(options.reservedIds ?? [])]);
    const reusable = [...toMove];
    let n = 1;
    const placements: {
      id: string;
      date: DateString;
      slot: Slot;
      status: PlannedSession['status'];
    }[] = [
      ...kept.map((k) => ({ ...k, status: 'kept' as const })),
      ...fresh
        .sort((a, b) => a.slot.start - b.slot.start)
        .map((f) => {
          const reuse = reusable.shift();
          if (reuse) return { ...f, id: reuse, status: 'moved' as const };
          while (used.has(sessionId(weekStart, n))) n++;
          const id = sessionId(weekStart, n);
          used.add(id);
          return { ...f, id, status: 'new' as const };
        }),
    ].sort((a, b) => a.slot.start - b.slot.start);

    const chosenDays = placements.map((p) => p.date);
    placements.forEach((p, variant) => {
      const slotMinutes = Math.round((p.slot.end - p.slot.start) / MINUTE_MS);
      const content = buildSession({
        phase: weekPhase.phase,
        equipment: prefs.equipment,
        minutes: slotMinutes,
        week: progression,
        variant,
      });
      // The calendar block is as long as the session (to the next 5 min), not the whole slot.
      const blockMinutes =
        p.status === 'kept'
          ? slotMinutes
          : Math.min(slotMinutes, Math.ceil(content.estimatedMinutes / 5) * 5);
      const block = { start: p.slot.start, end: p.slot.start + blockMinutes * MINUTE_MS };
      const reasons = explainSlot(
        p.date,
        block,
        ctx,
        chosenDays.filter((d) => d !== p.date),
      );
      const session: PlannedSession = {
        id: p.id,
        weekStart,
        date: p.date,
        start: block.start,
        end: block.end,
        title: content.title,
        phase: weekPhase.phase,
        load: content.load,
        reasons,
        content,
        description: describeSession(content, { reasons }),
        alternatives: [],
        status: p.status,
      };
      sessions.push(session);
      findAlternatives.push(() => {
        session.alternatives = alternativesFor(session, chosenDays, candidatesByDate, ctx);
      });
    });

    const missing = toPlace - placements.length;
    if (missing > 0) {
      const why = explainMissing(weekStart, weekEnd, ctx, candidatesByDate, blockers);
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
  return { timezone: tz, weeks, runs, sessions, unplaced, warnings };
}

function explainMissing(
  weekStart: DateString,
  weekEnd: DateString,
  ctx: WeekContext,
  candidates: ReadonlyMap<DateString, Candidate>,
  blockers: ReadonlyMap<DateString, string>,
): string {
  const parts: string[] = [];
  for (let d = weekStart; d < weekEnd; d = addDays(d, 1)) {
    const why = blockers.get(d) ?? dayBlocker(d, ctx.rules);
    if (why) parts.push(`${dayName(d).slice(0, 3)} — ${why}`);
    else if (candidates.has(d)) parts.push(`${dayName(d).slice(0, 3)} — next to another session`);
  }
  if (ctx.noAvailability) {
    return 'your preferences have no free time on any day — add availability windows to get sessions';
  }
  return parts.join('; ');
}
