import helmet from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Security headers, computed once: @fastify/helmet rebuilds its policy on every request. */
export const securityHeaders = helmet({
  contentSecurityPolicy: {
    // Swagger UI needs inline styles and scripts from its own bundle.
    directives: {
      scriptSrc: ["'self'", "'unsafe-inline'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
    },
  },
});

/** The same headers as a fixed list, for answers written before any request object exists (a bad request line). */
export const SECURITY_HEADER_LIST: ReadonlyArray<readonly [string, string]> = (() => {
  const headers = new Map<string, string>();
  const response = {
    setHeader: (name: string, value: string | number | readonly string[]) =>
      headers.set(name.toLowerCase(), String(value)),
    removeHeader: (name: string) => headers.delete(name.toLowerCase()),
    getHeader: (name: string) => headers.get(name.toLowerCase()),
  } as unknown as ServerResponse;
  securityHeaders({ headers: {}, method: 'GET', url: '/' } as IncomingMessage, response, () => undefined);
  return [...headers];
})();
