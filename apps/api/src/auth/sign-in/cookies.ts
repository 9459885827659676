import type { FastifyRequest } from 'fastify';

/** The request's cookies by name (RFC 6265 §4.2: `a=b; c=d`); a malformed pair is skipped. */
export function readCookies(request: FastifyRequest): Record<string, string> {
  const header = request.headers.cookie;
  const cookies: Record<string, string> = {};
  if (typeof header !== 'string') return cookies;
  for (const pair of header.split(';')) {
    const at = pair.indexOf('=');
    if (at <= 0) continue;
    const name = pair.slice(0, at).trim();
    let value = pair.slice(at + 1).trim();
    if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    // Only the console's own tokens (base64url, dots, dashes) are read; anything else is not ours.
    if (/^[\w.-]*$/.test(value) && !(name in cookies)) cookies[name] = value;
  }
  return cookies;
}

export interface CookieOptions {
  readonly httpOnly: boolean;
  readonly secure: boolean;
  readonly path: string;
  /** Seconds; 0 deletes the cookie. */
  readonly maxAge: number;
  /**
   * Strict unless said otherwise. Lax only for the OpenID sign-in's own cookie, which must come back
   * on the provider's redirect (a navigation from another site, on which Strict cookies are not sent).
   */
  readonly sameSite?: 'Strict' | 'Lax';
}

/** One Set-Cookie header value, SameSite=Strict by default (values are base64url tokens, so need no encoding). */
export function cookie(name: string, value: string, options: CookieOptions): string {
  const parts = [
    `${name}=${value}`,
    `Path=${options.path}`,
    `Max-Age=${options.maxAge}`,
    `SameSite=${options.sameSite ?? 'Strict'}`,
  ];
  if (options.maxAge === 0) parts.push('Expires=Thu, 01 Jan 1970 00:00:00 GMT');
  if (options.httpOnly) parts.push('HttpOnly');
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}
