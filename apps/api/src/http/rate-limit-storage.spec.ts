import { FixedWindowThrottlerStorage } from './rate-limit-storage';

describe('rate limit windows', () => {
  it('counts hits in a window and blocks past the limit until the block ends', async () => {
    let now = 0;
    const storage = new FixedWindowThrottlerStorage(() => now);
    for (let i = 1; i <= 3; i++)
      expect((await storage.increment('ip', 1000, 3, 5000, 'default')).isBlocked).toBe(false);
    const fourth = await storage.increment('ip', 1000, 3, 5000, 'default');
    expect(fourth).toMatchObject({ isBlocked: true, totalHits: 4, timeToBlockExpire: 5 });
    now = 2000;
    expect((await storage.increment('ip', 1000, 3, 5000, 'default')).isBlocked).toBe(true);
    now = 5001;
    expect(await storage.increment('ip', 1000, 3, 5000, 'default')).toMatchObject({ isBlocked: false, totalHits: 1 });
  });

  it('keeps clients apart', async () => {
    const storage = new FixedWindowThrottlerStorage(() => 0);
    for (let i = 0; i < 5; i++) await storage.increment('a', 1000, 3, 1000, 'default');
    expect((await storage.increment('b', 1000, 3, 1000, 'default')).isBlocked).toBe(false);
  });
});
