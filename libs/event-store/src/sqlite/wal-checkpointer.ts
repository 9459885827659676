import { Worker } from 'node:worker_threads';

/**
 * Checkpoints a SQLite WAL file from a thread of its own. SQLite otherwise checkpoints inside the
 * commit that crosses the threshold, on whichever thread committed: for the read models that is
 * the event loop, which then stalls for a file sync. Checkpoints run often and small, so that one
 * finishes between two commits and the next commit can start the log again from its beginning.
 */
export class WalCheckpointer {
  private readonly worker: Worker;

  constructor(file: string, intervalMs = 25) {
    const source = `
      const { workerData, parentPort } = require('node:worker_threads');
      const Database = require(workerData.driver);
      let db;
      // A database gone before this thread started (its folder removed) has nothing to checkpoint.
      try { db = new Database(workerData.file, { fileMustExist: true }); } catch { process.exit(0); }
      db.pragma('busy_timeout = 5000');
      const timer = setInterval(() => {
        try { db.pragma('wal_checkpoint(PASSIVE)'); } catch (error) { parentPort.postMessage(String(error)); }
      }, workerData.intervalMs);
      parentPort.on('message', () => { clearInterval(timer); try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {} db.close(); process.exit(0); });
    `;
    this.worker = new Worker(source, {
      eval: true,
      workerData: { file, intervalMs, driver: require.resolve('better-sqlite3') },
    });
    this.worker.unref();
    // Checkpoints are housekeeping: a failing thread must never take the process down.
    this.worker.on('error', () => undefined);
  }

  async close(): Promise<void> {
    const exited = new Promise((resolve) => this.worker.once('exit', resolve));
    this.worker.postMessage('close');
    await exited;
  }
}
