import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '../..');

/** A TypeScript script of the repository in a child process of its own, with its output by line. */
export interface TsChild {
  readonly process: ChildProcess;
  /** Every line it printed so far. */
  readonly lines: string[];
  /** Resolves with the first line from index `after` on (past or future) that matches. */
  waitForLine(match: (line: string) => boolean, timeoutMs?: number, after?: number): Promise<string>;
  /** SIGKILL, and wait until it is gone. */
  kill(): Promise<void>;
}

/** `env` is added to this process's environment (an app's settings, for one started as in production). */
export function spawnTs(script: string, args: string[], env: Record<string, string> = {}): TsChild {
  const child = spawn(process.execPath, ['--require', '@swc-node/register', join(root, script), ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env, SWC_NODE_PROJECT: join(root, 'tsconfig.json') },
  });
  const lines: string[] = [];
  const listeners = new Set<() => void>();
  let buffered = '';
  let errors = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const parts = buffered.split('\n');
    buffered = parts.pop()!;
    lines.push(...parts);
    for (const listener of listeners) listener();
  });
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    process: child,
    lines,
    waitForLine(match, timeoutMs = 60_000, after = 0) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = lines.slice(after).find(match);
          if (found === undefined) return false;
          cleanup();
          resolve(found);
          return true;
        };
        const onExit = () => {
          if (check()) return;
          cleanup();
          reject(
            new Error(
              `${script} exited (${child.exitCode ?? child.signalCode}) before printing what was awaited:\n${errors}`,
            ),
          );
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(
            new Error(
              `${script} did not print what was awaited in ${timeoutMs} ms; last lines: ${lines.slice(-3).join(' | ')}\n${errors}`,
            ),
          );
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          listeners.delete(listener);
          child.off('exit', onExit);
        };
        const listener = () => void check();
        if (check()) return;
        listeners.add(listener);
        child.once('exit', onExit);
      });
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
