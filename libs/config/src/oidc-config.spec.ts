import { ConfigError, loadConfig } from './app-config';

const OIDC = {
  OIDC_ISSUER: 'https://sso.sakaeo.go.th/realms/ruamjai',
  OIDC_CLIENT_ID: 'ruamjai-console',
  OIDC_ROLE_MAP: 'ruamjai-coordinators=coordinator, ruamjai-officers=agency_officer',
};

describe('sign-in configuration', () => {
  it('stays on the embedded directory without an issuer', () => {
    const config = loadConfig({});
    expect(config.auth.mode).toBe('embedded');
    expect(config.oidc).toBeUndefined();
  });

  it('signs people in through the provider once an issuer is set, with the claims and callback it derives', () => {
    const config = loadConfig({ ...OIDC, PUBLIC_URL: 'https://ruamjai.sakaeo.go.th/' });
    expect(config.auth.mode).toBe('oidc');
    expect(config.oidc).toEqual({
      linkExistingAccounts: false,
      issuer: 'https://sso.sakaeo.go.th/realms/ruamjai',
      clientId: 'ruamjai-console',
      clientSecret: undefined,
      redirectUrl: 'https://ruamjai.sakaeo.go.th/api/v1/auth/oidc/callback',
      scopes: 'openid profile email',
      providerName: 'sso.sakaeo.go.th',
      allowHttp: false,
      claims: { username: 'preferred_username', displayName: 'name', role: 'groups', agency: 'agency' },
      roleMap: [
        { value: 'ruamjai-coordinators', role: 'coordinator' },
        { value: 'ruamjai-officers', role: 'agency_officer' },
      ],
      agencyMap: undefined,
    });
    expect(
      loadConfig({
        ...OIDC,
        AUTH_MODE: 'both',
        OIDC_AGENCY_MAP: '/sakaeo/immigration=IMM-SK',
        OIDC_ROLE_CLAIM: 'realm_access.roles',
      }).oidc,
    ).toMatchObject({
      agencyMap: [{ value: '/sakaeo/immigration', agency: 'IMM-SK' }],
      claims: { role: 'realm_access.roles' },
    });
  });

  it.each([
    [{ AUTH_MODE: 'oidc' }, 'OIDC_ISSUER'],
    [{ AUTH_MODE: 'sometimes' }, 'AUTH_MODE'],
    [{ OIDC_CLIENT_ID: 'ruamjai' }, 'OIDC_CLIENT_ID'],
    [{ ...OIDC, AUTH_MODE: 'embedded' }, 'AUTH_MODE'],
    [{ ...OIDC, OIDC_ISSUER: 'http://keycloak:8080/realms/ruamjai' }, 'OIDC_ISSUER'],
    [{ ...OIDC, OIDC_ISSUER: 'not a url' }, 'OIDC_ISSUER'],
    [{ ...OIDC, OIDC_ALLOW_HTTP: 'perhaps' }, 'OIDC_ALLOW_HTTP'],
    [{ ...OIDC, OIDC_CLIENT_ID: '' }, 'OIDC_CLIENT_ID'],
    [{ ...OIDC, OIDC_ROLE_MAP: '' }, 'OIDC_ROLE_MAP'],
    [{ ...OIDC, OIDC_ROLE_MAP: 'admins=superuser' }, 'OIDC_ROLE_MAP'],
    [{ ...OIDC, OIDC_ROLE_MAP: 'admins' }, 'OIDC_ROLE_MAP'],
    [{ ...OIDC, OIDC_AGENCY_MAP: 'imm=immigration' }, 'OIDC_AGENCY_MAP'],
    [{ ...OIDC, OIDC_SCOPES: 'profile email' }, 'OIDC_SCOPES'],
    [{ ...OIDC, OIDC_REDIRECT_URL: 'https://ruamjai.sakaeo.go.th/elsewhere' }, 'OIDC_REDIRECT_URL'],
    [{ ...OIDC, OIDC_ROLE_CLAIM: 'groups[0]' }, 'OIDC_ROLE_CLAIM'],
    [{ ...OIDC, JWT_JWKS_URL: 'https://sso.sakaeo.go.th/jwks' }, 'OIDC_ISSUER'],
  ])('stops at start-up on %j, naming %s', (env, variable) => {
    expect(() => loadConfig(env as Record<string, string>)).toThrow(ConfigError);
    expect(() => loadConfig(env as Record<string, string>)).toThrow(variable);
  });

  it('takes a provider on plain http only when told to', () => {
    expect(
      loadConfig({ ...OIDC, OIDC_ISSUER: 'http://127.0.0.1:8080/realms/ruamjai', OIDC_ALLOW_HTTP: 'true' }).oidc
        ?.allowHttp,
    ).toBe(true);
  });
});
