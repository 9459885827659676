import { Algorithm, hash, verify } from '@node-rs/argon2';
import { Secret, TOTP } from 'otpauth';
import { randomBytes, randomInt } from 'node:crypto';

/** OWASP's argon2id settings (m = 19 MiB, t = 2, p = 1). */
const ARGON2 = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
/** A hash to verify against when the username is unknown, so the answer takes as long either way. */
let decoy: Promise<string> | undefined;

export const MIN_PASSWORD_LENGTH = 12;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

export async function verifyPassword(passwordHash: string | undefined, password: string): Promise<boolean> {
  if (!passwordHash) {
    decoy ??= hashPassword(randomBytes(16).toString('hex'));
    await verify(await decoy, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}

/** A one-time password the secretariat hands over: 16 characters, no look-alikes (0/O, 1/l/I). */
export function oneTimePassword(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
  return Array.from({ length: 16 }, () => alphabet[randomInt(alphabet.length)]).join('');
}

/** Why a new password is refused, in Thai and English; null when it is acceptable. */
export function passwordProblem(password: string, username: string): { th: string; en: string } | null {
  if (typeof password !== 'string' || [...password].length < MIN_PASSWORD_LENGTH) {
    return {
      th: `รหัสผ่านต้องยาวอย่างน้อย ${MIN_PASSWORD_LENGTH} ตัวอักษร`,
      en: `The password must be at least ${MIN_PASSWORD_LENGTH} characters long`,
    };
  }
  if (password.length > 256) return { th: 'รหัสผ่านยาวเกินไป', en: 'The password is too long' };
  if (password.toLowerCase().includes(username.toLowerCase()))
    return { th: 'รหัสผ่านต้องไม่มีชื่อผู้ใช้อยู่ในนั้น', en: 'The password must not contain the username' };
  return null;
}

export interface TotpOptions {
  readonly issuer: string;
}

function totp(secret: string, label: string, issuer: string): TOTP {
  return new TOTP({ issuer, label, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) });
}

/** A new TOTP secret (160 bits, base32) and the otpauth:// URI an authenticator app scans. */
export function newTotpSecret(username: string, options: TotpOptions): { secret: string; uri: string } {
  const secret = new Secret({ size: 20 }).base32;
  return { secret, uri: totp(secret, username, options.issuer).toString() };
}

/** Whether a six-digit code is right for now, allowing one 30-second step of clock drift either way. */
export function totpCodeValid(secret: string, code: string, now: Date): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  return totp(secret, 'x', 'x').validate({ token: code, timestamp: now.getTime(), window: 1 }) !== null;
}

/** The code for a time: for tests and for the authenticator the browser tests play. */
export function totpCodeAt(secret: string, now: Date): string {
  return totp(secret, 'x', 'x').generate({ timestamp: now.getTime() });
}
