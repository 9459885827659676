import { ConfigError, loadConfig } from './app-config';

describe('configuration', () => {
  it('runs on the embedded defaults with an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      eventStore: { kind: 'sqlite' },
      eventStoreConnectionString: undefined,
      databaseUrl: undefined,
      projectionsInProcess: true,
      leasePollMs: 1000,
      readModelCacheMb: 16,
      projectionThreadHeapMb: 64,
      deploymentProvince: 'TH-27',
    });
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
    ['SMTP_URL', 'http://mail.example'],
    ['PUBLIC_URL', 'ftp://ruamjai.example'],
    ['NOTIFY_DIGEST_HOUR', '24'],
    ['READ_MODEL_CACHE_MB', '0'],
    ['READ_MODEL_CACHE_MB', 'lots'],
    ['PROJECTION_THREAD_HEAP_MB', '8'],
    ['LEASE_POLL_MS', '10'],
    ['LEASE_POLL_MS', 'often'],
    ['DEPLOYMENT_PROVINCE', 'TH-99'],
    ['DEPLOYMENT_PROVINCE', 'Sa Kaeo'],
  ])('stops with a message naming %s when it is %s', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(name);
  });

  it('serves the province DEPLOYMENT_PROVINCE names', () => {
    expect(loadConfig({ DEPLOYMENT_PROVINCE: 'TH-23' }).deploymentProvince).toBe('TH-23');
  });

  it('reads the mail relay from one URL, with its account, and links people to the public address', () => {
    const config = loadConfig({
      SMTP_URL: 'smtps://ruamjai%40sakaeo:p%40ss@mail.sakaeo.go.th',
      PUBLIC_URL: 'https://ruamjai.sakaeo.go.th/',
    });
    expect(config.notifications.smtp).toEqual({
      host: 'mail.sakaeo.go.th',
      port: 465,
      secure: true,
      user: 'ruamjai@sakaeo',
      password: 'p@ss',
    });
    expect(config.notifications.publicUrl).toBe('https://ruamjai.sakaeo.go.th');
    expect(loadConfig({ SMTP_URL: 'smtp://127.0.0.1:2525' }).notifications.smtp).toEqual({
      host: '127.0.0.1',
      port: 2525,
      secure: false,
    });
    expect(loadConfig({}).notifications).toMatchObject({
      enabled: true,
      smtp: undefined,
      publicUrl: 'http://localhost:3000',
      digestHour: 7,
    });
  });

  it('accepts a kurrentdb connection string, and takes it to mean KurrentDB', () => {
    const config = loadConfig({ EVENTSTORE_CONNECTION_STRING: 'kurrentdb://localhost:2113?tls=false' });
    expect(config.eventStoreConnectionString).toBe('kurrentdb://localhost:2113?tls=false');
    expect(config.eventStore).toEqual({ kind: 'kurrentdb', connectionString: 'kurrentdb://localhost:2113?tls=false' });
  });

  it("keeps the log in PostgreSQL when told: its own URL, or else the read models' database", () => {
    const readModels = 'postgres://ruamjai@db.sakaeo.internal/ruamjai';
    const log = 'postgresql://ruamjai@log.sakaeo.internal/events';
    expect(loadConfig({ EVENT_STORE: 'postgres', DATABASE_URL: readModels }).eventStore).toEqual({
      kind: 'postgres',
      url: readModels,
    });
    expect(
      loadConfig({ EVENT_STORE: 'postgres', DATABASE_URL: readModels, EVENT_STORE_POSTGRES_URL: log }).eventStore,
    ).toEqual({ kind: 'postgres', url: log });
    expect(loadConfig({ EVENT_STORE: 'postgres', EVENT_STORE_POSTGRES_URL: log }).eventStore).toEqual({
      kind: 'postgres',
      url: log,
    });
    // The read models alone in PostgreSQL leave the log where it was.
    expect(loadConfig({ DATABASE_URL: readModels }).eventStore).toEqual({ kind: 'sqlite' });
    expect(loadConfig({ EVENT_STORE: 'sqlite' }).eventStore).toEqual({ kind: 'sqlite' });
  });

  it.each([
    [{ EVENT_STORE: 'mysql' }, 'EVENT_STORE must be one of sqlite, postgres, kurrentdb'],
    [{ EVENT_STORE: 'postgres' }, 'EVENT_STORE is postgres: set EVENT_STORE_POSTGRES_URL (or DATABASE_URL)'],
    [{ EVENT_STORE: 'kurrentdb' }, 'EVENT_STORE is kurrentdb: set EVENTSTORE_CONNECTION_STRING'],
    [{ EVENT_STORE: 'postgres', EVENT_STORE_POSTGRES_URL: 'mysql://x' }, 'EVENT_STORE_POSTGRES_URL must use postgres'],
    [{ EVENT_STORE_POSTGRES_URL: 'postgres://x/events' }, 'EVENT_STORE_POSTGRES_URL is set, but EVENT_STORE is sqlite'],
    [
      { EVENT_STORE: 'postgres', DATABASE_URL: 'postgres://x/y', EVENTSTORE_CONNECTION_STRING: 'kurrentdb://k:2113' },
      'EVENTSTORE_CONNECTION_STRING is set, but EVENT_STORE is postgres',
    ],
  ])('refuses an event store setting it cannot honour: %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('believes no forwarded address unless proxies are named', () => {
    expect(loadConfig({}).trustedProxies).toEqual([]);
    expect(loadConfig({ TRUSTED_PROXIES: '10.0.0.5, 172.16.0.0/12,::1' }).trustedProxies).toEqual([
      '10.0.0.5',
      '172.16.0.0/12',
      '::1',
    ]);
  });

  it('serves the API documents except in production, unless told', () => {
    expect(loadConfig({}).apiDocs).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' }).apiDocs).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', API_DOCS: 'true' }).apiDocs).toBe(true);
  });
});
