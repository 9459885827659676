import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { AppConfig } from '@ruamjai/config';
import type { Clock } from '@ruamjai/kernel';
import helmet from 'helmet';
import type { Logger } from 'pino';
import pinoHttp from 'pino-http';
import { AppModule } from './app.module';
import { correlationMiddleware, requestId } from './http/correlation';
import { jsonBody } from './http/json-body';
import { createLogger, PinoNestLogger } from './http/logger';
import { createValidationPipe } from './http/validation';

export interface ApiAppOptions {
  readonly clock?: Clock;
  readonly logger?: Logger;
  readonly benchRoutes?: boolean;
  readonly requestLogs?: boolean;
}

/** Builds the HTTP application: used by main.ts and by the end-to-end tests alike. */
export async function createApiApp(config: AppConfig, options: ApiAppOptions = {}): Promise<NestExpressApplication> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot({ config, clock: options.clock, benchRoutes: options.benchRoutes }), {
    bodyParser: false,
    logger: new PinoNestLogger(logger),
    abortOnError: false,
  });
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(correlationMiddleware);
  if (options.requestLogs ?? true) app.use(
      pinoHttp({
        logger,
        genReqId: () => requestId(),
        quietReqLogger: true,
        serializers: {
          req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
          res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
        },
      }),
    );
  app.use(
    helmet({
      contentSecurityPolicy: {
        // Swagger UI needs inline styles and scripts from its own bundle.
        directives: { 'script-src': ["'self'", "'unsafe-inline'"], 'style-src': ["'self'", "'unsafe-inline'"], 'img-src': ["'self'", 'data:'] },
      },
    }),
  );
  app.use(jsonBody(config.bodyLimitBytes));
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();

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
