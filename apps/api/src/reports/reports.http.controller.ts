import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@ruamjai/kernel';
import { htcdsCsv, renderPdf, renderXlsx, ReportBuilder, type ReportDocument } from '@ruamjai/reporting';
import type { FastifyReply } from 'fastify';
import { CurrentActor } from '../http/command-http';
import { uuidParam } from '../http/uuid-param';
import { CaseReportQueryDto, QuarterlyQueryDto, ReportQueryDto } from './report-query.dto';

const TYPES = { pdf: 'application/pdf', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', csv: 'text/csv; charset=utf-8' } as const;
const asOfOf = (query: ReportQueryDto) => (query.asOf ? new Date(query.asOf) : undefined);

/**
 * The subcommittee's papers, downloadable: the action plan, quarterly progress, the Fund report,
 * case statistics and the HTCDS export. Each names the log position it was built from (also in
 * X-Ruamjai-Report-Position) and the asOf that builds it again.
 */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('api/v1')
export class ReportsController {
  constructor(private readonly reports: ReportBuilder) {}

  private async send(reply: FastifyReply, name: string, format: 'pdf' | 'xlsx' | 'json' | 'csv', document: ReportDocument, data: unknown): Promise<unknown> {
    void reply.header('X-Ruamjai-Report-Position', document.provenance.position);
    if (document.provenance.reproduceAsOf) void reply.header('X-Ruamjai-Report-As-Of', document.provenance.reproduceAsOf);
    if (format === 'json') return data;
    const builtAt = this.reports.now();
    const body = format === 'pdf' ? await renderPdf(document, builtAt) : await renderXlsx(document, builtAt);
    void reply.header('content-type', TYPES[format]).header('content-disposition', `attachment; filename="${name}.${format}"`);
    return body;
  }

  @Get('plans/:planId/reports/action-plan')
  @ApiProduces('application/pdf', 'application/json')
  @ApiOkResponse({ description: 'แผนปฏิบัติการจังหวัด (PDF) / The provincial action plan document' })
  async actionPlan(@Param('planId', uuidParam('planId')) planId: string, @Query() query: ReportQueryDto, @CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply): Promise<unknown> {
    const document = await this.reports.planDocument(actor, planId, asOfOf(query));
    const format = query.format === 'json' ? 'json' : 'pdf';
    return this.send(reply, `action-plan-${planId}`, format, document, document);
  }

  @Get('plans/:planId/reports/quarterly-progress')
  @ApiProduces('application/pdf', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/json')
  @ApiOkResponse({ description: 'รายงานผลการดำเนินงานรายไตรมาส / Quarterly progress: planned vs done, budget execution, KPIs' })
  async quarterly(@Param('planId', uuidParam('planId')) planId: string, @Query() query: QuarterlyQueryDto, @CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply): Promise<unknown> {
    const { data, document } = await this.reports.quarterly(actor, planId, query.quarter, asOfOf(query));
    const format = query.format === 'xlsx' || query.format === 'json' ? query.format : 'pdf';
    return this.send(reply, `quarterly-progress-${data.fiscalYear}-q${data.quarter}-${planId}`, format, document, data);
  }

  @Get('plans/:planId/reports/fund')
  @ApiProduces('application/pdf', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/json')
  @ApiOkResponse({ description: 'รายงานกองทุนฯ / Fund requests, decisions and disbursements per project' })
  async fund(@Param('planId', uuidParam('planId')) planId: string, @Query() query: ReportQueryDto, @CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply): Promise<unknown> {
    const { data, document } = await this.reports.fund(actor, planId, asOfOf(query));
    const format = query.format === 'xlsx' || query.format === 'json' ? query.format : 'pdf';
    return this.send(reply, `fund-${planId}`, format, document, data);
  }

  @Get('reports/case-statistics')
  @ApiProduces('application/pdf', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/json')
  @ApiOkResponse({ description: 'สถิติคดี ไม่ระบุตัวบุคคล / De-identified case statistics under the small-count rule' })
  async caseStatistics(@Query() query: CaseReportQueryDto, @CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply): Promise<unknown> {
    const { data, document } = await this.reports.caseStatistics(actor, query.provinceCode ?? 'TH-27', asOfOf(query));
    const format = query.format === 'xlsx' || query.format === 'json' ? query.format : 'pdf';
    return this.send(reply, 'case-statistics', format, document, data);
  }

  @Get('reports/htcds')
  @ApiProduces('text/csv', 'application/json')
  @ApiOkResponse({ description: 'ข้อมูลคดีตามมาตรฐาน HTCDS (k-anonymised) / Cases under IOM HTCDS field names, k-anonymised' })
  async htcds(@Query() query: CaseReportQueryDto, @CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply): Promise<unknown> {
    const data = await this.reports.htcds(actor, query.provinceCode ?? 'TH-27', asOfOf(query));
    void reply.header('X-Ruamjai-Report-Position', data.provenance.position);
    if (data.provenance.reproduceAsOf) void reply.header('X-Ruamjai-Report-As-Of', data.provenance.reproduceAsOf);
    if (query.format !== 'csv') return data;
    void reply.header('content-type', TYPES.csv).header('content-disposition', 'attachment; filename="htcds-cases.csv"');
    return htcdsCsv(data);
  }
}
