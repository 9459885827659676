import {
  DynamicModule,
  Inject,
  Injectable,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@ruamjai/config';
import { EVENT_STORE, type EventStore } from '@ruamjai/event-store';
import { CLOCK, type Clock } from '@ruamjai/kernel';
import { Metrics } from '@ruamjai/platform';
import {
  LEASES,
  READ_MODEL_DB,
  startSingleActive,
  stopSingleActive,
  type Leases,
  type ReadModelDb,
} from '@ruamjai/read-models';
import type { Kysely, Migration } from 'kysely';
import { Counter } from 'prom-client';
import { ConsoleInbox, inboxMigrations } from './application/console-inbox';
import { DeadLetters } from './application/dead-letters';
import { deliveryMigrations, Notifier, type DeliveryChannel } from './application/notifier';
import {
  CombinedRecipients,
  subscriptionMigrations,
  SubscriptionDirectory,
  UserDirectoryRecipients,
  type Channel,
} from './application/recipients';
import { EmailChannel } from './channels/email.channel';
import { WebhookChannel } from './channels/webhook.channel';

/** The notifications' read-model tables: subscriptions, deliveries (with digests and the calendar), the console inbox. */
export const notificationMigrations: Record<string, Migration> = {
  ...subscriptionMigrations,
  ...deliveryMigrations,
  ...inboxMigrations,
};

export const NOTIFIER_RUNNING = Symbol('NOTIFIER_RUNNING');
export const NOTIFIER_LEASE = 'notifier';

/** The channels this process sends through: the inbox always, e-mail when SMTP is configured, webhooks. */
@Injectable()
export class NotifierChannels {
  readonly email: EmailChannel | undefined;
  readonly all: Partial<Record<Channel, DeliveryChannel>>;

  constructor(
    readonly inbox: ConsoleInbox,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(CLOCK) clock: Clock,
  ) {
    const smtp = config.notifications.smtp;
    this.email = smtp ? new EmailChannel({ ...smtp, from: config.notifications.mailFrom }) : undefined;
    this.all = {
      console: inbox,
      webhook: new WebhookChannel(() => clock.now()),
      ...(this.email ? { email: this.email } : {}),
    };
  }

  close(): void {
    this.email?.close();
  }
}

@Injectable()
class NotifierLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly notifier: Notifier,
    @Inject(NOTIFIER_RUNNING) private readonly running: boolean,
    private readonly channels: NotifierChannels,
    @Inject(LEASES) private readonly leases: Leases | null,
  ) {}
  async onApplicationBootstrap(): Promise<void> {
    // Beside PostgreSQL read models, one process at a time sends (the others stand by).
    if (this.running) await startSingleActive(this.leases, NOTIFIER_LEASE, this.notifier);
  }
  async onApplicationShutdown(): Promise<void> {
    await stopSingleActive(this.leases, NOTIFIER_LEASE, this.notifier);
    this.channels.close();
  }
}

/**
 * Notifications, run like a projection wherever projections run (the API in-process, or the worker):
 * the notifier reads the log after its checkpoint and the calendar, and sends to the bell, e-mail and
 * webhooks. The inbox, the subscriptions and the dead-letter list are available everywhere.
 */
@Module({})
export class NotificationsModule {
  static forRoot(options: { readonly run: boolean }): DynamicModule {
    return {
      module: NotificationsModule,
      global: true,
      providers: [
        {
          provide: NOTIFIER_RUNNING,
          useFactory: (config: AppConfig) => options.run && config.notifications.enabled,
          inject: [APP_CONFIG],
        },
        {
          provide: ConsoleInbox,
          useFactory: (db: ReadModelDb, clock: Clock) => new ConsoleInbox(db, () => clock.now()),
          inject: [READ_MODEL_DB, CLOCK],
        },
        {
          provide: SubscriptionDirectory,
          useFactory: (db: ReadModelDb, config: AppConfig) => new SubscriptionDirectory(db, config.deploymentProvince),
          inject: [READ_MODEL_DB, APP_CONFIG],
        },
        {
          provide: DeadLetters,
          useFactory: (db: ReadModelDb, clock: Clock) => new DeadLetters(db, clock),
          inject: [READ_MODEL_DB, CLOCK],
        },
        NotifierChannels,
        {
          provide: Notifier,
          useFactory: (
            store: EventStore,
            db: ReadModelDb,
            subscriptions: SubscriptionDirectory,
            channels: NotifierChannels,
            clock: Clock,
            config: AppConfig,
            metrics: Metrics,
          ) => {
            const log = new Logger('Notifier');
            const counter = (name: string, help: string) => new Counter({ name, help, registers: [metrics.registry] });
            const sent = counter(
              'ruamjai_notifications_sent_total',
              'Notifications delivered (bell, e-mail, webhook).',
            );
            const failed = counter(
              'ruamjai_notifications_failed_total',
              'Delivery attempts that failed and will be retried.',
            );
            const dead = counter('ruamjai_notifications_dead_total', 'Deliveries put on the dead-letter list.');
            const cases = db as unknown as Kysely<{ case_register: { case_id: string; owning_agency: string } }>;
            return new Notifier(
              store,
              db,
              new CombinedRecipients(new UserDirectoryRecipients(db, config.deploymentProvince), subscriptions),
              channels.all,
              clock,
              {
                baseUrl: config.notifications.publicUrl,
                deploymentProvince: config.deploymentProvince,
                pollMs: config.notifications.pollMs,
                maxAttempts: config.notifications.maxAttempts,
                digestHour: config.notifications.digestHour,
                after: ['user-directory', 'case-register'],
                owningAgencyOf: async (caseId) =>
                  (
                    await cases
                      .selectFrom('case_register')
                      .select('owning_agency')
                      .where('case_id', '=', caseId)
                      .executeTakeFirst()
                  )?.owning_agency,
                onError: (error) =>
                  log.warn({
                    err: error instanceof Error ? error.message : String(error),
                    msg: 'notification round failed; will try again',
                  }),
                onDispatched: (r) => {
                  sent.inc(r.sent);
                  failed.inc(r.failed);
                  dead.inc(r.dead);
                  if (r.dead > 0)
                    log.warn({
                      dead: r.dead,
                      msg: 'deliveries put on the dead-letter list; replay with npm run cli -- notifications replay',
                    });
                },
              },
            );
          },
          inject: [EVENT_STORE, READ_MODEL_DB, SubscriptionDirectory, NotifierChannels, CLOCK, APP_CONFIG, Metrics],
        },
        NotifierLifecycle,
      ],
      exports: [Notifier, ConsoleInbox, SubscriptionDirectory, DeadLetters],
    };
  }
}
