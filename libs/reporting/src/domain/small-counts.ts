/** A published count: shown, or withheld because it could single a person out. */
export type Cell =
  { readonly count: number; readonly withheld: false } | { readonly count: null; readonly withheld: true };

export interface SuppressedTable {
  /** The cells that are shown, in the order given. Withheld cells are left out, key and all. */
  readonly rows: ReadonlyArray<{ readonly key: string; readonly count: number }>;
  /** How many cells were withheld (primary and complementary). */
  readonly withheldCells: number;
  /** The sum of the withheld cells: shown only when it is at least the threshold. */
  readonly withheldTotal: Cell;
  readonly total: Cell;
}

/**
 * Small-count rule with complementary suppression for a one-way table with its total. Counts from 1
 * to threshold-1 are withheld (primary). If the withheld cells then add up to less than the
 * threshold (one withheld cell beside a shown total is always recoverable by subtraction), the
 * smallest shown cells are withheld too until their sum reaches the threshold (complementary); if even
 * that cannot reach it, the total is withheld. Zero is shown: it singles no one out.
 */
export function suppressTable(
  counts: ReadonlyArray<{ key: string; count: number }>,
  threshold: number,
): SuppressedTable {
  const isSmall = (n: number) => n > 0 && n < threshold;
  const withheld = new Set(counts.filter((c) => isSmall(c.count)).map((c) => c.key));
  const sumWithheld = () => counts.filter((c) => withheld.has(c.key)).reduce((s, c) => s + c.count, 0);
  const total = counts.reduce((s, c) => s + c.count, 0);
  if (withheld.size > 0) {
    const candidates = counts
      .filter((c) => !withheld.has(c.key) && c.count > 0)
      .sort((a, b) => a.count - b.count || a.key.localeCompare(b.key));
    while (sumWithheld() < threshold && candidates.length > 0) withheld.add(candidates.shift()!.key);
  }
  const hidden = sumWithheld();
  const hiddenTooSmall = withheld.size > 0 && hidden < threshold;
  const cell = (n: number, hide: boolean): Cell =>
    hide ? { count: null, withheld: true } : { count: n, withheld: false };
  return {
    rows: counts.filter((c) => !withheld.has(c.key)).map((c) => ({ key: c.key, count: c.count })),
    withheldCells: withheld.size,
    withheldTotal: cell(hidden, hidden > 0 && hidden < threshold),
    total: cell(total, isSmall(total) || hiddenTooSmall),
  };
}

/** One way to coarsen a quasi-identifier: the value it becomes at each level (level 0 is the value itself). */
export type Generalisation<R> = ReadonlyArray<(record: R) => string>;

export interface KAnonymous<R> {
  /** The records released, with their quasi-identifiers coarsened to the chosen levels. */
  readonly records: ReadonlyArray<{ readonly record: R; readonly quasi: Readonly<Record<string, string>> }>;
  /** The level chosen for each quasi-identifier. */
  readonly levels: Readonly<Record<string, number>>;
  /** Records left out because their group stayed smaller than k at the coarsest levels tried. */
  readonly suppressedRecords: number;
}

/**
 * k-anonymity by full-domain generalisation and record suppression: quasi-identifiers are coarsened
 * one level at a time (the one whose coarsening suppresses fewest records first) until at most
 * `maxSuppressed` of the records sit in groups smaller than k; those records are then left out. Every
 * group of released records shares its quasi-identifiers with at least k-1 others.
 */
export function kAnonymise<R>(
  records: readonly R[],
  quasiIdentifiers: Readonly<Record<string, Generalisation<R>>>,
  k: number,
  maxSuppressedShare = 0.1,
): KAnonymous<R> {
  const names = Object.keys(quasiIdentifiers);
  const levels: Record<string, number> = Object.fromEntries(names.map((n) => [n, 0]));
  const apply = (lv: Record<string, number>) =>
    records.map((record) => ({
      record,
      quasi: Object.fromEntries(names.map((n) => [n, quasiIdentifiers[n][lv[n]](record)])),
    }));
  const keyOf = (quasi: Record<string, string>) => JSON.stringify(names.map((n) => quasi[n]));
  const smallCount = (rows: ReturnType<typeof apply>) => {
    const sizes = new Map<string, number>();
    for (const r of rows) sizes.set(keyOf(r.quasi), (sizes.get(keyOf(r.quasi)) ?? 0) + 1);
    return rows.filter((r) => sizes.get(keyOf(r.quasi))! < k).length;
  };
  const allowed = Math.floor(records.length * maxSuppressedShare);
  let rows = apply(levels);
  for (;;) {
    if (smallCount(rows) <= allowed) break;
    const options = names
      .filter((n) => levels[n] + 1 < quasiIdentifiers[n].length)
      .map((n) => {
        const next = { ...levels, [n]: levels[n] + 1 };
        const candidate = apply(next);
        return { n, next, candidate, small: smallCount(candidate) };
      })
      .sort((a, b) => a.small - b.small || a.n.localeCompare(b.n));
    if (options.length === 0) break;
    Object.assign(levels, options[0].next);
    rows = options[0].candidate;
  }
  const sizes = new Map<string, number>();
  for (const r of rows) sizes.set(keyOf(r.quasi), (sizes.get(keyOf(r.quasi)) ?? 0) + 1);
  const released = rows.filter((r) => sizes.get(keyOf(r.quasi))! >= k);
  return { records: released, levels, suppressedRecords: rows.length - released.length };
}
