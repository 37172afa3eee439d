import { DynamicModule, MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ServeStaticModule } from '@nestjs/serve-static';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AssessmentsModule } from './assessments';
import { EvidenceModule } from './evidence';
import { ReviewsModule } from './reviews';
import { NotificationsModule } from './notifications';
import { AuthModule } from './auth/auth.module';
import { JwtAuthGuard } from './common/auth/jwt-auth.guard';
import { ProblemDetailsFilter } from './common/filters/problem-details.filter';
import { WellFormedTextMiddleware } from './common/validation/well-formed-text';
import { APP_CONFIG, AppConfig } from './config/app-config';
import { CONSTRAINT_PROBLEMS } from './constraint-problems';
import { dataSourceOptions } from './database/data-source-options';
import { DemoModule } from './demo/demo.module';
import { FrameworksModule } from './frameworks/frameworks.module';
import { HealthModule } from './health/health.module';
import { EmployeesModule } from './employees/employees.module';
import { PeopleImportsModule } from './people-imports/people-imports.module';
import { PrivacyModule } from './privacy/privacy.module';
import { RoleProfilesModule } from './role-profiles/role-profiles.module';
import { TeamsModule } from './teams/teams.module';
import { UsersModule } from './users/users.module';

export interface AppModuleOptions {
  config: AppConfig;
  databaseUrl: string;
}

@Module({})
export class AppModule implements NestModule {
  /** Text PostgreSQL cannot store as sent is refused before guards and pipes read it. */
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(WellFormedTextMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }

  static forRoot({ config, databaseUrl }: AppModuleOptions): DynamicModule {
    const serveWeb = config.webDistDir && existsSync(join(config.webDistDir, 'index.html'));
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot({
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
          pinoHttp: {
            level: config.logLevel,
            redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
            autoLogging: { ignore: (request) => request.url === '/api/health' },
          },
        }),
        TypeOrmModule.forRoot({ ...dataSourceOptions(databaseUrl), retryAttempts: 3, retryDelay: 1000 }),
        ...(serveWeb && config.webDistDir ? [ServeStaticModule.forRoot({ rootPath: config.webDistDir, exclude: ['/api/{*path}'] })] : []),
        HealthModule,
        AuthModule.forRoot(config),
        FrameworksModule,
        EmployeesModule,
        TeamsModule,
        PeopleImportsModule.forRoot({ xlsxMaxBytes: config.peopleImportXlsxMaxBytes }),
        RoleProfilesModule,
        PrivacyModule,
        AssessmentsModule,
        EvidenceModule,
        ReviewsModule,
        NotificationsModule.forRoot({ smtpUrl: config.smtpUrl, from: config.mailFrom, publicUrl: config.publicUrl }),
        UsersModule,
        DemoModule.forRoot({ enabled: config.demoMode }),
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: APP_FILTER, useValue: new ProblemDetailsFilter(CONSTRAINT_PROBLEMS) },
        { provide: APP_GUARD, useClass: JwtAuthGuard },
      ],
    };
  }
}
