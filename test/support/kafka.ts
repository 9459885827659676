/** The test run's Kafka brokers (started by the global setup, or KAFKA_BROKERS), if it has them. */
export function kafkaBrokers(): string[] | undefined {
  const brokers = process.env.RUAMJAI_TEST_KAFKA_BROKERS;
  return brokers ? brokers.split(',') : undefined;
}
