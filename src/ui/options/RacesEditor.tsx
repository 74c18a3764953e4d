import { flushSync } from 'react-dom';
import { RACE_PRIORITIES } from '../../core/prefs';
import type { RacePriority } from '../../core/prefs';
import { describedBy, FieldError } from './FieldError';
import type { IssueLookup } from './FieldError';
import type { RaceForm } from './form-state';
import { FIELD_IDS, raceFieldId } from './issues';

const PRIORITY_LABELS: Record<RacePriority, string> = {
  A: 'A · goal race',
  B: 'B · important',
  C: 'C · tune-up',
};

export interface RacesEditorProps {
  races: RaceForm[];
  onChange: (races: RaceForm[]) => void;
  issueFor: IssueLookup;
}

function isPriority(value: string): value is RacePriority {
  return (RACE_PRIORITIES as readonly string[]).includes(value);
}

/** The runner's races, each with a date, a name and a priority. */
export function RacesEditor({ races, onChange, issueFor }: RacesEditorProps) {
  function setRace(index: number, patch: Partial<RaceForm>) {
    onChange(races.map((race, i) => (i === index ? { ...race, ...patch } : race)));
  }

  return (
    <div className="races">
      <p className="hint" id="races-hint">
        Strength is tapered before an <strong>A</strong> race (none in the 3 days before it) and
        eased for a week after. B and C races are trained through. Races already in your calendar
        are found on their own; add the ones that matter most here.
      </p>
      {races.length === 0 ? (
        <p className="empty">No races yet.</p>
      ) : (
        <ul className="race-list">
          {races.map((race, index) => {
            const dateId = raceFieldId(index, 'date');
            const nameId = raceFieldId(index, 'name');
            const priorityId = raceFieldId(index, 'priority');
            return (
              // Controlled rows without state of their own: the index is a stable enough key.
              <li key={index} className="race">
                <div className="field">
                  <label htmlFor={dateId}>Date</label>
                  <input
                    id={dateId}
                    type="date"
                    value={race.date}
                    onChange={(event) => setRace(index, { date: event.target.value })}
                    {...describedBy(dateId, issueFor)}
                  />
                  <FieldError id={dateId} issueFor={issueFor} />
                </div>
                <div className="field grow">
                  <label htmlFor={nameId}>Race</label>
                  <input
                    id={nameId}
                    type="text"
                    value={race.name}
                    placeholder="e.g. Berlin Marathon"
                    maxLength={200}
                    onChange={(event) => setRace(index, { name: event.target.value })}
                    {...describedBy(nameId, issueFor)}
                  />
                  <FieldError id={nameId} issueFor={issueFor} />
                </div>
                <div className="field">
                  <label htmlFor={priorityId}>Priority</label>
                  <select
                    id={priorityId}
                    value={race.priority}
                    onChange={(event) => {
                      if (isPriority(event.target.value))
                        setRace(index, { priority: event.target.value });
                    }}
                    {...describedBy(priorityId, issueFor)}
                  >
                    {RACE_PRIORITIES.map((priority) => (
                      <option key={priority} value={priority}>
                        {PRIORITY_LABELS[priority]}
                      </option>
                    ))}
                  </select>
                  <FieldError id={priorityId} issueFor={issueFor} />
                </div>
                <button
                  type="button"
                  className="icon race-remove"
                  aria-label={`Remove race ${index + 1}${race.name ? `, ${race.name}` : ''}`}
                  title="Remove this race"
                  onClick={() => {
                    flushSync(() => onChange(races.filter((_, i) => i !== index)));
                    document.getElementById(FIELD_IDS.races)?.focus();
                  }}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <button
        id={FIELD_IDS.races}
        type="button"
        className="quiet add"
        disabled={races.length >= 50}
        onClick={() => {
          flushSync(() => onChange([...races, { date: '', name: '', priority: 'A' }]));
          document.getElementById(raceFieldId(races.length, 'date'))?.focus();
        }}
        {...describedBy(FIELD_IDS.races, issueFor, 'races-hint')}
      >
        + Add race
      </button>
      <FieldError id={FIELD_IDS.races} issueFor={issueFor} />
    </div>
  );
}
