import { fold, type Decider, type DomainError } from '@ruamjai/kernel';

/**
 * Given/when/then over events for a pure decider:
 * `spec.given([PlanDrafted]).when(AddProject).then([ProjectAdded])`.
 */
export function deciderSpec<Command, State, Event>(decider: Decider<Command, State, Event>) {
  return {
    given(events: Event[]) {
      const state = fold(decider, decider.initialState, events);
      return {
        when(command: Command) {
          const run = () => decider.decide(command, state);
          return {
            then(expected: Event[]): void {
              expect(run()).toEqual(expected);
            },
            /**
             * The command is accepted and records nothing. Ruamjai's deciders refuse a change that
             * changes nothing (a code ending in UNCHANGED) rather than accept it silently, so today
             * no spec needs this; it is here for a decider whose rule is "already so: nothing to do".
             */
            thenNothingHappened(): void {
              expect(run()).toEqual([]);
            },
            thenRefuses(errorClass: abstract new (...args: never[]) => DomainError, code?: string): void {
              let thrown: unknown;
              try {
                run();
              } catch (error) {
                thrown = error;
              }
              expect(thrown).toBeInstanceOf(errorClass);
              if (code) expect((thrown as DomainError).code).toBe(code);
            },
          };
        },
      };
    },
  };
}
