import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { configureConnection } from './sqlite-schema';
import { SqliteWriter, type WriteOp, type WriteResult } from './sqlite-writer';

/**
 * The writer thread. Appends never run on the caller's event loop; requests that arrive while a
 * commit is under way are committed together in the next transaction (group commit).
 */
interface Request {
  id: number;
  op: WriteOp;
}

const { file } = workerData as { file: string };
const db = new Database(file);
configureConnection(db);
const writer = new SqliteWriter(db);
let queue: Request[] = [];
let scheduled = false;

function drain(): void {
  scheduled = false;
  while (queue.length > 0) {
    const batch = queue;
    queue = [];
    const results: WriteResult[] = writer.applyBatch(batch.map((r) => r.op));
    parentPort!.postMessage(batch.map((r, i) => ({ id: r.id, result: results[i] })));
  }
}

parentPort!.on('message', (message: Request | 'close') => {
  if (message === 'close') {
    drain();
    db.close();
    parentPort!.postMessage('closed');
    return;
  }
  queue.push(message);
  if (!scheduled) {
    scheduled = true;
    setImmediate(drain);
  }
});
