import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

/** The test run's PostgreSQL server (started by the global setup), or undefined when it has none. */
export function postgresServerUrl(): string | undefined {
  return process.env.RUAMJAI_TEST_POSTGRES_URL || undefined;
}

/** A fresh database on the run's server, so suites never see each other's rows. */
export async function freshPostgresDatabase(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `t_${randomUUID().replace(/-/g, '')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
