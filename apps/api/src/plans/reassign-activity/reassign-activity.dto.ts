import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { AGENCY_CODE, AGENCY_MESSAGE, AmendmentReason } from '../plan-fields';

export class ReassignActivityDto extends AmendmentReason {
  @ApiProperty({ example: 'IMM-SK' }) @Matches(AGENCY_CODE, { message: AGENCY_MESSAGE }) responsibleAgencyCode!: string;
}
