import type { ReactNode } from 'react';

/**
 * A table wider than a tablet's screen: its own region scrolls sideways, named, and takes the
 * keyboard's focus so it can be scrolled without a mouse even when no row holds a link (WCAG 2.1.1;
 * Ant Design's own `scroll.x` gives a scrolling box that the keyboard cannot reach).
 */
export function WideTable({ label, minWidth, children }: { label: string; minWidth: number; children: ReactNode }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={label}>
      <div style={{ minWidth }}>{children}</div>
    </div>
  );
}
