import { APP_CONFIG, type AppConfig } from '@ruamjai/config';
import { Get, Inject, Param } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { EVENT_STORE, StreamNotFound, type EventStore } from '@ruamjai/event-store';
import { UserNotFound, UserNotPermitted, userStreamId, type UserEvent } from '@ruamjai/identity';
import type { Actor, EventMetadata } from '@ruamjai/kernel';
import { CurrentActor } from '../../../http/command-http';
import { validUsername } from '../../../http/username-param';
import { OperationId } from '../../../http/operation-id';
import { ApiController } from '../../../http/controllers';

/** Secrets never leave the server, not even in the audit trail's view of an account. */
const REDACTED = new Set(['passwordHash', 'sealedSecret']);

export interface UserHistoryEntry {
  readonly revision: string;
  readonly type: string;
  readonly occurredAt: string;
  readonly actor: string;
  readonly agency: string;
  readonly role: string;
  readonly reason?: string;
  readonly data: Record<string, unknown>;
}

/** Auditors and the secretariat read an account's history: sign-ins, failures, lockouts, role changes. */
@ApiController('users', 'api/v1/users')
export class UserHistoryController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get(':username/history')
  @OperationId('UsersController_history')
  @ApiOkResponse({ description: 'เข้าสู่ระบบ ล้มเหลว ถูกล็อก เปลี่ยนบทบาท / Sign-ins, failures, lockouts, role changes' })
  async history(
    @Param('username') name: string,
    @CurrentActor() actor: Actor,
  ): Promise<{ username: string; entries: UserHistoryEntry[] }> {
    if (actor.role !== 'coordinator' && actor.role !== 'auditor') throw new UserNotPermitted('read account histories');
    const entries: UserHistoryEntry[] = [];
    try {
      for await (const event of this.store.readStream(userStreamId(validUsername(name)))) {
        const meta = event.metadata as EventMetadata;
        const data = Object.fromEntries(
          Object.entries(event.data as Record<string, unknown>).filter(([key]) => !REDACTED.has(key)),
        );
        entries.push({
          revision: event.revision.toString(),
          type: (event as { type: UserEvent['type'] }).type,
          occurredAt: meta.occurredAt,
          actor: meta.actorId,
          agency: meta.agency,
          role: meta.role,
          ...(meta.reason ? { reason: meta.reason } : {}),
          data,
        });
      }
    } catch (error) {
      if (error instanceof StreamNotFound) throw new UserNotFound(name);
      throw error;
    }
    // Another province's account is answered as an unknown one (registered before provinces: the deployment's).
    const registered = entries[0]?.data as { province?: string } | undefined;
    if ((registered?.province ?? this.config.deploymentProvince) !== actor.province) throw new UserNotFound(name);
    return { username: name, entries };
  }
}
