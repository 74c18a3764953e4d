import type { Intensity, RunKind } from '../../core/classify/types';
import { Chip } from '../shared/Chip';

const LEVEL: Record<Intensity, string> = {
  hard: 'HARD',
  moderate: 'MODERATE',
  easy: 'EASY',
  rest: 'REST',
};

const KIND: Record<RunKind, string> = {
  recovery: 'recovery',
  easy: 'easy',
  steady: 'steady',
  long: 'long',
  tempo: 'tempo',
  intervals: 'intervals',
  hills: 'hills',
  race: 'race',
};

export interface IntensityChipProps {
  intensity: Intensity;
  kind?: RunKind;
}

/** "HARD · intervals" in red, "EASY" in green: colour and text say the same thing. */
export function IntensityChip({ intensity, kind }: IntensityChipProps) {
  const detail = kind && kind !== intensity ? KIND[kind] : undefined;
  return (
    <Chip tone={intensity} dot>
      <strong>{LEVEL[intensity]}</strong>
      {detail && <span>· {detail}</span>}
    </Chip>
  );
}

const ACTIVITY: Record<'strength' | 'cross' | 'rest', string> = {
  strength: 'STRENGTH',
  cross: 'CROSS-TRAINING',
  rest: 'REST',
};

/** The chip of a strength, cross-training or rest event already in the calendar. */
export function ActivityChip({ type }: { type: 'strength' | 'cross' | 'rest' }) {
  return (
    <Chip tone={type} dot>
      <strong>{ACTIVITY[type]}</strong>
    </Chip>
  );
}
