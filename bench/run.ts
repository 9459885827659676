import { execSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { appendGap } from './append-gap.bench';
import { storeBesideFloor } from './floor.bench';
import { fdatasyncPerSecond } from './fsync.bench';
import { handoffRoundTripsPerSecond } from './handoff.bench';
import { httpFigures } from './http.bench';
import { fmt } from './measure';
import { partsCell } from './profile';
import { rebuildFigures } from './rebuild.bench';
import { peerFigures } from './peers.bench';
import { peerSection, storeRows } from './store-table';
import { startEmbeddedPostgres, startKafka } from '../infra/servers';
import { kafkaFigures } from './kafka.bench';
import { planFigures } from './plan.bench';
import { reportFigures } from './reports.bench';
import { consoleInitialBytes, dashboardFigures } from './console.bench';
import { notificationFigures } from './notifications.bench';
import { memoryFigures } from './memory.bench';
import { nationalFigures, nationalRows } from './national.bench';
import { storeBench } from './store.bench';
import { interleaved } from './measure';
import { PostgresEventStore } from '@ruamjai/event-store';

/**
 * `npm run bench`: every figure beside its floor or target, measured in this one run, on the data
 * folder's disk. `--record` also writes docs/benchmarks.md.
 */
const NOTES = `
Recorded by \`npm run bench -- --record\`; every figure above comes from that one run.

## How to read them

- (a) is the disk's floor: one small write and fdatasync at a time on the data folder.
- (b) appends are durable when they return (SQLite WAL, synchronous=FULL). Sequential appends wait
  for one sync each; concurrent writers share syncs through the writer thread's group commit, which
  is how they pass the fdatasync rate.
- (c) is one writer appending 100-event batches in a loop (no concurrency).
- (b)/(c) "where the gap goes" runs four appenders in turns (six rounds each, as the floor does): the
  floor; the floor's own schema and transaction writing rows as large as ours (our stream ids, and
  each event's id, data, metadata and time as its payload); our writer's SQL and schema
  (sqlite-writer.ts: the append-ids and streams tables, a savepoint per operation, the retry
  look-ups) called on the bench's thread; and the store as the API uses it, with its writer thread.
  Each ratio is that step's cost. The bytes an event are the database file's pages over its events.
  The profile samples the writer on the bench's thread for two seconds of 100-event appends; native
  SQLite time is charged to the call that made it (exec runs BEGIN, SAVEPOINT, RELEASE and COMMIT,
  and a commit writes the log and syncs it).
- The SQLite floor beside (b) and (c) is measured in the same run, on the same data folder, by
  bench/floor.bench.ts, exactly as ../shared/peers/README.md defines \`sqlite_floor_*\`:
  better-sqlite3 (the store's own copy, the harness's version), journal_mode=WAL and
  synchronous=FULL set explicitly, one table \`events(position INTEGER PRIMARY KEY, stream_id,
  revision, type, data, UNIQUE(stream_id, revision))\`, each append one BEGIN IMMEDIATE transaction
  that reads MAX(revision) for the stream, checks it and inserts (one event, or 100), one after
  another on one stream of a fresh file, with the peers' 232-byte ProjectAdded payload (our store
  writes its own events, with ids and metadata). It is what SQLite gives with no event ids, metadata,
  writer thread or subscribers. Floor and store take turns: sequential appends, floor single appends
  and 32 writers, half a second each, six rounds; then 100-event appends and the floor's, the same
  way. Each figure is its count over its own 3 s, with no warm-up (as the store bench always did). On
  a shared machine the disk's sync rate moves by ten times within seconds, so a floor measured a few
  seconds away from the store does not give a ratio. The targets (issue 14): sequential appends ≥
  0.8 × floor single appends, 32 writers ≥ 2 × floor single appends (group commit must beat one
  sync per append), (c) ≥ 0.8 × the floor's 100-event appends.
- The peers are Emmett's SQLite and PostgreSQL event stores, measured in the same run, after ours, by
  the shared harness ../shared/peers/bench-peers.mjs (BENCH_PEERS_DIR points elsewhere) with its
  sections emmett-sqlite and emmett-pg, its files on the same data folder. Its \`npm ci\` (about 3
  minutes: it compiles sqlite3 and better-sqlite3) runs once in a temporary copy; the installed copy
  is kept in .bench/peers until the harness's package files change. The best peer is the higher of
  the two for (b), Emmett SQLite for (c) (the harness has no PostgreSQL batch figure). The peers do
  not take turns with ours: the harness's own floor (sqlite_floor_single_append_emmett_pragmas_per_s,
  measured just before Emmett SQLite) shows whether the disk was as fast then. If the harness is
  missing or fails, the section after the table says why and the bench goes on; BENCH_SKIP_PEERS=1
  leaves the peers out (about 40 s less).
- (d) runs the API (NestJS on Fastify, embedded store, projections on their own thread) in a child
  process and autocannon in this one, on the same machine: the load generator takes one of the two
  cores. The floor is a route with the same guards, validation, filters and body as adding a project,
  and no command behind it. Each connection adds projects to plans from a pool of 1,024, sending the
  plan's ETag as If-Match.
- (e) rebuilds the plan view over 2,000 plans of 50 events (written interleaved) in one transaction,
  into SQLite and into a real PostgreSQL 18 (the npm-shipped server, started by the bench). Its floor
  reads every event of the same file in order with better-sqlite3 and JSON-parses its data and
  metadata, with no store and no projection in between; the store's own readAll is shown beside it.
- (b)/(c) on PostgreSQL: our PostgreSQL store (its own schema, on the bench's PostgreSQL 18 with its
  default settings) runs the same three phases as the SQLite store, in turns, beside Emmett's
  PostgreSQL store from the peers' run (a different server and moment: a rough comparison).
- (m) starts the built API on a fresh data folder and appends plans of 50 events (one append each) to
  its events file from the bench process, a second writer, up to each milestone; once /health shows
  every projection at the head, it reads 50 plan views and, a second later, the
  API process's VmRSS and VmHWM (its projection and writer threads included). BENCH_MEMORY_EVENTS
  sets the milestones (default 10000,100000,1000000).
- (h) the plan view of a 10,000-event plan as of now and as of half-way, 30 times each, from the
  log: the first fold reads every event (cold); later ones resume from folds kept every 1,000
  events and read only the events since.
- (i) revises a budget 600 times on each plan through the command runner (warm state cache),
  five rounds interleaved; the median round's p99 of each.
- (j) sums the gzipped (level 9) script and stylesheet files index.html loads; the dashboard and
  user screens are separate chunks loaded when opened.
- (k) seeds the Sa Kaeo FY2562 plan, starts the built API (serving the built console), signs a
  viewer in and times \`page.goto('/#/dashboard')\` until the totals and the first chart are drawn, in
  Debian's Chromium; beside it, the median time of \`GET /api/v1/dashboards/fiscal-years/2562\`.
- (f) appends one event a millisecond to 50 plans while the relay runs live against a real Kafka 4.4
  broker (started by the bench); latency runs from just before the append to the consumer's
  eachMessage, on the same machine. The first three seconds (3,000 events) warm the freshly started
  broker and are not measured; the figure is the steady state over the following events.
- (j) seeds the Sa Kaeo FY2562 plan, then asks the API (in-process HTTP injection, with the token
  check and everything a request goes through) for each report and for the plan as JSON, in turns,
  after one warm-up each; reports are built from the plan's log on every request.
- (l) subscribes five officers of one agency by e-mail and appends 200 ReferralOverdue events
  (1,000 e-mails); the notifier plans and sends them from its checkpoint over one pooled SMTP
  connection, as in production; the floor is nodemailer alone, with the same pooled connection,
  sending 1,000 messages one at a time to the same in-process server. The delay runs from just before the append to the SMTP
  server's receipt of the fifth e-mail of that event.
- (n) the national simulation (bench/national.bench.ts): the 76 provinces (ISO codes TH-11..TH-96;
  the reference table knows only Sa Kaeo, so the bench adds the others in its own process, with
  synthetic district codes), each with 14 agencies, work day by day from FY2562 on, through the
  command bus in the bench's process (the handlers, deciders and runner the API calls), every
  command with the revision it last saw and an idempotency key, the 76 provinces writing at once.
  A province's year: a plan of 8–14 projects with budget lines, activities and KPIs, submitted and
  approved; monthly progress reports; KPI actuals; a Fund request, approved and paid; pledges to
  projects; 30–90 cases, each consented or with a legal basis, screened, referred for one to three
  services (4% to another province's agency; a tenth declined), identified and mostly closed.
  At each milestone (BENCH_NATIONAL_EVENTS, default 100000,300000: a million took 38 minutes to generate on the shared build machine; the 10M row extrapolates from what was measured and says so) the generation stops; the
  events file is measured after a checkpoint; every projection is rebuilt into the folder's read
  models (as \`npm run cli -- projections rebuild\`) beside the floor (read + JSON.parse of every
  event of the same file); then the built API starts on the folder and, once it answers and its
  notifier (whose checkpoint a rebuild does not move) has read up to the head, drafts
  64 Sa Kaeo plans, reads 50 plan views and, a second later, its VmRSS is read; then 16 connections
  add projects to those plans for 5 s (after 1 s of warm-up), with If-Match and Idempotency-Key.
  Figures beyond the top milestone are extrapolated by least-squares lines through the milestones,
  and the row says so.
- (g) lets the relay catch up a backlog from its checkpoint, beside a bare kafkajs producer (same
  idempotent, acks=all settings) sending as many messages of the same size in batches of 500.
`;

async function main(): Promise<void> {
  const root = resolve(__dirname, '..', '..');
  const dataRoot = join(root, 'data');
  mkdirSync(dataRoot, { recursive: true });
  const dir = mkdtempSync(join(dataRoot, 'bench-'));
  const lines: string[] = [];
  // Sections printed after the table.
  const after: string[] = [];
  const say = (line: string) => {
    lines.push(line);
    process.stdout.write(`${line}\n`);
  };
  try {
    const commit = execSync('git rev-parse --short HEAD', { cwd: root }).toString().trim();
    const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${fmt(totalmem() / 2 ** 30, 0)} GiB, Node ${process.version}`;
    say(`# Benchmarks`);
    say('');
    say(`- date: ${new Date().toISOString()}`);
    say(`- machine: ${machine}`);
    say(`- commit: ${commit}`);
    say(`- data folder: ${dataRoot}`);
    say('');
    say('| figure | measured | floor or peer | target | met |');
    say('|---|---|---|---|---|');

    const fsync = await fdatasyncPerSecond(dir, 3);
    say(`| (a) raw fdatasync/s on the data folder | ${fmt(fsync)} /s | — (this is the floor) | — | — |`);

    const { store, floor } = await storeBesideFloor(dir, 3);
    const peers = await peerFigures(root, dataRoot, 3);
    for (const row of storeRows(store, floor, peers)) say(row);
    after.push(...peerSection(peers, floor));

    const handoff = await handoffRoundTripsPerSecond(2);
    const predicted = 1 / (1 / floor.singleAppendsPerSecond + 1 / handoff);
    say(
      `| (b) hand-off floor: a message to a thread and back, no work (the writer thread's shape) | ${fmt(handoff)} /s, ${fmt(1e6 / handoff)} µs each | the SQLite floor's single append ${fmt(1e6 / floor.singleAppendsPerSecond)} µs; the two together allow ${fmt(predicted)} sequential appends/s, ${fmt(predicted / floor.singleAppendsPerSecond, 2)}× the floor; measured ${fmt(store.sequentialAppendsPerSecond)} /s | — | — |`,
    );

    const gap = await appendGap(dir, 3);
    for (const [name, steps, unit] of [
      ['single appends', gap.single, '/s'],
      ['100-event appends', gap.batch, 'events/s'],
    ] as const) {
      say(
        `| (b)/(c) where the gap to the floor goes, ${name}, each step measured in turns with the others | the floor writing rows as large as ours (${fmt(gap.ourBytesPerEvent)} bytes an event in the file against the floor's ${fmt(gap.floorBytesPerEvent)}): ${fmt(steps.floorOurRows)} ${unit}, ${fmt(steps.floorOurRows / steps.floor, 2)}× the floor; our writer's SQL and schema on the bench's thread: ${fmt(steps.writerHere)} ${unit}, ${fmt(steps.writerHere / steps.floorOurRows, 2)}× that; the store with its thread: ${fmt(steps.store)} ${unit}, ${fmt(steps.store / steps.writerHere, 2)}× that | the SQLite floor ${fmt(steps.floor)} ${unit}; the store ${fmt(steps.store / steps.floor, 2)}× it | — | — |`,
      );
    }
    say(
      `| (c) our writer's own time in 100-event appends, by part (CPU profile, 2 s) | ${gap.writerProfile.map((p) => `${p.part} ${fmt(p.share * 100)}%`).join('; ')} | — | — | — |`,
    );

    const http = await httpFigures(root, join(dir, 'api'), 10);
    const ratio = http.addProject.requestsPerSecond / http.floor.requestsPerSecond;
    say(
      `| (d) HTTP add project, 64 connections | ${fmt(http.addProject.requestsPerSecond)} req/s, p50 ${http.addProject.p50} ms, p99 ${http.addProject.p99} ms (${http.addProject.non2xx} non-2xx of ${http.addProject.total}) | bare route ${fmt(http.floor.requestsPerSecond)} req/s, p50 ${http.floor.p50} ms, p99 ${http.floor.p99} ms | ≥ 50% of floor, p99 ≤ 20 ms | ${ratio >= 0.5 ? 'yes' : 'NO'} (${fmt(ratio * 100)}%), ${http.addProject.p99 <= 20 ? 'yes' : 'NO'} |`,
    );

    const rest = http.addProject.mean - http.handlerMeanMs;
    const top = http.mainThread.parts
      .filter((p) => p.share >= 0.02)
      .map((p) => `${p.part} ${fmt(p.share * 100)}%`)
      .join('; ');
    say(
      `| (d) where an add project's time goes | mean latency ${fmt(http.addProject.mean, 1)} ms: ${fmt(http.handlerMeanMs, 1)} ms from the handler to durable events (state load, decide, hashing, hand-off to the writer thread, commit), ${fmt(rest, 1)} ms before and after it (HTTP, token, validation, idempotency record, answer) and queued behind other requests | the API's main thread under the profiler (${fmt(http.mainThread.totalMs / 1000, 1)} s): ${top} | — | — |`,
    );

    const bundle = consoleInitialBytes(root);
    say(
      `| (j) console initial JavaScript and CSS, gzipped (${bundle.files.length} files) | ${fmt(bundle.gzipBytes / 1024, 1)} KB | — | ≤ 250 KB | ${bundle.gzipBytes <= 250 * 1024 ? 'yes' : 'NO'} |`,
    );
    const dash = await dashboardFigures(root, join(dir, 'console'), 5);
    say(
      `| (k) navigation to a rendered fiscal-year dashboard (Sa Kaeo seed, headless Chromium), median of 5 | ${fmt(dash.renderMedianMs)} ms | the API's own response for the same data: median ${fmt(dash.apiMedianMs, 1)} ms | — | — |`,
    );

    const plan = await planFigures(dir);
    const asOfRow = (label: string, f: (typeof plan)['realistic']) => {
      const share = f.cold / f.coldLogOnly;
      const met = f.median <= 50 && f.midMedian <= 50 && f.cold <= 50 && share <= 0.33;
      return `| (h) as-of view of ${label} | first view on a fresh reader: ${fmt(f.cold, 1)} ms; then now: median ${fmt(f.median, 1)} ms, p99 ${fmt(f.p99, 1)} ms; half-way: median ${fmt(f.midMedian, 1)} ms | first view from the log alone (no snapshots): ${fmt(f.coldLogOnly, 1)} ms; the first view ${fmt(share, 2)}× it | every view ≤ 50 ms, the first ≤ 0.33 × the log alone | ${met ? 'yes' : 'NO'} |`;
    };
    say(asOfRow('a plan with 10,000 events (40 projects, 160 activities, 80 KPIs, progress reports)', plan.realistic));
    say(asOfRow('a plan with 10,000 events that are all new projects (stress case)', plan.projects));
    say(
      `| (h) where the stress case's first view went (CPU profile of that view) | ${partsCell(plan.projects.coldProfile)} | — | — | — |`,
    );
    say(
      `| (i) command p99 on a 10,000-event plan ÷ on a 10-event plan | ${fmt(plan.commandP99.large, 2)} ms ÷ ${fmt(plan.commandP99.small, 2)} ms = ${fmt(plan.commandP99.ratio, 2)} | 10-event plan ${fmt(plan.commandP99.small, 2)} ms | ≤ 1.2 | ${plan.commandP99.ratio <= 1.2 ? 'yes' : 'NO'} |`,
    );

    const reports = await reportFigures(dir);
    say(
      `| (j) the Sa Kaeo seed's action plan as a Thai PDF (${fmt(reports.pdfBytes / 1024)} KiB, Sarabun embedded), through the API | median ${fmt(reports.actionPlanPdf, 1)} ms over ${reports.runs} | the same plan as JSON from the API: median ${fmt(reports.planJson, 1)} ms | — | — |`,
    );
    say(
      `| (j) its fourth-quarter progress as an Excel workbook (${fmt(reports.xlsxBytes / 1024)} KiB) / as a PDF, through the API | median ${fmt(reports.quarterlyXlsx, 1)} ms / ${fmt(reports.quarterlyPdf, 1)} ms over ${reports.runs} | the same plan as JSON from the API: median ${fmt(reports.planJson, 1)} ms | — | — |`,
    );

    const n = await notificationFigures(dir);
    say(
      `| (l) overdue-referral e-mails delivered by the notifier to a real SMTP server (smtp-server), from a backlog of ${fmt(n.deliveries)} | ${fmt(n.notifierPerSecond)} e-mails/s | nodemailer alone, the same number to the same server, one at a time: ${fmt(n.barePerSecond)} /s (${fmt((n.notifierPerSecond / n.barePerSecond) * 100)}%) | — | — |`,
    );
    say(
      `| (l) delay from an event's append to its last recipient's e-mail, one event (five e-mails) every 200 ms, notifier polling every ${n.delay.pollMs} ms (the default) | p50 ${fmt(n.delay.p50)} ms, p99 ${fmt(n.delay.p99)} ms (${n.delay.count} events) | the poll interval, ${n.delay.pollMs} ms | — | — |`,
    );

    const kafka = await startKafka(root);
    try {
      const k = await kafkaFigures(dir, [kafka.url], 10, 50_000);
      say(
        `| (f) append → consumer latency through the relay at ${fmt(k.latency.rate)} events/s (${fmt(k.latency.count)} events measured after 3,000 to warm up) | p50 ${fmt(k.latency.p50, 1)} ms, p99 ${fmt(k.latency.p99, 1)} ms | — | p99 ≤ 50 ms | ${k.latency.p99 <= 50 ? 'yes' : 'NO'} |`,
      );
      say(
        `| (g) relay throughput over a ${fmt(k.relay.events)}-event backlog | ${fmt(k.relay.relayPerSecond)} events/s | bare kafkajs producer ${fmt(k.relay.bareProducerPerSecond)} messages/s (${fmt((k.relay.relayPerSecond / k.relay.bareProducerPerSecond) * 100)}%) | — | — |`,
      );
    } finally {
      await kafka.stop();
    }
    const pg = await startEmbeddedPostgres(root);
    try {
      // Our PostgreSQL store (its own schema on the bench's server), the same phases in turns.
      const pgStore = await PostgresEventStore.open({ connectionString: pg.url });
      const onPg = storeBench(pgStore);
      const [pgSequential, pgConcurrent, pgBatch] = await interleaved(3, 6, [
        onPg.sequential,
        onPg.concurrent,
        onPg.batch,
      ]);
      await onPg.close();
      const emmettPg = (name: string) => (peers.ran ? peers.figures[name] : undefined);
      const besidePeer = (ours: number, name: string) => {
        const theirs = emmettPg(name);
        return typeof theirs === 'number' && theirs > 0
          ? `Emmett PostgreSQL ${fmt(theirs)} /s, ours ${fmt(ours / theirs, 2)}×`
          : 'Emmett PostgreSQL not measured';
      };
      say(
        `| (b) our PostgreSQL store: durable 1-event appends, sequential | ${fmt(pgSequential)} /s | ${besidePeer(pgSequential, 'emmett_pg_single_append_per_s')}; our SQLite store ${fmt(store.sequentialAppendsPerSecond)} /s | — | — |`,
      );
      say(
        `| (b) our PostgreSQL store: 32 concurrent writers | ${fmt(pgConcurrent)} /s | ${besidePeer(pgConcurrent, 'emmett_pg_concurrent32_append_per_s')}; our SQLite store ${fmt(store.concurrentAppendsPerSecond)} /s | — | — |`,
      );
      say(
        `| (c) our PostgreSQL store: events/s in 100-event appends | ${fmt(pgBatch)} events/s | our SQLite store ${fmt(store.batchEventsPerSecond)} events/s, ${fmt(pgBatch / store.batchEventsPerSecond, 2)}× (the peers have no PostgreSQL batch figure) | — | — |`,
      );
      const { floor, storeRead, sqlite, postgres } = await rebuildFigures(dir, 100_000, pg.url);
      const versusFloor = (f: { eventsPerSecond: number }) => f.eventsPerSecond / floor.eventsPerSecond;
      const floorCell = `read + JSON.parse of every event, no projection: ${fmt(floor.eventsPerSecond)} events/s`;
      say(
        `| (e) read of the log through the store's readAll (no projection), ${fmt(storeRead.events)} events | ${fmt(storeRead.eventsPerSecond)} events/s | ${floorCell}, ${fmt(versusFloor(storeRead), 2)}× | — | — |`,
      );
      say(
        `| (e) projection rebuild over ${fmt(sqlite.events)} events, SQLite | ${fmt(sqlite.eventsPerSecond)} events/s (${fmt(sqlite.seconds, 2)} s) | ${floorCell}, ${fmt(versusFloor(sqlite), 2)}× | ≥ 0.5 × floor | ${versusFloor(sqlite) >= 0.5 ? 'yes' : 'NO'} |`,
      );
      say(
        `| (e) where the SQLite rebuild's time went (CPU profile of that run, its one thread) | ${sqlite.profile ? partsCell(sqlite.profile) : '—'} | — | — | — |`,
      );
      if (postgres) {
        say(
          `| (e) projection rebuild over ${fmt(postgres.events)} events, PostgreSQL | ${fmt(postgres.eventsPerSecond)} events/s (${fmt(postgres.seconds, 2)} s) | ${floorCell}, ${fmt(versusFloor(postgres), 2)}×; SQLite's rebuild ${fmt(sqlite.eventsPerSecond)} events/s | ≥ 0.5 × floor | ${versusFloor(postgres) >= 0.5 ? 'yes' : 'NO'} |`,
        );
        say(
          `| (e) where the PostgreSQL rebuild's time went (CPU profile of that run; waiting is the server's time) | ${postgres.profile ? partsCell(postgres.profile) : '—'} | — | — | — |`,
        );
      }
    } finally {
      await pg.stop();
    }
    const milestones = (process.env.BENCH_MEMORY_EVENTS ?? '10000,100000,1000000').split(',').map(Number);
    const memory = await memoryFigures(root, mkdtempSync(join(dir, 'memory-')), milestones);
    const baseline = memory[0];
    for (const m of memory) {
      const growth = m.rssMb / baseline.rssMb;
      const met = m.rssMb <= 300 && growth <= 1.2;
      say(
        `| (m) RSS of the API with ${fmt(m.events)} events in its log, views caught up | ${fmt(m.rssMb)} MB (peak ${fmt(m.peakMb)} MB; caught up ${fmt(m.catchUpSeconds, 1)} s after the last append) | at ${fmt(baseline.events)} events ${fmt(baseline.rssMb)} MB, ${fmt(growth, 2)}× | ≤ 300 MB and ≤ 1.2 × | ${met ? 'yes' : 'NO'} |`,
      );
    }
    // National simulation: 76 provinces through the command bus, measured as the log grows.
    const national = (process.env.BENCH_NATIONAL_EVENTS ?? '100000,300000').split(',').map(Number);
    const nationalTable = nationalRows(await nationalFigures(root, mkdtempSync(join(dir, 'national-')), national));
    after.push(
      '',
      '## National simulation',
      '',
      '| figure | measured | floor or peer | target | met |',
      '|---|---|---|---|---|',
    );
    after.push(...nationalTable);
    for (const line of after) say(line);
    if (process.argv.includes('--record')) {
      writeFileSync(join(root, 'docs/benchmarks.md'), `${lines.join('\n')}\n${NOTES}`);
      process.stdout.write('written to docs/benchmarks.md\n');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
