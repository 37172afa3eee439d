import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { API_PREFIX } from '@proficio/shared/contracts';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { REFRESH_COOKIE, SECURE_REFRESH_COOKIE } from './auth/refresh-cookie';
import { toProblem } from './common/filters/problem-details.filter';
import { bodyErrorHandler, jsonBodyParser } from './common/request-body/json-body';
import { contentSecurityPolicyDirectives, hasInlineEventHandlers, readWebIndex } from './common/security/content-security-policy';
import { createValidationPipe } from './common/validation/validation-exception';
import { APP_CONFIG, AppConfig } from './config/app-config';

/**
 * Everything applied to the Nest application outside its modules. Production
 * (main.ts) and the integration tests both call this, so tests see the same
 * prefix, pipes, filters and headers.
 */
export function configureApp(app: INestApplication): INestApplication {
  app.useLogger(app.get(Logger));
  const config = app.get<AppConfig>(APP_CONFIG);
  // Behind a reverse proxy: its X-Forwarded-For / -Proto decide the client address and request.secure.
  (app.getHttpAdapter().getInstance() as { set(setting: string, value: unknown): void }).set('trust proxy', config.trustProxy);
  app.setGlobalPrefix(API_PREFIX);
  const webIndex = readWebIndex(config.webDistDir);
  if (hasInlineEventHandlers(webIndex)) {
    // e.g. Angular's inlined critical CSS (`onload="this.media='all'"`): keep `inlineCritical: false` in apps/web/project.json.
    app.get(Logger).warn('The web app index.html has inline event handlers, which the Content-Security-Policy blocks.');
  }
  app.use(
    helmet({
      // Proficio is self-hosted and often reached over plain http on a LAN: HSTS only on requests that came
      // over HTTPS (below).
      strictTransportSecurity: false,
      contentSecurityPolicy: { directives: contentSecurityPolicyDirectives(webIndex) },
    }),
  );
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (request.secure) response.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    next();
  });
  // Our JSON parser with deliberate limits; Nest sees it is there and adds no default one.
  app.use(jsonBodyParser());
  app.use(bodyErrorHandler(toProblem));
  app.use(cookieParser());
  // API answers carry personal data: no browser or proxy may keep a copy.
  app.use(`/${API_PREFIX}`, (_request: Request, response: Response, next: NextFunction) => {
    response.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.useGlobalPipes(createValidationPipe());

  if (config.apiDocs) setUpApiDocs(app);
  return app;
}

/** The OpenAPI document (/api/docs-json) and its UI (/api/docs), public: only when API_DOCS (or demo mode) says so. */
function setUpApiDocs(app: INestApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Proficio API')
      .setDescription('Competency frameworks, people, assessments and evidence.')
      .setVersion('0.1.0')
      .addBearerAuth()
      .addCookieAuth(
        REFRESH_COOKIE,
        {
          type: 'apiKey',
          in: 'cookie',
          name: REFRESH_COOKIE,
          description: `The refresh token: ${REFRESH_COOKIE} over plain HTTP, ${SECURE_REFRESH_COOKIE} over HTTPS.`,
        },
        'refresh-cookie',
      )
      .build(),
  );
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, document, { jsonDocumentUrl: `${API_PREFIX}/docs-json` });
}
