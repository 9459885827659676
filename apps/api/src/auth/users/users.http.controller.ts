import { APP_CONFIG, type AppConfig } from '@ruamjai/config';
import { Get, Inject, Req } from '@nestjs/common';
import { ApiOkResponse, ApiQuery } from '@nestjs/swagger';
import { listUsers, UserNotPermitted, type UserView } from '@ruamjai/identity';
import type { Actor } from '@ruamjai/kernel';
import { READ_MODEL_DB, type ReadModelDb } from '@ruamjai/read-models';
import type { FastifyRequest } from 'fastify';
import { CurrentActor } from '../../http/command-http';
import { ReadYourWrites } from '../../http/read-your-writes';
import { VIEWS } from '../../http/views';
import { ApiController } from '../../http/controllers';

/**
 * The centre's user directory, kept by the secretariat: add people (answering with their one-time
 * password), change a role or agency, reset a password, deactivate, each in its own folder here; each
 * change ends the person's sessions at once. The secretariat and auditors read the directory here, and
 * an account's history (sign-ins, failures, lockouts, role changes) in user-history/.
 */
@ApiController('users', 'api/v1/users')
export class UsersController {
  constructor(
    private readonly consistency: ReadYourWrites,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiQuery({ name: 'minPosition', required: false })
  @ApiOkResponse({ description: 'ผู้ใช้ของศูนย์ / The centre’s users' })
  async list(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
  ): Promise<{ users: Array<UserView | Omit<UserView, 'notifications'>> }> {
    if (actor.role !== 'coordinator' && actor.role !== 'auditor') throw new UserNotPermitted('read the user directory');
    await this.consistency.await(request, VIEWS.users);
    // A centre's directory is its province's people (accounts from before provinces are the deployment's).
    const users = (await listUsers(this.db))
      .map((user) => ({ ...user, province: user.province ?? this.config.deploymentProvince }))
      .filter((user) => user.province === actor.province);
    // How each person hears of things (their work e-mail among it) is theirs and the secretariat's,
    // as on the preferences route: auditors read the directory without it.
    return { users: actor.role === 'coordinator' ? users : users.map(({ notifications: _, ...user }) => user) };
  }
}
