import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { EventStore } from '@ruamjai/event-store';
import type { ProjectionProgress } from '@ruamjai/read-models';

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
        if (!progress) return;
        const head = (await store.headPosition()) ?? 0n;
        for (const [name, checkpoint] of progress.checkpoints())
          this.set({ projection: name }, Number(head - checkpoint));
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
