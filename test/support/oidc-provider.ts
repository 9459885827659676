import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';

/** An account at the test provider: its password and the claims it releases. */
export interface ProviderAccount {
  readonly password: string;
  readonly claims: Record<string, unknown>;
}

export interface RunningProvider {
  readonly issuer: string;
  /** Rewrites the provider's accounts (read at each use: a person's groups can change between sign-ins). */
  setAccounts(accounts: Record<string, ProviderAccount>): void;
  stop(): Promise<void>;
}

/** A port nobody listens on just now, for a server that must know its address before it starts. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * The certified `oidc-provider` in a child process (test/support/oidc-provider-server.mjs), on a free
 * port of 127.0.0.1, with one confidential client and the given accounts.
 */
export async function startOidcProvider(options: {
  accountsFile: string;
  accounts: Record<string, ProviderAccount>;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}): Promise<RunningProvider> {
  const setAccounts = (accounts: Record<string, ProviderAccount>) =>
    writeFileSync(options.accountsFile, JSON.stringify(accounts));
  setAccounts(options.accounts);
  const child = spawn(
    process.execPath,
    [
      join(__dirname, 'oidc-provider-server.mjs'),
      options.accountsFile,
      options.clientId,
      options.clientSecret,
      options.redirectUri,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const issuer = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the OpenID provider did not start in 30 s: ${errors}`)), 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /^issuer (\S+)$/m.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the OpenID provider exited (${code}): ${errors}`));
    });
  });
  return {
    issuer,
    setAccounts,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
