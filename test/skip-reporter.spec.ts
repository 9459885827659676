import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..');

/** Runs the fixture suite through a Jest of its own with the project's summary reporter. */
function runFixture(env: Record<string, string>): { status: number | null; output: string } {
  const result = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules/jest/bin/jest.js'),
      '--config',
      JSON.stringify({
        rootDir: root,
        roots: ['<rootDir>/test/fixtures/skips'],
        testMatch: ['**/*.fixture.js'],
        reporters: [join(root, 'test/support/summary-reporter.js')],
        transform: {},
      }),
    ],
    { cwd: root, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env } },
  );
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('skipped tests under CI', () => {
  jest.setTimeout(60_000);

  it('fail the run when a skipped test is not on the allowlist', () => {
    const { status, output } = runFixture({ REQUIRE_INFRA: '1', FIXTURE_SKIP_ALL: '1' });
    expect(output).toContain('1 passed, 0 failed, 2 skipped');
    expect(output).toContain('test/fixtures/skips/suite.fixture.js: a suite that needs a server uses it');
    expect(status).toBe(1);
  });

  it('fail the run for a skip the project allowlist does not name, even one documented elsewhere', () => {
    const { status, output } = runFixture({ REQUIRE_INFRA: '1' });
    expect(output).toContain('a suite is skipped on purpose');
    expect(status).toBe(1);
  });

  it('let the run pass when every skipped test is on the allowlist', () => {
    const { status, output } = runFixture({
      REQUIRE_INFRA: '1',
      RUAMJAI_SKIP_ALLOWLIST: join(root, 'test/fixtures/skips/allowlist.json'),
    });
    expect(output).toContain('2 passed, 0 failed, 1 skipped');
    expect(status).toBe(0);
  });

  it('only count skips outside CI, where a developer may run without servers', () => {
    const { status } = runFixture({ FIXTURE_SKIP_ALL: '1' });
    expect(status).toBe(0);
  });
});
