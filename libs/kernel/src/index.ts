export * from './decider';
export * from './domain-error';
export * from './clock';
export * from './actor';
export * from './event';
export * from './ids';
export * from './thai-calendar';
export * from './json-diff';
