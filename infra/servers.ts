import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export interface RunningServer {
  readonly url: string;
  stop(): Promise<void>;
}

/** Starts a process and waits for the line `ready <url>` on its stdout. */
export function startServer(
  command: string,
  args: string[],
  timeoutMs: number,
  cleanup: () => void = () => undefined,
): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${args.join(' ')} did not become ready in ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /^ready (\S+)$/m.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      resolve({
        url: match[1],
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done(cleanup());
            child.once('exit', () => done(cleanup()));
            child.kill('SIGTERM');
          }),
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${args.join(' ')} exited with ${code} before it was ready:\n${output}`));
    });
  });
}

/** A real PostgreSQL from the npm-shipped server, in a throwaway directory. `root` is the repository. */
export async function startEmbeddedPostgres(root: string): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'ruamjai-pg-'));
  const port = await freePort();
  return startServer(
    process.execPath,
    [join(root, 'infra/postgres/embedded-postgres.mjs'), join(dir, 'data'), String(port)],
    180_000,
    () => rmSync(dir, { recursive: true, force: true }),
  );
}

/** A real single-node Kafka broker (KRaft) from Maven Central jars, in a throwaway directory. */
export async function startKafka(root: string): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'ruamjai-kafka-'));
  const broker = await startKafkaAt(root, dir, await freePort(), await freePort());
  return {
    url: broker.url,
    stop: async () => {
      await broker.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A Kafka broker on a given folder and ports: stop it and start it again to simulate an outage. */
export function startKafkaAt(root: string, dir: string, port: number, controllerPort: number): Promise<RunningServer> {
  // The first run on a machine resolves the broker's jars from Maven Central: allow for it.
  return startServer(
    process.execPath,
    [join(root, 'infra/kafka/kafka.mjs'), dir, String(port), String(controllerPort)],
    600_000,
  );
}
