import type { IssuedSession } from '@ruamjai/identity';
import type { FastifyRequest } from 'fastify';
import { randomBytes } from 'node:crypto';
import { cookie, readCookies } from './cookies';

export const REFRESH_COOKIE = 'ruamjai_refresh';
export const CSRF_COOKIE = 'ruamjai_csrf';
export const CSRF_HEADER = 'x-csrf-token';
/** The refresh cookie goes only to the sign-in routes. */
export const REFRESH_PATH = '/api/v1/auth';

/**
 * A new session for the browser, however it was opened (password or OpenID provider): the rotating
 * refresh token in an httpOnly, SameSite=Strict cookie, and the CSRF token (kept when the browser
 * already has a well-formed one) that refresh and sign-out must echo. Answers the CSRF token and
 * the Set-Cookie values.
 */
export function sessionCookies(
  session: IssuedSession,
  request: FastifyRequest,
  maxAgeSeconds: number,
): { csrfToken: string; setCookie: string[] } {
  const secure = request.protocol === 'https';
  const known = readCookies(request)[CSRF_COOKIE];
  const csrfToken = known && /^[\w-]{43}$/.test(known) ? known : randomBytes(32).toString('base64url');
  return {
    csrfToken,
    setCookie: [
      cookie(REFRESH_COOKIE, session.refreshToken, {
        httpOnly: true,
        secure,
        path: REFRESH_PATH,
        maxAge: maxAgeSeconds,
      }),
      cookie(CSRF_COOKIE, csrfToken, { httpOnly: false, secure, path: '/', maxAge: maxAgeSeconds }),
    ],
  };
}

/** The Set-Cookie values that end the session in the browser. */
export function clearedSessionCookies(): string[] {
  return [
    cookie(REFRESH_COOKIE, '', { httpOnly: true, secure: false, path: REFRESH_PATH, maxAge: 0 }),
    cookie(CSRF_COOKIE, '', { httpOnly: false, secure: false, path: '/', maxAge: 0 }),
  ];
}
