import { ApiProperty } from '@nestjs/swagger';
import { CLOSURE_OUTCOMES, type ClosureOutcome } from '@ruamjai/cases';
import { IsIn } from 'class-validator';

export class CloseCaseDto {
  @ApiProperty({ enum: CLOSURE_OUTCOMES }) @IsIn(CLOSURE_OUTCOMES) outcome!: ClosureOutcome;
}
