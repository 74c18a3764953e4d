/** The words the preferences form shows for each choice of SPEC §5. */
import type {
  Equipment,
  LiftingExperience,
  PhaseSetting,
  Policy,
  WeightUnit,
} from '../../core/prefs';

export const EQUIPMENT_LABELS: Record<Equipment, string> = {
  bodyweight: 'Bodyweight (always)',
  bands: 'Resistance bands',
  dumbbells: 'Dumbbells',
  kettlebell: 'Kettlebell',
  barbell: 'Barbell and plates',
  box: 'Plyo box or sturdy step',
  gym: 'A gym (machines, cables, bench)',
};

export const POLICY_TEXT: Record<Policy, { label: string; explanation: string }> = {
  'hard-days-hard': {
    label: 'Hard days hard',
    explanation:
      'Lift on hard-run days, hours after the run, so easy days stay easy. The usual advice.',
  },
  'easy-days': {
    label: 'Easy days',
    explanation: 'Lift after easy runs or on rest days, and keep hard-run days for running only.',
  },
};

export const PHASE_TEXT: Record<PhaseSetting, { label: string; explanation: string }> = {
  auto: { label: 'Automatic', explanation: 'Follows the date of your next A race. Recommended.' },
  'off-season': {
    label: 'Off-season',
    explanation: 'Heavier lifting, fewer reps, some jumps; up to 3 a week.',
  },
  base: { label: 'Base', explanation: 'Full-body compound lifts at moderate load; 2 a week.' },
  build: { label: 'Build', explanation: 'Maintenance: fewer sets, same loads; 2 a week.' },
  taper: { label: 'Taper', explanation: 'One light bodyweight session a week.' },
  'race-week': {
    label: 'Race week',
    explanation: 'At most one very light session, early in the week.',
  },
  recovery: { label: 'Recovery', explanation: 'At most one light session, the week after a race.' },
};

export const EXPERIENCE_TEXT: Record<LiftingExperience, { label: string; explanation: string }> = {
  new: {
    label: 'New to lifting',
    explanation:
      'Two weeks of bodyweight to learn the movements, then dumbbells and kettlebells rather than a bar.',
  },
  some: { label: 'Some', explanation: 'You know a squat and a hinge; loads start moderate.' },
  experienced: {
    label: 'Experienced',
    explanation: 'Years of lifting: heavier work from the start of a block.',
  },
};

export const WEIGHT_UNIT_TEXT: Record<WeightUnit, string> = {
  kg: 'Kilograms (kg)',
  lb: 'Pounds (lb)',
};
