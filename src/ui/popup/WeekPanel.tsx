import { plural } from '../../core/plural';
import type { SessionItem, WeekView } from '../../extension/view';
import { Button } from '../shared/Button';
import { DayList } from './DayList';
import type { DayListProps } from './DayList';

/** The week's own controls, plus what its day list hands up. */
export interface WeekPanelProps extends Omit<DayListProps, 'days'> {
  week: WeekView;
  onPlan: () => void;
  onAcceptAll: () => void;
}

/** The sessions of a week, in day order. */
export function sessionsOf(week: WeekView): SessionItem[] {
  return week.days.flatMap((day) =>
    day.items.filter((item): item is SessionItem => item.type === 'session'),
  );
}

/** How many of the week's sessions wait for the runner's decision. */
export function suggestedIn(week: WeekView | undefined): number {
  return week ? sessionsOf(week).filter((s) => s.status === 'suggested').length : 0;
}

/** "2 of 3 sessions · 1 to review": the runner's own strength counts, as it does for the planner. */
function countsLine(week: WeekView, sessions: SessionItem[]): string[] {
  if (week.target === 0) return ['No strength sessions this week'];
  const accepted = sessions.filter((s) => s.status === 'accepted').length;
  const suggested = sessions.filter((s) => s.status === 'suggested').length;
  const parts = [`${accepted + week.existing} of ${plural(week.target, 'session')}`];
  if (week.existing > 0) parts[0] += ` (${week.existing} your own)`;
  if (suggested > 0) parts.push(`${suggested} to review`);
  return parts;
}

/**
 * A note about the week, folded to one line so the days stay in view: the summary says what it
 * is about, the reasons are a click (or Enter) away. `<details>` is keyboard operable as it is.
 */
function Notice({
  tone,
  summary,
  items,
}: {
  tone: 'info' | 'warning';
  summary: string;
  items: string[];
}) {
  return (
    <details className={`notice notice--${tone}`}>
      <summary>
        <span className="notice-icon" aria-hidden="true">
          {tone === 'warning' ? '!' : 'i'}
        </span>
        <span className="notice-summary">{summary}</span>
      </summary>
      <ul>
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </details>
  );
}

/** One week: phase, counts, Plan week / Accept all, what could not be placed, warnings, the days. */
export function WeekPanel({
  week,
  pending,
  onPlan,
  onAcceptAll,
  onSession,
  onSwap,
  onRetag,
  onLog,
}: WeekPanelProps) {
  const sessions = sessionsOf(week);
  const suggested = sessions.filter((s) => s.status === 'suggested').length;
  const locked = pending !== null;
  const planning = pending?.type === 'planWeek' && pending.weekStart === week.start;
  const accepting = pending?.type === 'acceptWeek' && pending.weekStart === week.start;
  const planText = `${week.planned ? 'Re-plan' : 'Plan'} ${week.label.toLowerCase()}`;

  return (
    <>
      {/* The week's heading, for moving by headings: the tab says it on screen. */}
      <h2 className="sr-only">{`${week.label}, ${week.range}`}</h2>
      <div className="week-summary">
        <p className="week-phase">{week.phaseSummary}</p>
        <div className="week-bar">
          <p className="week-counts">
            {countsLine(week, sessions).map((part, i) => (
              <span key={part}>
                {/* The dot stays with the part it introduces: a narrow (zoomed) window must not
                    leave it alone on a line. */}
                {i > 0 && ' '}
                <span className="nowrap">
                  {i > 0 && '· '}
                  {part}
                </span>
              </span>
            ))}
          </p>
          <div className="week-actions" data-week-actions={week.start}>
            {/* The visible words start the name (WCAG 2.5.3): "Plan next week", then the dates. */}
            <Button
              data-plan=""
              variant={week.planned ? 'secondary' : 'primary'}
              size="sm"
              aria-label={`${planText}, ${week.range}`}
              busy={planning}
              disabled={locked && !planning}
              onClick={onPlan}
            >
              {planText}
            </Button>
            {suggested > 0 && (
              <Button
                variant="primary"
                size="sm"
                aria-label={`Accept all ${plural(suggested, 'suggestion')} for ${week.label.toLowerCase()}`}
                busy={accepting}
                disabled={locked && !accepting}
                onClick={onAcceptAll}
              >
                Accept all ({suggested})
              </Button>
            )}
          </div>
        </div>
      </div>
      {!week.planned && sessions.length === 0 && (
        <p className="notice notice--info">
          Press Plan week to fit strength sessions around these runs.
        </p>
      )}
      {week.unplaced.length > 0 && (
        <Notice
          tone="info"
          summary={`${plural(week.unplaced.length, 'session')} not placed: why`}
          items={week.unplaced}
        />
      )}
      {week.warnings.length > 0 && (
        <Notice
          tone="warning"
          summary={`${plural(week.warnings.length, 'warning')} about your own strength sessions`}
          items={week.warnings}
        />
      )}
      <DayList
        key={week.start}
        days={week.days}
        pending={pending}
        onSession={onSession}
        onSwap={onSwap}
        onRetag={onRetag}
        onLog={onLog}
      />
    </>
  );
}
