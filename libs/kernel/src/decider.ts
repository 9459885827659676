/** A pure decider: the whole behaviour of one aggregate, with no I/O, no clock and no framework. */
export interface Decider<Command, State, Event> {
  readonly initialState: State;
  // Functions, not methods: deciders are plain objects, and `events.reduce(decider.evolve, …)` is the idiom.
  readonly decide: (command: Command, state: State) => Event[];
  readonly evolve: (state: State, event: Event) => State;
}

/** Folds events into state, as a decider does when it is loaded from its stream. */
export function fold<State, Event>(
  decider: Pick<Decider<unknown, State, Event>, 'evolve'>,
  state: State,
  events: Iterable<Event>,
): State {
  let current = state;
  for (const event of events) current = decider.evolve(current, event);
  return current;
}
