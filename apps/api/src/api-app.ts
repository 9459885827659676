import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { AppConfig } from '@ruamjai/config';
import type { Clock } from '@ruamjai/kernel';
import fastifyStatic from '@fastify/static';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { AppModule } from './app.module';
import { correlationIdOf } from './http/correlation';
import { createLogger, PinoNestLogger } from './http/logger';
import { createValidationPipe } from './http/validation';

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
    trustProxy: ['127.0.0.1', '::1'],
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot({ config, clock: options.clock, benchRoutes: options.benchRoutes }), adapter, {
    logger: new PinoNestLogger(logger),
    abortOnError: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  // Commands take JSON only: a text/plain body is 415, not a list of missing fields.
  fastify.removeContentTypeParser('text/plain');
  // Security headers, computed once: @fastify/helmet rebuilds its policy on every request.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      // Swagger UI needs inline styles and scripts from its own bundle.
      directives: { scriptSrc: ["'self'", "'unsafe-inline'"], styleSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:'] },
    },
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('X-Correlation-Id', request.id);
    securityHeaders(request.raw, reply.raw, (error?: unknown) => done(error instanceof Error ? error : undefined));
  });
  app.useGlobalPipes(createValidationPipe());
  // The console (apps/console, built by `npm start`) at `/`: same origin, so the CSP above covers it.
  if (existsSync(join(config.consoleDir, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: config.consoleDir,
      prefix: '/',
      wildcard: false,
      setHeaders: (res, path) => void res.header('Cache-Control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache'),
    });
  }

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
  return app;
}
