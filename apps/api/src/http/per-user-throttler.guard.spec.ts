import { PerUserThrottlerGuard } from './per-user-throttler.guard';

class Exposed extends PerUserThrottlerGuard {
  tracker(request: Record<string, unknown>) {
    return this.getTracker(request);
  }
}

describe('whose request budget a request spends', () => {
  const guard = new Exposed({ throttlers: [] }, {} as never, {} as never);

  it("spends the signed-in user's own, not the shared address's", async () => {
    expect(
      await guard.tracker({ ip: '10.1.1.1', actor: { id: 'somchai', agency: 'PSDHS-SK', role: 'coordinator' } }),
    ).toBe('user:PSDHS-SK:somchai');
    expect(
      await guard.tracker({ ip: '10.1.1.1', actor: { id: 'malee', agency: 'PSDHS-SK', role: 'agency_officer' } }),
    ).toBe('user:PSDHS-SK:malee');
  });

  it("spends the address's when there is no signed-in user (request.ip: the socket's unless a trusted proxy forwarded it)", async () => {
    expect(await guard.tracker({ ip: '127.0.0.1', headers: { 'x-forwarded-for': '203.0.113.9' } })).toBe(
      'address:127.0.0.1',
    );
  });
});
