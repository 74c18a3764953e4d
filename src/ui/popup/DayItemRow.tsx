import type { RetagChoice } from '../../extension/retag';
import type { BusyItem, RunItem, TrainingItem } from '../../extension/view';
import { ActivityChip, IntensityChip } from './IntensityChip';
import { RetagMenu } from './RetagMenu';

export interface DayItemRowProps {
  item: RunItem | TrainingItem | BusyItem;
  busy: boolean;
  locked: boolean;
  onRetag: (retag: RetagChoice | null, series: boolean) => Promise<boolean>;
}

function currentChoice(item: RunItem | TrainingItem | BusyItem): RetagChoice {
  if (item.type === 'run') return item.kind;
  if (item.type === 'busy') return 'other';
  return item.type;
}

/**
 * One calendar event: a run with its intensity, strength/cross/rest already in the calendar, or
 * busy time (muted). Every kind has the same shape, so a re-tag that changes the kind keeps the
 * row, and the focus on its "Change type" button.
 */
export function DayItemRow({ item, busy, locked, onRetag }: DayItemRowProps) {
  return (
    <li
      className={`item item--${item.type}${item.type === 'busy' && item.free ? ' item--free' : ''}`}
      data-event-id={item.eventId}
    >
      <span className="item-time">{item.time}</span>
      <span className="item-body">
        <span className="item-title">
          {item.type === 'busy' && !item.free && <span className="sr-only">Busy: </span>}
          {item.title}
          {item.type === 'busy' && item.free && <span className="item-free"> · free</span>}
        </span>
        {item.type !== 'busy' || item.retagged ? (
          <span className="item-meta">
            {item.type === 'run' && <IntensityChip intensity={item.intensity} kind={item.kind} />}
            {(item.type === 'strength' || item.type === 'cross' || item.type === 'rest') && (
              <ActivityChip type={item.type} />
            )}
            {item.retagged && <span className="item-note">your tag</span>}
          </span>
        ) : null}
      </span>
      <RetagMenu
        title={item.title}
        current={currentChoice(item)}
        retagged={item.retagged}
        busy={busy}
        locked={locked}
        onRetag={onRetag}
      />
    </li>
  );
}
