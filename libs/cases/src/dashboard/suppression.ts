/**
 * Small-count suppression for the de-identified dashboards.
 *
 * Who reads a dashboard is assumed to know everything it shows, every key a table could list (the
 * districts of the province, the stages, the statuses…) and how sums work. From that they must not
 * be able to work out any withheld count, nor that a small number (1 to threshold-1) of cases share
 * something. The rules:
 *
 * 1. Primary suppression: a count from 1 to threshold-1 is withheld; zero and threshold-or-more are
 *    not small.
 * 2. A withheld cell of a table is left out altogether, key and all, and so is a cell with no cases:
 *    a key that is not listed may be empty or withheld, and nobody can tell which. (A district
 *    listed beside a withheld count would tell that a case is there.)
 * 3. The tables of one dashboard describe the same population (cases by district, by stage, by
 *    status… each adds up to the number of cases), so they have one total, published once for the
 *    dashboard. Once that total is known, total minus the shown cells of any table is the sum of that
 *    table's withheld cells. So, complementary (secondary) suppression, in every table:
 *    - never exactly one withheld cell (it would be that sum, exactly): withhold another;
 *    - never a withheld sum from 1 to threshold-1 (it would tell that a few cases are somewhere
 *      among the keys not listed): withhold more.
 *    Further cells are taken smallest first (ties in the table's order), until the table has no
 *    withheld cell, or at least two whose sum is at least the threshold. With at least two keys not
 *    listed and a sum of at least the threshold, each of them may be anything from 0 to that sum.
 *    The sum itself is then not small, and is shown (`suppressedTotal`) as it follows anyway.
 * 4. When the whole population is small (1 to threshold-1), the total is withheld, every cell with
 *    it, and the dashboard says "fewer than N" (`fewerThan`) rather than showing nothing at all.
 *
 * A count withheld for being small carries `fewerThan: threshold`; a count withheld to protect
 * another (where saying "fewer than" would be false, or would tell which count is the small one)
 * carries only `suppressed: true`. "Fewer than" carries its text for the console, Thai first.
 *
 * The tables are assumed to be related only through their common total (one-way tables, no
 * cross-tabulation): a dashboard that also publishes a count nested in a cell (referrals overdue
 * among those sent) must protect that relation itself, with {@link publishPart}. A threshold of 2
 * withholds only ones, so "fewer than 2" says "one": set DASHBOARD_MIN_COUNT to 3 or more.
 *
 * Outside these rules: a reader who already knows which keys hold cases (not from the dashboard)
 * learns that each withheld key holds at least one, so withheld cells that are all ones and add up
 * to their number would be known; and a reader who reasons from the order in which further cells are
 * taken (smallest first) knows that each of them is at most the smallest cell shown.
 */

export interface CountLabel {
  readonly th: string;
  readonly en: string;
}

export type ShownCount = { readonly count: number; readonly suppressed: false };
export type WithheldCount = {
  readonly count: null;
  readonly suppressed: true;
  /** Present when the withheld count is itself small: from 1 to this number minus one. */
  readonly fewerThan?: number;
  /** With `fewerThan`: what to show in its place, Thai first. */
  readonly label?: CountLabel;
};
/** A count on a dashboard: shown, or withheld because it could single a person out. */
export type PublishedCount = ShownCount | WithheldCount;

export const shownCount = (count: number): ShownCount => ({ count, suppressed: false });

/** A count withheld for being small (1 to threshold-1). */
export const fewerThan = (threshold: number): WithheldCount => ({
  count: null,
  suppressed: true,
  fewerThan: threshold,
  label: { th: `น้อยกว่า ${threshold}`, en: `fewer than ${threshold}` },
});

/** A count withheld because it would give another away: it may be large, so "fewer than" would be false. */
export const withheldCount = (): WithheldCount => ({ count: null, suppressed: true });

const isSmall = (count: number, threshold: number) => count > 0 && count < threshold;

/** A count that nothing else shown adds up with: withheld from 1 to threshold-1, as "fewer than". */
export function publish(count: number, threshold: number): PublishedCount {
  return isSmall(count, threshold) ? fewerThan(threshold) : shownCount(count);
}

/**
 * A count nested in a cell of a published table (referrals overdue among those sent): shown only
 * when that cell is listed and neither the part nor what it leaves of the cell is small; otherwise
 * withheld without saying which. When the cell is not listed (empty or withheld: nobody may tell
 * which), the part is withheld even at zero, as showing it would tell the two apart.
 */
export function publishPart(part: number, whole: number | undefined, threshold: number): PublishedCount {
  if (whole === undefined) return withheldCount();
  return isSmall(part, threshold) || isSmall(whole - part, threshold) ? withheldCount() : shownCount(part);
}

export interface CountRow<Key> {
  readonly key: Key;
  readonly count: number;
}

export interface PublishedTable<Key> {
  /** The cells that are shown; a withheld cell, or one with no cases, is left out, key and all. */
  readonly rows: ReadonlyArray<{ readonly key: Key } & ShownCount>;
  /** What the keys not listed add up to: 0 or at least the threshold, else the whole dashboard is "fewer than". */
  readonly suppressedTotal: PublishedCount;
}

/**
 * Which cells of one table to withhold when its total is known: the small ones, then the smallest
 * others until no withheld cell is alone and their sum is not small (rule 3 above). When the total
 * itself is small every non-empty cell is small, so all are withheld and the caller withholds the
 * total too.
 */
export function cellsToWithhold(counts: readonly number[], threshold: number): ReadonlySet<number> {
  const withheld = new Set(counts.flatMap((count, i) => (isSmall(count, threshold) ? [i] : [])));
  const others = counts
    .flatMap((count, i) => (count > 0 && !withheld.has(i) ? [i] : []))
    .sort((a, b) => counts[a] - counts[b] || a - b);
  let sum = [...withheld].reduce((s, i) => s + counts[i], 0);
  for (const next of others) {
    if (withheld.size === 0 || (withheld.size >= 2 && sum >= threshold)) break;
    withheld.add(next);
    sum += counts[next];
  }
  return withheld;
}

export interface PublishedTables<Name extends string, Key> {
  /** The number counted, the same in every table: shown once, withheld as "fewer than" when small. */
  readonly total: PublishedCount;
  readonly tables: { readonly [N in Name]: PublishedTable<Key> };
}

/**
 * Several one-way tables over one population (each row of every table counts the same people once),
 * with complementary suppression so that no withheld cell follows from the one total and the cells
 * shown, within a table or across them.
 */
export function publishTables<Name extends string, Key>(
  tables: { readonly [N in Name]: ReadonlyArray<CountRow<Key>> },
  threshold: number,
): PublishedTables<Name, Key> {
  const names = Object.keys(tables) as Name[];
  const sums = names.map((name) => tables[name].reduce((sum, r) => sum + r.count, 0));
  if (sums.some((sum) => sum !== sums[0]))
    throw new Error(`tables over one population must add up to one total, not ${sums.join(', ')}`);
  const total = publish(sums[0] ?? 0, threshold);
  const published = {} as { [N in Name]: PublishedTable<Key> };
  for (const name of names) {
    const rows = tables[name];
    const withheld = cellsToWithhold(
      rows.map((r) => r.count),
      threshold,
    );
    const hidden = [...withheld].reduce((sum, i) => sum + rows[i].count, 0);
    published[name] = {
      rows: rows.flatMap((r, i) => (r.count > 0 && !withheld.has(i) ? [{ key: r.key, ...shownCount(r.count) }] : [])),
      suppressedTotal: total.count === null ? total : shownCount(hidden),
    };
  }
  return { total, tables: published };
}

/** Nearest-rank percentile of a non-empty list of numbers. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

/** How many of the items fall under each key, keys in order; keys with none are not listed. */
export function countBy<Item>(items: readonly Item[], keyOf: (item: Item) => string): Array<CountRow<string>> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(keyOf(item), (counts.get(keyOf(item)) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([key, count]) => ({ key, count }));
}
