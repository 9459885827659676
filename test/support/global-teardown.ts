export default async function globalTeardown(): Promise<void> {
  for (const server of globalThis.__RUAMJAI_INFRA__ ?? []) await server.stop();
}
