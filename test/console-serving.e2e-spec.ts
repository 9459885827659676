import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CONSOLE_SCHEMA, generateConsoleSchema } from './support/console-client';
import { samplePlan, startApi, type ApiHarness } from './support/api-harness';

describe('the console, served by the API', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi({ READ_YOUR_WRITES_TIMEOUT_MS: '30000' });
  });
  afterAll(() => api.close());

  it('is served at / from the same origin, under the strict security headers', async () => {
    const index = await api.http.get('/');
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toMatch(/text\/html/);
    expect(index.text).toContain('<div id="root">');
    expect(index.headers['cache-control']).toBe('no-cache');
    const csp = index.headers['content-security-policy'];
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toMatch(/https?:\/\//);
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(index.text)![1];
    const script = await api.http.get(asset);
    expect(script.status).toBe(200);
    expect(script.headers['cache-control']).toContain('immutable');
    // The tab's icon is the console's own, from the same origin (a browser asks for it on every page).
    const icon = /<link rel="icon"[^>]*href="([^"]+)"/.exec(index.text)![1];
    const svg = await api.http.get(icon).buffer(true);
    expect(svg.status).toBe(200);
    expect(svg.headers['content-type']).toMatch(/^image\/svg\+xml/);
  });

  it('leaves unknown API routes to the API: problem+json, not the page', async () => {
    const res = await api.http.get('/api/v1/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('lists the plans for the console to open', async () => {
    const token = await api.token('coordinator');
    const drafted = await api.http.post('/api/v1/plans').set('Authorization', `Bearer ${token}`).send(samplePlan);
    const list = await api.http
      .get(`/api/v1/plans?minPosition=${drafted.body.position}`)
      .set('Authorization', `Bearer ${await api.token('viewer', 'v1', 'PV-SK')}`);
    expect(list.status).toBe(200);
    expect(list.body.plans).toEqual([
      expect.objectContaining({
        planId: drafted.body.planId,
        fiscalYear: 2562,
        status: 'drafting',
        titleTh: samplePlan.titleTh,
      }),
    ]);
  });

  it("keeps an idle live stream open past the server's idle timeout, with heartbeats inside it", async () => {
    // Its own API, whose idle timeout is short (the default is 15 s), so the test need not wait long.
    const quick = await startApi({ HTTP_IDLE_TIMEOUT_MS: '1500' });
    try {
      await quick.app.listen(0, '127.0.0.1');
      const { port } = quick.app.getHttpServer().address() as AddressInfo;
      const token = await quick.token('viewer', 'v1', 'PV-SK');
      const seen: string[] = [];
      let ended = false;
      const request = http.get(
        { host: '127.0.0.1', port, path: '/api/v1/live', headers: { Authorization: `Bearer ${token}` } },
        (res) => {
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => seen.push(chunk));
          res.on('close', () => (ended = true));
        },
      );
      request.on('error', () => (ended = true));
      // Three idle timeouts long.
      await new Promise((r) => setTimeout(r, 4_500));
      expect(ended).toBe(false);
      expect(seen.filter((chunk) => chunk.includes(': keep-alive')).length).toBeGreaterThanOrEqual(4);
      request.destroy();
    } finally {
      await quick.close();
    }
  });

  it('pushes the position of every change to the console as server-sent events', async () => {
    await api.app.listen(0, '127.0.0.1');
    const { port } = api.app.getHttpServer().address() as AddressInfo;
    const token = await api.token('coordinator');
    const received: string[] = [];
    let sawChange!: () => void;
    const changed = new Promise<void>((resolve) => (sawChange = resolve));
    let wrote: string | undefined;
    let buffer = '';
    const request = http.get(
      { host: '127.0.0.1', port, path: '/api/v1/live', headers: { Authorization: `Bearer ${token}` } },
      (res) => {
        expect(res.headers['content-type']).toMatch(/text\/event-stream/);
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          // Each message is a block of lines (`event:`, `id:`, `data:` in any order) ending in a blank line.
          buffer += chunk;
          const messages = buffer.split('\n\n');
          buffer = messages.pop()!;
          for (const lines of messages.map((message) => message.split('\n'))) {
            const data = lines.find((line) => line.startsWith('data: '));
            if (!lines.includes('event: position') || !data) continue;
            const { position } = JSON.parse(data.slice(6)) as { position: string };
            received.push(position);
            // The id is the position, which a reconnecting EventSource sends back as Last-Event-ID.
            expect(lines).toContain(`id: ${position}`);
          }
          if (wrote && received.some((p) => BigInt(p) >= BigInt(wrote!))) sawChange();
        });
      },
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(received.length).toBe(1);
    const drafted = await api.http
      .post('/api/v1/plans')
      .set('Authorization', `Bearer ${token}`)
      .send({ ...samplePlan, fiscalYear: 2563 });
    wrote = drafted.body.position as string;
    await changed;
    request.destroy();
    expect(BigInt(received.at(-1)!)).toBeGreaterThanOrEqual(BigInt(wrote));
  });

  it('answers HEAD on the live stream with its headers alone, and ends every open stream when the server shuts down', async () => {
    const quick = await startApi();
    try {
      await quick.app.listen(0, '127.0.0.1');
      const { port } = quick.app.getHttpServer().address() as AddressInfo;
      const token = await quick.token('viewer', 'v1', 'PV-SK');
      const ask = (method: string) =>
        new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
          const request = http.request(
            { host: '127.0.0.1', port, method, path: '/api/v1/live', headers: { Authorization: `Bearer ${token}` } },
            (res) => {
              let body = '';
              res.setEncoding('utf8');
              res.on('data', (chunk: string) => (body += chunk));
              res.on('end', () =>
                resolve({ status: res.statusCode!, type: String(res.headers['content-type']), body }),
              );
              // Once the stream is open, the server is shut down under it.
              if (method === 'GET') setTimeout(() => void quick.close(), 300);
            },
          );
          request.on('error', reject);
          request.end();
        });
      const head = await ask('HEAD');
      expect(head).toEqual({ status: 200, type: expect.stringMatching(/^text\/event-stream/), body: '' });
      const ended = await ask('GET');
      expect(ended.status).toBe(200);
      expect(ended.body).toContain('event: position');
    } finally {
      await quick.close();
    }
  });

  it("keeps the console's typed client in step with the API's OpenAPI document (npm run console:client)", async () => {
    expect(await generateConsoleSchema()).toBe(readFileSync(CONSOLE_SCHEMA, 'utf8'));
  }, 120_000);
});
