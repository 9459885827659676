import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Balancer {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * A load balancer in front of API replicas, as small as one can be: round robin, and a replica
 * whose connection is refused is skipped for the next. A request a replica took and never answered
 * (killed mid-request) gets 502, for the client to retry, as behind a real balancer.
 */
export function startBalancer(ports: readonly number[]): Promise<Balancer> {
  let next = 0;
  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const body = Buffer.concat(chunks);
      const attempt = (tries: number): void => {
        if (tries >= ports.length) {
          outgoing.writeHead(502).end();
          return;
        }
        const port = ports[next++ % ports.length];
        const upstream = request(
          {
            host: '127.0.0.1',
            port,
            method: incoming.method,
            path: incoming.url,
            headers: incoming.headers,
            agent: false,
          },
          (answer) => {
            outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.on('error', () => outgoing.destroy());
            answer.pipe(outgoing);
          },
        );
        upstream.on('error', (error: NodeJS.ErrnoException) => {
          if (outgoing.headersSent) outgoing.destroy();
          else if (error.code === 'ECONNREFUSED') attempt(tries + 1);
          else outgoing.writeHead(502).end();
        });
        upstream.end(body);
      };
      attempt(0);
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
