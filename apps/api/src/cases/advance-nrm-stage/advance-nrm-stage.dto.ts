import { ApiProperty } from '@nestjs/swagger';
import { NRM_STAGES, type NrmStage } from '@ruamjai/cases';
import { IsIn } from 'class-validator';

export class AdvanceNrmStageDto {
  @ApiProperty({ enum: NRM_STAGES }) @IsIn(NRM_STAGES) stage!: NrmStage;
}
