import { Module } from '@nestjs/common';
import { ReportBuilder } from './application/report-builder';

/** The subcommittee's reports, built from the log and the read models. */
@Module({ providers: [ReportBuilder], exports: [ReportBuilder] })
export class ReportingModule {}
