import { addDays } from '../../core/time';
import { LoadBanner } from '../shared/LoadBanner';
import type { HistoryView } from '../../extension/log/history-view';
import { LiftChart } from './LiftChart';
import { WeeksChart } from './WeeksChart';

export type HistoryLoad =
  | { state: 'loading' }
  | { state: 'failed'; message: string }
  | { state: 'ready'; view: HistoryView };

export interface HistoryPageProps {
  load: HistoryLoad;
  onRetry: () => void;
  /** The options page's address (an extension page next to this one). */
  settingsHref?: string;
}

function EmptyHistory({ planned }: { planned: boolean }) {
  return (
    <section className="card history-empty" aria-labelledby="history-empty-title">
      <h2 id="history-empty-title">Nothing logged yet</h2>
      <p>
        Log a session from the popup once it has ended: its card asks how it went — Done, Partly or
        Skipped — with your effort and, under “Add sets”, the reps and weight of each set.
      </p>
      <p>
        {planned
          ? 'Your planned sessions show below; what you log appears next to them, and each main lift’s load over time.'
          : 'Plan a week from the popup and accept its sessions: they appear here, and what you log next to them.'}
      </p>
    </section>
  );
}

/**
 * The History page (SPEC §6b): the last 12 weeks — sessions planned and done per week over the
 * phases, and each main lift's load over time — or, before anything is logged, what to do.
 */
export function HistoryPage({ load, onRetry, settingsHref = 'options.html' }: HistoryPageProps) {
  const view = load.state === 'ready' ? load.view : undefined;
  const planned = view ? view.weeks.some((w) => w.planned > 0) : false;
  const first = view?.weeks[0]?.start;
  const last = view?.weeks.at(-1)?.start;

  return (
    <main className="page history">
      <header className="page-head">
        <h1>Training history</h1>
        <p className="lead">
          {view
            ? `The last 12 weeks, ${view.range}: what was planned, what you did, and how your main lifts have moved.`
            : 'The last 12 weeks: what was planned, what you did, and how your main lifts have moved.'}
        </p>
        <nav aria-label="Ironstride">
          <a href={`${settingsHref}#log-title`}>Export or import the log in Settings</a>
        </nav>
      </header>

      <LoadBanner load={load} what="history" onRetry={onRetry} />

      {view && view.logged === 0 && <EmptyHistory planned={planned} />}

      {view && (view.logged > 0 || planned) && (
        <section className="card" aria-labelledby="history-weeks-title">
          <h2 id="history-weeks-title">Planned and done, week by week</h2>
          <WeeksChart weeks={view.weeks} />
        </section>
      )}

      {view && view.logged > 0 && first && last && (
        <section className="card" aria-labelledby="history-lifts-title">
          <h2 id="history-lifts-title">Main lifts</h2>
          {view.lifts.length === 0 ? (
            <p>
              No main lift (goblet, back or front squat; deadlift, Romanian deadlift) logged with a
              weight yet: open “Add sets” when you log a session to track its load here.
            </p>
          ) : (
            view.lifts.map((lift) => (
              <section key={lift.name} className="lift" aria-label={lift.name}>
                <h3>{lift.name}</h3>
                <LiftChart lift={lift} unit={view.unit} from={first} to={addDays(last, 7)} />
              </section>
            ))
          )}
        </section>
      )}
    </main>
  );
}
