/**
 * Step 4 of the planner: the chosen days and kept sessions become sessions — ids that stay
 * stable across re-plans, the session's content, a calendar block as long as the session, and
 * the reasons for its slot.
 */
import { blockForWeek, buildSession, describeSession } from '../exercises';
import type { Phase, RaceDay } from '../phases';
import { PHASE_RULES } from '../phases';
import { plural } from '../plural';
import { daysBetween, MINUTE_MS } from '../time';
import type { DateString } from '../time';
import type { WeekContext } from './context';
import { explainSlot, phaseReason } from './explain';
import type { KeptSession } from './keep-accepted';
import {
  blockReasons,
  loadHoldFor,
  NO_LOG,
  sessionTargets,
  stepShownSinceFor,
} from './log-adaptation';
import type { LogReading } from './log-adaptation';
import type { Slot } from './slots';
import type { PlannedSession } from './types';

/** Session ids are stable per week and ordinal, so a re-plan patches instead of duplicating. */
export function sessionId(weekStart: DateString, n: number): string {
  return `s${weekStart.replaceAll('-', '')}-${n}`;
}

export interface Placement {
  id: string;
  date: DateString;
  slot: Slot;
  status: PlannedSession['status'];
}

/**
 * Ids for the week's sessions: kept sessions keep theirs, moved ones reuse the ids they had,
 * new ones take the next free `s<week>-<n>` (never a reserved one), all sorted by start.
 */
export function assignIds(
  weekStart: DateString,
  kept: readonly KeptSession[],
  fresh: readonly { date: DateString; slot: Slot }[],
  toMove: readonly string[],
  reserved: readonly string[],
): Placement[] {
  const used = new Set([...kept.map((k) => k.id), ...reserved]);
  const reusable = [...toMove];
  let n = 1;
  const placed = [...fresh]
    .sort((a, b) => a.slot.start - b.slot.start)
    .map((f): Placement => {
      const reuse = reusable.shift();
      if (reuse) return { ...f, id: reuse, status: 'moved' };
      while (used.has(sessionId(weekStart, n))) n++;
      const id = sessionId(weekStart, n);
      used.add(id);
      return { ...f, id, status: 'new' };
    });
  return [...kept.map((k): Placement => ({ ...k, status: 'kept' })), ...placed].sort(
    (a, b) => a.slot.start - b.slot.start,
  );
}

/** Light sessions (taper, race week, recovery) are short whatever the usual length. */
export const LIGHT_SESSION_MINUTES = 30;

/** How long the week's sessions may be. */
export function sessionMinutes(phase: Phase, usual: number): number {
  return PHASE_RULES[phase].load === 'light' ? Math.min(usual, LIGHT_SESSION_MINUTES) : usual;
}

/** Options of {@link materialise} that come from outside the week. */
export interface MaterialiseOptions {
  /**
   * 0-based week of the runner's lifting, for a new lifter's two-week bodyweight introduction:
   * from the training log's first trained week, else counted from the plan's first week.
   */
  liftingWeek: number;
  /** What the training log says (SPEC §6b): the block's history and each exercise's targets. */
  log?: LogReading;
}

/**
 * The week's place in its 4-week block: from the calendar, so every plan agrees on it, moved only
 * by what the log says was (not) done.
 */
function weekBlock(ctx: WeekContext, log: LogReading) {
  const { prefs, races } = ctx.rules;
  return blockForWeek({
    weekStart: ctx.weekStart,
    races,
    phase: prefs.phase,
    weekStartsOn: prefs.weekStartsOn,
    history: log.blockHistory,
  });
}

/**
 * The free time this week's sessions need, as built for the usual length (to the next 5 min):
 * `longest` gives every session its full content; `shortest` is the least a day must have, so a
 * deload, build or introduction week that prescribes 30 minutes is not refused a 30-minute slot
 * on a hard day for want of 40. A longer variant placed in such a slot loses a set or an optional
 * exercise to fit (SPEC §6's trimming order): lifting on the hard day matters more.
 */
export function weekSessionMinutes(
  ctx: WeekContext,
  sessions: number,
  options: MaterialiseOptions,
  /** Lengths already worked out in this plan: most weeks share phase, block week and variant. */
  cache: Map<string, number> = new Map(),
): { shortest: number; longest: number } {
  const { prefs } = ctx.rules;
  const usual = sessionMinutes(ctx.phase, prefs.sessionMinutes);
  const block = weekBlock(ctx, options.log ?? NO_LOG);
  let shortest = usual;
  let longest = 0;
  for (let variant = 0; variant < Math.max(1, sessions); variant++) {
    // Only the block's place matters to a session's length, not its start date, so weeks share
    // answers; lifting weeks past the introduction and the jumps' wait all size alike.
    const place = block && { ...block, start: undefined };
    const key = JSON.stringify([
      ctx.phase,
      place,
      variant,
      usual,
      Math.min(options.liftingWeek, 6),
    ]);
    const known = cache.get(key);
    if (known !== undefined) {
      shortest = Math.min(shortest, known);
      longest = Math.max(longest, known);
      continue;
    }
    const content = buildSession({
      phase: ctx.phase,
      ...(block ? { block } : {}),
      variant,
      equipment: prefs.equipment,
      minutes: usual,
      plannedMinutes: prefs.sessionMinutes,
      experience: prefs.liftingExperience,
      liftingWeek: options.liftingWeek,
      weightUnit: prefs.weightUnit,
    });
    const minutes = Math.min(usual, Math.ceil(content.estimatedMinutes / 5) * 5);
    cache.set(key, minutes);
    shortest = Math.min(shortest, minutes);
    longest = Math.max(longest, minutes);
  }
  return { shortest, longest };
}

/**
 * Days before a B race within which a session is a taper session: heavy or eccentric work leaves
 * the legs sore for two to three days, and the runner wants to race this one well (H5 already
 * keeps the day before free, since a race is a key session).
 */
export const LIGHT_BEFORE_B_RACE_DAYS = 3;

/** The B race 1–{@link LIGHT_BEFORE_B_RACE_DAYS} days after `date`, if any. */
function bRaceSoon(date: DateString, races: readonly RaceDay[]): RaceDay | undefined {
  return races.find((r) => {
    if (r.priority !== 'B') return false;
    const days = daysBetween(date, r.date);
    return days > 0 && days <= LIGHT_BEFORE_B_RACE_DAYS;
  });
}

/** The week's sessions, with content and reasons, in start order. */
export function materialise(
  placements: readonly Placement[],
  ctx: WeekContext,
  options: MaterialiseOptions,
): PlannedSession[] {
  const chosenDays = placements.map((p) => p.date);
  const { prefs, races } = ctx.rules;
  const log = options.log ?? NO_LOG;
  const trainingBlock = weekBlock(ctx, log);
  const hold = loadHoldFor(ctx.phase, trainingBlock);
  const stepShownSince = hold
    ? stepShownSinceFor(ctx.weekStart, { races, prefs, history: log.blockHistory })
    : undefined;
  const fromBlock = blockReasons(trainingBlock, ctx.weekStart, prefs.weekStartsOn, ctx.rules.text);
  return placements.map((p, variant) => {
    const slotMinutes = Math.round((p.slot.end - p.slot.start) / MINUTE_MS);
    const raceSoon = PHASE_RULES[ctx.phase].load === 'light' ? undefined : bRaceSoon(p.date, races);
    const build = (targets?: Parameters<typeof buildSession>[0]['targets']) =>
      buildSession({
        phase: raceSoon ? 'taper' : ctx.phase,
        ...(trainingBlock && !raceSoon ? { block: trainingBlock } : {}),
        variant,
        equipment: prefs.equipment,
        minutes: slotMinutes,
        plannedMinutes: prefs.sessionMinutes,
        experience: prefs.liftingExperience,
        liftingWeek: options.liftingWeek,
        weightUnit: prefs.weightUnit,
        ...(targets ? { targets } : {}),
      });
    let content = build();
    // Targets change only words and weights, never the choice of exercises or their sets: the
    // session is built once to know its exercises and rep ranges, and again with their targets.
    const targets = sessionTargets(content, log, {
      before: p.date,
      sessionId: p.id,
      ...(hold ? { hold } : {}),
      ...(stepShownSince ? { stepShownSince } : {}),
      restarts: log.blockHistory.restarts ?? [],
      unit: prefs.weightUnit,
      weekStart: ctx.weekStart,
    });
    if (Object.keys(targets).length > 0) content = build(targets);
    // The calendar block is as long as the session (to the next 5 min), not the whole slot.
    const blockMinutes =
      p.status === 'kept'
        ? slotMinutes
        : Math.min(slotMinutes, Math.ceil(content.estimatedMinutes / 5) * 5);
    const block: Slot = {
      ...p.slot,
      end: p.slot.start + blockMinutes * MINUTE_MS,
    };
    const reasons = [
      ...explainSlot(
        p.date,
        block,
        ctx,
        chosenDays.filter((d) => d !== p.date),
      ),
      raceSoon
        ? `${plural(daysBetween(p.date, raceSoon.date), 'day')} before ${raceSoon.name}, a B race: a short bodyweight session, nothing heavy or new, so your legs are fresh for it`
        : phaseReason(ctx.phase, content),
      ...(raceSoon ? [] : fromBlock),
    ];
    return {
      id: p.id,
      weekStart: ctx.weekStart,
      date: p.date,
      start: block.start,
      end: block.end,
      title: content.title,
      phase: ctx.phase,
      load: content.load,
      reasons,
      content,
      description: describeSession(content, { reasons }),
      alternatives: [],
      status: p.status,
      ...(block.backToBack ? { backToBack: true } : {}),
    };
  });
}
