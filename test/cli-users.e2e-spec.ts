import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApi, type ApiHarness } from './support/api-harness';
import { cli } from './support/cli';

describe('the first user, from the command line', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ruamjai-cli-users-'));
  let api: ApiHarness | undefined;
  afterAll(async () => {
    await api?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('users add prints a one-time password that must be changed at the first sign-in', async () => {
    const added = await cli(
      dataDir,
      'users',
      'add',
      '--username',
      'somchai',
      '--role',
      'coordinator',
      '--agency',
      'PSDHS-SK',
      '--display-name',
      'สมชาย ใจดี',
    );
    const password = added.stdout.trim();
    expect(password).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(added.stderr).toContain('must be changed at the first sign-in');

    // Once the log holds anything, a person is added only to an agency of the directory (the API would refuse them anyway).
    const unregistered = cli(
      dataDir,
      'users',
      'add',
      '--username',
      'malee',
      '--role',
      'viewer',
      '--agency',
      'NOWHERE-SK',
    );
    await expect(unregistered).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('agency NOWHERE-SK is not in the directory'),
    });

    api = await startApi({ DATA_DIR: dataDir }, { agencies: false });
    const signIn = await api.http.post('/api/v1/auth/sign-in').send({ username: 'somchai', password });
    expect(signIn.status).toBe(200);
    expect(signIn.body.status).toBe('password_change_required');
  }, 150_000);
});
