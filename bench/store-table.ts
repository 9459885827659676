import { FLOOR_PAYLOAD_BYTES, type FloorFigures } from './floor.bench';
import { fmt } from './measure';
import type { PeerNote, PeerRun } from './peers.bench';
import type { StoreFigures } from './store.bench';

const PEERS: Record<string, string> = { emmett_sqlite: 'Emmett SQLite', emmett_pg: 'Emmett PostgreSQL' };

/** Which of the peers' figures stand beside each of ours (Emmett PostgreSQL has no batch figure). */
const PEER_FIGURES = {
  sequential: ['emmett_sqlite_single_append_per_s', 'emmett_pg_single_append_per_s'],
  concurrent: ['emmett_sqlite_concurrent32_append_per_s', 'emmett_pg_concurrent32_append_per_s'],
  batch: ['emmett_sqlite_batch100_events_per_s'],
};

const peerName = (figure: string): string =>
  Object.entries(PEERS).find(([prefix]) => figure.startsWith(`${prefix}_`))?.[1] ?? figure;

/** The best peer figure among `names`, or why there is none. */
function bestPeer(peers: PeerRun, names: string[], ours: number, unit: string): string {
  if (!peers.ran) return 'peers not measured';
  const measured = names
    .map((name) => ({ name, value: peers.figures[name] }))
    .filter((f): f is { name: string; value: number } => typeof f.value === 'number' && f.value > 0);
  if (measured.length === 0) return 'no peer figure (failed)';
  const best = measured.reduce((a, b) => (b.value > a.value ? b : a));
  return `best peer ${peerName(best.name)} ${fmt(best.value, best.value < 100 ? 1 : 0)} ${unit}, ours ${ratio(ours, best.value)}`;
}

const ratio = (ours: number, other: number): string => `${fmt(ours / other, ours / other < 10 ? 2 : 0)}×`;

/** A target of `factor` × a floor figure: the target's text and its met cell. */
function target(ours: number, factor: number, floor: number, floorName: string): [string, string] {
  const goal = factor * floor;
  return [`≥ ${factor} × ${floorName} = ${fmt(goal)}`, `${ours >= goal ? 'yes' : 'NO'} (${ratio(ours, floor)})`];
}

/** The table rows of our store's figures, each beside the SQLite floor and the best peer, measured in the same run. */
export function storeRows(store: StoreFigures, floor: FloorFigures, peers: PeerRun): string[] {
  const single = floor.singleAppendsPerSecond;
  const batch = floor.batchEventsPerSecond;
  const rows: [string, number, string, string, string, [string, string]][] = [
    [
      '(b) durable 1-event appends, sequential, expected revision',
      store.sequentialAppendsPerSecond,
      '/s',
      `SQLite floor single ${fmt(single)} /s, ours ${ratio(store.sequentialAppendsPerSecond, single)}`,
      bestPeer(peers, PEER_FIGURES.sequential, store.sequentialAppendsPerSecond, '/s'),
      target(store.sequentialAppendsPerSecond, 0.8, single, 'floor single'),
    ],
    [
      '(b) durable 1-event appends, 32 concurrent writers',
      store.concurrentAppendsPerSecond,
      '/s',
      `SQLite floor single ${fmt(single)} /s, ours ${ratio(store.concurrentAppendsPerSecond, single)}`,
      bestPeer(peers, PEER_FIGURES.concurrent, store.concurrentAppendsPerSecond, '/s'),
      target(store.concurrentAppendsPerSecond, 2, single, 'floor single'),
    ],
    [
      '(c) events/s in 100-event appends',
      store.batchEventsPerSecond,
      'events/s',
      `SQLite floor 100-event appends ${fmt(batch)} events/s, ours ${ratio(store.batchEventsPerSecond, batch)}`,
      bestPeer(peers, PEER_FIGURES.batch, store.batchEventsPerSecond, 'events/s'),
      target(store.batchEventsPerSecond, 0.8, batch, 'floor 100-event'),
    ],
  ];
  return rows.map(
    ([figure, ours, unit, floorCell, peerCell, [goal, met]]) =>
      `| ${figure} | ${fmt(ours)} ${unit} | ${floorCell}; ${peerCell} | ${goal} | ${met} |`,
  );
}

/** A short section after the table: the peers' own figures as the harness printed them, or why there are none. */
export function peerSection(peers: PeerRun, floor: FloorFigures): string[] {
  const lines = [
    '',
    `The SQLite floor appended the peers' ProjectAdded event (${FLOOR_PAYLOAD_BYTES}-byte payload) on SQLite ${floor.sqliteVersion} (better-sqlite3), with journal_mode=${floor.journalMode} and synchronous=${floor.synchronous} as read back from its connection.`,
    '',
    '## Peers, measured in the same run',
    '',
  ];
  if (!peers.ran) return [...lines, `Not measured: ${peers.reason}.`];
  const v = peers.report.versions ?? {};
  const pg = peers.report.pg_settings;
  const how = [
    `By ${peers.source}/bench-peers.mjs (sections emmett-sqlite and emmett-pg) on this data folder,`,
    `in ${fmt(peers.runSeconds)} s${peers.installSeconds === undefined ? ' (install cached in .bench/peers)' : `, after an npm ci of ${fmt(peers.installSeconds)} s`}:`,
    `@event-driven-io/emmett-sqlite ${v['@event-driven-io/emmett-sqlite'] ?? '?'} (sqlite3 ${v.sqlite3 ?? '?'}, SQLite ${v.sqlite_in_sqlite3 ?? '?'}),`,
    `@event-driven-io/emmett-postgresql ${v['@event-driven-io/emmett-postgresql'] ?? '?'} on PostgreSQL ${pg?.server_version ?? '?'}.`,
  ];
  const rows = Object.entries(peers.figures).map(([name, value]) => {
    const unit = peers.units[name] ?? '';
    const note = (peers.report.notes?.[name] ?? {}) as PeerNote;
    const detail: string[] = [];
    if (note.succeeded !== undefined) detail.push(`${fmt(note.succeeded)} ok, ${fmt(note.failed ?? 0)} failed`);
    if (note.seconds !== undefined) detail.push(`in ${fmt(note.seconds, 1)} s`);
    if (note.latency_ms?.p50 != null) detail.push(`p50 ${note.latency_ms.p50} ms, p99 ${note.latency_ms.p99} ms`);
    if (note.hung) detail.push('hung');
    if (name === 'sqlite_floor_single_append_emmett_pragmas_per_s') {
      detail.push(
        `the harness's own floor with Emmett's pragmas; ours (in turns with our store): ${fmt(floor.singleAppendsPerSecond)} /s`,
      );
    }
    return `| ${name} | ${[value === null ? 'n/a' : fmt(value, value < 100 ? 1 : 0), unit].join(' ').trim()} | ${detail.join('; ')} |`;
  });
  const failure = peers.report.notes?.emmett_pg_failure;
  const failed = typeof failure === 'string' ? ['', `Emmett PostgreSQL failed: ${failure}.`] : [];
  return [...lines, how.join(' '), '', '| peer figure | measured | detail |', '|---|---|---|', ...rows, ...failed];
}
