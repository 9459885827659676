#!/usr/bin/env node
// What a mutation run (running, finished or stopped early) has found so far, from the results it
// records one by one (reports/mutation/events-<library>/):
//   node mutation/progress.mjs <library>     e.g. event-store, "event-store (part)", messaging
// Prints how many mutants were planned and tested, the score over those tested, and each survivor.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '../..');
const name = process.argv[2];
if (!name) {
  process.stderr.write('usage: node mutation/progress.mjs <library>\n');
  process.exit(2);
}
const dir = join(root, 'reports/mutation', `events-${name.replace(/\s+/g, '-')}`);
const files = readdirSync(dir).sort();
const plan = files.find((f) => f.endsWith('-onMutationTestingPlanReady.json'));
const planned = plan
  ? JSON.parse(readFileSync(join(dir, plan), 'utf8')).mutantPlans.filter((p) => p.plan === 'Run').length
  : undefined;
const results = files
  .filter((f) => f.endsWith('-onMutantTested.json'))
  .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
const count = (status) => results.filter((r) => r.status === status).length;
const killed = count('Killed') + count('Timeout');
const missed = results.filter((r) => r.status === 'Survived' || r.status === 'NoCoverage');
const scored = killed + missed.length;
process.stdout.write(
  `${name}: ${results.filter((r) => r.status !== 'Ignored' && r.status !== 'CompileError').length} of ${planned ?? '?'} mutants run so far`,
);
process.stdout.write(
  ` (${count('Killed')} killed, ${count('Timeout')} timed out, ${count('Survived')} survived, ${count('NoCoverage')} without a covering test; ${count('CompileError')} not compiling, ${count('Ignored')} ignored)\n`,
);
process.stdout.write(`score over those: ${scored === 0 ? 'n/a' : ((100 * killed) / scored).toFixed(2)} %\n`);
for (const r of missed.sort(
  (a, b) => a.fileName.localeCompare(b.fileName) || a.location.start.line - b.location.start.line,
)) {
  process.stdout.write(
    `  ${r.status.padEnd(10)} ${relative(root, r.fileName)}:${r.location.start.line}:${r.location.start.column} ${r.mutatorName} -> ${JSON.stringify(r.replacement).slice(0, 100)}\n`,
  );
}
