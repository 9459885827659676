import fc from 'fast-check';
import { percentile, publish, publishTable } from './suppression';

const shownCounts = (table: ReturnType<typeof publishTable>) => [...table.rows.map((r) => r.count), table.total.count, table.suppressedTotal.count].filter((c): c is number => c !== null);

describe('a dashboard count', () => {
  it('is withheld from 1 to threshold-1, shown at zero and from the threshold up', () => {
    expect(publish(0, 5)).toEqual({ count: 0, suppressed: false });
    expect(publish(4, 5)).toEqual({ count: null, suppressed: true });
    expect(publish(5, 5)).toEqual({ count: 5, suppressed: false });
  });

  it('never shows a count below the threshold, in a cell, a total or what a total leaves after the shown cells', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 40 }), { maxLength: 30 }), fc.integer({ min: 1, max: 20 }), (counts, threshold) => {
        const table = publishTable(counts.map((count, key) => ({ key, count })), threshold);
        for (const count of shownCounts(table)) expect(count === 0 || count >= threshold).toBe(true);
        if (table.total.count !== null) {
          const shown = table.rows.reduce((sum, r) => sum + (r.count ?? 0), 0);
          const remainder = table.total.count - shown;
          expect(remainder === 0 || remainder >= threshold).toBe(true);
        }
        // No key is listed whose count is withheld: its presence alone would tell someone is counted there.
        expect(table.rows.every((r) => !r.suppressed && r.count !== null)).toBe(true);
        // Nothing else is lost: exactly the cells that may be shown are, each with its true count.
        expect(table.rows.map((r) => r.key)).toEqual(counts.flatMap((count, key) => (count === 0 || count >= threshold ? [key] : [])));
        for (const r of table.rows) expect(r.count).toBe(counts[r.key]);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('a percentile', () => {
  it('is the nearest-rank value', () => {
    expect(percentile([5, 1, 3, 2, 4], 50)).toBe(3);
    expect(percentile([5, 1, 3, 2, 4], 90)).toBe(5);
    expect(percentile([7], 50)).toBe(7);
  });
});
