export * from './integration-message';
export * from './kafka-relay';
export * from './relay.module';
export * from './inbound-consumer';
