import { Agent, request as httpRequest } from 'node:http';
import { connect } from 'node:net';

/** What came back, whatever the way it was sent. */
export interface RawResponse {
  readonly status: number;
  /** Lower-case header names; repeated headers joined with ", ". */
  readonly headers: Record<string, string>;
  readonly body: Buffer;
}

/** A request as it goes out, with the target exactly as written (no normalising, no re-encoding). */
export interface OutgoingRequest {
  readonly method: string;
  readonly target: string;
  readonly headers: ReadonlyArray<readonly [string, string]>;
  readonly body?: Buffer;
}

const agent = new Agent({ keepAlive: true, maxSockets: 1 });

/**
 * Sends through node:http, which leaves the target as it is (bad percent-encoding included) but
 * refuses control characters and non-Latin-1 text in the target and the header values.
 */
export async function sendHttp(port: number, req: OutgoingRequest, timeoutMs: number): Promise<RawResponse> {
  try {
    return await sendOnce(port, req, timeoutMs);
  } catch (e) {
    // A kept-alive socket the server closed between two requests: once more on a fresh one.
    if (!/ECONNRESET|EPIPE|socket hang up/.test(String(e))) throw e;
    return sendOnce(port, req, timeoutMs);
  }
}

function sendOnce(port: number, req: OutgoingRequest, timeoutMs: number): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of req.headers) {
      const existing = headers[name];
      headers[name] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
    }
    if (req.body) headers['content-length'] = String(req.body.length);
    const out = httpRequest(
      { host: '127.0.0.1', port, method: req.method, path: req.target, headers, agent, timeout: timeoutMs },
      (res) => {
        const chunks: Buffer[] = [];
        const answer = () => {
          const merged: Record<string, string> = {};
          for (const [name, value] of Object.entries(res.headers))
            if (value !== undefined) merged[name] = Array.isArray(value) ? value.join(', ') : value;
          resolve({ status: res.statusCode ?? 0, headers: merged, body: Buffer.concat(chunks) });
        };
        // A granted event stream (/api/v1/live) never ends: its first event is the answer, then it is hung up.
        const stream = String(res.headers['content-type'] ?? '').startsWith('text/event-stream');
        res.on('data', (c: Buffer) => {
          chunks.push(c);
          if (stream) {
            answer();
            res.destroy();
          }
        });
        res.on('end', answer);
        res.on('error', reject);
      },
    );
    out.on('timeout', () => out.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    out.on('error', reject);
    out.end(req.body);
  });
}

/**
 * Writes the request bytes on a fresh socket, for what node:http will not send: bare LF line ends,
 * raw UTF-8 or NUL in the target or a header, oversized header blocks. Reads until the server closes.
 */
export function sendRaw(port: number, bytes: Buffer, timeoutMs: number): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    const chunks: Buffer[] = [];
    let settled = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (error) return reject(error);
      try {
        resolve(parseResponse(Buffer.concat(chunks)));
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    };
    const timer = setTimeout(
      () => finish(chunks.length ? undefined : new Error(`no answer within ${timeoutMs} ms`)),
      timeoutMs,
    );
    socket.on('data', (c: Buffer) => {
      chunks.push(c);
      // One response is all we want: stop once its body is complete.
      if (responseComplete(Buffer.concat(chunks))) finish();
    });
    socket.on('end', () => finish());
    socket.on('close', () => finish());
    socket.on('error', (e) => finish(chunks.length ? undefined : e));
    socket.write(bytes);
  });
}

function splitHead(bytes: Buffer): { head: string; rest: Buffer } | undefined {
  const end = bytes.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  return { head: bytes.subarray(0, end).toString('latin1'), rest: bytes.subarray(end + 4) };
}

function headersOf(head: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n').slice(1)) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
  }
  return headers;
}

function responseComplete(bytes: Buffer): boolean {
  const split = splitHead(bytes);
  if (!split) return false;
  const headers = headersOf(split.head);
  if (headers['content-length'] !== undefined) return split.rest.length >= Number(headers['content-length']);
  if (/chunked/i.test(headers['transfer-encoding'] ?? ''))
    return split.rest.includes('\r\n0\r\n\r\n') || split.rest.subarray(0, 5).toString() === '0\r\n\r\n';
  return false;
}

function parseResponse(bytes: Buffer): RawResponse {
  const split = splitHead(bytes);
  if (!split) throw new Error(`not an HTTP response: ${JSON.stringify(bytes.subarray(0, 200).toString('latin1'))}`);
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(split.head)?.[1] ?? 0);
  const headers = headersOf(split.head);
  let body = split.rest;
  if (headers['content-length'] !== undefined) body = body.subarray(0, Number(headers['content-length']));
  else if (/chunked/i.test(headers['transfer-encoding'] ?? '')) body = dechunk(body);
  return { status, headers, body };
}

function dechunk(bytes: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = bytes.indexOf('\r\n', at);
    if (lineEnd < 0) break;
    const size = parseInt(bytes.subarray(at, lineEnd).toString('latin1'), 16);
    if (!size) break;
    parts.push(bytes.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

/** Closes the keep-alive sockets of sendHttp. */
export function closeHttpAgent(): void {
  agent.destroy();
}
