import { Body, Controller, Get, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  EVENT_STORE,
  StreamNotFound,
  type CommandOutcome,
  type EventStore,
  type CommandContext,
} from '@ruamjai/event-store';
import {
  listUsers,
  UserAccounts,
  UserNotFound,
  UserNotPermitted,
  userStreamId,
  type UserEvent,
  type UserView,
} from '@ruamjai/identity';
import type { Actor, EventMetadata } from '@ruamjai/kernel';
import { READ_MODEL_DB, type ReadModelDb } from '@ruamjai/read-models';
import type { FastifyRequest } from 'fastify';
import { CreateCommand, CurrentActor, UpdateCommand, writtenAnswer } from '../../http/command-http';
import { ReadYourWrites } from '../../http/read-your-writes';
import { validUsername } from '../../http/username-param';
import { ChangeUserRoleDto, DeactivateUserDto, RegisterUserDto, UserCommandAnswerDto } from '../auth.dto';
import { VIEWS } from '../../http/views';
import { withReplyHeaders } from '../../http/reply-headers';

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

/**
 * The centre's user directory, kept by the secretariat: add people (answering with their one-time
 * password), change a role or agency, reset a password, deactivate. Each change ends the person's
 * sessions at once. Auditors and the secretariat read an account's history (sign-ins, failures,
 * lockouts, role changes).
 */
@ApiTags('users')
@ApiBearerAuth()
@Controller('api/v1/users')
export class UsersController {
  constructor(
    private readonly accounts: UserAccounts,
    private readonly consistency: ReadYourWrites,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    @Inject(EVENT_STORE) private readonly store: EventStore,
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
    const users = await listUsers(this.db);
    // How each person hears of things (their work e-mail among it) is theirs and the secretariat's,
    // as on the preferences route: auditors read the directory without it.
    return { users: actor.role === 'coordinator' ? users : users.map(({ notifications: _, ...user }) => user) };
  }

  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({
    type: UserCommandAnswerDto,
    description: 'เพิ่มผู้ใช้แล้ว พร้อมรหัสผ่านใช้ครั้งเดียว / Added, with a one-time password',
  })
  async register(
    @Body() body: RegisterUserDto,
    @CreateCommand() context: CommandContext,
  ): Promise<UserCommandAnswerDto> {
    const { outcome, oneTimePassword } = await this.accounts.register(body, context);
    return { ...written(outcome, body.username), oneTimePassword };
  }

  @Post(':username/role-changes')
  @HttpCode(201)
  @ApiHeader({ name: 'If-Match', required: true })
  @ApiCreatedResponse({ type: UserCommandAnswerDto })
  async changeRole(
    @Param('username') name: string,
    @Body() body: ChangeUserRoleDto,
    @UpdateCommand() context: CommandContext,
  ): Promise<UserCommandAnswerDto> {
    const outcome = await this.accounts.changeRole(validUsername(name), body, context);
    return written(outcome, name);
  }

  @Post(':username/password-reset')
  @HttpCode(201)
  @ApiHeader({ name: 'If-Match', required: true })
  @ApiCreatedResponse({ type: UserCommandAnswerDto, description: 'รหัสผ่านใช้ครั้งเดียวใหม่ / A new one-time password' })
  async resetPassword(
    @Param('username') name: string,
    @UpdateCommand() context: CommandContext,
  ): Promise<UserCommandAnswerDto> {
    const { outcome, oneTimePassword } = await this.accounts.resetPassword(validUsername(name), context);
    return { ...written(outcome, name), oneTimePassword };
  }

  @Post(':username/deactivation')
  @HttpCode(201)
  @ApiHeader({ name: 'If-Match', required: true })
  @ApiCreatedResponse({ type: UserCommandAnswerDto })
  async deactivate(
    @Param('username') name: string,
    @Body() body: DeactivateUserDto,
    @UpdateCommand() context: CommandContext,
  ): Promise<UserCommandAnswerDto> {
    const outcome = await this.accounts.deactivate(validUsername(name), body.reason, context);
    return written(outcome, name);
  }

  @Get(':username/history')
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
    return { username: name, entries };
  }
}

/** A change to an account: its revision and position, in the body and in the headers; never cached (a one-time password may be in it). */
function written(outcome: CommandOutcome<UserEvent>, name: string): UserCommandAnswerDto {
  return withReplyHeaders({ username: name, ...writtenAnswer(outcome) }, { 'Cache-Control': 'no-store' });
}
