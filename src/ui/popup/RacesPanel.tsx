import { useId, useState } from 'react';
import type { RaceChoice } from '../../core/classify-calendar';
import type { RaceView } from '../../extension/view';
import { Button } from '../shared/Button';

export interface RacesPanelProps {
  races: readonly RaceView[];
  /** The race whose answer is being saved, if any. */
  busyEventId?: string;
  locked: boolean;
  onChoose: (race: RaceView, choice: RaceChoice | null) => void;
}

const CHOICES: readonly { value: RaceChoice; label: string; help: string }[] = [
  { value: 'A', label: 'A', help: 'goal race: taper before it' },
  { value: 'B', label: 'B', help: 'serious race: a day off lifting either side' },
  { value: 'C', label: 'C', help: 'training race: the day after stays easy' },
  { value: 'not-a-race', label: 'Not a race', help: 'a run like any other' },
];

function answerText(race: RaceView): string {
  if (race.choice === 'not-a-race') return 'not a race';
  return `${race.choice} race`;
}

/**
 * Races found in the calendar (SPEC §3): each asked once — A, B, C or not a race — and then
 * shown with the answer, which the runner can change. The plan follows each answer.
 */
export function RacesPanel({ races, busyEventId, locked, onChoose }: RacesPanelProps) {
  const headingId = useId();
  const [editing, setEditing] = useState<string | null>(null);
  if (races.length === 0) return null;
  const asking = races.filter((r) => !r.confirmed);
  return (
    <section className="races" aria-labelledby={headingId}>
      <h2 className="races-title" id={headingId}>
        {asking.length > 0 ? 'Races in your calendar: how much do they matter?' : 'Your races'}
      </h2>
      <ul className="races-list">
        {races.map((race) => {
          const open = !race.confirmed || editing === race.eventId;
          const busy = busyEventId === race.eventId;
          return (
            <li key={race.eventId} className="race" data-race-id={race.eventId}>
              <div className="race-line">
                <span className="race-name">{race.title}</span>
                <span className="race-date">{race.label}</span>
                {race.confirmed ? (
                  <span className="race-answer">{answerText(race)}</span>
                ) : (
                  <span className="race-guess">
                    looks like {race.choice === 'A' ? 'an' : 'a'} {race.choice} race
                  </span>
                )}
                {race.confirmed && (
                  <Button
                    variant="quiet"
                    size="sm"
                    aria-expanded={open}
                    // The name holds the visible word, Change or Done (WCAG 2.5.3).
                    aria-label={
                      open ? `Done changing what ${race.title} is` : `Change what ${race.title} is`
                    }
                    data-race-change
                    onClick={() => setEditing(open ? null : race.eventId)}
                  >
                    {open ? 'Done' : 'Change'}
                  </Button>
                )}
              </div>
              {open && (
                <div
                  className="race-choices"
                  role="group"
                  aria-label={`What is ${race.title} on ${race.label}?`}
                >
                  {CHOICES.map((c) => (
                    <Button
                      key={c.value}
                      size="sm"
                      variant={race.confirmed && race.choice === c.value ? 'primary' : 'secondary'}
                      aria-pressed={race.confirmed && race.choice === c.value}
                      title={c.help}
                      busy={busy}
                      disabled={locked && !busy}
                      data-race-choice={c.value}
                      onClick={() => {
                        setEditing(null);
                        onChoose(race, c.value);
                      }}
                    >
                      {c.label}
                    </Button>
                  ))}
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
