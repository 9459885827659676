import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK, type CryptoKey } from 'jose';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROLES, type Role } from '@ruamjai/kernel';

const ALG = 'ES256';
const FILE = 'jwt-signing-key.json';

export interface SigningKey {
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
}

/**
 * The embedded default's signing key: generated on first start into the data folder (owner-only),
 * so `npm start` needs no identity provider. Production verifies with a JWKS URL or a public key.
 */
export async function loadOrCreateSigningKey(dataDir: string): Promise<SigningKey> {
  const file = join(dataDir, FILE);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    const { privateKey } = await generateKeyPair(ALG, { extractable: true });
    const jwk = await exportJWK(privateKey);
    const kid = `ruamjai-${Date.now().toString(36)}`;
    try {
      writeFileSync(file, JSON.stringify({ ...jwk, kid, alg: ALG }), { flag: 'wx', mode: 0o600 });
      chmodSync(file, 0o600);
    } catch (error) {
      // Another process created it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  const stored = JSON.parse(readFileSync(file, 'utf8')) as JWK & { kid: string };
  const privateKey = (await importJWK(stored, ALG)) as CryptoKey;
  const { d: _private, ...publicJwk } = stored;
  const publicKey = (await importJWK(publicJwk, ALG)) as CryptoKey;
  return { kid: stored.kid, privateKey, publicKey };
}

export interface TokenRequest {
  readonly sub: string;
  readonly agency: string;
  readonly role: Role;
  /** The person's province (`province`); without it the API reads the deployment's. */
  readonly province?: string;
  readonly ttlSeconds?: number;
  /** The sign-in session this access token belongs to (`sid`): the guard refuses it once the session is revoked. */
  readonly sessionId?: string;
  /** A display name for the console (`name`). */
  readonly name?: string;
}

export async function issueToken(
  key: SigningKey,
  request: TokenRequest,
  issuer: string,
  audience: string,
): Promise<string> {
  if (!ROLES.includes(request.role)) throw new Error(`role must be one of ${ROLES.join(', ')}`);
  return new SignJWT({
    agency: request.agency,
    role: request.role,
    ...(request.province ? { province: request.province } : {}),
    ...(request.sessionId ? { sid: request.sessionId } : {}),
    ...(request.name ? { name: request.name } : {}),
  })
    .setProtectedHeader({ alg: ALG, kid: key.kid })
    .setSubject(request.sub)
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime(`${request.ttlSeconds ?? 8 * 3600}s`)
    .sign(key.privateKey);
}
