import { NotificationsModule, notificationMigrations } from '@ruamjai/notifications';
import { MyNotificationsController } from './notifications/my-notifications.http.controller';
import { NotificationPreferencesController } from './notifications/notification-preferences.http.controller';
import { NotificationAdminController } from './notifications/notification-admin.http.controller';
import { Logger, Module, type DynamicModule } from '@nestjs/common';
import { join } from 'node:path';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { ThrottlerModule } from '@nestjs/throttler';
import type { AppConfig } from '@ruamjai/config';
import type { Clock } from '@ruamjai/kernel';
import { planningMigrations, planningProjections, PlanningModule } from '@ruamjai/planning';
import { PlatformModule } from '@ruamjai/platform';
import { isSqlite, READ_MODEL_DB, type ReadModelDb } from '@ruamjai/read-models';
import type { Kysely } from 'kysely';
import { casesMigrations, CasesModule, casesProjections } from '@ruamjai/cases';
import { CASE_CONTROLLERS } from './cases/case-controllers';
import { PLAN_CONTROLLERS } from './plans/plan-controllers';
import { AGENCY_CONTROLLERS } from './agencies/agency-controllers';
import { identityMigrations, IdentityModule, identityProjections } from '@ruamjai/identity';
import { AUTH_CONTROLLERS } from './auth/auth-controllers';
import { OIDC_RELYING_PARTY } from './auth/oidc/oidc-sign-in.http.controller';
import { OidcRelyingParty } from './auth/oidc/oidc-relying-party';
import { ListPlansController } from './plans/list-plans/list-plans.http.controller';
import { LiveController } from './live/live.http.controller';
import { AuthGuard, loadOrCreateSigningKey } from '@ruamjai/security';
import { HealthController } from './health/health.http.controller';
import { MetricsController } from './metrics/metrics.http.controller';
import { CommandHttp } from './http/command-http';
import { ReplyHeadersInterceptor } from './http/reply-headers';
import { IdempotencyInterceptor } from './http/idempotency.interceptor';
import { ProblemFilter } from './http/problem.filter';
import { AgencyAdmissionGuard } from './http/agency-admission.guard';
import { PerUserThrottlerGuard } from './http/per-user-throttler.guard';
import { StoreWriteHealth } from './http/store-health';
import { ReadYourWrites } from './http/read-your-writes';
import { FixedWindowThrottlerStorage, PostgresThrottlerStorage, rateLimitMigrations } from './http/rate-limit-storage';
import { VerifyAuditChainController } from './audit/verify-audit-chain/verify-audit-chain.http.controller';
import { BenchController, BenchProfileController } from './bench/bench.http.controller';
import { PlanDashboardsController } from './dashboards/plan-dashboards.http.controller';
import { NationalRollupController } from './dashboards/national-rollup.http.controller';
import { ReportingModule } from '@ruamjai/reporting';
import { ReportsController } from './reports/reports.http.controller';

export interface ApiModuleOptions {
  readonly config: AppConfig;
  readonly clock?: Clock;
  /** Adds a do-nothing route used as the benchmark's floor. */
  readonly benchRoutes?: boolean;
}

@Module({})
export class AppModule {
  static forRoot(options: ApiModuleOptions): DynamicModule {
    const { config } = options;
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({
          app: 'api',
          config,
          clock: options.clock,
          projections: [...planningProjections, ...casesProjections, ...identityProjections],
          migrations: [
            planningMigrations,
            casesMigrations,
            identityMigrations,
            notificationMigrations,
            rateLimitMigrations,
          ],
          runProjections: config.projectionsInProcess,
          projectionsModule: [
            { path: join(__dirname, '../../../libs/planning/src/index'), exportName: 'planningProjections' },
            { path: join(__dirname, '../../../libs/cases/src/index'), exportName: 'casesProjections' },
            { path: join(__dirname, '../../../libs/identity/src/projections'), exportName: 'identityProjections' },
          ],
        }),
        CqrsModule.forRoot(),
        ThrottlerModule.forRootAsync({
          inject: [READ_MODEL_DB],
          useFactory: (db: ReadModelDb) => ({
            throttlers: [{ ttl: config.rateLimit.windowMs, limit: config.rateLimit.max }],
            // Replicas on PostgreSQL count each client's hits together; the embedded default is one process.
            storage: isSqlite(db)
              ? new FixedWindowThrottlerStorage()
              : new PostgresThrottlerStorage(db as unknown as Kysely<unknown>, Date.now, (error) =>
                  new Logger('RateLimit').warn({
                    err: error instanceof Error ? error.message : String(error),
                    msg: 'rate-limit windows unreachable in PostgreSQL; counting in this replica until they answer',
                  }),
                ),
            // One window per client across the API; the default hashes a per-route key on every request.
            generateKey: (_context, tracker, name) => `${name}:${tracker}`,
          }),
        }),
        PlanningModule,
        // The overdue scheduler runs wherever projections run.
        CasesModule.forRoot({ runScheduler: config.projectionsInProcess }),
        ReportingModule,
        IdentityModule,
        // The notifier, like the scheduler, runs wherever projections run; the bell is read everywhere.
        NotificationsModule.forRoot({ run: config.projectionsInProcess }),
      ],
      controllers: [
        HealthController,
        MyNotificationsController,
        NotificationPreferencesController,
        NotificationAdminController,
        MetricsController,
        ...PLAN_CONTROLLERS,
        PlanDashboardsController,
        NationalRollupController,
        ...AGENCY_CONTROLLERS,
        VerifyAuditChainController,
        ...CASE_CONTROLLERS,
        ReportsController,
        ...AUTH_CONTROLLERS,
        ListPlansController,
        LiveController,
        ...(options.benchRoutes ? [BenchController, BenchProfileController] : []),
      ],
      providers: [
        CommandHttp,
        ReadYourWrites,
        StoreWriteHealth,
        {
          provide: OIDC_RELYING_PARTY,
          useFactory: async () =>
            config.oidc && config.auth.mode !== 'embedded'
              ? new OidcRelyingParty(config.oidc, await loadOrCreateSigningKey(config.dataDir), config.jwt.issuer)
              : null,
        },
        { provide: APP_FILTER, useClass: ProblemFilter },
        // Authentication first, so the request budget can be the user's rather than the address's.
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useClass: PerUserThrottlerGuard },
        { provide: APP_GUARD, useClass: AgencyAdmissionGuard },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        // After the idempotency interceptor, so inside it: the headers are on the reply when it stores the answer for replay.
        { provide: APP_INTERCEPTOR, useClass: ReplyHeadersInterceptor },
      ],
    };
  }
}
