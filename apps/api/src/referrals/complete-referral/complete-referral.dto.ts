import { ApiProperty } from '@nestjs/swagger';
import { REFERRAL_OUTCOMES, type ReferralOutcome } from '@ruamjai/cases';
import { IsIn } from 'class-validator';

export class CompleteReferralDto {
  @ApiProperty({ enum: REFERRAL_OUTCOMES }) @IsIn(REFERRAL_OUTCOMES) outcome!: ReferralOutcome;
}
