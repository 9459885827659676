import type { INestApplication } from '@nestjs/common';
import { loadConfig, type AppConfig } from '@ruamjai/config';
import type { Clock, Role } from '@ruamjai/kernel';
import { issueToken, loadOrCreateSigningKey } from '@ruamjai/security';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createApiApp } from '../../apps/api/src/api-app';

export interface ApiHarness {
  readonly app: INestApplication;
  readonly http: ReturnType<typeof request>;
  readonly config: AppConfig;
  /** A token; without a province it names none, as tokens issued before provinces (the deployment's). */
  token(role?: Role, sub?: string, agency?: string, province?: string): Promise<string>;
  close(): Promise<void>;
}

/** A real API on a fresh data folder: real SQLite store, real read models, real tokens. */
export async function startApi(
  env: Record<string, string> = {},
  options: { clock?: Clock; agencies?: boolean } = {},
): Promise<ApiHarness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ruamjai-api-'));
  // Views may trail further behind on a busy test machine than the five seconds a client waits by default.
  const config = loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    RATE_LIMIT_MAX: '1000000',
    READ_YOUR_WRITES_TIMEOUT_MS: '30000',
    ...env,
  });
  const app = await createApiApp(config, { clock: options.clock });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const key = await loadOrCreateSigningKey(config.dataDir);
  const http = request(app.getHttpServer());
  if (options.agencies ?? true) {
    // The lead agencies the sample projects name, as the secretariat would register them.
    const token = await issueToken(
      key,
      { sub: 'somchai', agency: 'PSDHS-SK', role: 'coordinator' },
      config.jwt.issuer,
      config.jwt.audience,
    );
    for (const agency of sampleAgencies) {
      const res = await http.post('/api/v1/agencies').set('Authorization', `Bearer ${token}`).send(agency);
      if (res.status !== 201)
        throw new Error(`registering ${agency.code} failed: ${res.status} ${JSON.stringify(res.body)}`);
    }
  }
  return {
    app,
    http,
    config,
    token: (role = 'coordinator', sub = 'somchai', agency = 'PSDHS-SK', province?: string) =>
      issueToken(key, { sub, agency, role, province }, config.jwt.issuer, config.jwt.audience),
    close: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const sampleAgencies = [
  {
    code: 'PSDHS-SK',
    nameTh: 'สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดสระแก้ว',
    agencyType: 'social_development',
    districtCode: '2701',
  },
  { code: 'IMM-SK', nameTh: 'ด่านตรวจคนเข้าเมืองจังหวัดสระแก้ว', agencyType: 'immigration', districtCode: '2706' },
  // The chair's and the auditors' offices: every actor's agency must be in the directory to act.
  { code: 'PROV-SK', nameTh: 'ศาลากลางจังหวัดสระแก้ว', agencyType: 'provincial_administration', districtCode: '2701' },
  { code: 'OAG', nameTh: 'สำนักงานการตรวจเงินแผ่นดิน', agencyType: 'other' },
];

export const samplePlan = {
  provinceCode: 'TH-27',
  fiscalYear: 2562,
  titleTh: 'แผนปฏิบัติการป้องกันและปราบปรามการค้ามนุษย์ จังหวัดสระแก้ว ประจำปี 2562',
};

export const sampleProject = {
  titleTh: 'ประชารัฐร่วมใจขจัดภัยค้ามนุษย์ในเด็ก สตรี และครอบครัวจังหวัดสระแก้ว',
  leadAgencyCode: 'PSDHS-SK',
  districtCodes: ['2706', '2708', '2703', '2702'],
  requestedBudgetSatang: 15_000_000,
  fundingSource: 'anti_trafficking_fund',
  strategy: 'protection',
};
