import type { LocalisedText } from '@ruamjai/kernel';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import { SECURITY_HEADER_LIST } from './security-headers';

/**
 * Errors raised before the application sees a request — a request line or header the HTTP parser
 * refuses, a URL that is not valid percent-encoding — still answer as every other error does:
 * application/problem+json with a stable code, Thai and English, and the security headers.
 */
interface EarlyProblem {
  readonly status: number;
  readonly code: string;
  readonly messages: LocalisedText;
}

const HEADERS_TOO_LARGE: EarlyProblem = {
  status: 431,
  code: 'REQUEST.HEADERS_TOO_LARGE',
  messages: { th: 'ส่วนหัวของคำขอมีขนาดใหญ่เกินไป', en: 'The request headers are too large' },
};
const TIMED_OUT: EarlyProblem = {
  status: 408,
  code: 'REQUEST.TIMEOUT',
  messages: { th: 'ส่งคำขอช้าเกินไป การเชื่อมต่อถูกปิด', en: 'The request took too long to arrive; the connection is closed' },
};
/** A request the parser or the router refuses as malformed (not a bad URL). */
export const MALFORMED: EarlyProblem = {
  status: 400,
  code: 'REQUEST.MALFORMED',
  messages: { th: 'คำขอ HTTP ไม่ถูกต้องตามรูปแบบ', en: 'The HTTP request is malformed' },
};
export const BAD_URL: EarlyProblem = {
  status: 400,
  code: 'REQUEST.BAD_URL',
  messages: { th: 'ที่อยู่ (URL) ของคำขอเข้ารหัสไม่ถูกต้อง', en: 'The request URL is not validly encoded' },
};

function body(problem: EarlyProblem, instance: string | undefined, correlationId: string): string {
  return JSON.stringify({
    type: `urn:ruamjai:problem:${problem.code}`,
    title: problem.messages.th,
    status: problem.status,
    code: problem.code,
    messages: problem.messages,
    ...(instance ? { instance } : {}),
    correlationId,
  });
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  431: 'Request Header Fields Too Large',
};

/** Node's HTTP parser refused the bytes on a socket: answer in our format, then close it. */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const problem =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? HEADERS_TOO_LARGE
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? TIMED_OUT
        : MALFORMED;
  const correlationId = randomUUID();
  const payload = body(problem, undefined, correlationId);
  const headers = [
    `HTTP/1.1 ${problem.status} ${REASONS[problem.status]}`,
    'content-type: application/problem+json; charset=utf-8',
    `content-length: ${Buffer.byteLength(payload)}`,
    'cache-control: no-store',
    'connection: close',
    `x-correlation-id: ${correlationId}`,
    ...SECURITY_HEADER_LIST.map(([name, value]) => `${name}: ${value}`),
  ];
  socket.end(`${headers.join('\r\n')}\r\n\r\n${payload}`);
}

/** Fastify refused the URL before routing (bad percent-encoding). */
export function answerFrameworkError(problem: EarlyProblem, request: FastifyRequest, reply: FastifyReply): void {
  for (const [name, value] of SECURITY_HEADER_LIST) void reply.header(name, value);
  void reply
    .status(problem.status)
    .header('content-type', 'application/problem+json; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('x-correlation-id', request.id)
    .send(body(problem, undefined, request.id));
}
