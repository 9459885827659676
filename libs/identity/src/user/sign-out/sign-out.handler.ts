import type { Actor } from '@ruamjai/kernel';
import type { SessionStore } from '../../sessions/session-store';
import { selfActor, type UserCommands } from '../user.commands.handler';

/** The session behind a refresh token ends, and the account's history says so. */
export async function signOut(
  users: UserCommands,
  sessions: SessionStore,
  refreshToken: string,
  correlationId: string,
): Promise<void> {
  const session = await sessions.sessionOf(refreshToken, users.now());
  if (!session) return;
  await sessions.revoke(session.sessionId, users.now(), 'signed_out');
  const { user } = await users.load(session.username);
  if (user)
    await users.run(
      {
        type: 'SignOut',
        data: { username: user.username, sessionId: session.sessionId },
        actor: selfActor(user),
        at: users.now(),
      },
      users.context(selfActor(user), correlationId),
    );
}

/** Sign-out from an access token alone (no cookie at hand). */
export async function endSession(
  users: UserCommands,
  sessions: SessionStore,
  sessionId: string,
  actor: Actor,
  correlationId: string,
): Promise<void> {
  await sessions.revoke(sessionId, users.now(), 'signed_out');
  await users.run(
    { type: 'SignOut', data: { username: actor.id, sessionId }, actor, at: users.now() },
    users.context(actor, correlationId),
  );
}
