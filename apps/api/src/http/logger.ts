// The API and the worker log alike: one JSON logger, Nest's start-up chatter at debug.
export { createLogger, PinoNestLogger } from '@ruamjai/platform';
