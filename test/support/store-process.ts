/**
 * An embedded event store in a process of its own that never closes it, for tests of what keeps a
 * process alive. Usage:
 *   store-process.ts <events.sqlite> idle        opens the store, prints "opened", does nothing more
 *   store-process.ts <events.sqlite> writes <n>  starts n appends at once (distinct streams), prints
 *                                               "committed" as each one resolves
 * It exits when nothing keeps its event loop busy.
 */
import { SqliteEventStore } from '@ruamjai/event-store';
import { randomUUID } from 'node:crypto';

const [file, mode, count] = process.argv.slice(2);
const store = SqliteEventStore.open({ file });
process.stdout.write('opened\n');
if (mode === 'writes') {
  for (let i = 0; i < Number(count); i++) {
    void store
      .append(`s-${randomUUID()}`, [{ id: randomUUID(), type: 'Happened', data: { i } }], { expected: 'no_stream' })
      .then(() => process.stdout.write('committed\n'));
  }
}
