import { Get, Query, Req } from '@nestjs/common';
import { ApiOkResponse, ApiProduces } from '@nestjs/swagger';
import type { Actor } from '@ruamjai/kernel';
import { NationalRollupReads, type RollupCount, type RollupView } from '@ruamjai/reporting';
import type { FastifyRequest } from 'fastify';
import { CurrentActor } from '../http/command-http';
import { ApiController } from '../http/controllers';
import { toCsv } from '../http/csv';
import { ReadYourWrites } from '../http/read-your-writes';
import { Download } from '../http/reply-headers';
import { VIEWS } from '../http/views';
import { NationalRollupDto, NationalRollupQueryDto } from './national-rollup.dto';

const COLUMNS = [
  'province_code',
  'name_th',
  'name_en',
  'plan_status',
  'budget_baht',
  'fund_requested_baht',
  'fund_approved_baht',
  'fund_disbursed_baht',
  'spent_baht',
  'activities_planned',
  'activities_done',
  'cases_opened',
  'cases_open',
  'victims_identified',
  'referrals_open',
  'referrals_overdue',
] as const;

type Row = RollupView['provinces'][number] | (NonNullable<RollupView['national']> & { national: true });

/** A withheld count in a spreadsheet: "<5" when small, else the same word the console shows. */
const countCell = (c: RollupCount): string | number =>
  c.count !== null ? c.count : c.fewerThan ? `<${c.fewerThan}` : 'ไม่เปิดเผย (withheld)';
const baht = (satang: number) => (satang / 100).toFixed(2);

/**
 * The national roll-up of a fiscal year: one row per province and the national row, plan money and
 * progress as they stand, counts of cases and referrals under the small-count rule. National roles
 * read every province (or one, with the national row beside it); a province's people read their own
 * province's row, the same cells the country sees, and are refused another's.
 */
@ApiController('dashboards', 'api/v1/dashboards')
export class NationalRollupController {
  constructor(
    private readonly rollups: NationalRollupReads,
    private readonly consistency: ReadYourWrites,
  ) {}

  @Get('national')
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    type: NationalRollupDto,
    description:
      'ภาพรวมระดับประเทศรายจังหวัดต่อปีงบประมาณ (ปิดบังจำนวนน้อย) / National roll-up per province for a fiscal year; small counts withheld',
  })
  async national(
    @Query() query: NationalRollupQueryDto,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
  ): Promise<RollupView | Download> {
    await this.consistency.await(request, VIEWS.nationalRollup);
    const view = await this.rollups.read(actor, query.fiscalYear, query.province);
    if (query.format !== 'csv') return view;
    const rows: Row[] = [...view.provinces, ...(view.national ? [{ ...view.national, national: true as const }] : [])];
    const csv = toCsv(COLUMNS, rows, (row, column) => {
      const national = 'national' in row;
      switch (column) {
        case 'province_code':
          return national ? 'TH' : row.provinceCode;
        case 'name_th':
          return national ? 'รวมทั้งประเทศ' : row.nameTh;
        case 'name_en':
          return national ? 'National total' : row.nameEn;
        case 'plan_status':
          return national
            ? row.planStatuses.map((s) => `${s.status}: ${s.plans}`).join('; ')
            : row.plans.map((p) => p.status).join('; ');
        case 'budget_baht':
          return baht(row.budgetSatang);
        case 'fund_requested_baht':
          return baht(row.fundRequestedSatang);
        case 'fund_approved_baht':
          return baht(row.fundApprovedSatang);
        case 'fund_disbursed_baht':
          return baht(row.fundDisbursedSatang);
        case 'spent_baht':
          return baht(row.spentSatang);
        case 'activities_planned':
          return row.activitiesPlanned;
        case 'activities_done':
          return row.activitiesDone;
        case 'cases_opened':
          return countCell(row.casesOpened);
        case 'cases_open':
          return countCell(row.casesOpen);
        case 'victims_identified':
          return countCell(row.victimsIdentified);
        case 'referrals_open':
          return countCell(row.referralsOpen);
        case 'referrals_overdue':
          return countCell(row.referralsOverdue);
        default: {
          const _: never = column;
          return _;
        }
      }
    });
    return new Download(csv, 'text/csv; charset=utf-8', `national-rollup-${view.fiscalYear}.csv`);
  }
}
