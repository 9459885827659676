import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsISO8601, Matches } from 'class-validator';

export class RecordConsentDto {
  @ApiProperty({ example: '2019-05-02' }) @IsISO8601({ strict: true }) @Matches(/^\d{4}-\d{2}-\d{2}$/) givenOn!: string;
  @ApiProperty({ enum: ['share_with_agencies'] }) @IsIn(['share_with_agencies']) scope!: 'share_with_agencies';
}
