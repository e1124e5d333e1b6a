import { useEffect, useRef } from 'react';

/** Two presses of Escape within this time leave the site. */
const doubleEscapeMs = 1000;

/**
 * Leaves at once for the neutral address: the caller clears what was typed first, then the
 * page replaces itself in the history, so that Back does not come back to the portal.
 */
export function leaveNow(exitUrl: string, clear: () => void): void {
  clear();
  try {
    window.sessionStorage.clear();
  } catch {
    // Nothing was stored there anyway.
  }
  window.location.replace(exitUrl);
}

export function useDoubleEscape(action: () => void): void {
  // Event times count from the page's load: a first press soon after it must not look like a second one.
  const last = useRef(Number.NEGATIVE_INFINITY);
  const latest = useRef(action);
  useEffect(() => {
    latest.current = action;
  }, [action]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      const now = event.timeStamp;
      if (now - last.current < doubleEscapeMs) {
        last.current = Number.NEGATIVE_INFINITY;
        latest.current();
      } else {
        last.current = now;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
