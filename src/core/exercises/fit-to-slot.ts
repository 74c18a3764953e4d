/** Fitting a session into its slot: which sets go first when time is short (SPEC §6's priorities). */
import { doseFor } from './doses';
import { estimateSessionMinutes } from './estimate';
import { doseContextOf, withRampUpSets, withSets } from './prescribe';
import type { PrescribeContext } from './prescribe';
import type { Picked } from './select-exercises';
import type { Slot, SlotRole } from './templates';
import type { Prescription } from './types';

/** Fewest exercises in a session (SPEC §6: 4–6). */
export const MIN_EXERCISES = 4;
/** Most exercises in a session. */
export const MAX_EXERCISES = 6;
/**
 * Slots at least this long always get a session that fits; shorter ones may get the shortest valid
 * session, whose `estimatedMinutes` is then above the slot.
 */
export const MIN_FITTING_MINUTES = 20;

/** Set-trimming order when time is short: the least important first, main lifts last. */
export const TRIM_ORDER: Readonly<Record<SlotRole, number>> = {
  upper: 0,
  plyo: 1,
  lateral: 2,
  bridge: 3,
  'single-leg': 3,
  'single-leg-hinge': 3,
  calf: 4,
  trunk: 5,
  squat: 6,
  hinge: 6,
};

export interface FitItem {
  slot: Slot;
  prescription: Prescription;
  context: PrescribeContext;
  /** Fewest sets the dose table allows for it. */
  minSets: number;
}

export function fitItem(p: Picked, prescription: Prescription, context: PrescribeContext): FitItem {
  const dose = doseFor(prescription.doseClass, doseContextOf(context));
  return { slot: p.slot, prescription, context, minSets: dose?.minSets ?? 1 };
}

/**
 * Cuts a session down until it fits `minutes`, least damaging first, and says how many optional
 * exercises it dropped:
 * 1. sets down to the fewest the dose table allows, upper body and jumps first — but not the main
 *    lifts, which carry most of the strength stimulus;
 * 2. the upper body, then the jumps (SPEC §6: plyometrics "when the slot allows");
 * 3. the main lifts down to their fewest sets;
 * 4. every other exercise down to one set, before the lateral work itself goes (A carries the
 *    week's lateral work: coverage first, then volume);
 * 5. the main lifts below their range, never below one set;
 * 6. ramp-up sets down to one (one always stays before heavy work).
 * Never below {@link MIN_EXERCISES} exercises, and exercises are never swapped for others.
 */
export function fitToSlot(items: FitItem[], minutes: number, cooldownMinutes: number): number {
  let dropped = 0;
  const tooLong = () =>
    estimateSessionMinutes(
      items.map((i) => i.prescription),
      cooldownMinutes,
    ) > minutes;
  const trim = (floor: (item: FitItem) => number) => {
    const byOrder = [...items].sort((a, b) => TRIM_ORDER[a.slot.role] - TRIM_ORDER[b.slot.role]);
    while (tooLong()) {
      const item = byOrder.find((i) => i.prescription.sets > floor(i));
      if (!item) return;
      item.prescription = withSets(item.prescription, item.prescription.sets - 1, item.context);
    }
  };
  const drop = (minKeep: number) => {
    while (tooLong() && items.length > MIN_EXERCISES) {
      const optional = items
        .map((item, index) => ({ item, index }))
        .filter(({ item }) => item.slot.keep >= minKeep)
        .sort((a, b) => b.item.slot.keep - a.item.slot.keep || b.index - a.index)[0];
      if (!optional) return;
      items.splice(optional.index, 1);
      dropped++;
    }
  };
  const isMain = (i: FitItem) => i.prescription.doseClass === 'main';
  trim((i) => (isMain(i) ? i.prescription.sets : i.minSets));
  drop(2);
  trim((i) => i.minSets);
  trim((i) => (isMain(i) ? i.prescription.sets : 1));
  drop(1);
  trim(() => 1);
  for (const item of items) {
    if (!tooLong()) break;
    if ((item.prescription.rampUpSets ?? 0) > 1) {
      item.prescription = withRampUpSets(item.prescription, 1, item.context);
    }
  }
  return dropped;
}
