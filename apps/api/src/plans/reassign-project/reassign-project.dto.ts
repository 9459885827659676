import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { AGENCY_CODE, AGENCY_MESSAGE, AgencyCodesField, AmendmentReason } from '../plan-fields';

export class ReassignProjectDto extends AmendmentReason {
  @ApiProperty({ example: 'IMM-SK' }) @Matches(AGENCY_CODE, { message: AGENCY_MESSAGE }) leadAgencyCode!: string;
  @AgencyCodesField('Agencies taking part; unchanged when left out') participatingAgencyCodes?: string[];
}
