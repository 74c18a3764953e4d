import { useId, useState } from 'react';
import type { ExerciseView } from '../../extension/view';
import { Button } from '../shared/Button';

export interface ExerciseAlternativesProps {
  exercise: ExerciseView;
  /** The session can still change (it has not started). */
  canSwap: boolean;
  /** A swap of this exercise is being saved. */
  busy: boolean;
  /** Another action is running. */
  locked: boolean;
  onSwap: (to: string) => void;
}

/**
 * What the runner may do instead of one exercise (SPEC §6): an easier and a harder variant in
 * words, and, while the session is ahead, Swap with every alternative within their equipment.
 */
export function ExerciseAlternatives({
  exercise,
  canSwap,
  busy,
  locked,
  onSwap,
}: ExerciseAlternativesProps) {
  const [open, setOpen] = useState(false);
  const groupId = useId();
  const alternatives = exercise.alternatives;
  if (!alternatives) return null;
  const { easier, harder, swaps } = alternatives;
  const options = [...new Set([easier, harder, ...swaps].filter((n): n is string => !!n))];
  const words = [easier && `easier: ${easier}`, harder && `harder: ${harder}`]
    .filter(Boolean)
    .join(' · ');
  return (
    <>
      {words && <span className="exercise-alts">{words}</span>}
      {canSwap && options.length > 0 && (
        <span className="exercise-swap">
          <Button
            variant="quiet"
            size="sm"
            aria-expanded={open}
            aria-controls={open ? groupId : undefined}
            aria-label={`Swap ${exercise.name}`}
            busy={busy}
            disabled={locked && !busy}
            data-swap-toggle
            onClick={() => setOpen(!open)}
          >
            Swap
          </Button>
          {open && (
            <span
              className="exercise-swap-options"
              role="group"
              id={groupId}
              aria-label={`Do instead of ${exercise.name}`}
            >
              {options.map((name) => (
                <Button
                  key={name}
                  size="sm"
                  disabled={locked}
                  onClick={() => {
                    setOpen(false);
                    onSwap(name);
                  }}
                >
                  {name}
                </Button>
              ))}
            </span>
          )}
        </span>
      )}
    </>
  );
}
