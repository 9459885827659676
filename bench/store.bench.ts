import { SqliteEventStore, type EventStore, type NewEvent } from '@ruamjai/event-store';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { loop, type Phase } from './measure';

export const benchEvent = (i: number): NewEvent => ({
  id: randomUUID(),
  type: 'ProjectAdded',
  data: {
    planId: 'bench',
    projectId: randomUUID(),
    titleTh: 'โครงการทดสอบ',
    requestedBudgetSatang: 100_000 + i,
    districtCodes: ['2706'],
  },
  metadata: {
    actorId: 'bench',
    agency: 'PSDHS-SK',
    role: 'coordinator',
    correlationId: 'bench',
    occurredAt: new Date().toISOString(),
  },
});

export interface StoreFigures {
  sequentialAppendsPerSecond: number;
  concurrentAppendsPerSecond: number;
  batchEventsPerSecond: number;
}

export interface StoreBench {
  /** (b) durable single-event appends with an expected revision, one after another on one stream. */
  sequential: Phase;
  /** (b) the same from 32 concurrent writers, each on its own stream. */
  concurrent: Phase;
  /** (c) 100-event appends, one after another on one stream. */
  batch: Phase;
  close(): Promise<void>;
}

/** Our store on a fresh file in `dir`, with its measured phases; each keeps its streams' revisions between runs. */
export function openStoreBench(dir: string): StoreBench {
  return storeBench(SqliteEventStore.open({ file: join(dir, 'store-bench.sqlite') }));
}

/** The measured phases on any store behind the port (the PostgreSQL one among them). */
export function storeBench(store: EventStore): StoreBench {
  let revision = -1n;
  const stream = `bench-seq-${randomUUID()}`;
  const sequential = loop(async () => {
    const result = await store.append(stream, [benchEvent(0)], { expected: revision < 0n ? 'no_stream' : revision });
    revision = result.nextExpectedRevision;
    return 1;
  });

  const writers = Array.from({ length: 32 }, (_, w) => ({ id: `bench-concurrent-${w}-${randomUUID()}`, rev: -1n }));
  const concurrent: Phase = async (deadline) => {
    const counts = await Promise.all(
      writers.map(async (writer) => {
        let n = 0;
        while (performance.now() < deadline) {
          const result = await store.append(writer.id, [benchEvent(n)], {
            expected: writer.rev < 0n ? 'no_stream' : writer.rev,
          });
          writer.rev = result.nextExpectedRevision;
          n++;
        }
        return n;
      }),
    );
    return counts.reduce((a, b) => a + b, 0);
  };

  let batchRevision = -1n;
  const batchStream = `bench-batch-${randomUUID()}`;
  const batch = loop(async () => {
    const events = Array.from({ length: 100 }, (_, i) => benchEvent(i));
    const result = await store.append(batchStream, events, {
      expected: batchRevision < 0n ? 'no_stream' : batchRevision,
    });
    batchRevision = result.nextExpectedRevision;
    return 100;
  });

  return { sequential, concurrent, batch, close: () => store.close() };
}
