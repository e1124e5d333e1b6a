import type { ReactNode } from 'react';

/**
 * A wide table's own scrolling box, so that on a phone the page does not scroll sideways: it
 * can take the focus (the arrow keys then scroll it) and is named after its table.
 */
export function ScrollBox({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
