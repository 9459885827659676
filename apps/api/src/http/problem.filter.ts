import { ArgumentsHost, Catch, HttpException, Inject, type ExceptionFilter } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@ruamjai/config';
import { ThrottlerException } from '@nestjs/throttler';
import { InvalidAppend, StaleRevision, StreamDeleted, WrongExpectedVersion } from '@ruamjai/event-store';
import { DomainError, type DomainErrorKind, type LocalisedText } from '@ruamjai/kernel';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HttpProblem, preconditionFailed, type Problem } from './problem';
import { RequestValidationError } from './validation';
import { isStorageFailure, StoreWriteHealth } from './store-health';

const STATUS_OF_KIND: Record<DomainErrorKind, number> = {
  invalid: 400,
  not_found: 404,
  conflict: 409,
  forbidden: 403,
  gone: 410,
  unavailable: 503,
};

interface Mapped {
  status: number;
  code: string;
  messages: LocalisedText;
  extensions?: Record<string, unknown>;
  headers?: Record<string, string | readonly string[]>;
}

/** The one place where every error becomes application/problem+json. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly storeHealth: StoreWriteHealth,
  ) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const response = http.getResponse<FastifyReply>();
    const mapped = this.map(error, preferredLanguage(request));
    if (mapped.status >= 500) request.log.error({ err: error }, 'request failed');
    sendProblem(request, response, mapped);
  }

  private map(error: unknown, lang: 'th' | 'en'): Mapped {
    if (error instanceof DomainError) {
      return { status: STATUS_OF_KIND[error.kind], code: error.code, messages: error.text, extensions: error.details };
    }
    if (error instanceof HttpProblem)
      return {
        status: error.status,
        code: error.code,
        messages: error.messages,
        extensions: error.extensions,
        headers: error.headers,
      };
    if (error instanceof RequestValidationError) {
      return {
        status: 400,
        code: 'REQUEST.INVALID',
        messages: { th: 'ข้อมูลที่ส่งมาไม่ถูกต้อง', en: 'The request is not valid' },
        // Each field's problems in both languages, and the first one in the reader's language.
        extensions: {
          errors: error.fields.map((f) => ({
            field: f.field,
            problem: f.problems.map((p) => p[lang]).join('; '),
            problems: f.problems,
          })),
        },
      };
    }
    if (error instanceof StaleRevision) return fromProblem(preconditionFailed(error.actual));
    if (error instanceof WrongExpectedVersion) return fromProblem(preconditionFailed(error.actual));
    if (error instanceof StreamDeleted)
      return {
        status: 410,
        code: 'STREAM.DELETED',
        messages: { th: 'ข้อมูลนี้ถูกลบถาวรแล้ว', en: 'This resource was permanently deleted' },
      };
    if (error instanceof InvalidAppend)
      return { status: 400, code: 'STREAM.INVALID_APPEND', messages: { th: 'คำขอเขียนข้อมูลไม่ถูกต้อง', en: error.message } };
    if (error instanceof ThrottlerException) {
      return {
        status: 429,
        code: 'REQUEST.RATE_LIMITED',
        messages: { th: 'ส่งคำขอถี่เกินไป กรุณารอสักครู่', en: 'Too many requests; slow down' },
        headers: { 'Retry-After': '60' },
      };
    }
    if (error instanceof HttpException) return fromHttpException(error, this.config.bodyLimitBytes);
    if (isStorageFailure(error)) {
      this.storeHealth.failed(error);
      // The outcome of a command refused here is not certain: a keyed retry (Idempotency-Key) tells.
      return {
        status: 503,
        code: 'STORE.UNAVAILABLE',
        messages: {
          th: 'ที่เก็บข้อมูลเขียนไม่ได้ในขณะนี้ (พื้นที่ดิสก์เต็มหรือขัดข้อง) กรุณาลองใหม่ด้วย Idempotency-Key เดิม เพื่อทราบว่าคำสั่งถูกบันทึกแล้วหรือไม่',
          en: 'The store cannot be written just now (disk full or failing); retry with the same Idempotency-Key to learn whether the command was stored',
        },
        headers: { 'Retry-After': '30' },
      };
    }
    return { status: 500, code: 'INTERNAL', messages: { th: 'เกิดข้อผิดพลาดภายในระบบ', en: 'Internal error' } };
  }
}

function fromProblem(problem: HttpProblem): Mapped {
  return {
    status: problem.status,
    code: problem.code,
    messages: problem.messages,
    extensions: problem.extensions,
    headers: problem.headers,
  };
}

function fromHttpException(error: HttpException, bodyLimitBytes: number): Mapped {
  const status = error.getStatus();
  const body = error.getResponse() as { code?: string; reason?: string } | string;
  const code = typeof body === 'object' && body.code ? body.code : undefined;
  // The platform raises plain HttpExceptions for bodies it cannot parse, before any route runs.
  const fromBodyParser = error.constructor === HttpException;
  switch (status) {
    case 400:
      if (!fromBodyParser) break;
      return /JSON/i.test(error.message)
        ? {
            status,
            code: 'REQUEST.MALFORMED_JSON',
            messages: { th: 'ข้อมูล JSON ที่ส่งมาไม่ถูกต้องตามรูปแบบ', en: 'The body is not well-formed JSON' },
          }
        : {
            status,
            code: 'REQUEST.UNREADABLE_BODY',
            messages: { th: 'อ่านข้อมูลที่ส่งมาไม่ได้', en: 'The body could not be read' },
          };
    case 413:
      return {
        status,
        code: 'REQUEST.TOO_LARGE',
        messages: {
          th: `ข้อมูลที่ส่งมีขนาดเกิน ${bodyLimitBytes} ไบต์`,
          en: `The body is larger than ${bodyLimitBytes} bytes`,
        },
      };
    case 415:
      return {
        status,
        code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
        messages: { th: 'ต้องส่งข้อมูลเป็น application/json', en: 'Send the body as application/json' },
      };
    case 401:
      return {
        status,
        code: code ?? 'AUTH.UNAUTHENTICATED',
        messages: { th: 'ต้องเข้าสู่ระบบด้วยโทเคน Bearer ที่ถูกต้อง', en: 'A valid Bearer token is required' },
        // The verifier's own words (library internals) stay in the log, never in the answer.
        headers: { 'WWW-Authenticate': 'Bearer realm="ruamjai"' },
      };
    case 403:
      return {
        status,
        code: code ?? 'AUTH.FORBIDDEN',
        messages: { th: 'คุณไม่มีสิทธิ์ทำรายการนี้', en: 'You may not do this' },
      };
    case 404:
      return { status, code: code ?? 'ROUTE.NOT_FOUND', messages: { th: 'ไม่พบเส้นทางที่ร้องขอ', en: 'No such route' } };
    case 405:
      return { status, code: 'ROUTE.METHOD_NOT_ALLOWED', messages: { th: 'ไม่รองรับเมธอดนี้', en: 'Method not allowed' } };
  }
  return { status, code: code ?? `HTTP.${status}`, messages: { th: 'คำขอไม่สำเร็จ', en: error.message } };
}

/** Writes a problem response. */
export function sendProblem(request: FastifyRequest, reply: FastifyReply, mapped: Mapped): void {
  const lang = preferredLanguage(request);
  // Details come first: none of them may stand in for a standard member (status, type, title…).
  const problem: Problem = {
    ...mapped.extensions,
    type: `urn:ruamjai:problem:${mapped.code}`,
    title: mapped.messages[lang],
    status: mapped.status,
    code: mapped.code,
    messages: mapped.messages,
    instance: request.url,
    correlationId: request.id,
  };
  if (reply.sent) return;
  for (const [name, value] of Object.entries(mapped.headers ?? {})) void reply.header(name, value);
  void reply
    .status(mapped.status)
    .header('content-type', 'application/problem+json; charset=utf-8')
    .send(JSON.stringify(problem));
}

/** Thai unless the client prefers English. */
export function preferredLanguage(request: FastifyRequest): 'th' | 'en' {
  const header = request.headers['accept-language'];
  if (typeof header !== 'string' || !header) return 'th';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.split('=')[1]) : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('th')) return 'th';
    if (tag.startsWith('en')) return 'en';
  }
  return 'th';
}
