import { DomainError, type Decider } from '@ruamjai/kernel';
import { deciderSpec } from './decider-spec';

class TooMuch extends DomainError {
  readonly code = 'COUNTER.TOO_MUCH';
  readonly kind = 'invalid' as const;
  constructor() {
    super({ th: 'มากเกินไป', en: 'Too much' });
  }
}

type Add = { type: 'Add'; by: number };
type Added = { type: 'Added'; by: number };

/** A counter up to ten: adding nothing records nothing, going past ten is refused. */
const counter: Decider<Add, number, Added> = {
  initialState: 0,
  evolve: (total, event) => total + event.by,
  decide: (command, total) => {
    if (total + command.by > 10) throw new TooMuch();
    return command.by === 0 ? [] : [{ type: 'Added', by: command.by }];
  },
};

const spec = deciderSpec(counter);
const added = (by: number): Added => ({ type: 'Added', by });

describe('the decider specification', () => {
  it('folds the given events into the state the command is decided on', () => {
    spec
      .given([added(4), added(5)])
      .when({ type: 'Add', by: 1 })
      .then([added(1)]);
    expect(() =>
      spec
        .given([added(4), added(5)])
        .when({ type: 'Add', by: 1 })
        .then([added(2)]),
    ).toThrow();
  });

  it('says nothing happened only when the decider records no event', () => {
    spec
      .given([added(3)])
      .when({ type: 'Add', by: 0 })
      .thenNothingHappened();
    expect(() => spec.given([]).when({ type: 'Add', by: 2 }).thenNothingHappened()).toThrow();
  });

  it('says a command is refused only with the error class and code it names', () => {
    spec
      .given([added(10)])
      .when({ type: 'Add', by: 1 })
      .thenRefuses(TooMuch, 'COUNTER.TOO_MUCH');
    expect(() =>
      spec
        .given([added(10)])
        .when({ type: 'Add', by: 1 })
        .thenRefuses(TooMuch, 'COUNTER.OTHER'),
    ).toThrow();
    expect(() => spec.given([]).when({ type: 'Add', by: 1 }).thenRefuses(TooMuch)).toThrow();
  });
});
