import { loadConfig } from '@ruamjai/config';
import { issueToken, loadOrCreateSigningKey } from '@ruamjai/security';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { seedSakaeo2562 } from '../apps/cli/src/seed/run-seed';

/** The console's initial JavaScript and CSS, gzipped: what index.html loads before the first screen. */
export function consoleInitialBytes(root: string): { gzipBytes: number; files: string[] } {
  const dir = join(root, 'dist/console');
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  const gzipBytes = files.reduce((sum, file) => sum + gzipSync(readFileSync(join(dir, file)), { level: 9 }).length, 0);
  return { gzipBytes, files };
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Navigation to a rendered fiscal-year dashboard with the Sa Kaeo seed, in headless Chromium from
 * Debian (signed in as a viewer), beside the API's own response time for the same data.
 */
export async function dashboardFigures(
  root: string,
  dataDir: string,
  rounds: number,
): Promise<{ renderMedianMs: number; apiMedianMs: number }> {
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  await seedSakaeo2562(config);
  const port = 30_000 + Math.floor(Math.random() * 20_000);
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [join(root, 'dist/apps/api/src/main.js')], {
    cwd: root,
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
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`API exited with ${child.exitCode}`);
      if (
        await fetch(`${base}/health`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      if (Date.now() > deadline) throw new Error('API did not become healthy');
      await new Promise((r) => setTimeout(r, 200));
    }
    const key = await loadOrCreateSigningKey(dataDir);
    const token = await issueToken(
      key,
      { sub: 'bench', agency: 'PSDHS-SK', role: 'coordinator' },
      'ruamjai',
      'ruamjai-api',
    );
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const added = (await (
      await fetch(`${base}/api/v1/users`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ username: 'bench.viewer', displayName: 'bench', role: 'viewer', agency: 'PSDHS-SK' }),
      })
    ).json()) as { oneTimePassword: string; position: string };
    const first = (await (
      await fetch(`${base}/api/v1/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'bench.viewer', password: added.oneTimePassword }),
      })
    ).json()) as { challenge: string };
    await fetch(`${base}/api/v1/auth/password-change`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ challenge: first.challenge, newPassword: 'bench-viewer-password' }),
    });

    // The API alone: the same request the dashboard makes, once the views have caught up.
    const url = `${base}/api/v1/dashboards/fiscal-years/2562?minPosition=${added.position}`;
    await fetch(url, { headers });
    const api: number[] = [];
    for (let i = 0; i < rounds * 5; i++) {
      const started = performance.now();
      const res = await fetch(`${base}/api/v1/dashboards/fiscal-years/2562`, { headers });
      await res.arrayBuffer();
      api.push(performance.now() - started);
    }

    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const signedIn = await page.request.post(`${base}/api/v1/auth/sign-in`, {
      data: { username: 'bench.viewer', password: 'bench-viewer-password' },
    });
    if (!signedIn.ok()) throw new Error(`bench sign-in failed: ${signedIn.status()}`);
    const render: number[] = [];
    for (let i = 0; i < rounds; i++) {
      await page.goto('about:blank');
      const started = performance.now();
      await page.goto(`${base}/#/dashboard`);
      await page.getByTestId('fiscal-year-dashboard').locator('.ant-statistic').first().waitFor({ timeout: 60_000 });
      await page.locator('.echarts-for-react svg').first().waitFor({ timeout: 60_000 });
      render.push(performance.now() - started);
    }
    await context.close();
    return { renderMedianMs: median(render), apiMedianMs: median(api) };
  } finally {
    await browser.close();
    child.kill('SIGTERM');
  }
}
