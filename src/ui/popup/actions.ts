/**
 * Names for the actions the popup runs, so a button can tell whether it is the one in progress.
 * One action runs at a time: the background applies them in order and each returns the new view.
 */
export type PendingAction =
  | { type: 'planWeek' | 'acceptWeek'; weekStart: string }
  | { type: 'accept' | 'skip' | 'reset' | 'move'; sessionId: string }
  | { type: 'retag'; eventId: string }
  | { type: 'replan' | 'export' | 'google' | 'publish' };
