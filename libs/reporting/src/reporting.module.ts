import { Module } from '@nestjs/common';
import { NationalRollupReads } from './application/national-rollup-reads';
import { ReportBuilder } from './application/report-builder';

/** The subcommittee's reports, built from the log and the read models. */
@Module({ providers: [ReportBuilder, NationalRollupReads], exports: [ReportBuilder, NationalRollupReads] })
export class ReportingModule {}
