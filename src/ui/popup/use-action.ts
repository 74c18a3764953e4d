/**
 * Runs the popup's actions (actions.ts) one at a time: the busy button, the error with its
 * Retry, the words a screen reader hears, and focus put back where the runner was.
 */
import { useEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';
import type { PopupView } from '../../extension/view';
import type { ActionContext, PendingAction, PopupAction } from './actions';
import { describeFailure } from './errors';
import type { SendMessage } from './use-popup-view';

export interface ActionError {
  message: string;
  retry: () => void;
}

export interface UseActionOptions extends Omit<ActionContext, 'before'> {
  send: SendMessage;
  /** The view shown now: actions read it, and focus is restored after it changes. */
  view: PopupView | null;
  /** The popup's root element, where focus is looked for. */
  rootRef: RefObject<HTMLElement | null>;
}

export interface ActionRunner {
  pending: PendingAction | null;
  error: ActionError | null;
  /** The live region's text. */
  announcement: string;
  /** Runs `action` unless another is running; resolves whether it worked. */
  run<I, R>(action: PopupAction<I, R>, input: I): Promise<boolean>;
  /** Shows a failure that happened outside an action (Settings would not open). */
  fail(error: ActionError): void;
  dismiss(): void;
}

export function useAction({
  send,
  view,
  rootRef,
  applyView,
  download,
}: UseActionOptions): ActionRunner {
  const [pending, setPending] = useState<PendingAction | null>(null);
  const [error, setError] = useState<ActionError | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const pendingRef = useRef<PendingAction | null>(null);
  const focusAfter = useRef<string | null>(null);

  // After an action re-renders the week, put focus back where the runner was if its element went away.
  useEffect(() => {
    const selector = focusAfter.current;
    const root = rootRef.current;
    if (!selector || pending || !root) return;
    focusAfter.current = null;
    const active = document.activeElement;
    if (active && active !== document.body && root.contains(active)) return;
    root.querySelector<HTMLElement>(selector)?.focus();
  }, [view, pending, rootRef]);

  function announce(text: string): void {
    // The same words twice in a row would not be read again; a trailing space makes them new.
    setAnnouncement((prev) => (prev === text ? `${text}\u00a0` : text));
  }

  async function run<I, R>(action: PopupAction<I, R>, input: I): Promise<boolean> {
    if (pendingRef.current) return false;
    const busy = action.pending(input);
    const before = view;
    pendingRef.current = busy;
    setPending(busy);
    setError(null);
    try {
      const result = await action.request(send, input);
      announce(action.success(result, input, { before, applyView, download }));
      focusAfter.current = action.focus?.(input) ?? null;
      return true;
    } catch (failure) {
      setError({ message: describeFailure(failure), retry: () => void run(action, input) });
      return false;
    } finally {
      pendingRef.current = null;
      setPending(null);
    }
  }

  return { pending, error, announcement, run, fail: setError, dismiss: () => setError(null) };
}
