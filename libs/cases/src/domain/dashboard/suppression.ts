/** A count on a dashboard: shown, or withheld because it is small enough to single a person out. */
export type PublishedCount = { readonly count: number; readonly suppressed: false } | { readonly count: null; readonly suppressed: true };

/**
 * Small-cell suppression: any count from 1 to threshold-1 is withheld (zero reveals no one and is
 * shown). A total is withheld too whenever the withheld cells add up to a small number, so no small
 * count can be recovered by subtracting the shown cells from it.
 */
export function publish(count: number, threshold: number): PublishedCount {
  return count > 0 && count < threshold ? { count: null, suppressed: true } : { count, suppressed: false };
}

export interface CountRow<Key> {
  readonly key: Key;
  readonly count: number;
}

export interface PublishedTable<Key> {
  /**
   * The cells that are shown. A withheld cell is left out altogether, key and all: listing its key
   * would tell that someone is counted there (a case in that district). Its count is in suppressedTotal.
   */
  readonly rows: ReadonlyArray<{ readonly key: Key } & PublishedCount>;
  /** Sum of all cells; withheld when it is small or would give away a small remainder. */
  readonly total: PublishedCount;
  /** Sum of the withheld cells, itself withheld when small. */
  readonly suppressedTotal: PublishedCount;
}

export function publishTable<Key>(rows: ReadonlyArray<CountRow<Key>>, threshold: number): PublishedTable<Key> {
  const published = rows.map((r) => ({ key: r.key, ...publish(r.count, threshold) })).filter((r) => !r.suppressed);
  const total = rows.reduce((sum, r) => sum + r.count, 0);
  const hidden = rows.filter((r) => r.count > 0 && r.count < threshold).reduce((sum, r) => sum + r.count, 0);
  const smallRemainder = hidden > 0 && hidden < threshold;
  return {
    rows: published,
    total: smallRemainder ? { count: null, suppressed: true } : publish(total, threshold),
    suppressedTotal: publish(hidden, threshold),
  };
}

/** Nearest-rank percentile of a non-empty list of numbers. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}
