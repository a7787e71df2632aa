import { ValidationPipe, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { AppModule, type AppOptions } from './app.module';
import { answerClientErrors } from './http/client-errors';
import { batchBodyReader } from './http/batch-body';
import { BodiesAfterAccess } from './http/bodies-after-access.interceptor';
import { jsonBodyReaders } from './http/json-body';
import { HttpDrain } from './http/http-drain';
import { createLogger, PinoLoggerService } from './http/pino-logger';
import { requestLogging } from './http/request-logging';
import { readCachePolicy } from './http/read-cache-policy';
import { RouteMethods, type RoutedApplication } from './http/route-methods';
import { rememberValidationRules } from './http/validation-rules-cache';
import { validateAtTheOrigin } from './http/validation-at-the-origin';
import { DEFAULT_MAX_BATCH_BYTES, type AppConfig } from './config/app-config';
import { ProblemDetailsFilter } from './problems/problem-details.filter';
import { ReservedKeysPipe } from './problems/reserved-keys.pipe';
import { ObjectBodyPipe } from './problems/object-body.pipe';
import { validationProblem } from './problems/validation-problem';

const drains = new WeakMap<INestApplication, HttpDrain>();

/** The drain of an app built by {@link createApp}: what stops it taking new work at shutdown. */
export function httpDrainOf(app: INestApplication): HttpDrain {
  const drain = drains.get(app);
  if (!drain) throw new Error('This app was not built by createApp');
  return drain;
}

/** Builds the app exactly as production runs it; end-to-end tests call this too. */
export async function createApp(
  config: AppConfig,
  options: AppOptions = {},
  logger: Logger = createLogger(config, options.logDestination),
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, options), {
    logger: new PinoLoggerService(logger),
    bodyParser: false,
  });
  answerClientErrors(app.getHttpServer());
  const drain = new HttpDrain(app.getHttpServer());
  drains.set(app, drain);
  app.use(requestLogging(logger));
  app.use(drain.refuseNewWork);
  app.use(readCachePolicy);
  const routes = new RouteMethods(app.getHttpAdapter().getInstance() as unknown as RoutedApplication);
  app.use(routes.answerOptions);
  // The API serves JSON and the page its own scripts and styles: nothing from elsewhere.
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
        },
      },
    }),
  );
  app.disable('x-powered-by');
  // A conditional GET that says `Cache-Control: no-cache` (every one that fetch sends) is answered 304 on a match.
  validateAtTheOrigin(app.getHttpAdapter().getInstance());
  // Behind the proxies named, requests carry the client's address, scheme and host in forwarded headers.
  if (config.trustedProxies?.length) app.set('trust proxy', config.trustedProxies);
  rememberValidationRules();
  app.useGlobalPipes(
    new ReservedKeysPipe(),
    new ObjectBodyPipe(),
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      // Kept on each error (never sent): a field the DTO does not take is explained by the DTO (unknown-field.ts).
      validationError: { target: true },
      exceptionFactory: validationProblem,
    }),
  );
  app.useGlobalFilters(new ProblemDetailsFilter(routes));
  // Bodies are read after the guards: a request the key guard refuses is never read or parsed.
  app.useGlobalInterceptors(
    new BodiesAfterAccess([
      batchBodyReader(config.limits.maxBatchBytes ?? DEFAULT_MAX_BATCH_BYTES),
      ...jsonBodyReaders(config.limits.maxBodyBytes),
    ]),
  );
  // No `enableShutdownHooks`: main.ts drains the HTTP server before the app closes (decision 0094).

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Treaty Timeline')
      .setDescription('The sourced, tamper-evident history of international treaties.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return app;
}
