import { EVENT_STORE, type EventStore } from '@ruamjai/event-store';
import { FixedClock } from '@ruamjai/kernel';
import { PROJECTION_PROGRESS, type ProjectionProgress } from '@ruamjai/read-models';
import fc from 'fast-check';
import pino, { type Logger } from 'pino';
import { appendFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { startApi, type ApiHarness } from './support/api-harness';
import { fuzzCase, numberSweep, type FuzzCase, type Role } from './support/fuzz/inputs';
import { operationsOf, type OpenApiDocument } from './support/fuzz/openapi';
import { closeHttpAgent } from './support/fuzz/raw-http';
import { eventsStoredSince, prepare, report, runOne, type Failure, type RunContext } from './support/fuzz/runner';
import { seedState } from './support/fuzz/seed-state';

/**
 * Every operation of the OpenAPI document, called with generated requests — valid-ish ones aimed at
 * real seeded resources, and spoilt ones: boundary and wrong-type values, deep nesting, prototype
 * keys, bidi marks, NUL and lone surrogates, oversized bodies, ids and headers, broken encodings —
 * as every role and as nobody. The rules: no 5xx, every 4xx is problem+json in Thai and English with
 * the security headers, and a rejected request stores no event.
 *
 * Reproducible: FUZZ_SEED=<n> repeats a run; FUZZ_REQUESTS sets how many requests (default 5,100).
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_190_715);
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 5_100);
/** The whole run stays inside CI's patience; running out of time before REQUESTS fails the test. */
/** FUZZ_TRACE=<file> writes one line per request: operation, role, what was spoilt, answer, time. */
const TRACE = process.env.FUZZ_TRACE;
// 117 operations since OIDC: a busy two-core machine sent 4,945 of 5,121 requests in 150 s.
const TIME_BUDGET_MS = Number(process.env.FUZZ_TIME_BUDGET_MS ?? 240_000);

/**
 * The API's own account of its 5xx answers, by correlation id: its request logger is turned up to
 * errors and its lines are read here instead of printed, so that failures group by cause.
 */
function serverErrorsOf(api: ApiHarness): Map<string, string> {
  const errors = new Map<string, string>();
  const log = api.app.getHttpAdapter().getInstance().log as Logger;
  const stream = (log as unknown as Record<symbol, { write(line: string): unknown } | undefined>)[
    pino.symbols.streamSym
  ];
  if (!stream) return errors;
  stream.write = (line: string) => {
    try {
      const entry = JSON.parse(line) as { reqId?: string; err?: { type?: string; message?: string; stack?: string } };
      // The first file of ours or of a library on the stack, without line numbers: one cause, one group.
      const file = entry.err?.stack
        ?.split('\n')
        .map((l) => /\/((?:node_modules|apps|libs)\/[^:)]+)/.exec(l)?.[1])
        .find((f) => f !== undefined);
      if (entry.reqId && entry.err)
        errors.set(
          entry.reqId,
          `${entry.err.type}: ${(entry.err.message ?? '').slice(0, 90)}${file ? ` in ${file}` : ''}`,
        );
    } catch {
      // Not one of the API's JSON lines.
    }
    return true;
  };
  log.level = 'error';
  return errors;
}

/** A seeded generator for the interleaving, so that one seed gives one order. */
function shuffled<T>(items: T[], seed: number): T[] {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe('the API under fuzzing from its OpenAPI document', () => {
  jest.setTimeout(360_000);
  let api: ApiHarness;
  afterAll(async () => {
    closeHttpAgent();
    await api?.close();
  });

  it('answers every operation, for every role, without a 5xx, with problem+json for each 4xx, and stores nothing for a rejected request', async () => {
    process.stdout.write(`\nfuzz: seed ${SEED} (repeat with FUZZ_SEED=${SEED}), ${REQUESTS} requests\n`);
    // A minPosition the views never reach answers after this wait, not after the default 5 s.
    api = await startApi(
      { LOG_LEVEL: process.env.FUZZ_LOG_LEVEL ?? 'silent', READ_YOUR_WRITES_TIMEOUT_MS: '300' },
      { clock: new FixedClock(new Date('2019-07-15T03:00:00Z')) },
    );
    const bearer = async (role: Parameters<ApiHarness['token']>[0], sub: string, agency: string) =>
      `Bearer ${await api.token(role, sub, agency)}`;
    const tokens: Record<Exclude<Role, 'anonymous' | 'bad_token'>, string> = {
      coordinator: await bearer('coordinator', 'somchai', 'PSDHS-SK'),
      chair: await bearer('chair', 'governor', 'PROV-SK'),
      officer_owner: await bearer('agency_officer', 'malee.s', 'SHELTER-SK'),
      officer_lead: await bearer('agency_officer', 'malee', 'PSDHS-SK'),
      auditor: await bearer('auditor', 'auditor1', 'OAG'),
      viewer: await bearer('viewer', 'v', 'PSDHS-SK'),
    };
    const header = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const unregistered = await bearer('coordinator', 'nobody', 'NOPE-XX');
    const badTokens = [
      'Bearer',
      'Bearer x.y.z',
      `Bearer ${header({ alg: 'none', typ: 'JWT' })}.${header({ sub: 'x', agency: 'PSDHS-SK', role: 'coordinator' })}.`,
      `${tokens.coordinator.slice(0, -2)}xx`,
      `Basic ${Buffer.from('a:b').toString('base64')}`,
      `Bearer ${'a'.repeat(4000)}`,
      unregistered,
    ];
    const state = await seedState(api, {
      coordinator: { Authorization: tokens.coordinator },
      chair: { Authorization: tokens.chair },
      shelter: { Authorization: tokens.officer_owner },
      health: { Authorization: await bearer('agency_officer', 'nurse.a', 'HEALTH-SK') },
    });

    // The views catch up with the seeding first, so that a valid minPosition is answered at once.
    const store = api.app.get<EventStore>(EVENT_STORE);
    expect(
      await api.app.get<ProjectionProgress>(PROJECTION_PROGRESS).waitFor((await store.headPosition())!, 60_000),
    ).toBe(true);
    await api.app.listen(0, '127.0.0.1');
    const port = (api.app.getHttpServer().address() as AddressInfo).port;
    const docResponse = await fetch(`http://127.0.0.1:${port}/api/docs-json`);
    expect(docResponse.status).toBe(200);
    const doc = (await docResponse.json()) as OpenApiDocument;
    if (TRACE) writeFileSync(`${TRACE}.openapi.json`, JSON.stringify(doc, null, 1));
    const ops = operationsOf(doc);
    expect(ops.length).toBeGreaterThan(50);

    // The stored-event check can see what a request stores: a command that succeeds shows up in it.
    const before = await store.headPosition();
    const control = await api.http
      .post('/api/v1/agencies')
      .set('Authorization', tokens.coordinator)
      .set('X-Correlation-Id', 'fuzz-control')
      .send({ code: 'FUZZ-CTRL', nameTh: 'หน่วยงานควบคุม', agencyType: 'other' });
    expect(control.status).toBe(201);
    expect((await eventsStoredSince(store, before)).map((e) => e.correlationId)).toEqual(['fuzz-control']);

    const generating = Date.now();
    const sweep = ops.flatMap((op, i) => numberSweep(op, state.ids, SEED + i));
    const perOperation = Math.ceil(Math.max(0, REQUESTS - sweep.length) / ops.length);
    const cases: FuzzCase[] = shuffled(
      [
        ...sweep,
        ...ops.flatMap((op, i) => fc.sample(fuzzCase(op, state.ids), { seed: SEED + i, numRuns: perOperation })),
      ],
      SEED,
    );
    const ctx: RunContext = {
      port,
      ids: state.ids,
      etags: state.etags,
      authorization: (role, index) =>
        role === 'anonymous' ? undefined : role === 'bad_token' ? badTokens[index % badTokens.length] : tokens[role],
      unregisteredAgency: (authorization) => authorization === unregistered,
      store,
      timeoutMs: 10_000,
      serverErrors: serverErrorsOf(api),
    };

    const generated = Date.now() - generating;
    const started = Date.now();
    const cpu = process.cpuUsage();
    const failures: Failure[] = [];
    const statuses = new Map<string, number>();
    const answeredOk = new Set<string>();
    let sent = 0;
    for (const [index, fuzz] of cases.entries()) {
      if (Date.now() - started > TIME_BUDGET_MS) break;
      const prepared = prepare(fuzz, index, SEED, ctx);
      const t0 = Date.now();
      const result = await runOne(fuzz, prepared, ctx);
      if (TRACE)
        appendFileSync(
          TRACE,
          `${JSON.stringify({ index, op: fuzz.op.id, role: fuzz.role, labels: fuzz.labels, status: result.status, code: result.code, ms: Date.now() - t0, raw: !!prepared.rawBytes })}\n`,
        );
      sent++;
      failures.push(...result.failures);
      const bucket = result.status === undefined ? 'none' : `${String(result.status)[0]}xx`;
      statuses.set(bucket, (statuses.get(bucket) ?? 0) + 1);
      if (result.status !== undefined && result.status < 300) answeredOk.add(fuzz.op.id);
    }
    const seconds = (Date.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    process.stdout.write(
      `fuzz: ${sent} requests (${sweep.length} of them boundary numbers in every numeric field) over ${ops.length} operations in ${seconds.toFixed(1)} s (${Math.round(sent / seconds)}/s; ` +
        `CPU ${((used.user + used.system) / 1e6).toFixed(1)} s; generated in ${(generated / 1000).toFixed(1)} s); ` +
        `answers ${[...statuses]
          .sort()
          .map(([k, v]) => `${k}=${v}`)
          .join(' ')}; ${answeredOk.size} operations answered 2xx at least once\n`,
    );

    // The run must have done its work (enough requests, enough of them through to the handlers),
    // and what it found is shown even when it ran out of time.
    const problems: string[] = [];
    if (sent < cases.length)
      problems.push(`the fuzz run used up its ${TIME_BUDGET_MS / 1000} s after ${sent} of ${cases.length} requests`);
    if (sent < Math.min(REQUESTS, 5_000))
      problems.push(`only ${sent} requests were sent; at least ${Math.min(REQUESTS, 5_000)} are required`);
    if (answeredOk.size < Math.floor(ops.length / 2))
      problems.push(
        `only ${answeredOk.size} of ${ops.length} operations ever answered 2xx: the generated requests no longer reach the handlers`,
      );
    if (failures.length) problems.push(`fuzzing (seed ${SEED}) found failures:\n${report(failures)}`);
    // Every event the run got accepted must be one the projections can apply: a poison event stalls the views.
    const head = await store.headPosition();
    if (head !== undefined && !(await api.app.get<ProjectionProgress>(PROJECTION_PROGRESS).waitFor(head, 60_000))) {
      problems.push(
        `the projections did not reach the log's head (${head}) within 60 s of the run's end: an accepted event that a projection cannot apply?`,
      );
    }
    if (problems.length) throw new Error(problems.join('\n\n'));
  });
});
