import { Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse } from '@nestjs/swagger';
import type { Actor } from '@ruamjai/kernel';
import { ConsoleInbox, NotificationNotFound } from '@ruamjai/notifications';
import { CurrentActor } from '../http/command-http';
import { uuidParam } from '../http/uuid-param';
import { InboxDto, InboxQueryDto, MarkedDto } from './notifications.dto';
import { ApiController } from '../http/controllers';

/**
 * The bell: the signed-in person's notices (a referral for their agency, an overdue one, a plan to
 * approve, a commitment due…), newest first with the unread count, and marking them read. Each person
 * sees and marks only their own.
 */
@ApiController('notifications', 'api/v1/me/notifications')
export class MyNotificationsController {
  constructor(private readonly inbox: ConsoleInbox) {}

  @Get()
  @ApiOkResponse({ type: InboxDto, description: 'การแจ้งเตือนของท่าน / Your notices' })
  async list(@Query() query: InboxQueryDto, @CurrentActor() actor: Actor): Promise<InboxDto> {
    return this.inbox.list(actor.id, { limit: query.limit ?? 50, unreadOnly: query.unread === 'true' });
  }

  @Post(':notificationId/read')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'อ่านแล้ว / Marked read (again is fine)' })
  async markRead(
    @Param('notificationId', uuidParam('notificationId')) id: string,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    if ((await this.inbox.markRead(actor.id, id)) === 0 && !(await this.inbox.has(actor.id, id)))
      throw new NotificationNotFound(id);
  }

  @Post('read')
  @HttpCode(200)
  @ApiOkResponse({ type: MarkedDto, description: 'อ่านทั้งหมดแล้ว / Every notice marked read' })
  async markAllRead(@CurrentActor() actor: Actor): Promise<MarkedDto> {
    return { marked: await this.inbox.markRead(actor.id) };
  }
}
