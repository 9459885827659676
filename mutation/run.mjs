#!/usr/bin/env node
// Mutation testing of the core with StrykerJS, one library at a time, printing each library's score.
//   node mutation/run.mjs [--changed] [library ...]
// Full run (`npm run mutation`): every mutant of every library, failing under a library's floor.
// With --changed (the test command's step, `npm run mutation:changed`): only the mutants on the lines
// of the core files that the change touched, i.e. `git diff -U0` against the merge base with main,
// or, where HEAD is main itself (CI runs on the merged main), against HEAD's first parent: the change
// that landed. Libraries the change did not touch are not run; every mutant on a touched line must
// be killed (or carry a `// Stryker disable` comment saying why it cannot be).
// The servers the specs need (Kafka, PostgreSQL) are started once here, like the test run's global
// setup does, and handed to Stryker's Jest through the same environment variables.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Stryker } from '@stryker-mutator/core';
import { libraries } from './libraries.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const changedOnly = args.includes('--changed');
// --no-typecheck: leave out the TypeScript checker (it takes minutes to start on a busy machine);
// mutants it would have refused as type errors then run, and count as survivors if nothing fails.
// The changed-lines step keeps it: there every surviving mutant of the event store and the relay
// fails the run, and one that does not even compile must not be the reason.
const typecheck = !args.includes('--no-typecheck');
const wanted = args.filter((a) => !a.startsWith('--'));
// --files=a.ts,b.ts:10-40: only these of the libraries' files, or these lines of them (a partial
// measurement, printed as such).
// --concurrency=N: test processes at a time (2 by default; 1 on a machine shared with other runs).
const concurrency = Number(args.find((a) => a.startsWith('--concurrency='))?.slice('--concurrency='.length) ?? 2);
const only = args
  .find((a) => a.startsWith('--files='))
  ?.slice('--files='.length)
  .split(',');
// --timeout-ms=N: what Stryker adds to one and a half times a spec's own time before it calls a
// mutant that keeps the spec waiting "timed out" (20 s by default; less on a quiet machine).
const timeoutMS = Number(args.find((a) => a.startsWith('--timeout-ms='))?.slice('--timeout-ms='.length) ?? 20_000);
const named = (wanted.length > 0 ? libraries.filter((l) => wanted.includes(l.name)) : libraries)
  .map((l) =>
    only
      ? {
          ...l,
          name: `${l.name} (part ${only.map((f) => f.split('/').pop().replace(/\.ts/, '')).join('+')})`,
          // A file, or lines of it (`file.ts:120-185`), as Stryker takes them.
          mutate: l.mutate.flatMap((f) => only.filter((o) => o === f || o.startsWith(`${f}:`))),
        }
      : l,
  )
  .filter((l) => l.mutate.length > 0);
if (named.length === 0) {
  process.stderr.write(`no such library; choose from: ${libraries.map((l) => l.name).join(', ')}\n`);
  process.exit(2);
}

const git = (...a) =>
  execFileSync('git', a, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();

/** The lines each file gained or changed since the base: { file: [[from, to], ...] }. */
function changedLines() {
  let base;
  for (const ref of ['origin/main', 'main']) {
    try {
      base = git('merge-base', 'HEAD', ref);
      break;
    } catch {
      // no such ref here
    }
  }
  const head = git('rev-parse', 'HEAD');
  if (!base || base === head) {
    try {
      base = git('rev-parse', 'HEAD~1');
    } catch {
      // A clone without history (git clone --depth 1) has nothing to compare with.
      process.stdout.write(
        '!! mutation:changed: no merge base with main and no parent commit (a shallow clone?): nothing to compare with, nothing mutated. Fetch the history (git fetch --unshallow) to run it.\n',
      );
      process.exit(0);
    }
  }
  const diff = git('diff', '-U0', '--no-color', base, '--', 'libs');
  const lines = {};
  let file;
  for (const line of diff.split('\n')) {
    if (line.startsWith('+++ ')) file = line.startsWith('+++ b/') ? line.slice(6) : undefined;
    const hunk = /^@@ -\S+ \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (hunk && file) {
      const from = Number(hunk[1]);
      const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
      if (count > 0) (lines[file] ??= []).push([from, from + count - 1]);
    }
  }
  return { base, lines };
}

const MAX_LINES = 60;

/**
 * The ranges without their blank and comment lines, which hold no mutant: a change that only
 * comments (a `// Stryker disable` note, say) then runs nothing, instead of a dry run of minutes.
 */
function codeOnly(file, ranges) {
  const text = readFileSync(join(root, file), 'utf8').split('\n');
  const comment = /^\s*(\/\/.*|\/\*.*|\*.*|)$/;
  const result = [];
  for (const [from, to] of ranges) {
    let start;
    for (let line = from; line <= to + 1; line++) {
      const code = line <= to && !comment.test(text[line - 1] ?? '');
      if (code && start === undefined) start = line;
      if (!code && start !== undefined) {
        result.push([start, line - 1]);
        start = undefined;
      }
    }
  }
  return result;
}

/** The libraries to run: with --changed, each reduced to the changed lines of its files. */
function plan() {
  if (!changedOnly) return named;
  const { base, lines } = changedLines();
  process.stdout.write(`mutating the core lines changed since ${base.slice(0, 12)}\n`);
  return named.flatMap((library) => {
    // At most MAX_LINES changed lines per library, the first ones, so that a large change still fits CI.
    let budget = MAX_LINES;
    const mutate = library.mutate.flatMap((file) =>
      codeOnly(file, lines[file] ?? []).flatMap(([from, to]) => {
        if (budget <= 0) return [];
        const end = Math.min(to, from + budget - 1);
        budget -= end - from + 1;
        return [`${file}:${from}-${end}`];
      }),
    );
    if (budget <= 0)
      process.stdout.write(
        `${library.name}: more than ${MAX_LINES} changed lines; mutating the first ${MAX_LINES} (run \`npm run mutation -- "${library.name}"\` for all)\n`,
      );
    return mutate.length > 0 ? [{ ...library, mutate, break: library.changedBreak ?? library.break }] : [];
  });
}
const selected = plan();
if (args.includes('--list')) {
  for (const library of selected) process.stdout.write(`${library.name}: ${library.mutate.join(' ')}\n`);
  process.exit(0);
}
if (selected.length === 0) {
  process.stdout.write('no line of the mutated core changed: nothing to mutate\n');
  process.exit(0);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts one of infra/'s server scripts and waits for its `ready <url>` line. */
function startServer(script, scriptArgs) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, script), ...scriptArgs], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const onData = (chunk) => {
      output += chunk.toString();
      const match = /^ready (\S+)$/m.exec(output);
      if (match)
        resolve({
          url: match[1],
          stop: () =>
            new Promise((done) =>
              child.exitCode !== null ? done() : (child.once('exit', done), child.kill('SIGTERM')),
            ),
        });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}:\n${output}`)));
  });
}

const SCORED = new Set(['Killed', 'Timeout', 'Survived', 'NoCoverage']);
const DETECTED = new Set(['Killed', 'Timeout']);

// The changed-lines step must fit CI (90 minutes for the whole run): past this many minutes it stops
// and fails, saying so, rather than let the run hang. --max-minutes=N changes it; a full run has none.
const maxMinutes = Number(
  args.find((a) => a.startsWith('--max-minutes='))?.slice('--max-minutes='.length) ?? (changedOnly ? 30 : 0),
);

async function main() {
  const servers = [];
  const dirs = [];
  const started = Date.now();
  if (maxMinutes > 0) {
    setTimeout(async () => {
      process.stdout.write(
        `\n!! mutation testing did not finish within ${maxMinutes} minutes; failing rather than waiting. Run \`npm run mutation -- <library>\` on a quiet machine.\n`,
      );
      for (const server of servers) await server.stop();
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
      process.exit(1);
    }, maxMinutes * 60_000).unref();
  }
  const needs = new Set(selected.flatMap((l) => l.servers));
  try {
    if (needs.has('kafka') && !process.env.KAFKA_BROKERS) {
      const dir = mkdtempSync(join(tmpdir(), 'ruamjai-mutation-kafka-'));
      dirs.push(dir);
      const kafka = await startServer('infra/kafka/kafka.mjs', [
        dir,
        String(await freePort()),
        String(await freePort()),
      ]);
      servers.push(kafka);
      process.env.RUAMJAI_TEST_KAFKA_BROKERS = kafka.url;
    } else if (process.env.KAFKA_BROKERS) process.env.RUAMJAI_TEST_KAFKA_BROKERS = process.env.KAFKA_BROKERS;
    if (needs.has('postgres') && !process.env.DATABASE_URL) {
      const dir = mkdtempSync(join(tmpdir(), 'ruamjai-mutation-pg-'));
      dirs.push(dir);
      const pg = await startServer('infra/postgres/embedded-postgres.mjs', [
        join(dir, 'data'),
        String(await freePort()),
      ]);
      servers.push(pg);
      process.env.RUAMJAI_TEST_POSTGRES_URL = pg.url;
    } else if (process.env.DATABASE_URL) process.env.RUAMJAI_TEST_POSTGRES_URL = process.env.DATABASE_URL;

    const scores = [];
    for (const library of selected) {
      const file = library.name.replace(/\s+/g, '-');
      process.env.MUTATION_SPECS = library.specs.join(',');
      const stryker = new Stryker({
        packageManager: 'npm',
        testRunner: 'jest',
        // Related specs are found through imports; the writer is loaded by its worker threads by
        // path, which that search does not follow, so without coverage every listed spec runs.
        jest: {
          configFile: 'mutation/jest.config.js',
          enableFindRelatedTests: library.coverageAnalysis === 'perTest',
        },
        // The type checker takes minutes to start; the changed-lines step leaves it out to stay short.
        checkers: typecheck ? ['typescript'] : [],
        // A library's own tsconfig (the deciders: theirs and what they import) checks each mutant in
        // a fraction of the time the whole project's takes.
        tsconfigFile: library.tsconfig ?? 'tsconfig.json',
        typescriptChecker: { prioritizePerformanceOverAccuracy: true },
        mutate: library.mutate,
        coverageAnalysis: library.coverageAnalysis,
        // Log and error texts are not behaviour: their mutants would only measure wording.
        mutator: { excludedMutations: ['StringLiteral'] },
        // Module-level constants would need a fresh module per mutant: reported as ignored instead.
        // Stryker allows this only with per-test coverage; without it (the writer, whose worker
        // threads load the module afresh for every store) each mutant runs every spec anyway.
        ignoreStatic: library.coverageAnalysis === 'perTest',
        // The machine is shared: at most two test processes at a time.
        concurrency,
        timeoutMS,
        dryRunTimeoutMinutes: 20,
        thresholds: { high: 90, low: 70, break: library.break },
        // event-recorder: each mutant's result is written as it is known, so a run stopped early
        // (the machine too slow for all of it) still shows what it found.
        reporters: ['clear-text', 'json', 'progress-append-only', 'event-recorder'],
        eventReporter: { baseDir: `reports/mutation/events-${file}` },
        jsonReporter: { fileName: `reports/mutation/${file}.json` },
        clearTextReporter: { allowColor: false, logTests: false, reportMutants: true, reportScoreTable: true },
        tempDirName: `.stryker-tmp-${file}`,
        ignorePatterns: ['/.stryker-tmp*', '/reports', '/dist', '/data', '/coverage', '/.bench', '/infra/kafka/target'],
        cleanTempDir: true,
        logLevel: 'info',
        plugins: ['@stryker-mutator/jest-runner', '@stryker-mutator/typescript-checker'],
      });
      const libraryStarted = Date.now();
      const results = await stryker.runMutationTest();
      const scored = results.filter((r) => SCORED.has(r.status));
      const detected = scored.filter((r) => DETECTED.has(r.status)).length;
      const score = scored.length === 0 ? 100 : (100 * detected) / scored.length;
      const survived = scored.filter((r) => !DETECTED.has(r.status)).length;
      scores.push({
        library: library.name,
        score,
        detected,
        survived,
        floor: library.break,
        minutes: (Date.now() - libraryStarted) / 60_000,
      });
    }
    process.stdout.write('\nmutation scores\n');
    for (const s of scores)
      process.stdout.write(
        `  ${s.library.padEnd(18)} ${s.score.toFixed(2).padStart(6)} %  (${s.detected} killed, ${s.survived} survived; floor ${s.floor} %; ${s.minutes.toFixed(1)} min)\n`,
      );
    process.stdout.write(`  (${((Date.now() - started) / 60_000).toFixed(1)} min in all)\n`);
    const below = scores.filter((s) => s.score < s.floor);
    if (below.length > 0) {
      process.stdout.write(`\n!! under the floor: ${below.map((s) => s.library).join(', ')}\n`);
      process.exitCode = 1;
    }
  } finally {
    for (const server of servers) await server.stop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
