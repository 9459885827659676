import type { CommandBus } from '@nestjs/cqrs';
import type { CommandContext, CommandRunner } from '@ruamjai/event-store';

export interface StepOutcome {
  readonly revision: bigint;
  readonly position: bigint;
}

/**
 * Runs one seed step, or, when it is refused now, takes the outcome it recorded before (see
 * CommandRunner.recordedOutcome): a step's records may have moved on since (a person erased, an
 * agency deactivated), so deciding it again is refused though it was done.
 */
export async function seedStep(
  bus: CommandBus,
  runner: CommandRunner,
  streamId: string,
  request: { readonly type?: string; readonly context: CommandContext },
  /** The command's type, for a request that does not carry it (the typed use-case requests do not). */
  commandType: string | undefined = request.type,
): Promise<StepOutcome> {
  try {
    return await bus.execute<never, StepOutcome>(request as never);
  } catch (error) {
    const recorded = commandType && (await runner.recordedOutcome(streamId, commandType, request.context));
    if (recorded) return recorded;
    throw error;
  }
}
