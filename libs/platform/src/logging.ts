import type { LoggerService } from '@nestjs/common';
import pino, { type Logger } from 'pino';

/** One JSON logger for the process (the API and the worker); request lines carry the correlation id as reqId. */
export function createLogger(level: string, service = 'ruamjai'): Logger {
  return pino({
    level,
    base: { service },
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' },
  });
}

/**
 * Nest's start-up chatter (every module initialised, every route mapped) is debug, not info: at the
 * default level a start prints what an operator needs, not a hundred lines before the banner.
 */
const START_UP_CONTEXTS = new Set([
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestFactory',
  'NestApplication',
]);

/** Nest's logger, written through pino. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}
  log(message: unknown, context?: string) {
    this.write(context && START_UP_CONTEXTS.has(context) ? 'debug' : 'info', message, context);
  }
  error(message: unknown, trace?: string, context?: string) {
    this.write('error', message, context, trace);
  }
  warn(message: unknown, context?: string) {
    this.write('warn', message, context);
  }
  debug(message: unknown, context?: string) {
    this.write('debug', message, context);
  }
  verbose(message: unknown, context?: string) {
    this.write('trace', message, context);
  }
  private write(
    level: 'info' | 'error' | 'warn' | 'debug' | 'trace',
    message: unknown,
    context?: string,
    trace?: string,
  ) {
    const fields = { context, ...(trace ? { trace } : {}) };
    if (message instanceof Error) {
      this.logger[level]({ ...fields, err: message }, message.message);
    } else if (typeof message === 'object' && message !== null) {
      const { msg, ...rest } = message as { msg?: string };
      this.logger[level]({ ...fields, ...rest }, msg);
    } else {
      this.logger[level](fields, String(message));
    }
  }
}
