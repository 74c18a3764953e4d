/**
 * One load step up or down, as a gym has them: +2.5 kg (5 lb) on a bar, the next dumbbell or
 * kettlebell on the rack (SPEC §6, double progression). A runner on pounds trains in a gym with
 * pound racks, so their steps are taken on those and stored back as kilograms (SPEC §6b).
 */
import type { WeightUnit } from '../prefs';
import { KG_PER_LB, toKilograms } from '../units';

/** What carries the load of an exercise. */
export type Implement = 'barbell' | 'dumbbell' | 'kettlebell' | 'none';

/** Smallest bar jump: two 1.25 kg plates. */
export const BAR_STEP_KG = 2.5;
/** Smallest bar jump on pound plates: two 2.5 lb plates. */
export const BAR_STEP_LB = 5;
/** Dumbbells as a commercial rack has them: 1 kg steps to 10, 2 kg to 20, 2.5 kg beyond. */
const DUMBBELLS_KG: readonly number[] = [
  1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 14, 16, 18, 20, 22.5, 25, 27.5, 30, 32.5, 35, 37.5, 40, 42.5,
  45, 47.5, 50,
];
/** Pound dumbbells: 5 lb steps from 5 to 120. */
const DUMBBELLS_LB: readonly number[] = Array.from({ length: 24 }, (_, i) => 5 * (i + 1));
/** Competition kettlebell sizes. */
const KETTLEBELLS_KG: readonly number[] = [4, 6, 8, 10, 12, 14, 16, 20, 24, 28, 32, 36, 40, 48];
/** Pound kettlebells as US gyms stock them. */
const KETTLEBELLS_LB: readonly number[] = [
  5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 70, 80, 90, 100,
];

function onRack(rack: readonly number[], weight: number, direction: 1 | -1): number {
  if (direction === 1) return rack.find((w) => w > weight + 1e-6) ?? weight;
  return [...rack].reverse().find((w) => w < weight - 1e-6) ?? weight;
}

function stepIn(weight: number, implement: Implement, direction: 1 | -1, unit: WeightUnit) {
  switch (implement) {
    case 'barbell': {
      const step = unit === 'lb' ? BAR_STEP_LB : BAR_STEP_KG;
      return Math.max(0, weight + direction * step);
    }
    case 'dumbbell':
      return onRack(unit === 'lb' ? DUMBBELLS_LB : DUMBBELLS_KG, weight, direction);
    case 'kettlebell':
      return onRack(unit === 'lb' ? KETTLEBELLS_LB : KETTLEBELLS_KG, weight, direction);
    case 'none':
      return weight;
  }
}

/**
 * The next load up (`direction` 1) or down (-1) from `kg`, in kilograms. A load that cannot
 * change (no implement, the lightest or heaviest on the rack) stays where it is. `unit` picks the
 * racks: a runner on `lb` steps 45 → 50 lb dumbbells, stored as 22.68 kg.
 *
 * @example stepLoad(20, 'dumbbell', 1) // 22.5
 * @example stepLoad(toKilograms(45, 'lb'), 'dumbbell', 1, 'lb') // 22.68 (50 lb)
 */
export function stepLoad(
  kg: number,
  implement: Implement,
  direction: 1 | -1,
  unit: WeightUnit = 'kg',
): number {
  if (implement === 'none') return kg;
  if (unit === 'kg') return Math.round(stepIn(kg, implement, direction, 'kg') * 100) / 100;
  // Stored pounds are rounded to 0.01 kg: snap back to the pound the runner typed first.
  const lb = Math.round((kg / KG_PER_LB) * 10) / 10;
  const next = stepIn(lb, implement, direction, 'lb');
  return next === lb ? kg : toKilograms(next, 'lb');
}
