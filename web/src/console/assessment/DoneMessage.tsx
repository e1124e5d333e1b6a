import { useLocation } from 'react-router';

/** What the previous page did (an assessment recorded, a claim released), said once on arrival. */
export function DoneMessage() {
  const state = useLocation().state as { done?: string } | null;
  return (
    <div aria-live="polite" className="announce">
      {state?.done && <p role="status">{state.done}</p>}
    </div>
  );
}
