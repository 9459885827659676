import { loadConfig } from '@ruamjai/config';
import { issueToken, loadOrCreateSigningKey } from '@ruamjai/security';
import { join } from 'node:path';
import { createApiApp } from '../apps/api/src/api-app';
import { seedSakaeo2562 } from '../apps/cli/src/seed/run-seed';

export interface ReportFigures {
  /** Median ms over the runs, through the API (in-process HTTP injection, auth and all). */
  readonly planJson: number;
  readonly actionPlanPdf: number;
  readonly quarterlyXlsx: number;
  readonly quarterlyPdf: number;
  readonly pdfBytes: number;
  readonly xlsxBytes: number;
  readonly runs: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * The Sa Kaeo seed's action plan as a PDF and its fourth-quarter progress as a workbook, each built
 * `runs` times through the API, beside the floor: reading the same plan as JSON from the API.
 */
export async function reportFigures(dir: string, runs = 15): Promise<ReportFigures> {
  const config = loadConfig({ DATA_DIR: join(dir, 'reports'), LOG_LEVEL: 'silent', RATE_LIMIT_MAX: '1000000' });
  const { planId, position } = await seedSakaeo2562(config);
  const app = await createApiApp(config, {});
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  try {
    const key = await loadOrCreateSigningKey(config.dataDir);
    const authorization = `Bearer ${await issueToken(key, { sub: 'bench', agency: 'PSDHS-SK', role: 'coordinator' }, config.jwt.issuer, config.jwt.audience)}`;
    const get = async (url: string) => {
      const started = performance.now();
      const res = await app.inject({ method: 'GET', url, headers: { authorization } });
      const ms = performance.now() - started;
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      return { ms, bytes: res.rawPayload.length };
    };
    // Wait for the views, then warm every path once (fonts read, code compiled).
    for (let tries = 0; ; tries++) {
      const res = await app.inject({
        method: 'GET',
        url: `/api/v1/plans/${planId}?minPosition=${position}`,
        headers: { authorization },
      });
      if (res.statusCode === 200) break;
      if (tries > 60) throw new Error(`the views did not catch up with the seed: ${res.statusCode}`);
    }
    const paths = {
      planJson: `/api/v1/plans/${planId}`,
      actionPlanPdf: `/api/v1/plans/${planId}/reports/action-plan`,
      quarterlyXlsx: `/api/v1/plans/${planId}/reports/quarterly-progress?quarter=4&format=xlsx`,
      quarterlyPdf: `/api/v1/plans/${planId}/reports/quarterly-progress?quarter=4`,
    };
    const bytes: Record<string, number> = {};
    for (const [name, path] of Object.entries(paths)) bytes[name] = (await get(path)).bytes;
    const times: Record<string, number[]> = { planJson: [], actionPlanPdf: [], quarterlyXlsx: [], quarterlyPdf: [] };
    for (let i = 0; i < runs; i++)
      for (const [name, path] of Object.entries(paths)) times[name].push((await get(path)).ms);
    return {
      planJson: median(times.planJson),
      actionPlanPdf: median(times.actionPlanPdf),
      quarterlyXlsx: median(times.quarterlyXlsx),
      quarterlyPdf: median(times.quarterlyPdf),
      pdfBytes: bytes.actionPlanPdf,
      xlsxBytes: bytes.quarterlyXlsx,
      runs,
    };
  } finally {
    await app.close();
  }
}
