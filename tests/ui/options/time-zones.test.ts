import { describe, expect, it } from 'vitest';
import { groupTimeZones } from '../../../src/ui/options/time-zones';

describe('groupTimeZones', () => {
  it('groups zones by region and keeps regionless ones under Other', () => {
    const groups = groupTimeZones(['Europe/London', 'America/New_York', 'Europe/Paris', 'UTC']);

    expect(groups).toEqual([
      {
        label: 'Europe',
        options: [
          { value: 'Europe/London', label: 'Europe/London' },
          { value: 'Europe/Paris', label: 'Europe/Paris' },
        ],
      },
      { label: 'America', options: [{ value: 'America/New_York', label: 'America/New York' }] },
      { label: 'Other', options: [{ value: 'UTC', label: 'UTC' }] },
    ]);
  });

  it('lists a saved zone the runtime does not', () => {
    const groups = groupTimeZones(['Asia/Kolkata'], 'Asia/Calcutta');

    expect(groups[0]?.options.map((o) => o.value)).toEqual(['Asia/Calcutta', 'Asia/Kolkata']);
  });
});
