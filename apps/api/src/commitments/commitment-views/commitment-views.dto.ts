import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsUUID, Matches } from 'class-validator';
import { Omittable } from '../../http/omittable';

export class CommitmentsQueryDto {
  @ApiPropertyOptional({ example: 'SHELTER-SK' }) @Omittable() @Matches(/^[A-Z0-9][A-Z0-9-]{1,63}$/) agency?: string;
  @ApiPropertyOptional({ enum: ['true', 'false'] }) @Omittable() @IsIn(['true', 'false']) overdue?: string;
  @ApiPropertyOptional() @Omittable() @IsUUID() caseId?: string;
  @ApiPropertyOptional() @Omittable() @Matches(/^\d{1,19}$/) minPosition?: string;
}
