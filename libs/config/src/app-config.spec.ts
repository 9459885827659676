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
    ['TRUST_PROXY', 'caddy'],
    ['TRUST_PROXY', '10.0.0.0/33'],
  ])('stops with a message naming %s when it is %s', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(name);
  });

  it('trusts the loopback proxy by default, and the addresses and ranges given', () => {
    expect(loadConfig({}).trustProxy).toEqual(['127.0.0.1', '::1']);
    expect(loadConfig({ TRUST_PROXY: '172.29.0.0/24, 10.1.2.3' }).trustProxy).toEqual(['172.29.0.0/24', '10.1.2.3']);
  });

  it('accepts a kurrentdb connection string', () => {
    expect(loadConfig({ EVENTSTORE_CONNECTION_STRING: 'kurrentdb://localhost:2113?tls=false' }).eventStoreConnectionString).toBe('kurrentdb://localhost:2113?tls=false');
  });
});
