import type { WeightUnit } from '../../core/prefs';
import { Button } from '../shared/Button';
import { fieldKey, MAX_SETS } from './log-draft';
import type { DraftProblem, ExerciseDraft, SetDraft } from './log-draft';

export interface LogSetsProps {
  /** Prefix of the inputs' ids (one form per session). */
  idBase: string;
  exercises: ExerciseDraft[];
  unit: WeightUnit;
  /** Timed holds, named so the runner knows why they are missing. */
  timed: string[];
  problem: DraftProblem | undefined;
  /** The id of the problem's message, which the bad input points at. */
  problemId: string;
  disabled: boolean;
  onChange: (exercises: ExerciseDraft[]) => void;
}

/**
 * "Add sets": each exercise's sets, reps and (for a loaded lift) weight in the runner's unit,
 * pre-filled, with a set added or taken away per exercise. Every input is named with its exercise
 * and set, so a screen reader says "Goblet squat, set 2, reps".
 */
export function LogSets({
  idBase,
  exercises,
  unit,
  timed,
  problem,
  problemId,
  disabled,
  onChange,
}: LogSetsProps) {
  function update(i: number, sets: SetDraft[]): void {
    onChange(exercises.map((e, k) => (k === i ? { ...e, sets } : e)));
  }

  function input(i: number, j: number, what: 'reps' | 'weight', set: SetDraft, label: string) {
    const key = fieldKey(i, j, what);
    const bad = problem?.field === key;
    return (
      <input
        id={`${idBase}-${key}`}
        className={`log-input log-input--${what}`}
        type="text"
        inputMode={what === 'reps' ? 'numeric' : 'decimal'}
        autoComplete="off"
        aria-label={label}
        aria-invalid={bad || undefined}
        aria-describedby={bad ? problemId : undefined}
        readOnly={disabled}
        value={set[what]}
        onChange={(event) => {
          const sets = exercises[i]?.sets ?? [];
          update(
            i,
            sets.map((s, k) => (k === j ? { ...s, [what]: event.target.value } : s)),
          );
        }}
      />
    );
  }

  return (
    <div className="log-sets">
      {exercises.map((exercise, i) => {
        const name = `${exercise.name}${exercise.perSide ? ', each side' : ''}`;
        const last = exercise.sets[exercise.sets.length - 1];
        return (
          <fieldset key={`${i}-${exercise.name}`} className="log-exercise">
            <legend>
              {exercise.name}
              {exercise.perSide && <span className="log-per-side"> · reps each side</span>}
            </legend>
            {exercise.sets.length === 0 ? (
              <p className="log-none">Not done</p>
            ) : (
              <ol className="log-set-list">
                {exercise.sets.map((set, j) => (
                  <li key={j} className="log-set">
                    <span className="log-set-name" aria-hidden="true">
                      Set {j + 1}
                    </span>
                    {input(i, j, 'reps', set, `${name}, set ${j + 1}, reps`)}
                    <span className="log-unit" aria-hidden="true">
                      reps
                    </span>
                    {exercise.weighted && (
                      <>
                        {input(i, j, 'weight', set, `${name}, set ${j + 1}, weight in ${unit}`)}
                        <span className="log-unit" aria-hidden="true">
                          {unit}
                        </span>
                      </>
                    )}
                  </li>
                ))}
              </ol>
            )}
            <div className="log-set-actions">
              <Button
                variant="quiet"
                size="sm"
                aria-label={`Add a set of ${exercise.name}`}
                disabled={disabled || exercise.sets.length >= MAX_SETS}
                onClick={() =>
                  update(i, [...exercise.sets, last ? { ...last } : { reps: '', weight: '' }])
                }
              >
                + Set
              </Button>
              <Button
                variant="quiet"
                size="sm"
                aria-label={`Remove the last set of ${exercise.name}`}
                disabled={disabled || exercise.sets.length === 0}
                onClick={() => update(i, exercise.sets.slice(0, -1))}
              >
                − Set
              </Button>
            </div>
          </fieldset>
        );
      })}
      {timed.length > 0 && (
        <p className="log-note">
          Holds ({timed.join(', ')}) are not counted set by set: the log keeps reps.
        </p>
      )}
    </div>
  );
}
