import createClient, { type Middleware } from 'openapi-fetch';
import i18next from '../i18n';
import type { paths } from './schema';

/** application/problem+json as the API writes it. */
export interface Problem {
  readonly status?: number;
  readonly code?: string;
  readonly title?: string;
  readonly messages?: { th: string; en: string };
  readonly errors?: ReadonlyArray<{ field: string; problem: string }>;
  /** On 412: the version the resource has now. */
  readonly currentVersion?: string | null;
}

let accessToken: string | null = null;
/** The access token lives in memory only; the refresh token is an httpOnly cookie the page cannot read. */
export function setAccessToken(token: string | null): void {
  accessToken = token;
}
export function currentAccessToken(): string | null {
  return accessToken;
}

const headers: Middleware = {
  onRequest({ request }) {
    if (accessToken && !request.headers.has('Authorization'))
      request.headers.set('Authorization', `Bearer ${accessToken}`);
    request.headers.set('Accept-Language', i18next.language === 'en' ? 'en' : 'th');
    return request;
  },
};

/** The typed client, generated from the API's OpenAPI document (src/api/schema.d.ts). */
export const api = createClient<paths>({ baseUrl: window.location.origin, credentials: 'same-origin' });
api.use(headers);

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.messages?.en ?? problem.title ?? `HTTP ${status}`);
  }
  text(lang: 'th' | 'en'): string {
    return this.problem.messages?.[lang] ?? this.problem.title ?? `HTTP ${this.status}`;
  }
}

/** Unwraps an openapi-fetch answer: the body, or an ApiError carrying the problem. */
export async function unwrap<T>(call: Promise<{ data?: unknown; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw new ApiError(response.status, error ?? {});
  return data as T;
}

export function readCookie(name: string): string | undefined {
  return document.cookie
    .split(';')
    .map((c) => c.trim())
    .find((c) => c.startsWith(`${name}=`))
    ?.slice(name.length + 1);
}
