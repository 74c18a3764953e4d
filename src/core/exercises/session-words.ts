/** What a session is called and how its block is said: focus, load, headline and notes, the title's minutes. */
import { formatBlock } from './blocks';
import { LIGHT_PHASES } from './doses';
import { INTRO_WEEKS } from './prescribe';
import type { Load, Phase } from '../phases';
import type { BuildSessionOptions } from './build-session';
import type { Variant } from './templates';
import type { Prescription } from './types';

export function describeFocus(
  phase: Phase,
  variant: Variant,
  deload: boolean,
  intro: boolean,
  exercises: readonly Prescription[],
): string {
  if (phase === 'race-week') return 'very light bodyweight + mobility';
  if (phase === 'recovery') return 'easy bodyweight + mobility';
  if (phase === 'taper') return 'light bodyweight + core';
  const upper = exercises.some((p) => p.role === 'upper');
  const jumps = exercises.some((p) => p.role === 'plyo');
  const body = upper ? 'full body' : 'lower body';
  const prefix = intro
    ? 'bodyweight '
    : deload
      ? 'deload '
      : phase === 'build'
        ? 'maintenance '
        : variant === 'C'
          ? 'lighter '
          : phase === 'off-season'
            ? 'heavy '
            : '';
  return [`${prefix}${body}`, ...(jumps ? ['power'] : []), 'core'].join(' + ');
}

export function sessionLoad(phase: Phase, variant: Variant, deload: boolean, intro: boolean): Load {
  if (LIGHT_PHASES.has(phase) || intro) return 'light';
  if (phase === 'off-season' && variant !== 'C' && !deload) return 'heavy';
  return 'moderate';
}

/** The session's headline and the plain-words notes under it. */
export function describeBlock(
  phase: Phase,
  variant: Variant,
  block: BuildSessionOptions['block'] | undefined,
  introWeek: number | undefined,
  dropped: number,
  /** A new lifter's first loaded week; `logged`: targets come from the training log. */
  { firstLoaded = false, logged = false }: { firstLoaded?: boolean; logged?: boolean } = {},
): { headline: string; notes: string[] } {
  const notes: string[] = [];
  let headline: string;
  if (block && (phase === 'off-season' || phase === 'base')) {
    headline = formatBlock({
      phase,
      week: block.week,
      of: block.of,
      rampIn: block.rampIn ?? false,
    });
    if (introWeek !== undefined) {
      // The introduction's own note (below) says what these weeks are about.
    } else if (block.restarted) {
      notes.push('Restarting the block after two weeks off: week 1 again, same exercises.');
    } else if (block.held) {
      notes.push('Last week was skipped, so this week repeats its place in the block.');
    }
    if (introWeek !== undefined) {
      // Nothing to add.
    } else if (block.deload) {
      notes.push(
        'Deload week: same exercises and same weights, about 40 % fewer sets. Leave fresh.',
      );
    } else if (block.rampIn) {
      notes.push(
        `Easing back in after your race break: ${block.of} lighter week${block.of === 1 ? '' : 's'} before the next full block.`,
      );
    } else if (firstLoaded) {
      notes.push(
        'First week with weights: start with a load that leaves about 4 reps in reserve at the bottom of the range; add reps first, then weight. Jumps join after four loaded weeks.',
      );
    } else if (block.week === 1 && !block.restarted) {
      notes.push(
        logged
          ? 'New block: these exercises stay for the next four weeks; your targets carry on from what you logged.'
          : 'New block: these exercises stay for the next four weeks; start light and build.',
      );
    } else if (!block.restarted) {
      notes.push(
        'Building week: add a rep to each set where your last session allowed it (new to this block? start at the bottom of the range).',
      );
    }
  } else {
    headline = {
      'off-season': 'Off-season',
      base: 'Base',
      build: 'Build · maintenance',
      taper: 'Taper · light',
      'race-week': 'Race week · very light',
      recovery: 'Recovery · easy',
    }[phase];
    const note = {
      'off-season': undefined,
      base: undefined,
      build:
        'Same exercises and weights as in base, fewer sets: keep your strength while the running peaks.',
      taper: 'Bodyweight only, exercises you know, short: nothing new before the race.',
      'race-week':
        'Early in the week, bodyweight only, then mobility: nothing that could leave you sore.',
      recovery:
        'Bodyweight and mobility while your legs recover from the race; skip anything that hurts.',
    }[phase];
    if (note) notes.push(note);
  }
  if (introWeek !== undefined) {
    notes.unshift(
      `Bodyweight introduction, week ${introWeek} of ${INTRO_WEEKS}: learn each movement before it is loaded.`,
    );
  }
  if (variant === 'C') {
    notes.push('Third session of the week: single-leg, calves, hips and trunk, no heavy lifts.');
  }
  if (dropped > 0) {
    notes.push(
      `A shorter slot than usual: ${dropped} optional exercise${dropped === 1 ? '' : 's'} left out this time.`,
    );
  }
  return { headline, notes };
}

/**
 * Minutes for a title: the estimate rounded up to 5, so the title never promises a shorter
 * session than it is, yet never past the slot (37 in a 38-min slot says 37, not 40).
 */
export function roundForTitle(estimated: number, slot: number): number {
  const rounded = Math.ceil(estimated / 5) * 5;
  return rounded <= Math.max(slot, estimated) ? rounded : estimated;
}
