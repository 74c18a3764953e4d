/**
 * Weights as the runner sees and types them (SPEC §6b): stored in kilograms always, shown in
 * their `weightUnit`. Pounds are a conversion, so they are rounded to what a gym has (5 lb
 * steps); kilograms are what the runner typed or a rack gave (a 14 kg dumbbell, a 22.5 kg one),
 * so they are shown to the half kilogram, never moved to another dumbbell.
 */
import type { WeightUnit } from './prefs';

export const KG_PER_LB = 0.45359237;
/** The smallest load change a gym offers, in each unit. */
export const LOAD_STEP: Readonly<Record<WeightUnit, number>> = { kg: 2.5, lb: 5 };
/** How finely each unit is shown: pounds to the 5 lb step, kilograms to the half (every rack weight as itself). */
const SHOWN_STEP: Readonly<Record<WeightUnit, number>> = { kg: 0.5, lb: 5 };

/** Kilograms in the runner's unit, rounded to a load a gym has. */
export function displayWeight(kg: number, unit: WeightUnit): number {
  const value = unit === 'kg' ? kg : kg / KG_PER_LB;
  const step = SHOWN_STEP[unit];
  return Math.round(value / step) * step;
}

/** `20 kg`, `45 lb`. */
export function formatWeight(kg: number, unit: WeightUnit): string {
  const value = displayWeight(kg, unit);
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${unit}`;
}

/** What the runner typed, in their unit, as kilograms to store (to 0.01 kg). */
export function toKilograms(value: number, unit: WeightUnit): number {
  const kg = unit === 'kg' ? value : value * KG_PER_LB;
  return Math.round(kg * 100) / 100;
}
