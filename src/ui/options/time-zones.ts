/** The time-zone picker's options: IANA zones grouped by region. */

export interface TimeZoneOption {
  value: string;
  label: string;
}

export interface TimeZoneGroup {
  label: string;
  options: TimeZoneOption[];
}

/**
 * Zones grouped by their region ("Europe", "America"), in the order given; zones without a
 * region (UTC) go under "Other". `current` is listed even when the runtime's list lacks it (an
 * alias such as "Asia/Calcutta" saved by the CLI), so the select can show what is stored.
 */
export function groupTimeZones(zones: readonly string[], current?: string): TimeZoneGroup[] {
  const all = current && !zones.includes(current) ? [current, ...zones] : zones;
  const groups = new Map<string, TimeZoneOption[]>();
  for (const zone of all) {
    const slash = zone.indexOf('/');
    const region = slash === -1 ? 'Other' : zone.slice(0, slash);
    // The zone in full: a closed select shows only the option, not its group.
    const label = zone.replaceAll('_', ' ');
    const list = groups.get(region) ?? [];
    list.push({ value: zone, label });
    groups.set(region, list);
  }
  return [...groups].map(([label, options]) => ({ label, options }));
}

/** The zones this browser knows, with UTC, which `Intl.supportedValuesOf` leaves out in V8. */
export function supportedTimeZones(): string[] {
  const zones =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return zones.includes('UTC') ? zones : [...zones, 'UTC'];
}
