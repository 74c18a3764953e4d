/**
 * Occurrence ids: the series' id plus a suffix naming the slot (RFC 5545 §3.8.4.4's
 * RECURRENCE-ID value), so an override and the instance it replaces share one id.
 */
import { wallDate } from './values';

/** `20270104`: a wall date in basic format. */
export function compactDate(wall: number): string {
  return wallDate(wall).replaceAll('-', '');
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** `20270104T073000Z`: the instant in UTC basic format, for occurrence ids. */
export function utcBasic(instant: number): string {
  const d = new Date(instant);
  return (
    `${d.getUTCFullYear()}${pad2(d.getUTCMonth() + 1)}${pad2(d.getUTCDate())}` +
    `T${pad2(d.getUTCHours())}${pad2(d.getUTCMinutes())}${pad2(d.getUTCSeconds())}Z`
  );
}

/** Occurrence id suffix for a slot: `20270104` for dates, UTC basic format for times. */
export function slotId(wall: number, instant: number, allDay: boolean): string {
  return allDay ? compactDate(wall) : utcBasic(instant);
}
