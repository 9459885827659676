import fc from 'fast-check';
import { publishColumn, publishNestedColumn, type RollupCount } from './column-suppression';

const shownOf = (cells: readonly RollupCount[]) => cells.map((c) => c.count);

/**
 * By brute force, the values a withheld cell could hold for a reader who knows the total, the cells
 * shown and what each withheld cell is marked as: small ones 1..t-1, other ones t or more (or
 * anything, in a nested column). Answers, per withheld cell, how many values stay possible.
 */
function possibleValues(
  published: { cells: readonly RollupCount[]; total: RollupCount },
  threshold: number,
  nested = false,
): number[] {
  if (published.total.count === null) return [];
  const shown = published.cells.reduce((s, c) => s + (c.count ?? 0), 0);
  const sum = published.total.count - shown;
  const withheld = published.cells.filter((c) => c.suppressed);
  const range = (c: RollupCount): number[] => {
    const lo = c.suppressed && c.fewerThan ? 1 : nested ? 0 : threshold;
    const hi = c.suppressed && c.fewerThan ? c.fewerThan - 1 : sum;
    return Array.from({ length: Math.max(0, hi - lo + 1) }, (_, k) => lo + k);
  };
  return withheld.map((cell, i) => {
    const others = withheld.filter((_, j) => j !== i);
    // Sums the other withheld cells can reach together.
    let reachable = new Set([0]);
    for (const o of others) {
      const next = new Set<number>();
      for (const s of reachable) for (const v of range(o)) if (s + v <= sum) next.add(s + v);
      reachable = next;
    }
    return range(cell).filter((v) => reachable.has(sum - v)).length;
  });
}

describe('the small-count rule over every province', () => {
  it("hides a province's count of 1 to 4 cases and one more so the total cannot reveal it", () => {
    const column = publishColumn([0, 3, 12, 40], 5);
    expect(shownOf(column.cells)).toEqual([0, null, null, 40]);
    expect(column.cells[1]).toMatchObject({ suppressed: true, fewerThan: 5, label: { th: 'น้อยกว่า 5' } });
    // The one hidden to protect the small count is not "fewer than": it may be large.
    expect(column.cells[2]).toEqual({ count: null, suppressed: true });
    expect(column.total).toEqual({ count: 55, suppressed: false });
  });

  it('shows zero: a province with no case singles no one out', () => {
    const column = publishColumn([0, 0, 7], 5);
    expect(column.cells).toEqual([
      { count: 0, suppressed: false },
      { count: 0, suppressed: false },
      { count: 7, suppressed: false },
    ]);
  });

  it('hides one more than "one more" when one of 1 beside one of exactly 5 would give both away', () => {
    // 1 + 5 = 6, and "fewer than 5" plus "5 or more" adds up to 6 only one way.
    const column = publishColumn([1, 5, 9], 5);
    expect(shownOf(column.cells)).toEqual([null, null, null]);
    expect(column.total).toEqual({ count: 15, suppressed: false });
  });

  it('hides one more where the hidden counts would add up to a small number themselves', () => {
    // 1 and 2 hidden would still tell that 3 people are in those two provinces.
    const column = publishColumn([1, 2, 20, 30], 5);
    expect(shownOf(column.cells)).toEqual([null, null, null, 30]);
  });

  it('withholds the national total when no set of provinces can hide a small count', () => {
    const column = publishColumn([1, 5], 5);
    expect(column.total).toMatchObject({ count: null, suppressed: true });
    expect(column.cells[1]).toEqual({ count: 5, suppressed: false });
  });

  it('withholds a small national total as "fewer than", with every province that has any', () => {
    const column = publishColumn([0, 2, 1], 5);
    expect(column.total).toMatchObject({ suppressed: true, fewerThan: 5 });
    expect(shownOf(column.cells)).toEqual([0, null, null]);
  });

  it('leaves every withheld count at least two possible values, whatever the counts', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 14 }), { maxLength: 7 }), fc.integer({ min: 3, max: 6 }), (counts, t) => {
        const column = publishColumn(counts, t);
        for (const [i, c] of column.cells.entries()) {
          if (!c.suppressed) expect(c.count === 0 || c.count >= t).toBe(true);
          else expect(c.fewerThan !== undefined).toBe(counts[i] > 0 && counts[i] < t);
        }
        for (const n of possibleValues(column, t)) expect(n).toBeGreaterThanOrEqual(2);
        if (column.total.count !== null) expect(column.total.count).toBe(counts.reduce((s, c) => s + c, 0));
      }),
    );
  });
});

describe('a column nested in another (open cases among those opened)', () => {
  const threshold = 5;

  it('hides the part where its whole is hidden, and where the rest of the whole would be small', () => {
    const opened = [3, 20, 30, 40];
    const whole = publishColumn(opened, threshold);
    // 20 opened, 18 still open: 2 closed would follow by subtraction.
    const open = publishNestedColumn([2, 18, 10, 20], opened, whole, threshold);
    expect(open.cells[0].suppressed).toBe(true);
    expect(open.cells[1].suppressed).toBe(true);
    expect(open.cells[1]).not.toHaveProperty('fewerThan');
  });

  it('shows a national part of zero beside hidden wholes: hidden parts that add up to nothing are all zero', () => {
    const opened = [7, 2, 0];
    const whole = publishColumn(opened, threshold);
    const victims = publishNestedColumn([0, 0, 0], opened, whole, threshold);
    expect(shownOf(victims.cells)).toEqual([null, null, 0]);
    expect(victims.total).toEqual({ count: 0, suppressed: false });
  });

  it('withholds the national part when what it leaves of the national whole is small', () => {
    const opened = [10, 20];
    const whole = publishColumn(opened, threshold);
    const open = publishNestedColumn([9, 18], opened, whole, threshold);
    expect(open.total).toMatchObject({ count: null, suppressed: true });
  });

  it('never shows a part beside a hidden whole, nor a small part, nor a part with a small rest', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc
            .tuple(fc.nat({ max: 14 }), fc.nat({ max: 14 }))
            .map(([a, b]) => ({ whole: Math.max(a, b), part: Math.min(a, b) })),
          { maxLength: 7 },
        ),
        (rows) => {
          const wholes = rows.map((r) => r.whole);
          const parts = rows.map((r) => r.part);
          const whole = publishColumn(wholes, threshold);
          const part = publishNestedColumn(parts, wholes, whole, threshold);
          for (const [i, c] of part.cells.entries()) {
            if (c.suppressed) continue;
            expect(whole.cells[i].suppressed).toBe(false);
            expect(c.count === 0 || c.count >= threshold).toBe(true);
            const rest = wholes[i] - parts[i];
            expect(rest === 0 || rest >= threshold).toBe(true);
          }
          const hiddenSum = parts.reduce((s, p, i) => s + (part.cells[i].suppressed ? p : 0), 0);
          if (hiddenSum > 0) for (const n of possibleValues(part, threshold, true)) expect(n).toBeGreaterThanOrEqual(2);
        },
      ),
    );
  });
});
