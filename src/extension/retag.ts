/** The choices the popup offers for re-tagging an event, and what each one means. */
import { KEY_KINDS, RUN_KINDS } from '../core/classify/types';
import type { Retag } from '../core/classify-calendar';

const OTHER_ACTIVITIES = ['strength', 'cross', 'rest', 'other'] as const;

/** Every value a re-tag may take: the run kinds and the other activities. */
export const RETAG_VALUES = [...RUN_KINDS, ...OTHER_ACTIVITIES] as const;

export type RetagChoice = (typeof RETAG_VALUES)[number];

export const RETAG_CHOICES: readonly { value: RetagChoice; label: string }[] = [
  { value: 'intervals', label: 'Intervals (hard)' },
  { value: 'tempo', label: 'Tempo / threshold (hard)' },
  { value: 'hills', label: 'Hills (hard)' },
  { value: 'race', label: 'Race (hard)' },
  { value: 'long', label: 'Long run' },
  { value: 'steady', label: 'Steady run (moderate)' },
  { value: 'easy', label: 'Easy run' },
  { value: 'recovery', label: 'Recovery run' },
  { value: 'strength', label: 'Strength training' },
  { value: 'cross', label: 'Cross-training' },
  { value: 'rest', label: 'Rest day' },
  { value: 'other', label: 'Not training' },
];

/** The classification a choice stands for (SPEC §3's intensity rules). */
export function retagFor(choice: RetagChoice): Retag {
  const kind = RUN_KINDS.find((k) => k === choice);
  if (kind) {
    const intensity =
      kind === 'recovery' || kind === 'easy'
        ? 'easy'
        : kind === 'steady' || kind === 'long'
          ? 'moderate'
          : 'hard';
    return { activity: 'run', kind, intensity, key: KEY_KINDS.includes(kind) };
  }
  const activity = OTHER_ACTIVITIES.find((a) => a === choice) ?? 'other';
  return { activity, kind: null, intensity: activity === 'rest' ? 'rest' : null, key: false };
}
