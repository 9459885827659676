/** Stops the servers the global setup started (Jest calls it once per project that set them up). */
export default async function globalTeardown(): Promise<void> {
  const started = globalThis.__RUAMJAI_INFRA__ ?? [];
  for (const server of started.splice(0)) await server.stop();
}
