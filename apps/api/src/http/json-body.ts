import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { sendProblem } from './problem.filter';

/**
 * JSON bodies with a size limit. Parse errors are answered here as problem+json, since body parsing
 * runs before Nest's exception filters.
 */
export function jsonBody(limitBytes: number): RequestHandler {
  const parse = express.json({ limit: limitBytes, strict: true, type: ['application/json', 'application/*+json'] });
  return (request: Request, response: Response, next: NextFunction) => {
    parse(request, response, (error?: unknown) => {
      if (!error) return next();
      const type = (error as { type?: string }).type;
      if (type === 'entity.too.large') {
        return sendProblem(request, response, {
          status: 413,
          code: 'REQUEST.TOO_LARGE',
          messages: { th: `ข้อมูลที่ส่งมีขนาดเกิน ${limitBytes} ไบต์`, en: `The body is larger than ${limitBytes} bytes` },
        });
      }
      if (type === 'entity.parse.failed') {
        return sendProblem(request, response, {
          status: 400,
          code: 'REQUEST.MALFORMED_JSON',
          messages: { th: 'ข้อมูล JSON ที่ส่งมาไม่ถูกต้องตามรูปแบบ', en: 'The body is not well-formed JSON' },
        });
      }
      return sendProblem(request, response, {
        status: 400,
        code: 'REQUEST.UNREADABLE_BODY',
        messages: { th: 'อ่านข้อมูลที่ส่งมาไม่ได้', en: 'The body could not be read' },
      });
    });
  };
}
