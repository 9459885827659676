import { ParseUUIDPipe } from '@nestjs/common';
import { RequestValidationError } from './validation';

/** A path id that must be a UUID; anything else is a 400 naming the parameter. */
export const uuidParam = (name: string) =>
  new ParseUUIDPipe({ exceptionFactory: () => new RequestValidationError([{ field: name, problems: [`${name} must be a UUID`] }]) });
