import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, Matches } from 'class-validator';

export class WithdrawConsentDto {
  @ApiProperty({ example: '2019-05-09' })
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  withdrawnOn!: string;
}
