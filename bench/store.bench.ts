import { SqliteEventStore, type NewEvent } from '@ruamjai/event-store';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { rate } from './measure';

const event = (i: number): NewEvent => ({
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

/** (b) durable single-event appends with an expected revision, sequential and 32 writers; (c) 100-event appends. */
export async function storeFigures(dir: string, seconds: number): Promise<StoreFigures> {
  const store = SqliteEventStore.open({ file: join(dir, 'store-bench.sqlite') });
  try {
    let revision = -1n;
    const stream = `bench-seq-${randomUUID()}`;
    const sequential = await rate(seconds, async () => {
      const result = await store.append(stream, [event(0)], { expected: revision < 0n ? 'no_stream' : revision });
      revision = result.nextExpectedRevision;
      return 1;
    });

    const writers = 32;
    const deadline = performance.now() + seconds * 1000;
    const started = performance.now();
    const counts = await Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        const id = `bench-concurrent-${w}-${randomUUID()}`;
        let rev = -1n;
        let n = 0;
        while (performance.now() < deadline) {
          const result = await store.append(id, [event(n)], { expected: rev < 0n ? 'no_stream' : rev });
          rev = result.nextExpectedRevision;
          n++;
        }
        return n;
      }),
    );
    const concurrent = counts.reduce((a, b) => a + b, 0) / ((performance.now() - started) / 1000);

    let batchRevision = -1n;
    const batchStream = `bench-batch-${randomUUID()}`;
    const batches = await rate(seconds, async () => {
      const events = Array.from({ length: 100 }, (_, i) => event(i));
      const result = await store.append(batchStream, events, {
        expected: batchRevision < 0n ? 'no_stream' : batchRevision,
      });
      batchRevision = result.nextExpectedRevision;
      return 100;
    });
    return {
      sequentialAppendsPerSecond: sequential.perSecond,
      concurrentAppendsPerSecond: concurrent,
      batchEventsPerSecond: batches.perSecond,
    };
  } finally {
    await store.close();
  }
}
