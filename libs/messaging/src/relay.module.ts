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
import {
  LEASES,
  READ_MODEL_DB,
  startSingleActive,
  stopSingleActive,
  type Leases,
  type ReadModelDb,
} from '@ruamjai/read-models';
import { Kafka, logLevel } from 'kafkajs';
import type { IntegrationMapper } from './integration-message';
import { KafkaRelay } from './kafka-relay';

/** The lease the relay runs under (one relay at a time keeps each key's messages in log order). */
export const RELAY_LEASE = 'relay';

@Injectable()
class RelayLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(KafkaRelay) private readonly relay: KafkaRelay | null,
    @Inject(LEASES) private readonly leases: Leases | null,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Beside PostgreSQL read models any number of workers may run: one relays, the others stand by.
    if (this.relay) await startSingleActive(this.leases, RELAY_LEASE, this.relay);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.relay) await stopSingleActive(this.leases, RELAY_LEASE, this.relay);
  }
}

/** Runs the integration-event relay when KAFKA_BROKERS is configured. */
@Module({})
export class RelayModule {
  static forRoot(mappers: readonly IntegrationMapper[]): DynamicModule {
    return {
      module: RelayModule,
      providers: [
        {
          provide: KafkaRelay,
          useFactory: (config: AppConfig, store: EventStore, db: ReadModelDb, clock: Clock) => {
            if (config.kafka.brokers.length === 0) return null;
            const log = new Logger('KafkaRelay');
            const kafka = new Kafka({
              clientId: config.kafka.clientId,
              brokers: [...config.kafka.brokers],
              logLevel: logLevel.ERROR,
            });
            return new KafkaRelay(
              store,
              db,
              kafka.producer({ idempotent: true, maxInFlightRequests: 1 }),
              mappers,
              clock,
              {
                info: (obj, msg) => log.log({ ...obj, msg }),
                warn: (obj, msg) => log.warn({ ...obj, msg }),
                error: (obj, msg) => log.error({ ...obj, msg }),
              },
            );
          },
          inject: [APP_CONFIG, EVENT_STORE, READ_MODEL_DB, CLOCK],
        },
        RelayLifecycle,
      ],
      exports: [KafkaRelay],
    };
  }
}
