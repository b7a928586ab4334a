/**
 * @module One write behind a button (close, delete, accept…), idempotent while it waits: a second press before the
 * answer (a double click on a slow network) is ignored, and `busy` lets the button say so (`aria-disabled`).
 */
import { useRef, useState } from 'preact/hooks';

export interface Action {
  busy: boolean;
  /** Starts `work` unless one is already running; its rejection goes to `onError`. */
  run: (work: () => Promise<unknown>) => void;
}

export function useAction(onError: (caught: unknown) => void = () => undefined): Action {
  const [busy, setBusy] = useState(false);
  // A ref, not state: two presses may arrive before the busy render.
  const pending = useRef(false);
  const run = (work: () => Promise<unknown>) => {
    if (pending.current) return;
    pending.current = true;
    setBusy(true);
    work()
      .catch(onError)
      .finally(() => {
        pending.current = false;
        setBusy(false);
      });
  };
  return { busy, run };
}
