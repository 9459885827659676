import {
  Inject,
  Injectable,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@ruamjai/config';
import { CLOCK, type Clock } from '@ruamjai/kernel';
import { DLQ_SUFFIX, InboundConsumer } from '@ruamjai/messaging';
import { Metrics } from '@ruamjai/platform';
import { READ_MODEL_DB, type ReadModelDb } from '@ruamjai/read-models';
import { Kafka, logLevel } from 'kafkajs';
import { InboundReferralHandler } from './application/inbound-referral-handler';

export const INBOUND_REFERRALS_GROUP = 'ruamjai-inbound-referrals';

@Injectable()
class InboundReferralsLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private consumer: InboundConsumer | undefined;
  private readonly log = new Logger('InboundReferrals');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly handler: InboundReferralHandler,
    private readonly metrics: Metrics,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.kafka.brokers.length === 0) return;
    const kafka = new Kafka({
      clientId: `${this.config.kafka.clientId}-inbound`,
      brokers: [...this.config.kafka.brokers],
      logLevel: logLevel.ERROR,
    });
    const admin = kafka.admin();
    await admin.connect();
    // The topic and its dead-letter topic exist before the group subscribes; creating them again is a no-op.
    await admin
      .createTopics({
        topics: [
          { topic: this.handler.topic, numPartitions: 3 },
          { topic: `${this.handler.topic}${DLQ_SUFFIX}`, numPartitions: 1 },
        ],
      })
      .catch(() => undefined);
    await admin.disconnect();
    const log = this.log;
    this.consumer = new InboundConsumer(
      kafka,
      INBOUND_REFERRALS_GROUP,
      [this.handler],
      this.db,
      kafka.producer({ idempotent: true, maxInFlightRequests: 1 }),
      this.clock,
      {
        info: (o, m) => log.log({ ...o, msg: m }),
        warn: (o, m) => log.warn({ ...o, msg: m }),
        error: (o, m) => log.error({ ...o, msg: m }),
      },
    );
    await this.consumer.start();
    const consumer = this.consumer;
    this.metrics.watchConsumerLag(INBOUND_REFERRALS_GROUP, () => consumer.lag());
    log.log(`consuming ${this.handler.topic}`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
  }
}

/**
 * Inbound referrals (1300 hotline, other provinces) from Kafka, when KAFKA_BROKERS is set: run it
 * where the relay runs (the worker). Import beside CasesModule.
 */
@Module({ providers: [InboundReferralsLifecycle] })
export class InboundReferralsModule {}
