import { canonicalJson, eventHash, GENESIS } from './audit-chain';

describe('the canonical form an event is hashed in', () => {
  it('does not depend on the order of an object’s keys, at any depth (a store may give them back in another order)', () => {
    const one = {
      type: 'ProjectAdded',
      data: { planId: 'p', budget: { amountSatang: 1, source: 'fund' } },
      at: ['b', 'a'],
    };
    const other = {
      at: ['b', 'a'],
      data: { budget: { source: 'fund', amountSatang: 1 }, planId: 'p' },
      type: 'ProjectAdded',
    };
    expect(canonicalJson(one)).toBe(canonicalJson(other));
    expect(canonicalJson(other)).toBe(
      '{"at":["b","a"],"data":{"budget":{"amountSatang":1,"source":"fund"},"planId":"p"},"type":"ProjectAdded"}',
    );
  });

  it('keeps the order of an array, which is meaning', () => {
    expect(canonicalJson(['b', 'a'])).not.toBe(canonicalJson(['a', 'b']));
  });

  it('leaves out keys whose value is undefined, as JSON storage would', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe('{"a":1}');
    expect(canonicalJson(undefined)).toBe('null');
  });

  it('gives an event the same hash whatever order its data’s keys come back in', () => {
    const a = eventHash(
      'plan-1',
      2n,
      'e',
      'ProjectAdded',
      { x: 1, y: 2 },
      { actorId: 'somchai', reason: 'r' },
      GENESIS,
    );
    const b = eventHash(
      'plan-1',
      2n,
      'e',
      'ProjectAdded',
      { y: 2, x: 1 },
      { reason: 'r', actorId: 'somchai' },
      GENESIS,
    );
    expect(a).toBe(b);
    expect(
      eventHash('plan-1', 3n, 'e', 'ProjectAdded', { x: 1, y: 2 }, { actorId: 'somchai', reason: 'r' }, GENESIS),
    ).not.toBe(a);
    expect(
      eventHash('plan-1', 2n, 'e', 'ProjectAdded', { x: 1, y: 2 }, { actorId: 'wichai', reason: 'r' }, GENESIS),
    ).not.toBe(a);
  });
});
