import { issueToken, loadOrCreateSigningKey } from '@ruamjai/security';
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { breakdown, type Breakdown } from './profile';

export interface HttpRun {
  requestsPerSecond: number;
  mean: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  total: number;
}

const project = {
  titleTh: 'ประชารัฐร่วมใจขจัดภัยค้ามนุษย์ในเด็ก สตรี และครอบครัว',
  leadAgencyCode: 'PSDHS-SK',
  districtCodes: ['2706', '2708'],
  requestedBudgetSatang: 15_000_000,
  fundingSource: 'anti_trafficking_fund',
  strategy: 'protection',
};

async function waitForHealth(base: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`API exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('API did not become healthy');
}

/** The sum and count of ruamjai_command_duration_seconds over every command, from /metrics. */
async function commandSeconds(base: string, headers: Record<string, string>): Promise<{ sum: number; count: number }> {
  const text = await (await fetch(`${base}/metrics`, { headers })).text();
  const total = (suffix: string) =>
    text
      .split('\n')
      .filter((line) => line.startsWith(`ruamjai_command_duration_seconds_${suffix}{`))
      .reduce((acc, line) => acc + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
  return { sum: total('sum'), count: total('count') };
}

/** One autocannon run, as the HTTP figures read it. */
export function run(options: autocannon.Options): Promise<HttpRun> {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => {
      if (error) return reject(error as Error);
      resolve({
        requestsPerSecond: result.requests.average,
        mean: result.latency.mean,
        p50: result.latency.p50,
        p99: result.latency.p99,
        non2xx: result.non2xx,
        errors: result.errors,
        total: result.requests.total,
      });
    });
  });
}

/**
 * (d) HTTP commands at 64 connections against the real API in its own process (embedded store,
 * projections in process): adding a project with If-Match, beside the floor — the same route shape,
 * auth, validation and filters with no command behind it.
 */
export async function httpFigures(
  root: string,
  dataDir: string,
  seconds: number,
): Promise<{ floor: HttpRun; addProject: HttpRun; handlerMeanMs: number; mainThread: Breakdown }> {
  const port = 30_000 + Math.floor(Math.random() * 20_000);
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [join(root, 'dist/apps/api/src/main.js'), '--bench-routes'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      RATE_LIMIT_MAX: '10000000',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitForHealth(base, child);
    const key = await loadOrCreateSigningKey(dataDir);
    const token = await issueToken(
      key,
      { sub: 'bench', agency: 'PSDHS-SK', role: 'coordinator' },
      'ruamjai',
      'ruamjai-api',
    );
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const agency = await fetch(`${base}/api/v1/agencies`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        code: 'PSDHS-SK',
        nameTh: 'สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดสระแก้ว',
        agencyType: 'social_development',
      }),
    });
    if (agency.status !== 201) throw new Error(`registering the lead agency failed: ${agency.status}`);
    const connections = 64;
    const plansPerConnection = 16;
    const plans: string[] = [];
    for (let i = 0; i < connections * plansPerConnection; i++) {
      const res = await fetch(`${base}/api/v1/plans`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ provinceCode: 'TH-27', fiscalYear: 2562, titleTh: `แผนทดสอบ ${i}` }),
      });
      if (res.status !== 201) throw new Error(`drafting plan failed: ${res.status} ${await res.text()}`);
      plans.push(((await res.json()) as { planId: string }).planId);
    }
    const body = JSON.stringify(project);
    const common = { connections, duration: seconds, headers, body, method: 'POST' as const };

    await run({ ...common, url: `${base}/api/v1/_bench/plans/${randomUUID()}/projects`, duration: 2 });
    const floor = await run({ ...common, url: `${base}/api/v1/_bench/plans/${randomUUID()}/projects` });

    // Autocannon resets a connection's context after each request, so plans are checked out of a
    // shared pool for one request at a time; each plan's ETag follows it back into the pool.
    const pool = plans.map((id) => ({ id, etag: '"0"' }));
    type Ctx = { plan?: { id: string; etag: string } };
    const addProjects = (duration: number) =>
      run({
        ...common,
        duration,
        url: `${base}/api/v1/plans`,
        requests: [
          {
            method: 'POST',
            setupRequest: (request: autocannon.Request, context: Ctx) => {
              const plan = pool.shift()!;
              context.plan = plan;
              // As a real client sends it: the ETag it read, and a fresh idempotency key.
              return {
                ...request,
                path: `/api/v1/plans/${plan.id}/projects`,
                headers: { ...headers, 'if-match': plan.etag, 'idempotency-key': randomUUID() },
                body,
              };
            },
            onResponse: (status: number, responseBody: string, context: Ctx) => {
              const plan = context.plan!;
              if (status === 201) plan.etag = `"${(JSON.parse(responseBody) as { revision: string }).revision}"`;
              pool.push(plan);
            },
          },
        ],
      });
    const before = await commandSeconds(base, headers);
    const addProject = await addProjects(seconds);
    const after = await commandSeconds(base, headers);
    // Then a shorter run under the profiler: the API's main thread over the load alone.
    await fetch(`${base}/api/v1/_bench/profile/start`, { method: 'POST', headers });
    await addProjects(Math.max(3, Math.round(seconds / 2)));
    const profile = await fetch(`${base}/api/v1/_bench/profile/stop`, { method: 'POST', headers });
    const file = join(dataDir, 'add-project.cpuprofile');
    writeFileSync(file, await profile.text());
    return {
      floor,
      addProject,
      handlerMeanMs: ((after.sum - before.sum) / Math.max(1, after.count - before.count)) * 1000,
      mainThread: breakdown(file),
    };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}
