import {
  DynamicModule,
  Inject,
  Injectable,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { APP_CONFIG, type AppConfig } from '@ruamjai/config';
import { CommandRunner } from '@ruamjai/event-store';
import { CLOCK, type Clock } from '@ruamjai/kernel';
import { PrivacyModule } from '@ruamjai/privacy';
import { Metrics } from '@ruamjai/platform';
import {
  LEASES,
  READ_MODEL_DB,
  startSingleActive,
  stopSingleActive,
  type Leases,
  type ReadModelDb,
} from '@ruamjai/read-models';
import { Counter } from 'prom-client';
import { CaseDashboards } from './application/case-dashboards';
import { CaseHistory } from './application/case-history';
import { CaseQueries } from './application/case-queries';
import { InboundReferralHandler } from './application/inbound-referral-handler';
import { PersonalDataService } from './application/personal-data-service';
import { ReferralOverdueScheduler } from './application/referral-overdue-scheduler';
import { CASE_HANDLERS } from './case/case.handlers';
import { COMMITMENT_HANDLERS } from './commitment/commitment.handlers';
import { REFERRAL_HANDLERS } from './referral/referral.handlers';

export const OVERDUE_SCHEDULER = Symbol('OVERDUE_SCHEDULER');
export const SCHEDULER_LEASE = 'scheduler';

@Injectable()
class SchedulerLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(OVERDUE_SCHEDULER) private readonly scheduler: ReferralOverdueScheduler | null,
    @Inject(LEASES) private readonly leases: Leases | null,
  ) {}
  async onApplicationBootstrap(): Promise<void> {
    // Beside PostgreSQL read models, one process at a time sweeps (a second could only lose races).
    if (this.scheduler) await startSingleActive(this.leases, SCHEDULER_LEASE, this.scheduler);
  }
  async onApplicationShutdown(): Promise<void> {
    if (this.scheduler) await stopSingleActive(this.leases, SCHEDULER_LEASE, this.scheduler);
  }
}

export interface CasesModuleOptions {
  /** Run the overdue-referral scheduler here: wherever projections run (the API in-process, or the worker). */
  readonly runScheduler: boolean;
}

/** Case work: cases, referrals, commitments, personal data under need-to-know, and the overdue scheduler. */
@Module({})
export class CasesModule {
  static forRoot(options: CasesModuleOptions): DynamicModule {
    return {
      module: CasesModule,
      // Global, so the inbound consumer module (worker) reaches its handler.
      global: true,
      imports: [CqrsModule, PrivacyModule],
      providers: [
        ...CASE_HANDLERS,
        ...REFERRAL_HANDLERS,
        ...COMMITMENT_HANDLERS,
        PersonalDataService,
        CaseQueries,
        CaseDashboards,
        CaseHistory,
        InboundReferralHandler,
        {
          provide: OVERDUE_SCHEDULER,
          useFactory: (runner: CommandRunner, db: ReadModelDb, clock: Clock, config: AppConfig, metrics: Metrics) => {
            if (!options.runScheduler) return null;
            const log = new Logger('ReferralOverdue');
            const marked = new Counter({
              name: 'ruamjai_referrals_overdue_total',
              help: 'Referrals this process marked overdue and escalated to the coordinator.',
              registers: [metrics.registry],
            });
            return new ReferralOverdueScheduler(
              runner,
              db,
              clock,
              config.cases.schedulerIntervalMs,
              { info: (o, m) => log.log({ ...o, msg: m }), warn: (o, m) => log.warn({ ...o, msg: m }) },
              () => marked.inc(),
            );
          },
          inject: [CommandRunner, READ_MODEL_DB, CLOCK, APP_CONFIG, Metrics],
        },
        SchedulerLifecycle,
      ],
      exports: [
        PersonalDataService,
        CaseQueries,
        CaseDashboards,
        CaseHistory,
        InboundReferralHandler,
        OVERDUE_SCHEDULER,
      ],
    };
  }
}
