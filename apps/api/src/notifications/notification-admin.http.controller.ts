import { Body, Delete, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse } from '@nestjs/swagger';
import { CLOCK, type Actor, type Clock } from '@ruamjai/kernel';
import {
  DeadLetters,
  DeliveryNotDead,
  NotificationNotFound,
  NotificationsNotPermitted,
  SubscriptionDirectory,
} from '@ruamjai/notifications';
import { CurrentActor } from '../http/command-http';
import { uuidParam } from '../http/uuid-param';
import { RequestValidationError } from '../http/validation';
import { DeadLetterDto, WebhookSubscriptionDto, WebhookSubscriptionViewDto } from './notifications.dto';
import { ApiController } from '../http/controllers';

function coordinatorOnly(actor: Actor, what: { th: string; en: string }): void {
  if (actor.role !== 'coordinator') throw new NotificationsNotPermitted(what);
}

/**
 * The secretariat's side of notifications: the gateways (LINE, SMS) that receive signed webhooks, and
 * the dead-letter list of deliveries that ran out of attempts, each of which can be sent again.
 */
@ApiController('notifications', 'api/v1/notifications')
export class NotificationAdminController {
  constructor(
    private readonly deadLetterList: DeadLetters,
    private readonly subscriptions: SubscriptionDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('dead-letters')
  @ApiOkResponse({ type: [DeadLetterDto], description: 'การส่งที่ไม่สำเร็จ / Deliveries that ran out of attempts' })
  async deadLetters(@CurrentActor() actor: Actor): Promise<{ deadLetters: DeadLetterDto[] }> {
    coordinatorOnly(actor, { th: 'ดูรายการส่งไม่สำเร็จ', en: 'read the dead-letter list' });
    return { deadLetters: await this.deadLetterList.list() };
  }

  @Post('dead-letters/:deliveryId/replay')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'ส่งใหม่แล้ว / Queued to be sent again' })
  async replay(@Param('deliveryId', uuidParam('deliveryId')) id: string, @CurrentActor() actor: Actor): Promise<void> {
    coordinatorOnly(actor, { th: 'ส่งการแจ้งเตือนใหม่', en: 'replay a delivery' });
    if (await this.deadLetterList.replay(id)) return;
    throw (await this.deadLetterList.exists(id)) ? new DeliveryNotDead(id) : new NotificationNotFound(id);
  }

  @Get('webhooks')
  @ApiOkResponse({ type: [WebhookSubscriptionViewDto] })
  async webhooks(@CurrentActor() actor: Actor): Promise<{ webhooks: WebhookSubscriptionViewDto[] }> {
    coordinatorOnly(actor, { th: 'ดูช่องทางเว็บฮุก', en: 'read the webhook subscriptions' });
    const all = await this.subscriptions.list();
    return {
      webhooks: all
        .filter((s) => s.channel === 'webhook')
        .map((s) => ({ subscriptionId: s.subscriptionId, agency: s.agency, role: s.role, url: s.address })),
    };
  }

  @Post('webhooks')
  @HttpCode(201)
  @ApiCreatedResponse({ type: WebhookSubscriptionViewDto, description: 'เพิ่มหรือแก้ไขแล้ว / Added or replaced' })
  async subscribe(
    @Body() body: WebhookSubscriptionDto,
    @CurrentActor() actor: Actor,
  ): Promise<WebhookSubscriptionViewDto> {
    coordinatorOnly(actor, { th: 'เพิ่มช่องทางเว็บฮุก', en: 'add a webhook subscription' });
    await this.subscriptions.subscribe(
      {
        subscriptionId: body.subscriptionId,
        agency: body.agency,
        role: body.role,
        channel: 'webhook',
        address: body.url,
        secret: body.secret,
      },
      this.clock.now(),
    );
    return { subscriptionId: body.subscriptionId, agency: body.agency, role: body.role, url: body.url };
  }

  @Delete('webhooks/:subscriptionId')
  @HttpCode(204)
  async unsubscribe(@Param('subscriptionId') id: string, @CurrentActor() actor: Actor): Promise<void> {
    coordinatorOnly(actor, { th: 'ลบช่องทางเว็บฮุก', en: 'remove a webhook subscription' });
    if (!/^[a-z0-9][a-z0-9-]{2,63}$/.test(id))
      throw new RequestValidationError([
        { field: 'subscriptionId', problems: [{ th: 'รหัสไม่ถูกต้อง', en: 'subscriptionId is not valid' }] },
      ]);
    if (!(await this.subscriptions.unsubscribe(id))) throw new NotificationNotFound(id);
  }
}
