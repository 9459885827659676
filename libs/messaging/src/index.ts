export * from './integration-message';
export * from './kafka-relay';
export * from './relay.module';
