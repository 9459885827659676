import type { ThrottlerStorage } from '@nestjs/throttler';

interface Window {
  startedAt: number;
  hits: number;
  blockedUntil: number;
}

/**
 * Fixed-window counters for @nestjs/throttler: O(1) a request. The default storage keeps every
 * hit's expiry and filters the list on each request, which costs more than the request itself
 * once a client is busy.
 */
export class FixedWindowThrottlerStorage implements ThrottlerStorage {
  private readonly windows = new Map<string, Window>();
  private lastSweep = Date.now();

  constructor(private readonly now: () => number = Date.now) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string) {
    const now = this.now();
    this.sweep(now, ttl);
    const id = `${throttlerName}\u0000${key}`;
    let window = this.windows.get(id);
    if (!window || now - window.startedAt >= ttl) {
      window = { startedAt: now, hits: 0, blockedUntil: window && window.blockedUntil > now ? window.blockedUntil : 0 };
      this.windows.set(id, window);
    }
    if (window.blockedUntil <= now) window.hits += 1;
    if (window.hits > limit && window.blockedUntil <= now) window.blockedUntil = now + blockDuration;
    const isBlocked = window.blockedUntil > now;
    return {
      totalHits: window.hits,
      timeToExpire: Math.ceil((window.startedAt + ttl - now) / 1000),
      isBlocked,
      timeToBlockExpire: isBlocked ? Math.ceil((window.blockedUntil - now) / 1000) : 0,
    };
  }

  private sweep(now: number, ttl: number): void {
    if (now - this.lastSweep < ttl) return;
    this.lastSweep = now;
    for (const [id, window] of this.windows) {
      if (now - window.startedAt >= ttl && window.blockedUntil <= now) this.windows.delete(id);
    }
  }
}
