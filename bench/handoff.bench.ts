import { Worker } from 'node:worker_threads';

/**
 * The hand-off floor: a message to a thread and back, with no work between, in the same shape as the
 * store's writer (the thread takes the message, waits for setImmediate to gather others, answers).
 * Appends never run on the caller's event loop (EVENT-STORE-SEMANTICS: appends never stall it), so
 * each sequential append pays this on top of the SQLite floor's own transaction.
 */
export async function handoffRoundTripsPerSecond(seconds: number): Promise<number> {
  const worker = new Worker(
    `const { parentPort } = require('node:worker_threads');
     let queue = [];
     let scheduled = false;
     parentPort.on('message', (id) => {
       queue.push(id);
       if (scheduled) return;
       scheduled = true;
       setImmediate(() => {
         scheduled = false;
         const batch = queue;
         queue = [];
         parentPort.postMessage(batch);
       });
     });`,
    { eval: true },
  );
  try {
    let next = 0;
    const roundTrip = () =>
      new Promise<void>((resolve) => {
        worker.once('message', () => resolve());
        worker.postMessage(next++);
      });
    for (let i = 0; i < 1000; i++) await roundTrip();
    let count = 0;
    const end = performance.now() + seconds * 1000;
    while (performance.now() < end) {
      await roundTrip();
      count++;
    }
    return count / seconds;
  } finally {
    await worker.terminate();
  }
}
