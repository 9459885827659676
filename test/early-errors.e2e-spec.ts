import { connect } from 'node:net';
import { startApi, type ApiHarness } from './support/api-harness';

/** Raw bytes on a socket: the answers Node's parser and Fastify's router give before any route runs. */
function raw(
  port: number,
  request: string,
): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    socket.on('data', (chunk) => (data += chunk.toString('utf8')));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head, ...rest] = data.split('\r\n\r\n');
      const [statusLine, ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(
        lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]),
      );
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n') });
    });
    socket.write(request);
    setTimeout(() => socket.end(), 500);
  });
}

describe('errors raised before the application', () => {
  let api: ApiHarness;
  let port: number;
  let token: string;

  beforeAll(async () => {
    api = await startApi();
    await api.app.listen(0, '127.0.0.1');
    port = (api.app.getHttpServer().address() as { port: number }).port;
    token = await api.token();
  });
  afterAll(() => api.close());

  const expectProblem = (
    res: { status: number; headers: Record<string, string>; body: string },
    status: number,
    code: string,
  ) => {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBeDefined();
    const problem = JSON.parse(res.body.replace(/^[0-9a-f]+\r\n/, '').replace(/\r\n0\r\n$/, ''));
    expect(problem).toMatchObject({ status, code, messages: { th: expect.any(String), en: expect.any(String) } });
  };

  it('answers a URL that is not valid percent-encoding as a problem with the security headers', async () => {
    expectProblem(
      await raw(
        port,
        `GET /api/v1/plans/%E0%A4%A HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\nConnection: close\r\n\r\n`,
      ),
      400,
      'REQUEST.BAD_URL',
    );
  });

  it('answers an id of 5,000 characters as a problem with the security headers', async () => {
    const res = await raw(
      port,
      `GET /api/v1/plans/${'a'.repeat(5000)} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\nConnection: close\r\n\r\n`,
    );
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers a header line ended by a bare LF as a problem with the security headers', async () => {
    expectProblem(
      await raw(port, `GET /health HTTP/1.1\r\nHost: x\nX-Odd: 1\r\nConnection: close\r\n\r\n`),
      400,
      'REQUEST.MALFORMED',
    );
  });

  it('answers headers over 16 KB as a problem with the security headers', async () => {
    expectProblem(
      await raw(port, `GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'b'.repeat(20_000)}\r\nConnection: close\r\n\r\n`),
      431,
      'REQUEST.HEADERS_TOO_LARGE',
    );
  });

  it('refuses JSON nested 1,500 levels deep with 400, for any role, storing nothing', async () => {
    const before = await api.http.get('/health');
    const res = await api.http
      .post('/api/v1/plans')
      .set('Authorization', `Bearer ${token}`)
      .set('Content-Type', 'application/json')
      .send(`{"a":${'['.repeat(1500)}${']'.repeat(1500)}}`);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('REQUEST.TOO_DEEP');
    const after = await api.http.get('/health');
    expect(after.body.headPosition).toBe(before.body.headPosition);
  });

  it.each(['constructor', 'prototype'])('refuses a field named %s as it refuses any unknown field', async (key) => {
    const body = `{"provinceCode":"TH-27","fiscalYear":2562,"titleTh":"แผนปฏิบัติการทดสอบ","${key}":{"x":1}}`;
    const res = await api.http
      .post('/api/v1/plans')
      .set('Authorization', `Bearer ${token}`)
      .set('Content-Type', 'application/json')
      .send(body)
      .expect(400);
    expect(res.body.code).toBe('REQUEST.INVALID');
    expect(JSON.stringify(res.body.errors)).toContain(key);
  });

  it('marks every authenticated answer, and every API answer, not to be stored by any cache', async () => {
    const res = await api.http.get('/api/v1/agencies').set('Authorization', `Bearer ${token}`).expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const refused = await api.http.get('/api/v1/agencies').expect(401);
    expect(refused.headers['cache-control']).toBe('no-store');
  });

  it("does not echo the token library's own words in a 401", async () => {
    const forged = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"sub":"x"}').toString('base64url')}.`;
    const res = await api.http.get('/api/v1/agencies').set('Authorization', `Bearer ${forged}`).expect(401);
    expect(res.body.code).toBe('AUTH.TOKEN_INVALID');
    expect(JSON.stringify(res.body)).not.toMatch(/JOSE|javascript runtime|alg/i);
  });
});

describe('slow and idle connections', () => {
  let api: ApiHarness;
  let port: number;

  beforeAll(async () => {
    api = await startApi(
      { HTTP_IDLE_TIMEOUT_MS: '1000', HTTP_HEADERS_TIMEOUT_MS: '1000', HTTP_REQUEST_TIMEOUT_MS: '2000' },
      { agencies: false },
    );
    await api.app.listen(0, '127.0.0.1');
    port = (api.app.getHttpServer().address() as { port: number }).port;
  });
  afterAll(() => api.close());

  const closedWithin = (socket: ReturnType<typeof connect>, ms: number) =>
    new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), ms);
      socket.on('close', () => {
        clearTimeout(timer);
        resolve(true);
      });
      socket.on('error', () => undefined);
    });

  it('closes connections that send nothing, and those that never finish their headers', async () => {
    const idle = Array.from({ length: 50 }, () => connect(port, '127.0.0.1'));
    const slow = Array.from({ length: 20 }, () => {
      const socket = connect(port, '127.0.0.1');
      socket.write('GET /health HTTP/1.1\r\nHost: x\r\n');
      return socket;
    });
    const closed = await Promise.all([...idle, ...slow].map((s) => closedWithin(s, 8000)));
    expect(closed.filter(Boolean)).toHaveLength(70);
  });
});
