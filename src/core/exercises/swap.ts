/**
 * Swapping one exercise of a built session for one of its alternatives (SPEC §6: the popup offers
 * Swap; the swap is kept in the accepted session and written wherever the session is written).
 * Pure: the caller stores the returned session and re-describes it with `describeSession`.
 */
import { offeredNames } from './alternatives';
import { refreshSession } from './build-session';
import { findExerciseByName } from './library';
import { prescribe, withSets } from './prescribe';
import type { ExerciseTarget, PrescribeContext } from './prescribe';
import type { StrengthSession } from './types';

/** Options of {@link applySwap}. */
export interface ApplySwapOptions {
  /** Name of the exercise to replace, as the session lists it. */
  from: string;
  /** Name of the replacement: one of the `from` exercise's alternatives. */
  to: string;
  /** The log's target for the replacement, if any (SPEC §6b; issue 13). */
  target?: ExerciseTarget;
}

/** Thrown by {@link applySwap} when the swap is not one the session offers. */
export class SwapError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SwapError';
  }
}

/**
 * The session with exercise `from` replaced by `to`, dosed for `to` as the session's phase, block
 * week and the slot it fills ask — a bodyweight squat in place of a goblet squat gets the
 * accessory dose, not the goblet squat's — with its own alternatives and progression words, and
 * never more sets than the exercise it replaces (the slot was sized for those). The order, the
 * other exercises and the session's block stay as they were; the title's minutes and
 * `estimatedMinutes` follow the new exercise.
 *
 * @throws {SwapError} when the session has no exercise named `from`, `to` isn't among its
 *   alternatives (easier, harder or swaps: the only ones shown to the runner, all within their
 *   equipment and the phase's rules), or the session was stored before swaps existed.
 * @example applySwap(session, { from: 'Goblet squat', to: 'Bodyweight squat' })
 */
export function applySwap(session: StrengthSession, options: ApplySwapOptions): StrengthSession {
  const { basis } = session;
  if (!basis) {
    throw new SwapError('This session was saved by an older version; plan the week again to swap');
  }
  const index = session.exercises.findIndex(
    (p) => p.name.toLowerCase() === options.from.trim().toLowerCase(),
  );
  const current = session.exercises[index];
  if (!current) {
    throw new SwapError(`The session has no exercise named ${JSON.stringify(options.from)}`);
  }
  const offered = offeredNames(current.alternatives);
  const replacement = findExerciseByName(options.to);
  if (!replacement || !offered.some((n) => n.toLowerCase() === replacement.name.toLowerCase())) {
    throw new SwapError(
      `${JSON.stringify(options.to)} is not an alternative to ${current.name}; choose one of: ${offered.join(', ') || '(none)'}`,
    );
  }
  if (session.exercises.some((p, i) => i !== index && p.id === replacement.id)) {
    throw new SwapError(`${replacement.name} is already in this session`);
  }
  const context: PrescribeContext = {
    phase: basis.phase,
    blockWeek: basis.blockWeek,
    deload: basis.deload,
    rampIn: basis.rampIn,
    ...(basis.introWeek !== undefined ? { introWeek: basis.introWeek } : {}),
    experience: basis.experience,
    equipment: basis.equipment,
    weightUnit: basis.weightUnit,
    ...(options.target ? { target: options.target } : {}),
  };
  const dosed = prescribe(replacement, { role: current.role, main: current.mainSlot }, context);
  // The slot's time was budgeted for the sets the old exercise had: a short slot stays short.
  const swapped = withSets(dosed, Math.min(dosed.sets, current.sets), context);
  const exercises = session.exercises.map((p, i) => (i === index ? swapped : p));
  return refreshSession(session, exercises);
}
