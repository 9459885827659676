import type { AppConfig } from '@ruamjai/config';
import type { IssuedSession, SignInOutcome } from '@ruamjai/identity';
import type { Actor } from '@ruamjai/kernel';
import type { FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { HttpProblem } from '../../http/problem';
import { withReplyHeaders } from '../../http/reply-headers';
import type { SignInAnswerDto } from '../auth.dto';
import { readCookies } from './cookies';
import { CSRF_COOKIE, CSRF_HEADER, sessionCookies } from './session-cookies';

/* What the embedded sign-in's routes share: their problems, the CSRF check, and how a step is answered. */

export type CookieRequest = FastifyRequest & { actor?: Actor; sessionId?: string };

const signInFailed = () =>
  new HttpProblem(
    401,
    'AUTH.SIGN_IN_FAILED',
    { th: 'ชื่อผู้ใช้ รหัสผ่าน หรือรหัสยืนยันไม่ถูกต้อง', en: 'The username, password or code is not right' },
    {},
    { 'WWW-Authenticate': 'Bearer realm="ruamjai"' },
  );
export const sessionEnded = (setCookie: readonly string[]) =>
  new HttpProblem(
    401,
    'AUTH.SESSION_ENDED',
    { th: 'หมดเวลาการใช้งาน กรุณาเข้าสู่ระบบใหม่', en: 'The session has ended; sign in again' },
    {},
    { 'WWW-Authenticate': 'Bearer realm="ruamjai"', 'Set-Cookie': setCookie },
  );
const csrfRefused = () =>
  new HttpProblem(403, 'AUTH.CSRF_TOKEN_INVALID', {
    th: 'คำขอนี้ไม่ได้มาจากหน้าจอของระบบ (โทเคน CSRF ไม่ตรงกัน)',
    en: 'The request did not come from the console (CSRF token mismatch)',
  });
export const embeddedOff = () =>
  new HttpProblem(404, 'AUTH.EMBEDDED_SIGN_IN_DISABLED', {
    th: 'การเข้าสู่ระบบด้วยรหัสผ่านปิดอยู่ เพราะใช้ผู้ให้บริการยืนยันตัวตนภายนอก',
    en: 'Password sign-in is off: an external identity provider issues the tokens',
  });

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Bearer tokens from an outside issuer (JWT_JWKS_URL, JWT_PUBLIC_KEY): Ruamjai signs no session then. */
export function externalTokens(config: AppConfig): boolean {
  return Boolean(config.jwt.jwksUrl || config.jwt.publicKeyPem);
}

/** Password sign-in: off with outside tokens, and under AUTH_MODE=oidc. */
export function embeddedOnly(config: AppConfig): void {
  if (externalTokens(config) || config.auth.mode === 'oidc') throw embeddedOff();
}

export function checkCsrf(request: CookieRequest): void {
  const cookie = readCookies(request)[CSRF_COOKIE];
  const header = request.headers[CSRF_HEADER];
  if (!cookie || typeof header !== 'string' || !sameText(cookie, header)) throw csrfRefused();
}

/** A sign-in step's answer: the session (with its cookies), the next first-sign-in step, or the problem. */
export function signInAnswer(outcome: SignInOutcome, request: CookieRequest, config: AppConfig): SignInAnswerDto {
  switch (outcome.kind) {
    case 'signed_in':
      return sessionStarted(outcome.session, request, config);
    case 'password_change_required':
      return { status: 'password_change_required', challenge: outcome.challenge };
    case 'second_factor_enrolment_required':
      return {
        status: 'second_factor_enrolment_required',
        challenge: outcome.challenge,
        secret: outcome.secret,
        otpauthUri: outcome.otpauthUri,
      };
    case 'locked_out': {
      const seconds = outcome.retryAfterSeconds;
      throw new HttpProblem(
        429,
        'AUTH.LOCKED_OUT',
        {
          th: `บัญชีนี้ถูกล็อกชั่วคราวเพราะใส่รหัสผิดหลายครั้ง ลองใหม่ในอีก ${seconds} วินาที`,
          en: `The account is locked after repeated failures; try again in ${seconds} seconds`,
        },
        { lockedUntil: outcome.until },
        { 'Retry-After': String(seconds) },
      );
    }
    case 'failed':
      throw signInFailed();
  }
}

export function sessionStarted(session: IssuedSession, request: CookieRequest, config: AppConfig): SignInAnswerDto {
  const { csrfToken, setCookie } = sessionCookies(session, request, config.auth.sessionMaxSeconds);
  return withReplyHeaders(
    {
      status: 'signed_in',
      accessToken: session.accessToken,
      expiresIn: session.expiresIn,
      csrfToken,
      user: session.user,
    },
    { 'Set-Cookie': setCookie },
  );
}
