/**
 * The small-count rule for a column of counts where every key is listed (every province of the
 * country, with a national total below): unlike the case dashboards, which leave a withheld cell
 * out key and all, here a reader sees which cells are withheld and which of them are small.
 *
 * What the reader is assumed to know: every cell shown, the total when shown, that a cell marked
 * "fewer than N" holds 1 to N-1, and that any other withheld cell holds N or more (or, in a column
 * nested in another, anything). From that no withheld count may follow exactly. The rules:
 *
 * 1. Primary: a count from 1 to threshold-1 is withheld and marked "fewer than threshold". Zero is
 *    shown: it singles no one out.
 * 2. Complementary: when the total is shown, total minus the shown cells is the sum of the withheld
 *    ones. So more cells are withheld, the smallest first (ties in the column's order), until the
 *    withheld cells are at least two, their sum is not small, and the sum together with what each
 *    withheld cell is known to lie within leaves every one of them at least two possible values.
 *    (Withheld cells that add up to zero are all zero, and may be known: zero singles no one out.)
 *    (One small cell of 1 beside one further cell of exactly the threshold would give both away:
 *    1 + 5 = 6, and nothing else adds up to 6.)
 * 3. When no choice of further cells can do that, the total is withheld too.
 * 4. A small total is withheld as "fewer than", and so is every cell that is not zero.
 *
 * Outside these rules: counts in different columns are assumed to be related only as the caller
 * says (a column nested in another, {@link publishNestedColumn}); sums across columns of one row are
 * not published.
 */

export interface CountLabel {
  readonly th: string;
  readonly en: string;
}

/** A count in the roll-up: shown, or withheld (with "fewer than" when it is itself small). */
export type RollupCount =
  | { readonly count: number; readonly suppressed: false }
  | {
      readonly count: null;
      readonly suppressed: true;
      /** Present when the withheld count is itself small: from 1 to this number minus one. */
      readonly fewerThan?: number;
      /** With `fewerThan`: what to show in its place, Thai first. */
      readonly label?: CountLabel;
    };

export interface PublishedColumn {
  /** One published count per count given, in the same order. */
  readonly cells: readonly RollupCount[];
  readonly total: RollupCount;
}

const isSmall = (count: number, threshold: number) => count > 0 && count < threshold;

const shown = (count: number): RollupCount => ({ count, suppressed: false });
const withheldAs = (count: number, threshold: number): RollupCount =>
  isSmall(count, threshold)
    ? {
        count: null,
        suppressed: true,
        fewerThan: threshold,
        label: { th: `น้อยกว่า ${threshold}`, en: `fewer than ${threshold}` },
      }
    : { count: null, suppressed: true };

/** What a reader knows a withheld cell lies within, from how it is marked. */
function boundsOf(count: number, threshold: number, nested: boolean): { lo: number; hi: number } {
  if (isSmall(count, threshold)) return { lo: 1, hi: threshold - 1 };
  // A withheld cell not marked small holds the threshold or more; in a nested column it may be anything.
  return { lo: nested ? 0 : threshold, hi: Infinity };
}

/**
 * Whether the withheld cells, knowing their sum and each one's bounds, leave every one of them at
 * least two possible values (rule 2).
 */
export function withheldCellsAreSafe(
  counts: readonly number[],
  withheld: ReadonlySet<number>,
  threshold: number,
  nested = false,
): boolean {
  const cells = [...withheld].map((i) => ({ count: counts[i], ...boundsOf(counts[i], threshold, nested) }));
  const sum = cells.reduce((s, c) => s + c.count, 0);
  // Withheld cells that add up to nothing are all zero, which singles no one out.
  if (sum === 0) return true;
  if (cells.length < 2 || isSmall(sum, threshold)) return false;
  return cells.every((c, i) => {
    const others = cells.filter((_, j) => j !== i);
    const lo = Math.max(c.lo, sum - others.reduce((s, o) => s + o.hi, 0));
    const hi = Math.min(c.hi, sum - others.reduce((s, o) => s + o.lo, 0));
    return hi > lo;
  });
}

function complete(
  counts: readonly number[],
  initial: ReadonlySet<number>,
  threshold: number,
  nested: boolean,
): { withheld: Set<number>; safe: boolean } {
  const withheld = new Set(initial);
  if (withheld.size === 0) return { withheld, safe: true };
  const candidates = counts
    .flatMap((count, i) => (count > 0 && !withheld.has(i) ? [i] : []))
    .sort((a, b) => counts[a] - counts[b] || a - b);
  for (const next of candidates) {
    if (withheldCellsAreSafe(counts, withheld, threshold, nested)) return { withheld, safe: true };
    withheld.add(next);
  }
  return { withheld, safe: withheldCellsAreSafe(counts, withheld, threshold, nested) };
}

function assemble(
  counts: readonly number[],
  withheld: ReadonlySet<number>,
  total: RollupCount,
  threshold: number,
): PublishedColumn {
  return {
    cells: counts.map((count, i) => (withheld.has(i) ? withheldAs(count, threshold) : shown(count))),
    total,
  };
}

/** A column of counts with its total, under rules 1 to 4. */
export function publishColumn(counts: readonly number[], threshold: number): PublishedColumn {
  const sum = counts.reduce((s, c) => s + c, 0);
  const primary = new Set(counts.flatMap((count, i) => (isSmall(count, threshold) ? [i] : [])));
  if (isSmall(sum, threshold)) return assemble(counts, primary, withheldAs(sum, threshold), threshold);
  const { withheld, safe } = complete(counts, primary, threshold, false);
  return assemble(counts, safe ? withheld : primary, safe ? shown(sum) : withheldAs(sum, threshold), threshold);
}

/**
 * A column nested in another, row by row (open cases among the cases opened): a part is withheld
 * where its whole is, where it is small, and where what it leaves of its whole is small (the closed
 * cases would follow by subtraction); then rules 2 and 3 over the column. Its total is withheld
 * where the whole's total is, or where it or what it leaves of that total is small.
 */
export function publishNestedColumn(
  parts: readonly number[],
  wholes: readonly number[],
  whole: PublishedColumn,
  threshold: number,
): PublishedColumn {
  const forced = new Set(
    parts.flatMap((part, i) =>
      whole.cells[i].suppressed || isSmall(part, threshold) || isSmall(wholes[i] - part, threshold) ? [i] : [],
    ),
  );
  const sum = parts.reduce((s, c) => s + c, 0);
  const wholeSum = wholes.reduce((s, c) => s + c, 0);
  const totalWithheld = whole.total.suppressed || isSmall(sum, threshold) || isSmall(wholeSum - sum, threshold);
  if (totalWithheld) return assemble(parts, forced, withheldAs(sum, threshold), threshold);
  const { withheld, safe } = complete(parts, forced, threshold, true);
  return assemble(parts, safe ? withheld : forced, safe ? shown(sum) : withheldAs(sum, threshold), threshold);
}
