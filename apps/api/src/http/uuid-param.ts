import { ParseUUIDPipe, type PipeTransform } from '@nestjs/common';
import { RequestValidationError } from './validation';

/** A path id that must be a UUID (any case; used in lower case); anything else is a 400 naming it. */
export const uuidParam = (name: string): PipeTransform<string, Promise<string>> => {
  const parse = new ParseUUIDPipe({
    exceptionFactory: () =>
      new RequestValidationError([
        { field: name, problems: [{ th: `${name} ต้องเป็น UUID`, en: `${name} must be a UUID` }] },
      ]),
  });
  return { transform: async (value: string, metadata) => String(await parse.transform(value, metadata)).toLowerCase() };
};
