import { SqliteEventStore } from '@ruamjai/event-store';
import { systemClock } from '@ruamjai/kernel';
import { parentPort, workerData } from 'node:worker_threads';
import type { Projection } from './projection';
import { failureToJson } from './projection-failures';
import { ProjectionRunner } from './projection-runner';
import { openSqliteReadModels } from './read-model-db';

interface Data {
  eventsFile: string;
  readModelsFile: string;
  readModelCacheMb?: number;
  projectionsModule: string;
  projectionsExport: string;
  extraProjectionsModules?: Array<{ path: string; exportName: string }>;
}

const data = workerData as Data;
const port = parentPort!;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const load = (path: string, exportName: string) => (require(path) as Record<string, readonly Projection[]>)[exportName];
const projections = [
  load(data.projectionsModule, data.projectionsExport),
  ...(data.extraProjectionsModules ?? []).map((m) => load(m.path, m.exportName)),
].flat();
const store = SqliteEventStore.open({ file: data.eventsFile, readOnly: true, pollIntervalMs: 250 });
const db = openSqliteReadModels(data.readModelsFile, { cacheMb: data.readModelCacheMb });
const runner = new ProjectionRunner(
  store,
  db,
  projections,
  systemClock,
  {
    info: (obj, msg) => port.postMessage({ kind: 'log', level: 'info', obj, msg: msg ?? '' }),
    error: (obj, msg) =>
      port.postMessage({
        kind: 'log',
        level: 'error',
        obj: { ...obj, err: String((obj as { err?: unknown }).err) },
        msg: msg ?? '',
      }),
  },
  5,
  (checkpoints, caughtUp) =>
    port.postMessage({
      kind: 'progress',
      checkpoints: [...checkpoints].map(([name, position]) => [name, position.toString()]),
      caughtUp,
      failures: runner.failures().map(failureToJson),
    }),
);

port.on('message', (message: 'commit' | 'stop') => {
  if (message === 'commit') {
    store.notifyCommitted();
    return;
  }
  void (async () => {
    await runner.stop();
    await store.close();
    await db.destroy();
    process.exit(0);
  })();
});

void runner.start();
