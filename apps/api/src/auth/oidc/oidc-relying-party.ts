import type { OidcConfig } from '@ruamjai/config';
import type { ProviderLink } from '@ruamjai/identity';
import type { SigningKey } from '@ruamjai/security';
import { jwtVerify, SignJWT } from 'jose';
import * as oidc from 'openid-client';

/** What the browser carries between the start and the callback: bound to it, one use, ten minutes. */
export interface OidcTransaction {
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
}

/** Why the provider's answer gave nobody to sign in. */
export type CallbackFailure =
  /** The provider cannot be reached or gave no usable discovery document. */
  | 'provider_unavailable'
  /** The provider sent the person back with an error (they cancelled, or it refused them). */
  | 'provider_refused'
  /** The code, the ID token (signature, issuer, audience, nonce) or PKCE did not check out. */
  | 'not_verified';

export class OidcCallbackFailed extends Error {
  constructor(
    readonly failure: CallbackFailure,
    readonly detail: string,
  ) {
    super(`${failure}: ${detail}`);
    this.name = 'OidcCallbackFailed';
  }
}

/** How long a person has at the provider's pages before the sign-in must start again. */
export const TRANSACTION_SECONDS = 600;
const TRANSACTION_AUDIENCE = 'ruamjai-oidc-transaction';
const PROVIDER_TIMEOUT_SECONDS = 10;

/**
 * Ruamjai as an OpenID Connect relying party (openid-client): authorization code flow with PKCE
 * (S256), state and nonce, the ID token's signature checked against the provider's keys as well as
 * its issuer, audience, expiry and nonce. The provider's discovery document is read at the first
 * sign-in and kept; a provider that was down is asked again at the next one, so the API starts
 * whether or not the provider is up.
 */
export class OidcRelyingParty {
  private configuration: Promise<oidc.Configuration> | undefined;

  constructor(
    readonly settings: OidcConfig,
    private readonly key: SigningKey,
    private readonly issuerOfTransactions: string,
  ) {}

  private discover(): Promise<oidc.Configuration> {
    this.configuration ??= (async () => {
      const { issuer, clientId, clientSecret, allowHttp } = this.settings;
      const auth = clientSecret ? oidc.ClientSecretBasic(clientSecret) : oidc.None();
      const configuration = await oidc.discovery(new URL(issuer), clientId, {}, auth, {
        timeout: PROVIDER_TIMEOUT_SECONDS,
        ...(allowHttp ? { execute: [oidc.allowInsecureRequests] } : {}),
      });
      // The ID token's signature too, not only the TLS connection it came over.
      oidc.enableNonRepudiationChecks(configuration);
      return configuration;
    })();
    this.configuration.catch(() => (this.configuration = undefined));
    return this.configuration;
  }

  /** Where to send the browser, and the transaction to keep (signed) in its cookie. */
  async start(options: { uiLocales?: string; promptLogin?: boolean }): Promise<{ url: string; transaction: string }> {
    let configuration: oidc.Configuration;
    try {
      configuration = await this.discover();
    } catch (error) {
      throw new OidcCallbackFailed('provider_unavailable', error instanceof Error ? error.message : String(error));
    }
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: this.settings.redirectUrl,
      scope: this.settings.scopes,
      response_type: 'code',
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
      ...(options.uiLocales ? { ui_locales: options.uiLocales } : {}),
      ...(options.promptLogin ? { prompt: 'login' } : {}),
    });
    const transaction = await new SignJWT({ state, nonce, cv: codeVerifier })
      .setProtectedHeader({ alg: 'ES256', kid: this.key.kid })
      .setIssuer(this.issuerOfTransactions)
      .setAudience(TRANSACTION_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${TRANSACTION_SECONDS}s`)
      .sign(this.key.privateKey);
    return { url: url.href, transaction };
  }

  /**
   * Where to send the browser to end the person's session at the provider too (OpenID Connect
   * RP-Initiated Logout): the ID token it gave as the hint, the console as the way back. None when
   * the provider has no end-session endpoint or cannot be reached: the Ruamjai session is over
   * either way.
   */
  async endSessionUrl(idToken: string, options: { returnTo: string; uiLocales?: string }): Promise<string | undefined> {
    let configuration: oidc.Configuration;
    try {
      configuration = await this.discover();
    } catch {
      return undefined;
    }
    if (!configuration.serverMetadata().end_session_endpoint) return undefined;
    return oidc.buildEndSessionUrl(configuration, {
      id_token_hint: idToken,
      post_logout_redirect_uri: options.returnTo,
      ...(options.uiLocales ? { ui_locales: options.uiLocales } : {}),
    }).href;
  }

  /** The transaction from the cookie, if it is ours, unexpired and whole. */
  async readTransaction(token: string | undefined): Promise<OidcTransaction | undefined> {
    if (!token) return undefined;
    try {
      const { payload } = await jwtVerify(token, this.key.publicKey, {
        issuer: this.issuerOfTransactions,
        audience: TRANSACTION_AUDIENCE,
        algorithms: ['ES256'],
      });
      const { state, nonce, cv } = payload as { state?: unknown; nonce?: unknown; cv?: unknown };
      if (typeof state !== 'string' || typeof nonce !== 'string' || typeof cv !== 'string') return undefined;
      return { state, nonce, codeVerifier: cv };
    } catch {
      return undefined;
    }
  }

  /**
   * Exchanges the code (with the PKCE verifier) and checks the ID token; answers who the provider
   * says the person is and their claims (the ID token's, completed by userinfo where the provider has it).
   */
  async complete(
    query: string,
    transaction: OidcTransaction,
  ): Promise<{ link: ProviderLink; claims: Record<string, unknown>; idToken: string }> {
    let configuration: oidc.Configuration;
    try {
      configuration = await this.discover();
    } catch (error) {
      throw new OidcCallbackFailed('provider_unavailable', error instanceof Error ? error.message : String(error));
    }
    const callback = new URL(this.settings.redirectUrl);
    callback.search = query;
    try {
      const tokens = await oidc.authorizationCodeGrant(configuration, callback, {
        pkceCodeVerifier: transaction.codeVerifier,
        expectedState: transaction.state,
        expectedNonce: transaction.nonce,
        idTokenExpected: true,
      });
      const idToken = tokens.claims();
      if (!idToken) throw new OidcCallbackFailed('not_verified', 'no ID token');
      let userinfo: Record<string, unknown> = {};
      if (configuration.serverMetadata().userinfo_endpoint)
        userinfo = { ...(await oidc.fetchUserInfo(configuration, tokens.access_token, idToken.sub)) };
      return {
        link: { issuer: String(idToken.iss), subject: idToken.sub },
        claims: { ...userinfo, ...idToken },
        idToken: tokens.id_token!,
      };
    } catch (error) {
      if (error instanceof OidcCallbackFailed) throw error;
      if (error instanceof oidc.AuthorizationResponseError)
        throw new OidcCallbackFailed('provider_refused', `${error.error}: ${error.error_description ?? ''}`);
      if (isUnreachable(error)) throw new OidcCallbackFailed('provider_unavailable', describe(error));
      throw new OidcCallbackFailed('not_verified', describe(error));
    }
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  return `${error.name}${typeof code === 'string' ? ` ${code}` : ''}: ${error.message}`;
}

/**
 * A network failure, timeout or server error at the provider, rather than an answer that did not
 * check out. openid-client wraps the first two (codes OAUTH_TIMEOUT, OAUTH_ABORT, or the fetch
 * error as the cause) and reports a 5xx as a response that does not conform.
 */
export function isUnreachable(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 3) return false;
  if (error.name === 'TimeoutError' || error.name === 'AbortError') return true;
  if (error instanceof TypeError && /fetch failed/i.test(error.message)) return true;
  const { code, cause } = error as { code?: unknown; cause?: unknown };
  if (code === 'OAUTH_TIMEOUT' || code === 'OAUTH_ABORT') return true;
  if (code === 'OAUTH_RESPONSE_IS_NOT_CONFORM' && cause instanceof Response && cause.status >= 500) return true;
  return isUnreachable(cause, depth + 1);
}
