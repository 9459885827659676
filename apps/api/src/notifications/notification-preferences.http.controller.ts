import { Body, Get, Param, Put } from '@nestjs/common';
import type { CommandContext } from '@ruamjai/event-store';
import { ApiHeader, ApiOkResponse } from '@nestjs/swagger';
import { UserAccounts, UserNotFound, UserNotPermitted } from '@ruamjai/identity';
import type { Actor } from '@ruamjai/kernel';
import { CurrentActor, etagOf, UpdateCommand, writtenAnswer } from '../http/command-http';
import { validUsername } from '../http/username-param';
import { NotificationPreferencesAnswerDto, NotificationPreferencesDto } from './notifications.dto';
import { REPLY_HEADERS, withReplyHeaders } from '../http/reply-headers';
import { ApiController } from '../http/controllers';

/**
 * How a person hears of things: the bell, a work e-mail address, a daily digest. Read and set by the
 * person, or by the secretariat for them; each change is an event on the account, with If-Match.
 */
@ApiController('notifications', 'api/v1/users/:username/notification-preferences')
export class NotificationPreferencesController {
  constructor(private readonly accounts: UserAccounts) {}

  @Get()
  @ApiOkResponse({ type: NotificationPreferencesAnswerDto })
  async get(@Param('username') name: string, @CurrentActor() actor: Actor): Promise<NotificationPreferencesAnswerDto> {
    const who = validUsername(name);
    if (actor.id !== who && actor.role !== 'coordinator')
      throw new UserNotPermitted("read another person's notification settings");
    const { user, revision } = await this.accounts.load(who);
    if (!user) throw new UserNotFound(who);
    return withReplyHeaders(
      { username: who, revision: revision.toString(), ...user.notifications },
      { ETag: etagOf(revision) },
    );
  }

  @Put()
  @ApiHeader({ name: 'If-Match', required: true })
  @ApiOkResponse({ type: NotificationPreferencesAnswerDto })
  async set(
    @Param('username') name: string,
    @Body() body: NotificationPreferencesDto,
    @UpdateCommand() context: CommandContext,
  ): Promise<NotificationPreferencesAnswerDto> {
    const who = validUsername(name);
    const outcome = await this.accounts.setNotificationPreferences(
      who,
      { inConsole: body.inConsole, email: body.email, dailyDigest: body.dailyDigest },
      context,
    );
    // The settings as recorded (the address as the decider kept it), from the event just written.
    const set = outcome.events.find((e) => e.type === 'UserNotificationPreferencesSet');
    if (set?.type !== 'UserNotificationPreferencesSet')
      throw new Error('SetNotificationPreferences recorded no UserNotificationPreferencesSet');
    const { inConsole, email, dailyDigest } = set.data;
    const { revision, [REPLY_HEADERS]: headers } = writtenAnswer(outcome);
    return withReplyHeaders({ username: who, revision, inConsole, email, dailyDigest }, headers);
  }
}
