import { createRemoteJWKSet, importSPKI, jwtVerify, type CryptoKey, type JWTVerifyGetKey } from 'jose';
import { isProvinceCode, ROLES, type Actor, type Role } from '@ruamjai/kernel';

const SUB = /^[\w.@-]{1,200}$/;
const AGENCY = /^[A-Z0-9][A-Z0-9-]{0,63}$/;
const CACHE_SIZE = 10_000;

export class InvalidToken extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'InvalidToken';
  }
}

export interface Verified {
  readonly actor: Actor;
  readonly expiresAt: number;
  readonly sessionId?: string;
}

/** Verifies bearer tokens and turns their claims into the acting person. */
export class TokenVerifier {
  private constructor(
    private readonly key: CryptoKey | JWTVerifyGetKey,
    private readonly issuer: string,
    private readonly audience: string,
    private readonly defaultProvince: string,
  ) {}

  /**
   * `defaultProvince` is the deployment's: a token without a `province` claim (issued before
   * provinces, or by a provider that sends none) acts in it.
   */
  static withKey(key: CryptoKey, issuer: string, audience: string, defaultProvince: string): TokenVerifier {
    return new TokenVerifier(key, issuer, audience, defaultProvince);
  }

  static async withPublicKeyPem(
    pem: string,
    issuer: string,
    audience: string,
    defaultProvince: string,
  ): Promise<TokenVerifier> {
    return new TokenVerifier(await importSPKI(pem, 'ES256'), issuer, audience, defaultProvince);
  }

  static withJwks(url: string, issuer: string, audience: string, defaultProvince: string): TokenVerifier {
    return new TokenVerifier(createRemoteJWKSet(new URL(url)), issuer, audience, defaultProvince);
  }

  private readonly verified = new Map<string, Verified>();

  /**
   * Verifies a token, or recalls that it was verified: a signature check costs more than the rest of
   * a request, and a token's claims cannot change before it expires.
   */
  async verify(token: string, now = Date.now()): Promise<Actor> {
    return (await this.verifyToken(token, now)).actor;
  }

  /** The actor and, for a token issued at sign-in, its session (`sid`), which the guard checks is still live. */
  async verifyToken(token: string, now = Date.now()): Promise<Verified> {
    const known = this.verified.get(token);
    if (known && known.expiresAt > now) return known;
    if (known) this.verified.delete(token);
    const verified = await this.check(token, now);
    this.verified.set(token, verified);
    if (this.verified.size > CACHE_SIZE) this.verified.delete(this.verified.keys().next().value as string);
    return verified;
  }

  private async check(token: string, now: number): Promise<Verified> {
    let payload;
    try {
      const verified =
        typeof this.key === 'function'
          ? await jwtVerify(token, this.key, {
              issuer: this.issuer,
              audience: this.audience,
              currentDate: new Date(now),
              requiredClaims: ['exp', 'sub'],
            })
          : await jwtVerify(token, this.key, {
              issuer: this.issuer,
              audience: this.audience,
              currentDate: new Date(now),
              requiredClaims: ['exp', 'sub'],
            });
      payload = verified.payload;
    } catch (error) {
      throw new InvalidToken(error instanceof Error ? error.message : 'token rejected');
    }
    const { sub, agency, role, sid, province } = payload as {
      sub?: unknown;
      agency?: unknown;
      role?: unknown;
      sid?: unknown;
      province?: unknown;
    };
    if (typeof sub !== 'string' || !SUB.test(sub)) throw new InvalidToken('sub claim missing or malformed');
    if (typeof agency !== 'string' || !AGENCY.test(agency)) throw new InvalidToken('agency claim missing or malformed');
    if (typeof role !== 'string' || !ROLES.includes(role as Role))
      throw new InvalidToken('role claim missing or unknown');
    if (province !== undefined && !isProvinceCode(province)) throw new InvalidToken('province claim unknown');
    const exp = typeof payload.exp === 'number' ? payload.exp * 1000 : now + 60_000;
    if (sid !== undefined && (typeof sid !== 'string' || !/^[0-9a-f-]{36}$/.test(sid)))
      throw new InvalidToken('sid claim malformed');
    return {
      actor: { id: sub, agency, role: role as Role, province: province ?? this.defaultProvince },
      expiresAt: exp,
      ...(typeof sid === 'string' ? { sessionId: sid } : {}),
    };
  }
}
