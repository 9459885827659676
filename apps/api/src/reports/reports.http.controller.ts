import { Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiProduces } from '@nestjs/swagger';
import type { Actor } from '@ruamjai/kernel';
import { htcdsCsv, renderPdf, renderXlsx, ReportBuilder, type ReportDocument } from '@ruamjai/reporting';
import { CurrentActor } from '../http/command-http';
import { uuidParam } from '../http/uuid-param';
import { CaseReportQueryDto, QuarterlyQueryDto, ReportQueryDto } from './report-query.dto';
import { Download, withReplyHeaders } from '../http/reply-headers';
import { ApiController } from '../http/controllers';

const TYPES = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;
const asOfOf = (query: ReportQueryDto) => (query.asOf ? new Date(query.asOf) : undefined);
/** The log position a report was built from, and the asOf that builds it again. */
const provenanceHeaders = (provenance: {
  position: string;
  reproduceAsOf?: string | null;
}): Record<string, string> => ({
  'X-Ruamjai-Report-Position': provenance.position,
  ...(provenance.reproduceAsOf ? { 'X-Ruamjai-Report-As-Of': provenance.reproduceAsOf } : {}),
});

/**
 * The subcommittee's papers, downloadable: the action plan, quarterly progress, the Fund report,
 * case statistics and the HTCDS export. Each names the log position it was built from (also in
 * X-Ruamjai-Report-Position) and the asOf that builds it again.
 */
@ApiController('reports', 'api/v1')
export class ReportsController {
  constructor(private readonly reports: ReportBuilder) {}

  private async send(
    name: string,
    format: 'pdf' | 'xlsx' | 'json',
    document: ReportDocument,
    data: object,
  ): Promise<object> {
    const headers = provenanceHeaders(document.provenance);
    if (format === 'json') return withReplyHeaders(data, headers);
    const builtAt = this.reports.now();
    const body = format === 'pdf' ? await renderPdf(document, builtAt) : await renderXlsx(document, builtAt);
    return new Download(body, TYPES[format], `${name}.${format}`, headers);
  }

  @Get('plans/:planId/reports/action-plan')
  @ApiProduces('application/pdf', 'application/json')
  @ApiOkResponse({ description: 'แผนปฏิบัติการจังหวัด (PDF) / The provincial action plan document' })
  async actionPlan(
    @Param('planId', uuidParam('planId')) planId: string,
    @Query() query: ReportQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<object> {
    const document = await this.reports.planDocument(actor, planId, asOfOf(query));
    const format = query.format === 'json' ? 'json' : 'pdf';
    return this.send(`action-plan-${planId}`, format, document, document);
  }

  @Get('plans/:planId/reports/quarterly-progress')
  @ApiProduces(
    'application/pdf',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/json',
  )
  @ApiOkResponse({
    description: 'รายงานผลการดำเนินงานรายไตรมาส / Quarterly progress: planned vs done, budget execution, KPIs',
  })
  async quarterly(
    @Param('planId', uuidParam('planId')) planId: string,
    @Query() query: QuarterlyQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<object> {
    const { data, document } = await this.reports.quarterly(actor, planId, query.quarter, asOfOf(query));
    const format = query.format === 'xlsx' || query.format === 'json' ? query.format : 'pdf';
    return this.send(`quarterly-progress-${data.fiscalYear}-q${data.quarter}-${planId}`, format, document, data);
  }

  @Get('plans/:planId/reports/fund')
  @ApiProduces(
    'application/pdf',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/json',
  )
  @ApiOkResponse({ description: 'รายงานกองทุนฯ / Fund requests, decisions and disbursements per project' })
  async fund(
    @Param('planId', uuidParam('planId')) planId: string,
    @Query() query: ReportQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<object> {
    const { data, document } = await this.reports.fund(actor, planId, asOfOf(query));
    const format = query.format === 'xlsx' || query.format === 'json' ? query.format : 'pdf';
    return this.send(`fund-${planId}`, format, document, data);
  }

  @Get('reports/case-statistics')
  @ApiProduces(
    'application/pdf',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/json',
  )
  @ApiOkResponse({ description: 'สถิติคดี ไม่ระบุตัวบุคคล / De-identified case statistics under the small-count rule' })
  async caseStatistics(@Query() query: CaseReportQueryDto, @CurrentActor() actor: Actor): Promise<object> {
    const { data, document } = await this.reports.caseStatistics(actor, query.provinceCode, asOfOf(query));
    const format = query.format === 'xlsx' || query.format === 'json' ? query.format : 'pdf';
    return this.send('case-statistics', format, document, data);
  }

  @Get('reports/htcds')
  @ApiProduces('text/csv', 'application/json')
  @ApiOkResponse({
    description: 'ข้อมูลคดีตามมาตรฐาน HTCDS (k-anonymised) / Cases under IOM HTCDS field names, k-anonymised',
  })
  async htcds(@Query() query: CaseReportQueryDto, @CurrentActor() actor: Actor): Promise<object> {
    const data = await this.reports.htcds(actor, query.provinceCode, asOfOf(query));
    const headers = provenanceHeaders(data.provenance);
    if (query.format !== 'csv') return withReplyHeaders(data, headers);
    return new Download(htcdsCsv(data), TYPES.csv, 'htcds-cases.csv', headers);
  }
}
