/**
 * One load step up or down, as a gym has them: +2.5 kg on a bar, the next dumbbell or
 * kettlebell on the rack (SPEC §6, double progression).
 */

/** What carries the load of an exercise. */
export type Implement = 'barbell' | 'dumbbell' | 'kettlebell' | 'none';

/** Smallest bar jump: two 1.25 kg plates. */
export const BAR_STEP_KG = 2.5;
/** Dumbbells as a commercial rack has them: 1 kg steps to 10, 2 kg to 20, 2.5 kg beyond. */
const DUMBBELLS: readonly number[] = [
  1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 14, 16, 18, 20, 22.5, 25, 27.5, 30, 32.5, 35, 37.5, 40, 42.5,
  45, 47.5, 50,
];
/** Competition kettlebell sizes. */
const KETTLEBELLS: readonly number[] = [4, 6, 8, 10, 12, 14, 16, 20, 24, 28, 32, 36, 40, 48];

function onRack(rack: readonly number[], kg: number, direction: 1 | -1): number {
  if (direction === 1) return rack.find((w) => w > kg + 1e-9) ?? kg;
  return [...rack].reverse().find((w) => w < kg - 1e-9) ?? kg;
}

/**
 * The next load up (`direction` 1) or down (-1) from `kg`. A load that cannot change (no
 * implement, the lightest or heaviest on the rack) stays where it is.
 */
export function stepLoad(kg: number, implement: Implement, direction: 1 | -1): number {
  switch (implement) {
    case 'barbell':
      return Math.max(0, Math.round((kg + direction * BAR_STEP_KG) * 100) / 100);
    case 'dumbbell':
      return onRack(DUMBBELLS, kg, direction);
    case 'kettlebell':
      return onRack(KETTLEBELLS, kg, direction);
    case 'none':
      return kg;
  }
}
