import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsObject, ValidateNested } from 'class-validator';
import { PersonDto } from '../open-case/open-case.dto';

export class UpdatePersonalDataDto {
  @ApiProperty({ type: PersonDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => PersonDto)
  person!: PersonDto;
}
