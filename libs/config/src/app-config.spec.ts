import { ConfigError, loadConfig } from './app-config';

describe('configuration', () => {
  it('runs on the embedded defaults with an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, eventStoreConnectionString: undefined, databaseUrl: undefined, projectionsInProcess: true });
    expect(config.dataDir).toMatch(/data$/);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['EVENTSTORE_CONNECTION_STRING', 'http://localhost:2113'],
    ['DATABASE_URL', 'mysql://x'],
    ['LOG_LEVEL', 'loud'],
    ['PROJECTIONS_IN_PROCESS', 'maybe'],
    ['JWT_PUBLIC_KEY', 'not a key'],
    ['TRUSTED_PROXIES', '10.0.0.1,example.org'],
    ['TRUSTED_PROXIES', '10.0.0.0/33'],
    ['HTTP_HEADERS_TIMEOUT_MS', '0'],
    ['API_DOCS', 'sometimes'],
  ])('stops with a message naming %s when it is %s', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(name);
  });

  it('accepts a kurrentdb connection string', () => {
    expect(loadConfig({ EVENTSTORE_CONNECTION_STRING: 'kurrentdb://localhost:2113?tls=false' }).eventStoreConnectionString).toBe('kurrentdb://localhost:2113?tls=false');
  });

  it('believes no forwarded address unless proxies are named', () => {
    expect(loadConfig({}).trustedProxies).toEqual([]);
    expect(loadConfig({ TRUSTED_PROXIES: '10.0.0.5, 172.16.0.0/12,::1' }).trustedProxies).toEqual(['10.0.0.5', '172.16.0.0/12', '::1']);
  });

  it('serves the API documents except in production, unless told', () => {
    expect(loadConfig({}).apiDocs).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' }).apiDocs).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', API_DOCS: 'true' }).apiDocs).toBe(true);
  });
});
