import { flushSync } from 'react-dom';
import { WEEKDAY_KEYS, WEEKDAY_NAMES } from '../../core/time';
import type { WeekdayKey } from '../../core/time';
import { describedBy, FieldError } from './FieldError';
import type { IssueLookup } from './FieldError';
import { defaultAvailabilityForm } from './form-state';
import type { WindowForm } from './form-state';
import { dayFieldId, windowFieldId } from './issues';

export interface AvailabilityEditorProps {
  value: Record<WeekdayKey, WindowForm[]>;
  /** 0 = Sunday: the days are listed from the runner's first day of the week. */
  weekStartsOn: number;
  onChange: (next: Record<WeekdayKey, WindowForm[]>) => void;
  issueFor: IssueLookup;
}

/** The window offered when a day gets its first (evening) or another (lunchtime) window. */
function newWindow(existing: readonly WindowForm[]): WindowForm {
  return existing.length === 0 ? ['18:00', '19:00'] : ['12:00', '13:00'];
}

/**
 * `<input type="time">` cannot hold 24:00, which the schema allows as a window's end: show it as
 * 23:59 and keep 24:00 in the form until the runner edits that input.
 */
function timeInputValue(clock: string): string {
  return clock === '24:00' ? '23:59' : clock;
}

/** One end of a window: a time input in 5-minute steps, named for screen readers only. */
function ClockInput(props: {
  id: string;
  label: string;
  clock: string;
  onChange: (clock: string) => void;
  issueFor: IssueLookup;
}) {
  return (
    <>
      <label htmlFor={props.id} className="visually-hidden">
        {props.label}
      </label>
      <input
        id={props.id}
        type="time"
        step={300}
        value={timeInputValue(props.clock)}
        onChange={(event) => props.onChange(event.target.value)}
        {...describedBy(props.id, props.issueFor)}
      />
    </>
  );
}

function focusById(id: string) {
  document.getElementById(id)?.focus();
}

/** When the runner can lift: time windows per weekday. */
export function AvailabilityEditor({
  value,
  weekStartsOn,
  onChange,
  issueFor,
}: AvailabilityEditorProps) {
  const days = WEEKDAY_KEYS.map((_, i) => WEEKDAY_KEYS[(i + weekStartsOn) % 7]).filter(
    (day): day is WeekdayKey => day !== undefined,
  );

  function setDay(day: WeekdayKey, windows: WindowForm[]) {
    onChange({ ...value, [day]: windows });
  }

  function setClock(day: WeekdayKey, index: number, end: 0 | 1, clock: string) {
    setDay(
      day,
      value[day].map((window, i): WindowForm => {
        if (i !== index) return window;
        return end === 0 ? [clock, window[1]] : [window[0], clock];
      }),
    );
  }

  return (
    <div className="availability">
      <div className="availability-tools">
        <p className="hint" id="availability-hint">
          Times you could lift, in your time zone. Sessions are placed only inside these windows,
          clear of other events.
        </p>
        <button
          type="button"
          className="quiet"
          onClick={() => onChange(defaultAvailabilityForm())}
          aria-describedby="availability-defaults-hint"
        >
          Use defaults
        </button>
        <span id="availability-defaults-hint" className="visually-hidden">
          Weekdays 06:00 to 08:30 and 17:30 to 21:00, weekends 07:00 to 19:00
        </span>
      </div>
      {days.map((day) => {
        const dayName = WEEKDAY_NAMES[WEEKDAY_KEYS.indexOf(day)] ?? day;
        const windows = value[day];
        const addId = dayFieldId(day);
        return (
          <fieldset key={day} className="day">
            <legend>{dayName}</legend>
            <div className="day-windows">
              {windows.length === 0 ? (
                <p className="no-time">No time this day</p>
              ) : (
                <ul>
                  {windows.map((window, index) => {
                    const fromId = windowFieldId(day, index, 'from');
                    const toId = windowFieldId(day, index, 'to');
                    return (
                      // Rows are controlled inputs with no state of their own, so the index is a
                      // stable enough key; focus is moved explicitly after add and remove.
                      <li key={index} className="window">
                        <ClockInput
                          id={fromId}
                          label={`${dayName}, window ${index + 1}, from`}
                          clock={window[0]}
                          onChange={(clock) => setClock(day, index, 0, clock)}
                          issueFor={issueFor}
                        />
                        <span aria-hidden="true" className="dash">
                          to
                        </span>
                        <ClockInput
                          id={toId}
                          label={`${dayName}, window ${index + 1}, until`}
                          clock={window[1]}
                          onChange={(clock) => setClock(day, index, 1, clock)}
                          issueFor={issueFor}
                        />
                        <button
                          type="button"
                          className="icon"
                          aria-label={`Remove ${dayName} window ${index + 1}`}
                          title="Remove this window"
                          onClick={() => {
                            flushSync(() =>
                              setDay(
                                day,
                                windows.filter((_, i) => i !== index),
                              ),
                            );
                            focusById(addId);
                          }}
                        >
                          ×
                        </button>
                        <FieldError id={fromId} issueFor={issueFor} />
                        <FieldError id={toId} issueFor={issueFor} />
                      </li>
                    );
                  })}
                </ul>
              )}
              <FieldError id={addId} issueFor={issueFor} />
            </div>
            <button
              id={addId}
              type="button"
              className="quiet add"
              onClick={() => {
                flushSync(() => setDay(day, [...windows, newWindow(windows)]));
                focusById(windowFieldId(day, windows.length, 'from'));
              }}
              {...describedBy(addId, issueFor)}
            >
              + Add window<span className="visually-hidden"> on {dayName}</span>
            </button>
          </fieldset>
        );
      })}
    </div>
  );
}
