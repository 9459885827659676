import { spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '../..');

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * The CLI as an operator runs it, in its own process (`npm run cli -- <args>` without the build), on a
 * data folder and the embedded store only: no server the test run may have been given.
 */
export function runCli(dataDir: string, ...args: string[]): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--require', '@swc-node/register', join(root, 'apps/cli/src/main.ts'), ...args],
      {
        cwd: root,
        env: {
          ...process.env,
          DATABASE_URL: '',
          EVENTSTORE_CONNECTION_STRING: '',
          KAFKA_BROKERS: '',
          SWC_NODE_PROJECT: join(root, 'tsconfig.json'),
          DATA_DIR: dataDir,
          LOG_LEVEL: 'silent',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** The same, refused with the exit code and both outputs when the CLI exits other than 0. */
export async function cli(dataDir: string, ...args: string[]): Promise<CliResult> {
  const result = await runCli(dataDir, ...args);
  if (result.code !== 0)
    throw Object.assign(new Error(`npm run cli -- ${args.join(' ')} exited ${result.code}: ${result.stderr}`), result);
  return result;
}
