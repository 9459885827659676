export * from './decider-spec';
export * from './builders';
