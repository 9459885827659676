import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { AppConfig } from '@ruamjai/config';
import type { Clock } from '@ruamjai/kernel';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { AppModule } from './app.module';
import { correlationIdOf } from './http/correlation';
import { createLogger, PinoNestLogger } from './http/logger';
import { createValidationPipe } from './http/validation';
import { answerClientError, answerFrameworkError, BAD_URL, MALFORMED } from './http/early-errors';
import { parseJsonBody } from './http/json-body';
import { securityHeaders } from './http/security-headers';
import { applyAskedStatus } from './http/reply-headers';

export interface ApiAppOptions {
  readonly clock?: Clock;
  readonly logger?: Logger;
  readonly benchRoutes?: boolean;
}

/** Builds the HTTP application (Fastify under NestJS): used by main.ts and by the end-to-end tests. */
export async function createApiApp(config: AppConfig, options: ApiAppOptions = {}): Promise<NestFastifyApplication> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    genReqId: correlationIdOf,
    bodyLimit: config.bodyLimitBytes,
    // X-Forwarded-For is believed only from the reverse proxies named in TRUSTED_PROXIES.
    trustProxy: config.trustedProxies.length > 0 ? [...config.trustedProxies] : false,
    // Idle and slow connections are closed, so they cannot pile up (server-sent events send heartbeats).
    connectionTimeout: config.http.idleTimeoutMs,
    keepAliveTimeout: config.http.idleTimeoutMs,
    requestTimeout: config.http.requestTimeoutMs,
    // Errors before routing answer like every other: problem+json with the security headers.
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) =>
      answerFrameworkError(error.code === 'FST_ERR_BAD_URL' ? BAD_URL : MALFORMED, request, reply),
    clientErrorHandler: answerClientError,
    // On close, connections still open (a client that never reads its answer) are ended rather than waited for.
    forceCloseConnections: true,
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot({ config, clock: options.clock, benchRoutes: options.benchRoutes }),
    adapter,
    {
      logger: new PinoNestLogger(logger),
      abortOnError: false,
      // The API parses JSON itself (see parseJsonBody).
      bodyParser: false,
    },
  );
  const fastify = app.getHttpAdapter().getInstance();
  fastify.server.headersTimeout = config.http.headersTimeoutMs;
  // Commands take JSON only: a text/plain body is 415, not a list of missing fields.
  fastify.removeContentTypeParser('text/plain');
  // JSON too deeply nested, or naming __proto__/constructor/prototype, is refused before validation.
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, parseJsonBody(body as string));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  applyAskedStatus(fastify);
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('X-Correlation-Id', request.id);
    // Nothing the API answers to a signed-in caller may be kept by a cache, shared or private.
    if (request.headers.authorization !== undefined || request.url.startsWith('/api/v1/'))
      void reply.header('Cache-Control', 'no-store');
    securityHeaders(request.raw, reply.raw, (error?: unknown) => done(error instanceof Error ? error : undefined));
  });
  app.useGlobalPipes(createValidationPipe());
  // The console (apps/console, built by `npm start`) at `/`: same origin, so the CSP above covers it.
  if (existsSync(join(config.consoleDir, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: config.consoleDir,
      prefix: '/',
      wildcard: false,
      setHeaders: (res, path) =>
        void res.header(
          'Cache-Control',
          path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        ),
    });
  }

  if (config.apiDocs) setUpApiDocs(app);
  return app;
}

/** The OpenAPI document (/api/docs-json) and Swagger UI (/api/docs), public while API_DOCS is on. */
function setUpApiDocs(app: NestFastifyApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Ruamjai (ร่วมใจ) API')
      .setDescription(
        'Event-sourced case and coordination backend for provincial anti-trafficking operations centres. ' +
          'Commands answer with ETag (stream version) and X-Ruamjai-Position; updates need If-Match; ' +
          'Idempotency-Key makes retries safe; queries take ?minPosition= to read your own writes. Errors are application/problem+json.',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}
