import { Body, Controller, Get, Param, Put, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { UserAccounts, UserNotFound, UserNotPermitted } from '@ruamjai/identity';
import type { Actor } from '@ruamjai/kernel';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CommandHttp, CurrentActor, etagOf } from '../http/command-http';
import { validUsername } from '../http/username-param';
import { NotificationPreferencesAnswerDto, NotificationPreferencesDto } from './notifications.dto';

/**
 * How a person hears of things: the bell, a work e-mail address, a daily digest. Read and set by the
 * person, or by the secretariat for them; each change is an event on the account, with If-Match.
 */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('api/v1/users/:username/notification-preferences')
export class NotificationPreferencesController {
  constructor(
    private readonly accounts: UserAccounts,
    private readonly commands: CommandHttp,
  ) {}

  @Get()
  @ApiOkResponse({ type: NotificationPreferencesAnswerDto })
  async get(@Param('username') name: string, @CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply): Promise<NotificationPreferencesAnswerDto> {
    const who = validUsername(name);
    if (actor.id !== who && actor.role !== 'coordinator') throw new UserNotPermitted("read another person's notification settings");
    const { user, revision } = await this.accounts.load(who);
    if (!user) throw new UserNotFound(who);
    void reply.header('ETag', etagOf(revision));
    return { username: who, revision: revision.toString(), ...user.notifications };
  }

  @Put()
  @ApiHeader({ name: 'If-Match', required: true })
  @ApiOkResponse({ type: NotificationPreferencesAnswerDto })
  async set(
    @Param('username') name: string,
    @Body() body: NotificationPreferencesDto,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<NotificationPreferencesAnswerDto> {
    const who = validUsername(name);
    const outcome = await this.accounts.setNotificationPreferences(who, { inConsole: body.inConsole, email: body.email, dailyDigest: body.dailyDigest }, this.commands.context(request, actor, { kind: 'update' }));
    void reply.header('ETag', etagOf(outcome.revision));
    void reply.header('X-Ruamjai-Position', outcome.position.toString());
    // The settings as recorded (the address as the decider kept it), from the event just written.
    const set = outcome.events.find((e) => e.type === 'UserNotificationPreferencesSet');
    if (set?.type !== 'UserNotificationPreferencesSet') throw new Error('SetNotificationPreferences recorded no UserNotificationPreferencesSet');
    const { inConsole, email, dailyDigest } = set.data;
    return { username: who, revision: outcome.revision.toString(), inConsole, email, dailyDigest };
  }
}
