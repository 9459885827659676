import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { uuidParam } from '../http/uuid-param';
import { AddProjectDto } from '../plans/add-project/add-project.dto';

/**
 * The benchmark's floor: the same route shape, guards, validation and filters as adding a project,
 * with no command behind it. Mounted only when BENCH_ROUTES is set by `npm run bench`.
 */
@ApiExcludeController()
@Controller('api/v1/_bench/plans/:planId/projects')
export class BenchController {
  @Post()
  @HttpCode(201)
  noop(@Param('planId', uuidParam('planId')) planId: string, @Body() body: AddProjectDto) {
    return { planId, titleTh: body.titleTh };
  }
}
