import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Session } from 'node:inspector/promises';
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

/**
 * The benchmark's profiler: a CPU profile of the API's main thread over just the load it measures
 * (not the start or the set-up), through the inspector in this process. Mounted only with the floor.
 */
@ApiExcludeController()
@Controller('api/v1/_bench/profile')
export class BenchProfileController {
  private session: Session | undefined;

  @Post('start')
  @HttpCode(204)
  async start(): Promise<void> {
    this.session?.disconnect();
    this.session = new Session();
    this.session.connect();
    await this.session.post('Profiler.enable');
    await this.session.post('Profiler.setSamplingInterval', { interval: 200 });
    await this.session.post('Profiler.start');
  }

  @Post('stop')
  @HttpCode(200)
  async stop(): Promise<object> {
    if (!this.session) return {};
    const { profile } = await this.session.post('Profiler.stop');
    this.session.disconnect();
    this.session = undefined;
    return profile;
  }
}
