import fc from 'fast-check';
import { kAnonymise, suppressTable } from './small-counts';

describe('the small-count rule', () => {
  it('withholds a small cell and, when it alone would follow from the total, the next smallest too', () => {
    const t = suppressTable(
      [
        { key: 'a', count: 2 },
        { key: 'b', count: 7 },
        { key: 'c', count: 9 },
      ],
      5,
    );
    expect(t.rows).toEqual([{ key: 'c', count: 9 }]);
    expect(t.withheldCells).toBe(2);
    expect(t.withheldTotal).toEqual({ count: 9, withheld: false });
    expect(t.total).toEqual({ count: 18, withheld: false });
  });

  it('withholds the total when no cell is left to hide a small one behind', () => {
    const t = suppressTable(
      [
        { key: 'a', count: 1 },
        { key: 'b', count: 2 },
      ],
      5,
    );
    expect(t.rows).toEqual([]);
    expect(t.total.withheld).toBe(true);
  });

  it('never leaves a small count derivable by subtracting what is shown from the total', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 30 }), { maxLength: 8 }),
        fc.integer({ min: 2, max: 11 }),
        (counts, threshold) => {
          const t = suppressTable(
            counts.map((count, i) => ({ key: `k${i}`, count })),
            threshold,
          );
          for (const r of t.rows) expect(r.count === 0 || r.count >= threshold).toBe(true);
          const shown = t.rows.reduce((s, r) => s + r.count, 0);
          if (!t.total.withheld) {
            const hidden = t.total.count - shown;
            expect(hidden === 0 || hidden >= threshold).toBe(true);
          }
        },
      ),
    );
  });
});

describe('k-anonymity of record exports', () => {
  it('coarsens and leaves out until every combination of quasi-identifiers is shared by k records', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            d: fc.constantFrom('1', '2', '3'),
            m: fc.constantFrom('01', '02', '07'),
            a: fc.constantFrom('x', 'y'),
          }),
          { maxLength: 60 },
        ),
        fc.integer({ min: 2, max: 6 }),
        (records, k) => {
          const out = kAnonymise(
            records,
            {
              d: [(r) => r.d, () => '*'],
              m: [(r) => r.m, (r) => (r.m < '07' ? 'H1' : 'H2'), () => '*'],
              a: [(r) => r.a, () => '*'],
            },
            k,
          );
          const sizes = new Map<string, number>();
          for (const r of out.records)
            sizes.set(JSON.stringify(r.quasi), (sizes.get(JSON.stringify(r.quasi)) ?? 0) + 1);
          for (const size of sizes.values()) expect(size).toBeGreaterThanOrEqual(k);
          expect(out.records.length + out.suppressedRecords).toBe(records.length);
        },
      ),
    );
  });
});
