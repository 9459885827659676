import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, Matches, Max, Min } from 'class-validator';
import { Omittable } from '../http/omittable';

export class ReportQueryDto {
  @ApiPropertyOptional({
    enum: ['pdf', 'xlsx', 'json', 'csv'],
    description: 'pdf (Thai, Sarabun embedded), xlsx (B.E. dates, baht), json; csv for the HTCDS export',
  })
  @Omittable()
  @IsIn(['pdf', 'xlsx', 'json', 'csv'])
  format?: 'pdf' | 'xlsx' | 'json' | 'csv';

  @ApiPropertyOptional({
    description:
      'Build the report from the log as it stood at this time (ISO 8601): every report names the asOf that reproduces it',
  })
  @Omittable()
  @IsISO8601({ strict: true })
  asOf?: string;
}

export class QuarterlyQueryDto extends ReportQueryDto {
  @ApiPropertyOptional({
    minimum: 1,
    maximum: 4,
    description: 'Fiscal quarter: 1 = October–December, 4 = July–September',
  })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(4)
  quarter!: 1 | 2 | 3 | 4;
}

export class CaseReportQueryDto extends ReportQueryDto {
  @ApiPropertyOptional({ example: 'TH-27', default: 'TH-27' })
  @Omittable()
  @Matches(/^TH-\d{2}$/, { message: 'provinceCode must look like TH-27' })
  provinceCode?: string;
}
