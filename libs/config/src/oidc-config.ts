import { ROLES, type Role } from '@ruamjai/kernel';
import { ConfigError } from './config-error';

/** Who may sign in to the console, and how: the embedded directory's passwords, an OpenID provider, or both. */
export type AuthMode = 'embedded' | 'oidc' | 'both';

/**
 * The console's sign-in through an OpenID Connect provider (authorization code with PKCE). The
 * provider proves who the person is; the mapping below turns its claims into a Ruamjai username,
 * role and agency. A person whose claims give no role or agency is refused, never signed in.
 */
export interface OidcConfig {
  /** The provider's issuer identifier; its discovery document is read from `<issuer>/.well-known/openid-configuration`. */
  readonly issuer: string;
  readonly clientId: string;
  /** Absent for a public client (PKCE alone); with it, client_secret_basic. */
  readonly clientSecret: string | undefined;
  /** Where the provider sends the browser back: `<PUBLIC_URL>/api/v1/auth/oidc/callback` unless set. */
  readonly redirectUrl: string;
  readonly scopes: string;
  /** What the console's button says: "เข้าสู่ระบบด้วย <name>". */
  readonly providerName: string;
  /** Plain http to the provider (a provider on the same host or inside the compose network); https otherwise. */
  readonly allowHttp: boolean;
  /** Which claim (a dotted path for nested ones, e.g. `realm_access.roles`) gives each thing. */
  readonly claims: {
    readonly username: string;
    readonly displayName: string;
    readonly role: string;
    readonly agency: string;
  };
  /** Provider values (groups, roles) to Ruamjai roles, in order: the first value the person holds decides. */
  readonly roleMap: ReadonlyArray<{ readonly value: string; readonly role: Role }>;
  /** Provider values to agency codes; without it the agency claim must itself be an agency code. */
  readonly agencyMap: ReadonlyArray<{ readonly value: string; readonly agency: string }> | undefined;
  /**
   * Whether an account the secretariat added (never signed in through the provider) is bound to the
   * first provider subject whose username claim matches it (OIDC_LINK_EXISTING_ACCOUNTS). Off by
   * default: at a provider where people choose their own username, anyone could take an account.
   */
  readonly linkExistingAccounts: boolean;
}

type Env = Record<string, string | undefined>;

const AGENCY = /^[A-Z0-9][A-Z0-9-]{0,63}$/;
const CLAIM_PATH = /^[A-Za-z_][\w:-]*(\.[A-Za-z_][\w:-]*)*$/;
const CALLBACK_PATH = '/api/v1/auth/oidc/callback';

/** `value=target,value=target`: the order is kept (the first match wins). */
function pairs(env: Env, name: string): Array<[string, string]> | undefined {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  return raw
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)
    .map((pair) => {
      const at = pair.lastIndexOf('=');
      if (at <= 0 || at === pair.length - 1)
        throw new ConfigError(name, `must be value=target pairs separated by commas, got "${pair}"`);
      return [pair.slice(0, at).trim(), pair.slice(at + 1).trim()];
    });
}

function claim(env: Env, name: string, fallback: string): string {
  const value = env[name]?.trim() || fallback;
  if (!CLAIM_PATH.test(value))
    throw new ConfigError(
      name,
      `must be a claim name or a dotted path to one (e.g. realm_access.roles), got "${value}"`,
    );
  return value;
}

function httpUrl(env: Env, name: string, allowHttp: boolean): string | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, 'is not a valid URL');
  }
  if (url.protocol !== 'https:' && !(allowHttp && url.protocol === 'http:')) {
    throw new ConfigError(
      name,
      `must use https${allowHttp ? ' or http' : ' (set OIDC_ALLOW_HTTP=true for a provider on plain http inside your network)'}, got ${url.protocol}`,
    );
  }
  if (url.search || url.hash) throw new ConfigError(name, 'must not carry a query or a fragment');
  return raw.replace(/\/$/, '');
}

/**
 * Reads AUTH_MODE and the OIDC_* variables (all of them on every call: the compose test records what
 * the configuration reads). Throws ConfigError naming the first bad variable.
 */
function flag(env: Env, name: string): boolean {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return false;
  if (/^(true|1|yes)$/i.test(raw)) return true;
  if (/^(false|0|no)$/i.test(raw)) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

export function loadAuthMode(
  env: Env,
  publicUrl: string,
  externalTokens: boolean,
): { mode: AuthMode; oidc: OidcConfig | undefined } {
  const names = [
    'OIDC_CLIENT_ID',
    'OIDC_CLIENT_SECRET',
    'OIDC_REDIRECT_URL',
    'OIDC_SCOPES',
    'OIDC_PROVIDER_NAME',
    'OIDC_ROLE_MAP',
    'OIDC_AGENCY_MAP',
    'OIDC_LINK_EXISTING_ACCOUNTS',
  ] as const;
  const given = Object.fromEntries(names.map((n) => [n, env[n]?.trim() || undefined])) as Record<
    (typeof names)[number],
    string | undefined
  >;
  const allowHttp = flag(env, 'OIDC_ALLOW_HTTP');
  const linkExistingAccounts = flag(env, 'OIDC_LINK_EXISTING_ACCOUNTS');
  const issuer = httpUrl(env, 'OIDC_ISSUER', allowHttp);
  const claimNames = {
    username: claim(env, 'OIDC_USERNAME_CLAIM', 'preferred_username'),
    displayName: claim(env, 'OIDC_NAME_CLAIM', 'name'),
    role: claim(env, 'OIDC_ROLE_CLAIM', 'groups'),
    agency: claim(env, 'OIDC_AGENCY_CLAIM', 'agency'),
  };
  const rawMode = env.AUTH_MODE?.trim() || (issuer ? 'oidc' : 'embedded');
  if (rawMode !== 'embedded' && rawMode !== 'oidc' && rawMode !== 'both')
    throw new ConfigError('AUTH_MODE', `must be embedded, oidc or both, got "${rawMode}"`);
  const mode: AuthMode = rawMode;

  if (!issuer) {
    if (mode !== 'embedded') throw new ConfigError('OIDC_ISSUER', `is needed when AUTH_MODE=${mode}`);
    const stray = names.find((n) => given[n] !== undefined);
    if (stray) throw new ConfigError(stray, 'is set but OIDC_ISSUER is not: set the issuer too, or remove it');
    return { mode, oidc: undefined };
  }
  if (mode === 'embedded')
    throw new ConfigError(
      'AUTH_MODE',
      'is embedded but OIDC_ISSUER is set: use AUTH_MODE=oidc or both, or remove OIDC_ISSUER',
    );
  if (externalTokens) {
    throw new ConfigError(
      'OIDC_ISSUER',
      'cannot be used with JWT_JWKS_URL or JWT_PUBLIC_KEY: a sign-in through the provider opens a Ruamjai session, signed with Ruamjai’s own key',
    );
  }
  if (!given.OIDC_CLIENT_ID)
    throw new ConfigError(
      'OIDC_CLIENT_ID',
      'is needed with OIDC_ISSUER (the client registered for Ruamjai at the provider)',
    );
  const scopes = given.OIDC_SCOPES ?? 'openid profile email';
  if (!scopes.split(/\s+/).includes('openid'))
    throw new ConfigError('OIDC_SCOPES', `must include openid, got "${scopes}"`);
  const redirectUrl = httpUrl(env, 'OIDC_REDIRECT_URL', allowHttp) ?? `${publicUrl}${CALLBACK_PATH}`;
  if (!new URL(redirectUrl).pathname.endsWith(CALLBACK_PATH))
    throw new ConfigError('OIDC_REDIRECT_URL', `must end with ${CALLBACK_PATH}, got "${redirectUrl}"`);

  const roleMap = (pairs(env, 'OIDC_ROLE_MAP') ?? []).map(([value, role]) => {
    if (!(ROLES as readonly string[]).includes(role))
      throw new ConfigError('OIDC_ROLE_MAP', `maps "${value}" to "${role}", which is not one of ${ROLES.join(', ')}`);
    return { value, role: role as Role };
  });
  if (roleMap.length === 0)
    throw new ConfigError(
      'OIDC_ROLE_MAP',
      'is needed with OIDC_ISSUER: which provider groups or roles give which Ruamjai role, e.g. ruamjai-coordinators=coordinator,ruamjai-officers=agency_officer',
    );
  const agencyPairs = pairs(env, 'OIDC_AGENCY_MAP');
  const agencyMap = agencyPairs?.map(([value, agency]) => {
    if (!AGENCY.test(agency))
      throw new ConfigError(
        'OIDC_AGENCY_MAP',
        `maps "${value}" to "${agency}", which is not an agency code (capitals, digits, dashes)`,
      );
    return { value, agency };
  });

  return {
    mode,
    oidc: {
      issuer,
      clientId: given.OIDC_CLIENT_ID,
      clientSecret: env.OIDC_CLIENT_SECRET || undefined,
      redirectUrl,
      scopes,
      providerName: given.OIDC_PROVIDER_NAME ?? new URL(issuer).hostname,
      allowHttp,
      claims: claimNames,
      roleMap,
      agencyMap,
      linkExistingAccounts,
    },
  };
}
