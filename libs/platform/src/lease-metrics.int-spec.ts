import { Leases } from '@ruamjai/read-models';
import { freshPostgresDatabase, postgresServerUrl } from '../../../test/support/postgres';
import { Metrics } from './metrics';

const server = postgresServerUrl();

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

(server ? describe : describe.skip)('lease metrics', () => {
  it('show which process runs a part, and the standby taking it over when the holder goes', async () => {
    const database = await freshPostgresDatabase(server!);
    const processes = ['first', 'second'].map((app) => {
      const leases = new Leases({ connectionString: database.url, pollMs: 100 });
      const metrics = new Metrics(app);
      metrics.watchLeases(leases);
      leases.run('relay', { start: () => undefined, stop: async () => undefined });
      return { leases, metrics, text: async () => (await metrics.expose()).body };
    });
    const [first, second] = processes;
    try {
      await until(() => first.leases.holds('relay') || second.leases.holds('relay'));
      const [holder, standby] = first.leases.holds('relay') ? [first, second] : [second, first];
      expect(await holder.text()).toMatch(/ruamjai_lease_held\{part="relay",app="\w+"\} 1/);
      expect(await standby.text()).toMatch(/ruamjai_lease_held\{part="relay",app="\w+"\} 0/);
      expect(await standby.text()).toMatch(/ruamjai_lease_acquired_total\{part="relay",app="\w+"\} 0/);

      await holder.leases.close();
      await until(async () => /ruamjai_lease_held\{part="relay",app="\w+"\} 1/.test(await standby.text()), 5000);
      expect(await standby.text()).toMatch(/ruamjai_lease_acquired_total\{part="relay",app="\w+"\} 1/);
    } finally {
      for (const p of processes) await p.leases.close();
      await database.drop();
    }
  });
});
