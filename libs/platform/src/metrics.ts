import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { EventStore } from '@ruamjai/event-store';
import { projectionsHere, type LeaseListener, type Leases, type ProjectionProgress } from '@ruamjai/read-models';

/** The process's Prometheus metrics (prom-client), one registry per process. */
export class Metrics {
  readonly registry = new Registry();
  readonly commands = new Counter({
    name: 'ruamjai_commands_total',
    help: 'Commands handled, by command and outcome (ok, refused, conflict, error).',
    labelNames: ['command', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly commandSeconds = new Histogram({
    name: 'ruamjai_command_duration_seconds',
    help: 'Time from a command reaching its handler to its events being durable.',
    labelNames: ['command'] as const,
    buckets: [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });

  constructor(app: string) {
    this.registry.setDefaultLabels({ app });
    collectDefaultMetrics({ register: this.registry, prefix: 'ruamjai_' });
  }

  /** Projection lag: how far each projection's checkpoint trails the head of the log (positions). */
  watchProjections(store: EventStore, progress: ProjectionProgress | null): void {
    new Gauge({
      name: 'ruamjai_projection_lag_positions',
      help: 'Head position of the log minus the projection checkpoint.',
      labelNames: ['projection'] as const,
      registers: [this.registry],
      async collect() {
        // A process standing by for the projections' lease reports no lag: the holder does.
        const here = projectionsHere(progress);
        if (!here) return;
        const head = (await store.headPosition()) ?? 0n;
        for (const [name, checkpoint] of here.checkpoints()) this.set({ projection: name }, Number(head - checkpoint));
      },
    });
    new Gauge({
      name: 'ruamjai_projection_stalled',
      help: 'Whether a projection is stalled on an event it could not apply (1) or not (0); the others go on.',
      labelNames: ['projection'] as const,
      registers: [this.registry],
      collect() {
        if (!progress) return;
        const stalled = new Set(
          progress
            .failures()
            .filter((f) => f.state === 'stalled')
            .map((f) => f.name),
        );
        for (const name of progress.checkpoints().keys()) this.set({ projection: name }, stalled.has(name) ? 1 : 0);
      },
    });
    new Gauge({
      name: 'ruamjai_projection_failed_attempts',
      help: 'Attempts a projection has made at the event it is failing on (0 when it is not failing).',
      labelNames: ['projection'] as const,
      registers: [this.registry],
      collect() {
        if (!progress) return;
        const attempts = new Map(progress.failures().map((f) => [f.name, f.attempts]));
        for (const name of progress.checkpoints().keys()) this.set({ projection: name }, attempts.get(name) ?? 0);
      },
    });
  }

  /**
   * Leases (PostgreSQL read models): which parts this process runs now, and how often it took each:
   * a failover shows as the standby's counter moving and its gauge going to 1.
   */
  watchLeases(leases: Leases): void {
    new Gauge({
      name: 'ruamjai_lease_held',
      help: 'Whether this process holds the lease of a part (1) and runs it, or stands by for it (0).',
      labelNames: ['part'] as const,
      registers: [this.registry],
      collect() {
        const status = leases.status();
        for (const part of status.held) this.set({ part }, 1);
        for (const part of status.standingBy) this.set({ part }, 0);
      },
    });
    const acquired = new Counter({
      name: 'ruamjai_lease_acquired_total',
      help: 'Times this process took the lease of a part (at start, or taking over from another).',
      labelNames: ['part'] as const,
      registers: [this.registry],
    });
    const listener: LeaseListener = {
      registered: (part) => acquired.inc({ part }, 0),
      acquired: (part) => acquired.inc({ part }),
    };
    leases.listen(listener);
  }

  /** Relay lag: how far the broker-acknowledged checkpoint trails the head of the log. */
  watchRelay(store: EventStore, name: string, checkpoint: () => bigint): void {
    new Gauge({
      name: 'ruamjai_relay_lag_positions',
      help: 'Head position of the log minus the position the broker last acknowledged.',
      labelNames: ['relay'] as const,
      registers: [this.registry],
      async collect() {
        const head = (await store.headPosition()) ?? 0n;
        this.set({ relay: name }, Number(head - checkpoint()));
      },
    });
  }

  /** Consumer lag: messages on each inbound topic not yet handled by the consumer group. */
  watchConsumerLag(consumer: string, lag: () => Promise<Map<string, number>>): void {
    new Gauge({
      name: 'ruamjai_consumer_lag_messages',
      help: "Messages on an inbound topic beyond the consumer group's committed offset.",
      labelNames: ['consumer', 'topic'] as const,
      registers: [this.registry],
      async collect() {
        for (const [topic, messages] of await lag()) this.set({ consumer, topic }, messages);
      },
    });
  }

  async expose(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
