import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { AppConfig } from '@ruamjai/config';
import { casesMigrations, casesProjections } from '@ruamjai/cases';
import type { Actor } from '@ruamjai/kernel';
import { planningMigrations, planningProjections } from '@ruamjai/planning';
import { PlatformModule } from '@ruamjai/platform';
import {
  htcdsCsv,
  renderPdf,
  renderXlsx,
  ReportBuilder,
  ReportingModule,
  type FiscalQuarter,
  type ReportDocument,
} from '@ruamjai/reporting';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

export const REPORT_USAGE = `  npm run cli -- report action-plan <planId> [--format pdf|json] [--as-of <ISO time>] [--out <file>]
  npm run cli -- report quarterly-progress <planId> --quarter <1-4> [--format pdf|xlsx|json] [--as-of …] [--out …]
  npm run cli -- report fund <planId> [--format pdf|xlsx|json] [--as-of …] [--out …]
  npm run cli -- report case-statistics [--province TH-27] [--format pdf|xlsx|json] [--as-of …] [--out …]
  npm run cli -- report htcds [--province TH-27] [--format csv|json] [--as-of …] [--out …]`;

export class ReportUsageError extends Error {}

/** The CLI reads as an auditor would: everything, and any point in the past. */
/**
 * The operator on the machine that holds the data reads a plan's reports as a national auditor (any
 * province's plan), and case reports as an auditor of the province they are for.
 */
const cliReader = (province: string): Actor => ({ id: 'cli', agency: 'CLI', role: 'auditor', province });
const CLI_PLAN_READER = (province: string): Actor => ({ ...cliReader(province), role: 'national_auditor' });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Builds one report from the store in DATA_DIR (or DATABASE_URL) and writes it to a file; returns the file and its log position. */
export async function runReport(
  config: AppConfig,
  args: string[],
): Promise<{ file: string; position: string; reproduceAsOf: string | null }> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      'as-of': { type: 'string' },
      out: { type: 'string' },
      quarter: { type: 'string' },
      province: { type: 'string' },
    },
  });
  const [kind, planId] = positionals;
  const asOf = values['as-of'] ? new Date(values['as-of']) : undefined;
  if (asOf && Number.isNaN(asOf.getTime()))
    throw new ReportUsageError('--as-of must be an ISO 8601 time, e.g. 2019-09-30T00:00:00Z');
  const needsPlan = kind === 'action-plan' || kind === 'quarterly-progress' || kind === 'fund';
  if (needsPlan && (!planId || !UUID.test(planId))) throw new ReportUsageError(`report ${kind} needs a plan id`);
  const province = values.province ?? config.deploymentProvince;
  if (!/^TH-\d{2}$/.test(province)) throw new ReportUsageError('--province must look like TH-27');

  @Module({
    imports: [
      PlatformModule.forRoot({
        app: 'cli',
        config,
        projections: [...planningProjections, ...casesProjections],
        migrations: [planningMigrations, casesMigrations],
        runProjections: false,
      }),
      ReportingModule,
    ],
  })
  class ReportModule {}
  const app = await NestFactory.createApplicationContext(ReportModule, { logger: false });
  try {
    const reports = app.get(ReportBuilder);
    const builtAt = reports.now();
    const render = async (
      document: ReportDocument,
      data: unknown,
      formats: readonly string[],
    ): Promise<{ body: Buffer | string; ext: string; document: ReportDocument }> => {
      const format = values.format ?? formats[0];
      if (!formats.includes(format)) throw new ReportUsageError(`--format must be one of ${formats.join(', ')}`);
      if (format === 'json') return { body: `${JSON.stringify(data, null, 2)}\n`, ext: 'json', document };
      return {
        body: format === 'pdf' ? await renderPdf(document, builtAt) : await renderXlsx(document, builtAt),
        ext: format,
        document,
      };
    };
    let out: { body: Buffer | string; ext: string; document: ReportDocument } | undefined;
    let name: string;
    switch (kind) {
      case 'action-plan': {
        const document = await reports.planDocument(CLI_PLAN_READER(province), planId, asOf);
        out = await render(document, document, ['pdf', 'json']);
        name = `action-plan-${planId}`;
        break;
      }
      case 'quarterly-progress': {
        const quarter = Number(values.quarter);
        if (![1, 2, 3, 4].includes(quarter))
          throw new ReportUsageError('--quarter must be 1, 2, 3 or 4 (October–December is 1)');
        const { data, document } = await reports.quarterly(
          CLI_PLAN_READER(province),
          planId,
          quarter as FiscalQuarter,
          asOf,
        );
        out = await render(document, data, ['pdf', 'xlsx', 'json']);
        name = `quarterly-progress-${data.fiscalYear}-q${quarter}-${planId}`;
        break;
      }
      case 'fund': {
        const { data, document } = await reports.fund(CLI_PLAN_READER(province), planId, asOf);
        out = await render(document, data, ['pdf', 'xlsx', 'json']);
        name = `fund-${planId}`;
        break;
      }
      case 'case-statistics': {
        const { data, document } = await reports.caseStatistics(cliReader(province), province, asOf);
        out = await render(document, data, ['pdf', 'xlsx', 'json']);
        name = 'case-statistics';
        break;
      }
      case 'htcds': {
        const data = await reports.htcds(cliReader(province), province, asOf);
        const format = values.format ?? 'csv';
        if (format !== 'csv' && format !== 'json') throw new ReportUsageError('--format must be csv or json');
        const file = values.out ?? `htcds-cases.${format}`;
        writeFileSync(file, format === 'csv' ? htcdsCsv(data) : `${JSON.stringify(data, null, 2)}\n`);
        return { file, position: data.provenance.position, reproduceAsOf: data.provenance.reproduceAsOf };
      }
      default:
        throw new ReportUsageError(
          kind
            ? `unknown report ${kind}`
            : 'which report? action-plan, quarterly-progress, fund, case-statistics or htcds',
        );
    }
    const file = values.out ?? `${name}.${out.ext}`;
    writeFileSync(file, out.body);
    return { file, position: out.document.provenance.position, reproduceAsOf: out.document.provenance.reproduceAsOf };
  } finally {
    await app.close();
  }
}
