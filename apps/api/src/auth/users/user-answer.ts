import type { CommandOutcome } from '@ruamjai/event-store';
import type { UserEvent } from '@ruamjai/identity';
import { writtenAnswer } from '../../http/command-http';
import { withReplyHeaders } from '../../http/reply-headers';
import type { UserCommandAnswerDto } from './users.dto';

/** A change to an account: its revision and position, in the body and in the headers; never cached (a one-time password may be in it). */
export function writtenUserAnswer(outcome: CommandOutcome<UserEvent>, name: string): UserCommandAnswerDto {
  return withReplyHeaders({ username: name, ...writtenAnswer(outcome) }, { 'Cache-Control': 'no-store' });
}
