import type { SessionItem } from '../../extension/view';
import { ExerciseAlternatives } from './ExerciseAlternatives';

export interface SessionDetailsProps {
  id: string;
  session: SessionItem;
  /** Suggested cards show their first reasons above the buttons; repeat them here only when some were left off. */
  showReasons: boolean;
  /** A swap in this session is being saved. */
  swapping: boolean;
  /** Another action is running. */
  locked: boolean;
  onSwap: (from: string, to: string) => void;
}

/** Warm-up, the numbered exercises (dose, rest, cue), cool-down and why the slot was chosen. */
export function SessionDetails({
  id,
  session,
  showReasons,
  swapping,
  locked,
  onSwap,
}: SessionDetailsProps) {
  return (
    <div className="session-details" id={id}>
      {session.warmup.length > 0 && (
        <section>
          <h5>Warm-up</h5>
          <ul className="plain-list">
            {session.warmup.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ul>
        </section>
      )}
      <section>
        <h5>Exercises</h5>
        <ol className="exercise-list">
          {session.exercises.map((exercise, i) => (
            <li key={`${i}-${exercise.name}`}>
              <span className="exercise-line">
                <span className="exercise-name">{exercise.name}</span>
                {' — '}
                <span className="exercise-dose">{exercise.dose}</span>
                {exercise.rest && <span className="exercise-rest"> · rest {exercise.rest}</span>}
              </span>
              {exercise.target && (
                <span className="exercise-target">Target: {exercise.target}</span>
              )}
              <span className="exercise-cue">{exercise.cue}</span>
              {exercise.load && <span className="exercise-load">{exercise.load}</span>}
              {exercise.progression && (
                <span className="exercise-progression">{exercise.progression}</span>
              )}
              <ExerciseAlternatives
                exercise={exercise}
                canSwap={session.canSwap === true}
                busy={swapping}
                locked={locked}
                onSwap={(to) => onSwap(exercise.name, to)}
              />
            </li>
          ))}
        </ol>
      </section>
      {session.cooldown.length > 0 && (
        <section>
          <h5>Cool-down</h5>
          <ul className="plain-list">
            {session.cooldown.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ul>
        </section>
      )}
      {showReasons && session.reasons.length > 0 && (
        <section>
          <h5>Why this slot</h5>
          <ul className="plain-list">
            {session.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
