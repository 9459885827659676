import { ApiPropertyOptional } from '@nestjs/swagger';
import { STRATEGY_AREAS, type StrategyArea, type TargetGroup } from '@ruamjai/planning';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { Trim } from '../../http/trim';
import { DistrictCodesField, ObjectivesField, TargetGroupsField, AmendmentReason } from '../plan-fields';
import { Omittable } from '../../http/omittable';

export class ChangeProjectDto extends AmendmentReason {
  @ApiPropertyOptional() @Omittable() @Trim() @IsString() @MinLength(3) @MaxLength(500) titleTh?: string;
  @ApiPropertyOptional() @Omittable() @Trim() @IsString() @MaxLength(500) titleEn?: string;
  @ApiPropertyOptional({ enum: STRATEGY_AREAS }) @Omittable() @IsIn(STRATEGY_AREAS) strategy?: StrategyArea;
  @DistrictCodesField(false) districtCodes?: string[];
  @TargetGroupsField() targetGroups?: TargetGroup[];
  @ObjectivesField() objectives?: string[];
}
