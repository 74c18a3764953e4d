import { useRef } from 'react';
import type { KeyboardEvent } from 'react';

export interface WeekTab {
  start: string;
  label: string;
  range: string;
  /** Suggestions waiting for an answer in this week. */
  suggested: number;
  /** An accepted session in this week no longer fits. */
  conflict: boolean;
}

export interface WeekTabsProps {
  weeks: WeekTab[];
  selected: number;
  onSelect: (index: number) => void;
}

export function weekTabId(start: string): string {
  return `week-tab-${start}`;
}

export function weekPanelId(start: string): string {
  return `week-panel-${start}`;
}

/**
 * "Next week, 10–16 May, 1 suggestion": the badges are pictures of these words. The name holds
 * the visible words in their order (label, range, count), so a speech user who says what they
 * see reaches the tab (WCAG 2.5.3).
 */
function tabName(week: WeekTab): string {
  const parts = [week.label, week.range];
  if (week.suggested > 0)
    parts.push(week.suggested === 1 ? '1 suggestion' : `${week.suggested} suggestions`);
  if (week.conflict) parts.push('a session no longer fits');
  return parts.join(', ');
}

/**
 * "This week / Next week" as an ARIA tab list (WAI-ARIA APG tabs pattern, automatic activation):
 * one tab stop, arrow keys, Home and End move between weeks.
 */
export function WeekTabs({ weeks, selected, onSelect }: WeekTabsProps) {
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const last = weeks.length - 1;
    const next =
      event.key === 'ArrowRight'
        ? selected >= last
          ? 0
          : selected + 1
        : event.key === 'ArrowLeft'
          ? selected <= 0
            ? last
            : selected - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    if (next === null) return;
    event.preventDefault();
    onSelect(next);
    tabs.current[next]?.focus();
  }

  return (
    <div className="week-tabs" role="tablist" aria-label="Week" onKeyDown={onKeyDown}>
      {weeks.map((week, i) => (
        <button
          key={week.start}
          ref={(element) => {
            tabs.current[i] = element;
          }}
          type="button"
          role="tab"
          id={weekTabId(week.start)}
          className="week-tab"
          aria-selected={i === selected}
          aria-controls={weekPanelId(week.start)}
          tabIndex={i === selected ? 0 : -1}
          aria-label={tabName(week)}
          onClick={() => onSelect(i)}
        >
          {/* Spaces between the parts keep their words apart in the text; the grid drops them. */}
          <span className="week-tab-label">{week.label}</span>{' '}
          <span className="week-tab-range">{week.range}</span>{' '}
          {/* After the range in reading order, beside the label on screen (popup.css). */}
          {(week.conflict || week.suggested > 0) && (
            <span className="week-tab-badges" aria-hidden="true">
              {week.conflict && <span className="week-tab-flag">!</span>}{' '}
              {week.suggested > 0 && <span className="week-tab-count">{week.suggested}</span>}
            </span>
          )}
        </button>
      ))}
    </div>
  );
}
