import { jsonDiff } from './json-diff';

describe('a field-level diff', () => {
  it('names each changed field by its path', () => {
    expect(jsonDiff({ a: 1, b: { c: 'x', d: 2 } }, { a: 1, b: { c: 'y', d: 2 } })).toEqual([
      { path: 'b.c', before: 'x', after: 'y' },
    ]);
  });

  it('matches list items by their key, so one added item is one change', () => {
    const keyOf = (i: Record<string, unknown>) => i.id as string;
    const before = { items: [{ id: 'p1', amount: 10 }] };
    const after = {
      items: [
        { id: 'p0', amount: 5 },
        { id: 'p1', amount: 8 },
      ],
    };
    expect(jsonDiff(before, after, keyOf)).toEqual([
      { path: 'items[p1].amount', before: 10, after: 8 },
      { path: 'items[p0]', before: null, after: { id: 'p0', amount: 5 } },
    ]);
  });

  it('reports nothing for equal values', () => {
    expect(jsonDiff({ a: [1, 2] }, { a: [1, 2] })).toEqual([]);
  });
});
